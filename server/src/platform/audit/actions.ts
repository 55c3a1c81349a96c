/** The action catalogue lives in contracts, so the web names the same actions the server writes. */
export { AUDIT_ACTIONS, type AuditAction } from '@shijian/contracts';
