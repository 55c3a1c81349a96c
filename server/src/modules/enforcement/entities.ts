import { inArray } from 'drizzle-orm';
import type { AuditedEntity } from '../../platform/audit/entity.js';
import { rowEntity } from '../../platform/audit/entity.js';
import { sha256Hex } from '../../platform/audit/canonical.js';
import { caseDocuments, caseEvents, cases, dishonestyListings, removalApplications } from './tables.js';

export const caseEntity = rowEntity('case', cases, cases.id);
export const caseEventEntity = rowEntity('case_event', caseEvents, caseEvents.id);
export const dishonestyListingEntity = rowEntity('dishonesty_listing', dishonestyListings, dishonestyListings.id);
export const removalApplicationEntity = rowEntity('removal_application', removalApplications, removalApplications.id);

/** A document's image carries the SHA-256 of its bytes rather than the bytes. */
export const caseDocumentEntity: AuditedEntity = {
  type: 'case_document',
  table: caseDocuments,
  idColumn: caseDocuments.id,
  async load(db, ids) {
    const rows = await db.select().from(caseDocuments).where(inArray(caseDocuments.id, ids));
    return new Map(rows.map(({ bytes, ...rest }) => [rest.id, { ...rest, bytesSha256: sha256Hex(bytes) }]));
  },
};
