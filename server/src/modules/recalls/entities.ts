import { rowEntity } from '../../platform/audit/entity.js';
import { recallProgress, recalls } from './tables.js';

export const recallEntity = rowEntity('recall', recalls, recalls.id);
export const recallProgressEntity = rowEntity('recall_progress', recallProgress, recallProgress.id);
