import { rowEntity } from '../../platform/audit/entity.js';
import { complaints } from './tables.js';

export const complaintEntity = rowEntity('complaint', complaints, complaints.id);
