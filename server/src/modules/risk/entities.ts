import { rowEntity } from '../../platform/audit/entity.js';
import { riskModels, riskOpinions, riskWarningSteps, riskWarnings } from './tables.js';

export const riskModelEntity = rowEntity('risk_model', riskModels, riskModels.id);
export const riskOpinionEntity = rowEntity('risk_opinion', riskOpinions, riskOpinions.id);
export const riskWarningEntity = rowEntity('risk_warning', riskWarnings, riskWarnings.id);
export const riskWarningStepEntity = rowEntity('risk_warning_step', riskWarningSteps, riskWarningSteps.id);
