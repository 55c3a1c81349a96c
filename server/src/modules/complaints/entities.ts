import { rowEntity } from '../../platform/audit/entity.js';
import { complaintEvents, complaints } from './tables.js';

export const complaintEntity = rowEntity('complaint', complaints, complaints.id);
export const complaintEventEntity = rowEntity('complaint_event', complaintEvents, complaintEvents.id);
