import { rowEntity } from '../../platform/audit/entity.js';
import { feeRules, onsiteDispatches, serviceBookings, serviceItems, serviceReferrals, serviceRequestLines, serviceRequestSamples, serviceRequests, serviceSlots } from './tables.js';

export const serviceItemEntity = rowEntity('service_item', serviceItems, serviceItems.id);
export const feeRuleEntity = rowEntity('fee_rule', feeRules, feeRules.id);
export const serviceRequestEntity = rowEntity('service_request', serviceRequests, serviceRequests.id);
export const serviceRequestLineEntity = rowEntity('service_request_line', serviceRequestLines, serviceRequestLines.id);
export const serviceReferralEntity = rowEntity('service_referral', serviceReferrals, serviceReferrals.id);
export const serviceSlotEntity = rowEntity('service_slot', serviceSlots, serviceSlots.id);
export const serviceBookingEntity = rowEntity('service_booking', serviceBookings, serviceBookings.id);
export const onsiteDispatchEntity = rowEntity('onsite_dispatch', onsiteDispatches, onsiteDispatches.id);
export const serviceRequestSampleEntity = rowEntity('service_request_sample', serviceRequestSamples, serviceRequestSamples.sampleId);
