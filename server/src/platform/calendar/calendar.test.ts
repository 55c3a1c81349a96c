import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('working-day calendar', () => {
  it('lists the official 2020 exceptions loaded from chinese-days', async () => {
    const days = (await (await h.as('sc.stat')).get('/api/calendar?year=2020')).json();
    expect(days.find((d: { date: string }) => d.date === '2020-10-10')).toMatchObject({ kind: 'workday', source: 'official' });
    expect(days.find((d: { date: string }) => d.date === '2020-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
  });

  it('adds working days over the holiday through the API', async () => {
    const res = (await (await h.as('sc.stat')).get('/api/calendar/working-days?from=2020-09-30&days=2')).json();
    expect(res.result).toBe('2020-10-10');
  });

  it('lets the platform admin declare an extra holiday, which moves deadlines, and remove it again', async () => {
    const admin = await h.as('admin');
    const before = (await admin.get('/api/calendar/working-days?from=2026-11-23&days=1')).json().result;
    expect(before).toBe('2026-11-24');
    const set = await admin.put('/api/calendar/2026-11-24', { kind: 'holiday', name: '临时休假' });
    expect(set.json()).toMatchObject({ kind: 'holiday', source: 'admin' });
    expect((await admin.get('/api/calendar/working-days?from=2026-11-23&days=1')).json().result).toBe('2026-11-25');
    expect((await admin.delete('/api/calendar/2026-11-24')).statusCode).toBe(200);
    expect((await admin.get('/api/calendar/working-days?from=2026-11-23&days=1')).json().result).toBe('2026-11-24');
    const audit = (await admin.get('/api/audit?entityType=calendar_day&entityId=2026-11-24')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['calendar.day_removed', 'calendar.day_set']);
  });

  it('refuses calendar edits from a province admin and malformed dates', async () => {
    expect((await (await h.as('sc.admin')).put('/api/calendar/2026-11-24', { kind: 'holiday', name: 'x' })).statusCode).toBe(403);
    const bad = await (await h.as('admin')).put('/api/calendar/2026-13-45x', { kind: 'holiday', name: 'x' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('regions', () => {
  it('serves all 31 provinces and the counties of a city without login', async () => {
    const anon = h.anonymous();
    expect((await anon.get('/api/regions')).json()).toHaveLength(31);
    const chengdu = (await anon.get('/api/regions?parent=510100')).json();
    expect(chengdu.map((r: { name: string }) => r.name)).toContain('武侯区');
    const path = (await anon.get('/api/regions/510107/path')).json().path;
    expect(path.map((r: { name: string }) => r.name)).toEqual(['四川省', '成都市', '武侯区']);
  });

  it('holds the full GB/T 2260 county list', async () => {
    const idx = await h.services.deps.regions.index();
    const counties = [...idx.values()].filter((r) => r.level === 3).length;
    expect(counties).toBeGreaterThan(2800);
    expect(idx.get('441900')).toMatchObject({ name: '东莞市', hasChildren: false });
  });

  it('answers 404 for an unknown region', async () => {
    expect((await h.anonymous().get('/api/regions/999999/path')).statusCode).toBe(404);
  });
});
