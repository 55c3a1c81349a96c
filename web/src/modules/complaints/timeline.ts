import type { ComplaintEventAction, ComplaintView } from '@shijian/contracts';

/**
 * What happened to a complaint, oldest first, ending with the clock still running.
 *
 * The API lists every step with its note, time and who took it (`events`). Complaints received
 * before it kept that list have none: their course is read from the record's fields instead, and
 * steps whose day the record does not keep (the mediation outcome, a lead opened after the
 * decision) carry no date. A complaint received before the list was kept but moved on since has
 * only its later steps listed: the earlier ones, missing from the list, are read from the record.
 */
export type TimelineStep =
  /** A step the API listed. `caseId` is the case a `lead_opened` step opened. */
  | { key: 'event'; action: ComplaintEventAction; at: string; byName: string | null; note: string; caseId: string | null; caseNo: string | null }
  | { key: 'received'; at: string }
  | { key: 'decision'; at: string | null; outcome: 'accepted' | 'not_accepted' | 'not_filed' | 'lead_opened'; note: string | null }
  | { key: 'mediation'; at: null; agreed: boolean; note: string }
  | { key: 'lead'; at: null; caseId: string; caseNo: string | null }
  | { key: 'reply'; at: string | null; text: string }
  | { key: 'pending'; at: null; clock: 'decision' | 'mediation'; dueOn: string; overdue: boolean };

type Subject = Pick<
  ComplaintView,
  'status' | 'receivedOn' | 'decidedOn' | 'decisionNote' | 'caseId' | 'caseNo' | 'reply' | 'repliedAt' | 'clock' | 'dueOn' | 'overdue' | 'events'
>;

type RecordStep = Exclude<TimelineStep, { key: 'event' } | { key: 'pending' }>;

const DECIDED_AS: Partial<Record<ComplaintView['status'], Extract<TimelineStep, { key: 'decision' }>['outcome']>> = {
  accepted: 'accepted',
  mediated: 'accepted',
  mediation_failed: 'accepted',
  not_accepted: 'not_accepted',
  not_filed: 'not_filed',
  lead_opened: 'lead_opened',
};

/** The steps the record's fields tell of. */
function fromRecord(c: Subject): RecordStep[] {
  const steps: RecordStep[] = [{ key: 'received', at: c.receivedOn }];
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
  return steps;
}

/** The listed action a step read from the record stands for. */
function actionOf(step: RecordStep): ComplaintEventAction {
  switch (step.key) {
    case 'received':
      return 'received';
    case 'decision':
      return step.outcome;
    case 'mediation':
      return 'mediated';
    case 'lead':
      return 'lead_opened';
    case 'reply':
      return 'replied';
  }
}

export function complaintTimeline(c: Subject): TimelineStep[] {
  const listed: TimelineStep[] = c.events.map((e) => ({
    key: 'event',
    action: e.action,
    at: e.at,
    byName: e.byName,
    note: e.note,
    caseId: e.action === 'lead_opened' ? c.caseId : null,
    caseNo: e.action === 'lead_opened' ? c.caseNo : null,
  }));
  const actions = new Set(c.events.map((e) => e.action));
  // Every complaint received since the list is kept has its 'received' step listed: without it, the
  // steps before the list began come from the record, and they came before every listed one.
  const earlier = actions.has('received') ? [] : fromRecord(c).filter((step) => !actions.has(actionOf(step)));
  const steps: TimelineStep[] = [...earlier, ...listed];
  if (c.clock && c.dueOn) steps.push({ key: 'pending', at: null, clock: c.clock, dueOn: c.dueOn, overdue: c.overdue });
  return steps;
}
