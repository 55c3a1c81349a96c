import type { Label } from '@shijian/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@shijian/contracts';

/**
 * Names of audited actions and record types, from the contracts' catalogue (the
 * one the server appends from). An unknown code, from a newer server, is shown
 * as it is, so a new action never breaks the page.
 */
export const ACTION_LABELS: Readonly<Record<string, Label>> = AUDIT_ACTIONS;
export const ENTITY_LABELS: Readonly<Record<string, Label>> = AUDIT_ENTITY_TYPES;
