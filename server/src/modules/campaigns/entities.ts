import { rowEntity } from '../../platform/audit/entity.js';
import { campaigns, problems, screenings } from './tables.js';

export const campaignEntity = rowEntity('campaign', campaigns, campaigns.id);
export const screeningEntity = rowEntity('screening', screenings, screenings.id);
export const problemEntity = rowEntity('problem', problems, problems.id);
