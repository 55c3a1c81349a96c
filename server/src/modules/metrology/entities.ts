import { rowEntity } from '../../platform/audit/entity.js';
import { compulsoryItems, ledgerDetails, verificationCertificates } from './tables.js';

export const compulsoryItemEntity = rowEntity('compulsory_item', compulsoryItems, compulsoryItems.id);
export const ledgerDetailsEntity = rowEntity('instrument_ledger_details', ledgerDetails, ledgerDetails.instrumentId);
export const certificateEntity = rowEntity('verification_certificate', verificationCertificates, verificationCertificates.id);
