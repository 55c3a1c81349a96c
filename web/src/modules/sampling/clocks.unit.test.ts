import { describe, expect, it } from 'vitest';
import { batchClocks, daysOverdue } from './clocks';

const sampled = {
  sampledOn: '2026-03-02',
  deliveryDueOn: '2026-03-09',
  receivedOn: null,
  reportDueOn: null,
  reportedOn: null,
  conclusion: null,
  objectionDueOn: null,
  objectionFiledOn: null,
};
const states = (clocks: ReturnType<typeof batchClocks>) => clocks.map((c) => `${c.clock}:${c.state}:${c.days ?? '-'}`);

describe('the three clocks of a sampled batch', () => {
  it('runs the delivery clock from sampling, with the others not started', () => {
    expect(states(batchClocks(sampled, '2026-03-06'))).toEqual(['delivery:running:3', 'report:pending:-', 'objection:pending:-']);
  });

  it('counts the days late once the delivery limit has passed', () => {
    expect(states(batchClocks(sampled, '2026-03-12'))[0]).toBe('delivery:overdue:3');
  });

  it('marks a late delivery as done late and starts the report clock from receipt', () => {
    const received = { ...sampled, receivedOn: '2026-03-10', reportDueOn: '2026-04-07' };
    expect(states(batchClocks(received, '2026-03-11'))).toEqual(['delivery:done_late:1', 'report:running:27', 'objection:pending:-']);
  });

  it('has no objection window for a conforming batch', () => {
    const conforming = { ...sampled, receivedOn: '2026-03-05', reportDueOn: '2026-04-02', reportedOn: '2026-03-20', conclusion: 'conforming' as const };
    expect(states(batchClocks(conforming, '2026-03-21'))).toEqual(['delivery:done:-', 'report:done:-', 'objection:none:-']);
  });

  it('opens the objection window for a nonconforming batch, then shows it filed or lapsed', () => {
    const reported = { ...sampled, receivedOn: '2026-03-05', reportDueOn: '2026-04-02', reportedOn: '2026-03-20', conclusion: 'nonconforming' as const, objectionDueOn: '2026-04-04' };
    expect(states(batchClocks(reported, '2026-03-30'))[2]).toBe('objection:running:5');
    expect(states(batchClocks(reported, '2026-04-05'))[2]).toBe('objection:lapsed:-');
    expect(states(batchClocks({ ...reported, objectionFiledOn: '2026-03-25' }, '2026-04-05'))[2]).toBe('objection:filed:-');
  });

  it('reports how many days an overdue batch is late', () => {
    expect(daysOverdue({ overdue: true, nextDueOn: '2026-03-09' }, '2026-03-12')).toBe(3);
    expect(daysOverdue({ overdue: false, nextDueOn: '2026-03-09' }, '2026-03-12')).toBe(0);
  });
});
