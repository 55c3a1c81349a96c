import { rowEntity } from '../../platform/audit/entity.js';
import { feeRules, serviceItems, serviceReferrals, serviceRequestLines, serviceRequests } from './tables.js';

export const serviceItemEntity = rowEntity('service_item', serviceItems, serviceItems.id);
export const feeRuleEntity = rowEntity('fee_rule', feeRules, feeRules.id);
export const serviceRequestEntity = rowEntity('service_request', serviceRequests, serviceRequests.id);
export const serviceRequestLineEntity = rowEntity('service_request_line', serviceRequestLines, serviceRequestLines.id);
export const serviceReferralEntity = rowEntity('service_referral', serviceReferrals, serviceReferrals.id);
