import { rowEntity } from '../../platform/audit/entity.js';
import { reportManualValues, reportOncePeriods, reportSubmissions, reportTemplates } from './tables.js';

export const reportTemplateEntity = rowEntity('report_template', reportTemplates, reportTemplates.id);
export const reportOncePeriodEntity = rowEntity('report_once_period', reportOncePeriods, reportOncePeriods.id);
export const reportSubmissionEntity = rowEntity('report_submission', reportSubmissions, reportSubmissions.id);
export const reportManualValueEntity = rowEntity('report_manual_value', reportManualValues, reportManualValues.id);
