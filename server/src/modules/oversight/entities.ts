import { rowEntity } from '../../platform/audit/entity.js';
import { institutionChecks } from './tables.js';

export const institutionCheckEntity = rowEntity('institution_check', institutionChecks, institutionChecks.id);
