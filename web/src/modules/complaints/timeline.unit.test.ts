import { describe, expect, it } from 'vitest';
import { complaintTimeline } from './timeline';

const received = {
  status: 'received' as const,
  receivedOn: '2026-03-02',
  decidedOn: null,
  decisionNote: '',
  caseId: null,
  caseNo: null,
  reply: null,
  repliedAt: null,
  clock: 'decision' as const,
  dueOn: '2026-03-11',
  overdue: false,
};

describe('the timeline of a complaint, read from its record', () => {
  it('shows a new complaint received and waiting for its decision', () => {
    expect(complaintTimeline(received)).toEqual([
      { key: 'received', at: '2026-03-02' },
      { key: 'pending', at: null, clock: 'decision', dueOn: '2026-03-11', overdue: false },
    ]);
  });

  it('shows the acceptance with its note while mediation runs', () => {
    const accepted = { ...received, status: 'accepted' as const, decidedOn: '2026-03-04', decisionNote: '予以受理', clock: 'mediation' as const, dueOn: '2026-05-08' };
    expect(complaintTimeline(accepted).map((s) => s.key)).toEqual(['received', 'decision', 'pending']);
    expect(complaintTimeline(accepted)[1]).toEqual({ key: 'decision', at: '2026-03-04', outcome: 'accepted', note: '予以受理' });
  });

  it('gives the note to the mediation outcome, which overwrote it, and then the reply', () => {
    const mediated = {
      ...received,
      status: 'mediation_failed' as const,
      decidedOn: '2026-03-04',
      decisionNote: '经营者拒绝退款',
      reply: '已终止调解，请依法向人民法院起诉',
      repliedAt: '2026-04-01T02:00:00.000Z',
      clock: null,
      dueOn: null,
    };
    expect(complaintTimeline(mediated)).toEqual([
      { key: 'received', at: '2026-03-02' },
      { key: 'decision', at: '2026-03-04', outcome: 'accepted', note: null },
      { key: 'mediation', at: null, agreed: false, note: '经营者拒绝退款' },
      { key: 'reply', at: '2026-04-01T02:00:00.000Z', text: '已终止调解，请依法向人民法院起诉' },
    ]);
  });

  it('folds the lead of a report into its decision, and lists a complaint’s lead as a step of its own', () => {
    const report = { ...received, status: 'lead_opened' as const, decidedOn: '2026-03-05', decisionNote: '核查后转为案件线索', caseId: 'c1', caseNo: 'AJ-1', clock: null, dueOn: null };
    expect(complaintTimeline(report).map((s) => s.key)).toEqual(['received', 'decision']);
    const complaint = { ...received, caseId: 'c2', caseNo: 'AJ-2' };
    expect(complaintTimeline(complaint)).toContainEqual({ key: 'lead', at: null, caseId: 'c2', caseNo: 'AJ-2' });
  });
});
