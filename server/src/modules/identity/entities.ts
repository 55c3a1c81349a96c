import { rowEntity } from '../../platform/audit/entity.js';
import { orgs, users } from './tables.js';

export const orgEntity = rowEntity('org', orgs, orgs.id);
export const userEntity = rowEntity('user', users, users.id);
