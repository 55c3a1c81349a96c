import { inArray } from 'drizzle-orm';
import type { AuditedEntity } from '../../platform/audit/entity.js';
import { rowEntity, rowWithChildrenEntity } from '../../platform/audit/entity.js';
import { sha256Hex } from '../../platform/audit/canonical.js';
import { labSettings, reports, sampleDisclosures, sampleEvents, sampleTests, samples, signatoryAuthorizations, testItems, testResults } from './tables.js';

export const testItemEntity = rowEntity('test_item', testItems, testItems.id);
export const testResultEntity = rowEntity('test_result', testResults, testResults.id);
export const sampleEventEntity = rowEntity('sample_event', sampleEvents, sampleEvents.id);
export const signatoryAuthorizationEntity = rowEntity('signatory_authorization', signatoryAuthorizations, signatoryAuthorizations.id);
export const labSettingsEntity = rowEntity('lab_settings', labSettings, labSettings.institutionId);
export const sampleDisclosureEntity = rowEntity('sample_disclosure', sampleDisclosures, sampleDisclosures.id);

/** A sample's image includes its ordered tests and their assignments. */
export const sampleEntity = rowWithChildrenEntity('sample', samples, samples.id, {
  table: sampleTests,
  parentColumn: sampleTests.sampleId,
  orderBy: sampleTests.id,
  key: 'tests',
});

/** A report's image carries the SHA-256 of its PDF bytes, so a file changed in place no longer matches. */
export const reportEntity: AuditedEntity = {
  type: 'report',
  table: reports,
  idColumn: reports.id,
  async load(db, ids) {
    const rows = await db.select().from(reports).where(inArray(reports.id, ids));
    return new Map(rows.map(({ pdf, ...rest }) => [rest.id, { ...rest, pdfBytesSha256: sha256Hex(pdf) }]));
  },
};
