import type { AuditedEntity } from '../platform/audit/entity.js';
import { calendarDayEntity } from '../platform/calendar/service.js';
import type { Deps } from '../platform/deps.js';
import { regionTableEntity } from '../platform/regions/service.js';
import { createAuditLog } from './audit/service.js';
import { createAuth } from './identity/auth.js';
import { orgEntity, userEntity } from './identity/entities.js';
import { createOrgs } from './identity/orgs.js';
import { createUsers } from './identity/users.js';
import { createCategories } from './registry/categories.js';
import { createEnterprises } from './registry/enterprises.js';
import {
  categoryEntity,
  enterpriseEntity,
  institutionEntity,
  instrumentEntity,
  instrumentVerificationEntity,
  qualificationScopeEntity,
} from './registry/entities.js';
import { createInstruments } from './registry/instruments.js';
import { createInstitutions } from './registry/institutions.js';

/** Every audited kind of record; the verifier checks each. A module adds its own here. */
export const auditedEntities: AuditedEntity[] = [
  regionTableEntity,
  calendarDayEntity,
  orgEntity,
  userEntity,
  categoryEntity,
  enterpriseEntity,
  institutionEntity,
  qualificationScopeEntity,
  instrumentEntity,
  instrumentVerificationEntity,
];

/** Builds every module's service from the shared dependencies. */
export function createServices(deps: Deps) {
  const orgs = createOrgs(deps);
  const categories = createCategories(deps);
  return {
    deps,
    auth: createAuth(deps),
    orgs,
    users: createUsers(deps, orgs),
    categories,
    enterprises: createEnterprises(deps, categories),
    institutions: createInstitutions(deps, orgs),
    instruments: createInstruments(deps, orgs),
    auditLog: createAuditLog(deps, () => auditedEntities),
  };
}

export type Services = ReturnType<typeof createServices>;
