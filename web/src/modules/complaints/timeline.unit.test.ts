import { describe, expect, it } from 'vitest';
import type { ComplaintView } from '@shijian/contracts';
import { complaintTimeline } from './timeline';

type Event = ComplaintView['events'][number];

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
  events: [] as Event[],
};

const receivedEvent: Event = { action: 'received', note: '网上提交，由 成都市市场监督管理局 承办', at: '2026-03-02T01:00:00.000Z', byName: null };
const acceptedEvent: Event = { action: 'accepted', note: '符合受理条件，予以受理', at: '2026-03-04T02:30:00.000Z', byName: '王科员' };

describe('the timeline of a complaint, from the steps the API lists', () => {
  it('shows every listed step with its time, who took it and its note, then the running clock', () => {
    const accepted = { ...received, status: 'accepted' as const, clock: 'mediation' as const, dueOn: '2026-05-08', events: [receivedEvent, acceptedEvent] };
    expect(complaintTimeline(accepted)).toEqual([
      { key: 'event', action: 'received', at: '2026-03-02T01:00:00.000Z', byName: null, note: '网上提交，由 成都市市场监督管理局 承办', caseId: null, caseNo: null },
      { key: 'event', action: 'accepted', at: '2026-03-04T02:30:00.000Z', byName: '王科员', note: '符合受理条件，予以受理', caseId: null, caseNo: null },
      { key: 'pending', at: null, clock: 'mediation', dueOn: '2026-05-08', overdue: false },
    ]);
  });

  it('keeps each note, even the ones the record overwrote, and gives the lead its case', () => {
    const events: Event[] = [
      receivedEvent,
      acceptedEvent,
      { action: 'lead_opened', note: '立案线索 AJ-1：口罩质量', at: '2026-03-05T03:00:00.000Z', byName: '王科员' },
      { action: 'mediated', note: '未达成调解协议，终止调解：经营者拒绝退款', at: '2026-03-20T06:00:00.000Z', byName: '王科员' },
      { action: 'replied', note: '已终止调解', at: '2026-03-21T06:00:00.000Z', byName: '李科长' },
    ];
    const c = { ...received, status: 'mediation_failed' as const, decisionNote: '经营者拒绝退款', caseId: 'c1', caseNo: 'AJ-1', reply: '已终止调解', clock: null, dueOn: null, events };
    const steps = complaintTimeline(c);
    expect(steps.map((s) => (s.key === 'event' ? s.action : s.key))).toEqual(['received', 'accepted', 'lead_opened', 'mediated', 'replied']);
    expect(steps[1]).toMatchObject({ note: '符合受理条件，予以受理' });
    expect(steps[2]).toMatchObject({ action: 'lead_opened', caseId: 'c1', caseNo: 'AJ-1' });
  });

  it('reads the steps taken before the list was kept from the record, ahead of the listed ones', () => {
    const c = {
      ...received,
      status: 'mediated' as const,
      decidedOn: '2026-03-04',
      decisionNote: '双方达成退款协议',
      clock: null,
      dueOn: null,
      events: [{ action: 'mediated', note: '达成调解协议：双方达成退款协议', at: '2026-03-20T06:00:00.000Z', byName: '王科员' }] satisfies Event[],
    };
    expect(complaintTimeline(c)).toEqual([
      { key: 'received', at: '2026-03-02' },
      { key: 'decision', at: '2026-03-04', outcome: 'accepted', note: null },
      { key: 'event', action: 'mediated', at: '2026-03-20T06:00:00.000Z', byName: '王科员', note: '达成调解协议：双方达成退款协议', caseId: null, caseNo: null },
    ]);
  });
});

describe('the timeline of a complaint received before the API listed its steps, read from its record', () => {
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
