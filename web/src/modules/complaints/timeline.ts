import type { ComplaintView } from '@shijian/contracts';

/**
 * What happened to a complaint, read from its fields: the API keeps the decision, the mediation
 * outcome, the case lead and the reply on the record itself (no event list), so steps whose day
 * is not stored (the mediation outcome, a lead opened after the decision) carry no date.
 */
export type TimelineStep =
  | { key: 'received'; at: string }
  | { key: 'decision'; at: string | null; outcome: 'accepted' | 'not_accepted' | 'not_filed' | 'lead_opened'; note: string | null }
  | { key: 'mediation'; at: null; agreed: boolean; note: string }
  | { key: 'lead'; at: null; caseId: string; caseNo: string | null }
  | { key: 'reply'; at: string | null; text: string }
  | { key: 'pending'; at: null; clock: 'decision' | 'mediation'; dueOn: string; overdue: boolean };

type Subject = Pick<ComplaintView, 'status' | 'receivedOn' | 'decidedOn' | 'decisionNote' | 'caseId' | 'caseNo' | 'reply' | 'repliedAt' | 'clock' | 'dueOn' | 'overdue'>;

const DECIDED_AS: Partial<Record<ComplaintView['status'], Extract<TimelineStep, { key: 'decision' }>['outcome']>> = {
  accepted: 'accepted',
  mediated: 'accepted',
  mediation_failed: 'accepted',
  not_accepted: 'not_accepted',
  not_filed: 'not_filed',
  lead_opened: 'lead_opened',
};

export function complaintTimeline(c: Subject): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'received', at: c.receivedOn }];
  const outcome = DECIDED_AS[c.status];
  const mediationOver = c.status === 'mediated' || c.status === 'mediation_failed';
  if (outcome) {
    // The mediation outcome overwrites the decision note on the record: the note belongs to the latest step.
    steps.push({ key: 'decision', at: c.decidedOn, outcome, note: mediationOver ? null : c.decisionNote || null });
  }
  if (mediationOver) steps.push({ key: 'mediation', at: null, agreed: c.status === 'mediated', note: c.decisionNote });
  // A report that became a lead was decided by it; a complaint keeps its own course beside the case.
  if (c.caseId && c.status !== 'lead_opened') steps.push({ key: 'lead', at: null, caseId: c.caseId, caseNo: c.caseNo });
  if (c.reply) steps.push({ key: 'reply', at: c.repliedAt, text: c.reply });
  if (c.clock && c.dueOn) steps.push({ key: 'pending', at: null, clock: c.clock, dueOn: c.dueOn, overdue: c.overdue });
  return steps;
}
