import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { FixedClock } from '../../platform/clock.js';
import { addYears } from './credit.js';

let h: Harness;
const clock = new FixedClock(new Date());
let today: string;
let kangningUscc: string;
beforeAll(async () => {
  h = await createHarness({ clock });
  today = h.services.deps.calendar.today();
  kangningUscc = (await (await h.as('kangning')).get('/api/enterprises')).json().items[0].uscc;
});
afterAll(() => h.close());

/** A case against 成都康宁 decided on `decidedOn`, handled by 武侯区局. */
async function decidedCase(leadOn: string, decidedOn: string) {
  const officer = await h.as('wh.officer');
  const c = (
    await officer.post('/api/cases', {
      source: 'sampling',
      partyUscc: kangningUscc,
      productCategory: 'mask',
      violationCategory: 'quality',
      summary: '生产不合格医用口罩',
      leadOn,
    })
  ).json();
  await officer.post(`/api/cases/${c.id}/transition`, { to: 'filed', on: leadOn });
  const decided = await officer.post(`/api/cases/${c.id}/transition`, {
    to: 'decided',
    on: decidedOn,
    decisionNo: `武市监处罚〔${decidedOn.slice(0, 4)}〕${Math.floor(Math.random() * 900 + 100)}号`,
    decision: '没收违法生产的口罩，并处货值金额三倍罚款',
    fineYuan: '560000.00',
  });
  expect(decided.statusCode).toBe(200);
  return decided.json();
}

const listing = (caseId: string, listedOn?: string) => ({
  caseId,
  criteria: ['serious_quality', 'heavy_penalty'],
  facts: '疫情防控期间生产销售不合格医用口罩，货值金额较大',
  ...(listedOn ? { listedOn } : {}),
});

describe('the serious-dishonesty list', () => {
  it('computes three years and the first day early removal may be asked for, across leap days', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2026-11-23', 1)).toBe('2027-11-23');
  });

  it('lists a party from a decided case only, once, and shows it on the public portal without login', async () => {
    const officer = await h.as('wh.officer');
    const undecided = (await officer.post('/api/cases', { source: 'inspection', partyUscc: kangningUscc, violationCategory: 'quality', summary: 'x' })).json();
    const early = await (await h.as('sc.admin')).post('/api/credit/listings', listing(undecided.id));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('已作出行政处罚决定');

    const c = await decidedCase(today, today);
    expect((await officer.post('/api/credit/listings', listing(c.id))).statusCode).toBe(403); // an officer proposes; the bureau's leadership lists
    const listed = await (await h.as('sc.admin')).post('/api/credit/listings', listing(c.id));
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      partyName: '成都康宁医疗用品有限公司',
      status: 'listed',
      listedOn: today,
      expiresOn: addYears(today, 3),
      earliestRemovalOn: addYears(today, 1),
      orgName: '成都市武侯区市场监督管理局',
    });
    expect((await (await h.as('sc.admin')).post('/api/credit/listings', listing(c.id))).statusCode).toBe(409);
    expect((await officer.get(`/api/cases/${c.id}`)).json().listingId).toBe(listed.json().id);

    const publicList = (await h.anonymous().get(`/api/public/dishonesty?q=${encodeURIComponent('康宁')}`)).json();
    expect(publicList.items.map((i: { decisionNo: string }) => i.decisionNo)).toContain(c.decisionNo);
    expect(publicList.items[0].criteria).toContain('生产销售不合格产品，危害人身健康和生命安全');
    const page = await h.anonymous().get('/public/dishonesty');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('严重违法失信名单');
    expect(page.body).toContain(c.decisionNo);
  });

  it('refuses early removal before a year, allows one application after, and removes the party when approved', async () => {
    const listedOn = addYears(today, -2);
    const c = await decidedCase(listedOn, listedOn);
    const recent = await decidedCase(today, today);
    const admin = await h.as('sc.admin');
    const old = (await admin.post('/api/credit/listings', listing(c.id, listedOn))).json();
    const fresh = (await admin.post('/api/credit/listings', listing(recent.id))).json();
    const enterprise = await h.as('kangning');
    const apply = { reason: '已全部履行行政处罚决定并召回产品', commitments: '已完成整改，通过复查；公开作出信用承诺' };
    const tooEarly = await enterprise.post(`/api/credit/listings/${fresh.id}/removal-applications`, apply);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.message).toContain(addYears(today, 1));
    const applied = await enterprise.post(`/api/credit/listings/${old.id}/removal-applications`, apply);
    expect(applied.statusCode).toBe(200);
    expect((await enterprise.post(`/api/credit/listings/${old.id}/removal-applications`, apply)).statusCode).toBe(409);
    const application = applied.json().applications[0];
    expect((await (await h.as('minkang')).post(`/api/credit/listings/${old.id}/removal-applications`, apply)).statusCode).toBe(404);
    const decided = (await admin.post(`/api/credit/removal-applications/${application.id}/decision`, { approve: true, note: '符合提前移出条件' })).json();
    expect(decided).toMatchObject({ status: 'removed_early', removedOn: today });
    expect(decided.applications[0]).toMatchObject({ status: 'approved', decidedOn: today });
    const publicList = (await h.anonymous().get(`/api/public/dishonesty?pageSize=50`)).json();
    expect(publicList.items.map((i: { decisionNo: string }) => i.decisionNo)).not.toContain(c.decisionNo);
  });

  it('queues pending applications for the reviewing bureau, and leaves none to decide once the three years are over', async () => {
    const listedOn = addYears(today, -2);
    const c = await decidedCase(listedOn, listedOn);
    const listed = (await (await h.as('sc.admin')).post('/api/credit/listings', listing(c.id, listedOn))).json();
    const applied = await (await h.as('kangning')).post(`/api/credit/listings/${listed.id}/removal-applications`, { reason: '已履行处罚决定', commitments: '作出信用承诺' });
    const applicationId = applied.json().applications[0].id as string;
    const queue = async (user: string) => (await (await h.as(user)).get('/api/credit/listings?removal=pending&pageSize=100')).json().items as { id: string; pendingApplicationOn: string | null }[];
    expect((await queue('sc.admin')).find((i) => i.id === listed.id)).toMatchObject({ pendingApplicationOn: today });
    expect((await queue('wh.officer')).map((i) => i.id)).toContain(listed.id);
    expect((await queue('jj.officer')).map((i) => i.id)).not.toContain(listed.id);
    expect((await queue('fj.admin')).map((i) => i.id)).not.toContain(listed.id);

    // Through the services: moving the clock three years would also age the HTTP sessions.
    const reviewer = await h.actor('sc.admin');
    const now = clock.now();
    clock.set(`${addYears(listedOn, 3)}T12:00:00+08:00`);
    try {
      const later = await h.services.credit.listings(reviewer, { page: 1, pageSize: 100, order: 'desc', removal: 'pending' });
      expect(later.items.map((i) => i.id)).not.toContain(listed.id);
      await expect(h.services.credit.decideRemoval(reviewer, applicationId, { approve: true, note: '同意' })).rejects.toMatchObject({ code: 'LISTING_NOT_IN_FORCE' });
    } finally {
      clock.set(now);
    }
  });

  it('takes a listing off the public list when its three years are over', async () => {
    const listedOn = addYears(today, -3);
    const c = await decidedCase(listedOn, listedOn);
    const expired = (await (await h.as('sc.admin')).post('/api/credit/listings', listing(c.id, listedOn))).json();
    expect(expired).toMatchObject({ status: 'expired', removedOn: addYears(listedOn, 3) });
    const publicList = (await h.anonymous().get('/api/public/dishonesty?pageSize=50')).json();
    expect(publicList.items.map((i: { decisionNo: string }) => i.decisionNo)).not.toContain(c.decisionNo);
    const filtered = (await (await h.as('sc.admin')).get('/api/credit/listings?status=expired&pageSize=100')).json();
    expect(filtered.items.map((i: { id: string }) => i.id)).toContain(expired.id);
  });

  it('shows listings to bureaus over the case and to the listed enterprise only', async () => {
    const c = await decidedCase(today, today);
    const listed = (await (await h.as('sc.admin')).post('/api/credit/listings', listing(c.id))).json();
    for (const user of ['wh.officer', 'cd.officer', 'sc.admin', 'samr.admin', 'kangning']) {
      expect((await (await h.as(user)).get(`/api/credit/listings/${listed.id}`)).statusCode, user).toBe(200);
    }
    for (const user of ['jj.officer', 'fj.admin', 'minkang']) {
      expect((await (await h.as(user)).get(`/api/credit/listings/${listed.id}`)).statusCode, user).toBe(404);
      expect((await (await h.as(user)).get('/api/credit/listings?pageSize=100')).json().items.map((i: { id: string }) => i.id), user).not.toContain(listed.id);
    }
    expect((await (await h.as('scqi.admin')).get('/api/credit/listings')).statusCode).toBe(403);
  });
});
