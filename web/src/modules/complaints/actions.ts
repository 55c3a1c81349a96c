import type { ComplaintKind, ComplaintStatus } from '@shijian/contracts';

/**
 * What the handling bureau can do with a complaint or report in its status, mirroring
 * server/src/modules/complaints/service.ts. The server decides; this only keeps locked doors out of sight.
 */
export type ComplaintAction = 'accept' | 'reject' | 'mediation' | 'reply' | 'lead';

export type ActionSubject = { kind: ComplaintKind; status: ComplaintStatus; reply: string | null; caseId: string | null; handlingOrgId: string };

export type Actor = {
  orgId: string;
  /** complaint.handle */
  handle: boolean;
  /** case.write: opening a case lead writes a case too. */
  caseWrite: boolean;
};

const REJECTED: readonly ComplaintStatus[] = ['not_accepted', 'not_filed'];

/** Only the handling bureau moves a complaint on; the bureaus above it read. */
export const isHandlingBureau = (c: Pick<ActionSubject, 'handlingOrgId'>, actor: Pick<Actor, 'orgId'>) => c.handlingOrgId === actor.orgId;

export function complaintActions(c: ActionSubject, actor: Actor): ComplaintAction[] {
  if (!actor.handle || !isHandlingBureau(c, actor)) return [];
  const actions: ComplaintAction[] = [];
  // 受理 is for complaints: a report is checked, then filed as a lead or not.
  if (c.status === 'received' && c.kind === 'complaint') actions.push('accept');
  if (c.status === 'received') actions.push('reject');
  if (c.status === 'accepted') actions.push('mediation');
  if (c.status !== 'received' && !c.reply) actions.push('reply');
  if (actor.caseWrite && !c.caseId && !REJECTED.includes(c.status)) actions.push('lead');
  return actions;
}
