import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  METRICS,
  ReportSchedule,
  ReportTemplateDefinition,
  type CompletenessView,
  type DrillQuery,
  type DrillRecord,
  type ManualValueBody,
  type ReportColumn,
  type ReportTableQuery,
  type ReportTableView,
  type SubmissionStatus,
  type SubmissionView,
  type SubmitBody,
} from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Campaigns } from '../campaigns/service.js';
import { orgs, users } from '../identity/tables.js';
import type { Notifications } from '../notifications/service.js';
import type { Categories } from '../registry/categories.js';
import { assemble, cellKey, columnsOf, rollUp, sumAggregates, TOTAL_ROW, type Aggregates, type Cells, type ManualEntry } from './cells.js';
import { createAggregateCache } from './cache.js';
import { computeAggregates } from './compute.js';
import { toMicros } from './decimal.js';
import { drillQuery, type Scope, type Window } from './metrics.js';
import { currentPeriod, type Period } from './periods.js';
import { reportManualValueEntity, reportSubmissionEntity } from './entities.js';
import { reportManualValues, reportSubmissions, reportTemplates } from './tables.js';
import { createTemplates, orgPrefix, UNIT_DIGITS, type OrgRow, type Subject, type TemplateRow } from './templates.js';

type SubmissionRow = typeof reportSubmissions.$inferSelect;
const LOCKED: SubmissionStatus[] = ['submitted', 'accepted'];

/**
 * Statistical reports computed from the records: a unit's draft is live until it is
 * submitted, then frozen; the level above accepts it or returns it, sees who is late,
 * and rolls the units up — or reads the records directly, live.
 */
export function createReporting(deps: Deps, services: { campaigns: Campaigns; categories: Categories; notifications: Notifications }) {
  const { db, clock, audit } = deps;
  const templates = createTemplates(deps, services);
  const cache = createAggregateCache();

  const parseCell = (t: { definition: ReportTemplateDefinition }, cell: string): { rowKey: string; column: ReportColumn } => {
    const [rowKey, columnKey] = cell.split(':') as [string, string];
    const column = columnsOf(t.definition).find((c) => c.key === columnKey);
    const rowOk = rowKey === TOTAL_ROW ? Boolean(t.definition.totalRow) : t.definition.rows.some((r) => r.key === rowKey);
    if (!column || !rowOk) throw invalid('cell', `表中没有单元格 ${cell}`);
    return { rowKey, column };
  };

  async function submissionOf(templateId: string, key: string, unitOrgId: string, executor: Db = db): Promise<SubmissionRow | null> {
    const [row] = await executor
      .select()
      .from(reportSubmissions)
      .where(and(eq(reportSubmissions.templateId, templateId), eq(reportSubmissions.periodKey, key), eq(reportSubmissions.unitOrgId, unitOrgId)));
    return row ?? null;
  }

  async function manualOf(submissionIds: string[], executor: Db = db): Promise<Map<string, Record<string, ManualEntry>>> {
    const out = new Map<string, Record<string, ManualEntry>>();
    if (!submissionIds.length) return out;
    const rows = await executor.select().from(reportManualValues).where(inArray(reportManualValues.submissionId, submissionIds));
    for (const r of rows) out.set(r.submissionId, { ...out.get(r.submissionId), [r.cellKey]: { value: r.value, note: r.note } });
    return out;
  }

  async function submissionView(row: SubmissionRow | null): Promise<SubmissionView | null> {
    if (!row) return null;
    const ids = [row.submittedBy, row.reviewedBy].filter((x): x is string => Boolean(x));
    const names = ids.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
    const nameOf = (id: string | null) => names.find((n) => n.id === id)?.name ?? null;
    const [unit] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.unitOrgId));
    return {
      id: row.id,
      templateId: row.templateId,
      periodKey: row.periodKey,
      unitOrgId: row.unitOrgId,
      unitName: unit?.name ?? '',
      regionCode: row.regionCode,
      status: row.status,
      filledBy: row.filledBy,
      phone: row.phone,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      submittedByName: nameOf(row.submittedBy),
      onTime: row.submittedAt ? row.submittedAt <= row.dueAt : null,
      exceptionReason: row.exceptionReason,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      reviewedByName: nameOf(row.reviewedBy),
      returnReason: row.returnReason,
    };
  }

  /** Every GB/T 2260 prefix of `digits` digits inside `area`: the units an area's figures are kept by. */
  async function unitKeys(area: string, digits: number): Promise<string[]> {
    const index = await deps.regions.index();
    return [...new Set([...index.keys()].filter((c) => c.startsWith(area)).map((c) => c.slice(0, digits)))].sort();
  }

  /** The template's aggregates for each reporting unit inside `area`, from the cache where nothing changed. */
  async function unitAggregates(executor: Db, t: TemplateRow, window: Window, area: string): Promise<Map<string, Aggregates>> {
    const d = ReportTemplateDefinition.parse(t.definition);
    const digits = UNIT_DIGITS[t.unitLevel];
    const units = area.length >= digits ? [area.slice(0, digits)] : await unitKeys(area, digits);
    const scope = (prefix: string): Scope => ({ regionPrefix: prefix || null, campaignId: t.campaignId, window });
    const parallel = executor === db;
    return cache.get(executor, `${t.id}|${t.updatedAt.getTime()}|${t.campaignId}|${window.from}|${window.to}`, area, digits, units, {
      all: async () => new Map([...(await computeAggregates(executor, d, scope(area), digits, { parallel }))].filter((e): e is [string, Aggregates] => e[0] !== null)),
      one: async (unit) => (await computeAggregates(executor, d, scope(unit), null, { parallel })).get(null) ?? new Map(),
    });
  }

  async function windowOf(t: TemplateRow, p: Period, executor: Db = db): Promise<Window> {
    return { from: await templates.windowFrom(t, p, executor), to: templates.dataThrough(p) };
  }

  /** What the records say for an area in a period's window, with the given manual cells. */
  async function liveCells(t: TemplateRow, p: Period, prefix: string, manual: Record<string, ManualEntry>, executor: Db = db) {
    const byUnit = await unitAggregates(executor, t, await windowOf(t, p, executor), prefix);
    return assemble(ReportTemplateDefinition.parse(t.definition), sumAggregates([...byUnit.values()]), manual);
  }

  /** The sum of every unit's manual entries for the period, for a live view above the units. */
  async function manualSum(t: TemplateRow, key: string, units: OrgRow[]): Promise<Record<string, ManualEntry>> {
    if (!units.length) return {};
    const rows = await db
      .select({ cellKey: reportManualValues.cellKey, value: sql<string>`sum(${reportManualValues.value})::text` })
      .from(reportManualValues)
      .innerJoin(reportSubmissions, eq(reportSubmissions.id, reportManualValues.submissionId))
      .where(and(eq(reportSubmissions.templateId, t.id), eq(reportSubmissions.periodKey, key), inArray(reportSubmissions.unitOrgId, units.map((u) => u.id))))
      .groupBy(reportManualValues.cellKey);
    return Object.fromEntries(rows.map((r) => [r.cellKey, { value: r.value, note: '' }]));
  }

  async function table(actor: Actor, templateId: string, key: string, q: z.infer<typeof ReportTableQuery>): Promise<ReportTableView> {
    const view = await templates.get(actor, templateId);
    const t = view.row;
    const p = await templates.period(t, key);
    const s = await templates.subject(actor, t, q.unit);
    const dataThrough = templates.dataThrough(p);
    const base = { template: stripRow(view), period: p.view, dataThrough, computedAt: clock.now().toISOString() };

    if (s.kind === 'unit') {
      const submission = await submissionOf(t.id, key, s.unit.id);
      const frozen = submission && LOCKED.includes(submission.status) && submission.cells;
      const manual = submission ? ((await manualOf([submission.id])).get(submission.id) ?? {}) : {};
      const cells = frozen ? (submission.cells as Cells) : await liveCells(t, p, s.prefix, manual);
      return {
        ...base,
        mode: 'unit',
        unit: { orgId: s.unit.id, name: s.unit.name, regionCode: s.unit.regionCode ?? '' },
        dataThrough: frozen && submission.dataThrough ? submission.dataThrough : dataThrough,
        submission: await submissionView(submission),
        editable: actor.orgId === s.unit.id && !frozen && t.active && canFill(actor),
        cells,
        included: null,
      };
    }

    const unit = { orgId: s.org.id, name: s.org.name, regionCode: s.org.regionCode };
    if (q.mode === 'live') {
      const cells = await liveCells(t, p, s.prefix, await manualSum(t, key, s.units));
      return { ...base, mode: 'live', unit, submission: null, editable: false, cells, included: null };
    }
    const submitted = s.units.length
      ? await db
          .select()
          .from(reportSubmissions)
          .where(and(eq(reportSubmissions.templateId, t.id), eq(reportSubmissions.periodKey, key), inArray(reportSubmissions.unitOrgId, s.units.map((u) => u.id)), inArray(reportSubmissions.status, LOCKED)))
      : [];
    const cells = rollUp(ReportTemplateDefinition.parse(t.definition), submitted.map((r) => r.cells as Cells));
    return { ...base, mode: 'rollup', unit, submission: null, editable: false, cells, included: { counted: submitted.length, expected: s.units.length } };
  }

  const canFill = (actor: Actor) => actor.kind === 'user' && actor.roles.some((r) => r === 'statistician' || r === 'regulator_admin');
  const stripRow = <T extends { row: unknown }>({ row, ...rest }: T): Omit<T, 'row'> => (void row, rest);

  /** The caller's own unit for writing; a unit may only fill its own report. */
  async function ownUnit(actor: Actor, t: TemplateRow): Promise<OrgRow> {
    authorize(actor, 'report.fill');
    const s = await templates.subject(actor, t, undefined);
    if (s.kind !== 'unit' || s.unit.id !== actor.orgId) throw new AppError(403, 'FORBIDDEN', '只有填报单位可以填报本单位的报表');
    if (!t.active) throw conflict('TEMPLATE_INACTIVE', '该报表已停用');
    return s.unit;
  }

  async function ensureDraft(tx: Db, actor: Actor, t: TemplateRow, key: string, unit: OrgRow, dueAt: Date): Promise<SubmissionRow> {
    const existing = await submissionOf(t.id, key, unit.id, tx);
    if (existing) return existing;
    const now = clock.now();
    const [row] = await tx
      .insert(reportSubmissions)
      .values({ templateId: t.id, periodKey: key, unitOrgId: unit.id, regionCode: unit.regionCode ?? '000000', status: 'draft', dueAt, createdAt: now, updatedAt: now })
      .returning();
    await audit.append(tx, actor, { action: 'report.manual_entered', entity: reportSubmissionEntity, id: row!.id });
    return row!;
  }

  async function reviewable(actor: Actor, submissionId: string) {
    authorize(actor, 'report.review');
    const [row] = await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, submissionId));
    if (!row) throw notFound('report_submission', submissionId);
    const view = await templates.get(actor, row.templateId).catch(() => {
      throw notFound('report_submission', submissionId);
    });
    const s = await templates.subject(actor, view.row, undefined).catch(() => null);
    // Only the level above the units reviews, and only units inside its own area.
    if (!s || s.kind !== 'above' || !s.units.some((u) => u.id === row.unitOrgId)) throw notFound('report_submission', submissionId);
    return { row, template: view.row };
  }

  async function review(actor: Actor, submissionId: string, change: (row: SubmissionRow) => Partial<SubmissionRow>, action: 'report.accepted' | 'report.returned') {
    const { row, template: t } = await reviewable(actor, submissionId);
    const set = change(row);
    const p = await templates.period(t, row.periodKey);
    await db.transaction(async (tx) => {
      await tx.update(reportSubmissions).set({ ...set, updatedAt: clock.now() }).where(eq(reportSubmissions.id, submissionId));
      await audit.append(tx, actor, { action, entity: reportSubmissionEntity, id: submissionId });
      // The unit hears of the decision in the app; a return says why.
      await services.notifications.send(tx, [
        {
          orgId: row.unitOrgId,
          kind: action === 'report.returned' ? 'report_returned' : 'report_accepted',
          title: action === 'report.returned' ? `《${t.name}》${p.label}已被退回` : `《${t.name}》${p.label}已审核通过`,
          body: action === 'report.returned' ? `退回理由：${String(set.returnReason).replace(/[。.！!；;，,\s]+$/, '')}。` : `${actor.orgName ?? ''}已审核通过，报表已锁定。`,
          link: `/reports/${t.id}/periods/${row.periodKey}`,
          dedupeKey: `${action}:${submissionId}:${clock.now().getTime()}`,
        },
      ]);
    });
    return (await submissionView((await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, submissionId)))[0] ?? null))!;
  }

  /** A reduced template holding one cell's column (and the columns a sum adds), for trends and comparisons. */
  function single(t: TemplateRow, cell: string) {
    const d = ReportTemplateDefinition.parse(t.definition);
    const { rowKey, column } = parseCell({ definition: d }, cell);
    const needed = column.kind === 'sum' ? columnsOf(d).filter((c) => c.key === column.key || column.of.includes(c.key)) : [column];
    return { d: { ...d, groups: [{ key: 'only', label: '', columns: needed }] }, rowKey, column };
  }

  // Reminders: at the reminder time on the due day, every unit that has not submitted gets a notice.
  services.notifications.register(async (now) => {
    const active = await db.select().from(reportTemplates).where(and(eq(reportTemplates.active, true), sql`${reportTemplates.frequency} <> 'once'`));
    for (const t of active) {
      const p = currentPeriod(t.frequency as 'weekly' | 'monthly', ReportSchedule.parse(t.schedule), now);
      if (now < p.remindAt || now > p.dueAt) continue;
      const units = await templates.unitsOf(t, t.ownerPrefix);
      const done = await db
        .select({ unit: reportSubmissions.unitOrgId })
        .from(reportSubmissions)
        .where(and(eq(reportSubmissions.templateId, t.id), eq(reportSubmissions.periodKey, p.key), inArray(reportSubmissions.status, LOCKED)));
      const pending = units.filter((u) => !done.some((d) => d.unit === u.id));
      const dueDay = shanghaiDate(p.dueAt);
      const due = `${Number(dueDay.slice(5, 7))}月${Number(dueDay.slice(8, 10))}日 ${ReportSchedule.parse(t.schedule).dueTime}`;
      await db.transaction((tx) =>
        services.notifications.send(
          tx,
          pending.map((u) => ({
            orgId: u.id,
            kind: 'report_due',
            title: `请于 ${due} 前报送《${t.name}》`,
            body: `${p.label}的报表尚未报送。报表数据已按截至 ${p.toDate} 的记录自动生成，请核对、补充手工填报项后报送。`,
            link: `/reports/${t.id}/periods/${p.key}`,
            dedupeKey: `report-due:${t.id}:${p.key}:${u.id}`,
          })),
        ),
      );
    }
  });

  return {
    templates,
    table,
    /** For the bench and tests: how many units were computed, and forgetting them (a cold start). */
    cache: { stats: cache.stats, clear: () => cache.clear() },

    /**
     * Computes every active template's current period for its whole area, so that the first
     * request after a start reads kept figures instead of one grouped pass over every record
     * (seconds at national scale). Returns how many tables were computed.
     */
    async warm(): Promise<number> {
      const active = await db.select().from(reportTemplates).where(eq(reportTemplates.active, true));
      let warmed = 0;
      for (const t of active) {
        const [p] = await templates.periods(t, 1);
        if (!p) continue;
        const period = await templates.period(t, p.key);
        await unitAggregates(db, t, await windowOf(t, period), t.ownerPrefix);
        warmed++;
      }
      return warmed;
    },

    /**
     * The table the CLI asks for by names a person types: a template by code or id, a unit
     * by its region code (the owner's own code, or 000000 for the national bureau, gives the
     * roll-up), a period by key (default: the current one). Read as the system.
     */
    async tableFor(actor: Actor, ref: { template: string; unit: string; period?: string; mode?: 'rollup' | 'live' }): Promise<ReportTableView> {
      const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref.template);
      const [t] = await db
        .select()
        .from(reportTemplates)
        .where(isId ? eq(reportTemplates.id, ref.template) : eq(reportTemplates.code, ref.template));
      if (!t) throw notFound('report_template', ref.template);
      const key = ref.period ?? (await templates.periods(t, 1))[0]?.key;
      if (!key) throw notFound('report_period', '(current)');
      if (!/^\d{6}$/.test(ref.unit)) throw invalid('unit', '填报单位应为6位行政区划代码');
      const ownerRegion = t.regionCode;
      if (ref.unit === ownerRegion || (ref.unit === '000000' && t.ownerPrefix === '')) return table(actor, t.id, key, { mode: ref.mode });
      const [unit] = await db
        .select({ id: orgs.id })
        .from(orgs)
        .where(and(eq(orgs.kind, 'regulator'), eq(orgs.level, t.unitLevel), eq(orgs.regionCode, ref.unit)));
      if (!unit) throw notFound('report_unit', ref.unit);
      return table(actor, t.id, key, { unit: unit.id });
    },

    async setManual(actor: Actor, templateId: string, key: string, cell: string, body: z.infer<typeof ManualValueBody>): Promise<ReportTableView> {
      const { row: t } = await templates.get(actor, templateId);
      const unit = await ownUnit(actor, t);
      const { rowKey, column } = parseCell({ definition: ReportTemplateDefinition.parse(t.definition) }, cell);
      if (column.kind !== 'manual' || rowKey === TOTAL_ROW) throw invalid('cell', `「${column.label}」由记录自动计算，不能手工填写`);
      const p = await templates.period(t, key);
      await db.transaction(async (tx) => {
        const submission = await ensureDraft(tx, actor, t, key, unit, p.dueAt);
        if (LOCKED.includes(submission.status)) throw conflict('REPORT_LOCKED', '本期报表已报送，不能修改；如需更正，请上级单位退回后修改');
        const [saved] = await tx
          .insert(reportManualValues)
          .values({ submissionId: submission.id, cellKey: cell, value: body.value, note: body.note, updatedBy: actor.userId!, updatedAt: clock.now() })
          .onConflictDoUpdate({
            target: [reportManualValues.submissionId, reportManualValues.cellKey],
            set: { value: body.value, note: body.note, updatedBy: actor.userId!, updatedAt: clock.now() },
          })
          .returning({ id: reportManualValues.id });
        await audit.append(tx, actor, { action: 'report.manual_entered', entity: reportManualValueEntity, id: saved!.id });
      });
      return table(actor, templateId, key, {});
    },

    /** Freezes the unit's table as it stands, with who filled it in; late if after the deadline. */
    async submit(actor: Actor, templateId: string, key: string, body: z.infer<typeof SubmitBody>): Promise<ReportTableView> {
      const { row: t } = await templates.get(actor, templateId);
      const unit = await ownUnit(actor, t);
      const p = await templates.period(t, key);
      const d = ReportTemplateDefinition.parse(t.definition);
      await db.transaction(async (tx) => {
        const submission = await ensureDraft(tx, actor, t, key, unit, p.dueAt);
        if (LOCKED.includes(submission.status)) throw conflict('REPORT_LOCKED', submission.status === 'accepted' ? '本期报表已审核通过' : '本期报表已报送，等待审核');
        const manual = (await manualOf([submission.id], tx)).get(submission.id) ?? {};
        const missing = d.rows.flatMap((r) => columnsOf(d).filter((c) => c.kind === 'manual' && !manual[cellKey(r.key, c.key)]).map((c) => `「${r.label} · ${c.label}」`));
        if (missing.length) throw invalid('cells', `请先填写 ${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 项` : ''}（没有的填 0 并说明）`);
        const cells = await liveCells(t, p, orgPrefix(unit), manual, tx);
        const now = clock.now();
        await tx
          .update(reportSubmissions)
          .set({
            status: 'submitted',
            filledBy: body.filledBy,
            phone: body.phone,
            dataThrough: templates.dataThrough(p),
            dueAt: p.dueAt,
            submittedAt: now,
            submittedBy: actor.userId,
            cells,
            returnReason: null,
            reviewedAt: null,
            reviewedBy: null,
            updatedAt: now,
          })
          .where(eq(reportSubmissions.id, submission.id));
        await audit.append(tx, actor, { action: 'report.submitted', entity: reportSubmissionEntity, id: submission.id });
      });
      return table(actor, templateId, key, {});
    },

    accept: (actor: Actor, id: string) =>
      review(
        actor,
        id,
        (row) => {
          if (row.status !== 'submitted') throw conflict('NOT_SUBMITTED', row.status === 'accepted' ? '该报表已审核通过' : '只有已报送的报表可以审核');
          return { status: 'accepted', reviewedAt: clock.now(), reviewedBy: actor.userId };
        },
        'report.accepted',
      ),

    /** Sends a submitted report back: it becomes a live draft again, with the reason shown to the unit. */
    returnTo: (actor: Actor, id: string, reason: string) =>
      review(
        actor,
        id,
        (row) => {
          if (row.status !== 'submitted') throw conflict('NOT_SUBMITTED', row.status === 'accepted' ? '已审核通过的报表已锁定，不能退回' : '只有已报送的报表可以退回');
          return { status: 'returned', returnReason: reason, cells: null, reviewedAt: clock.now(), reviewedBy: actor.userId };
        },
        'report.returned',
      ),

    /** Excuses a unit's lateness, before or after it submits; its report then counts as on time. */
    async excuse(actor: Actor, templateId: string, key: string, unitId: string, reason: string): Promise<SubmissionView> {
      authorize(actor, 'report.review');
      const { row: t } = await templates.get(actor, templateId);
      const s = await templates.subject(actor, t, undefined).catch(() => null);
      const unit = s?.kind === 'above' ? s.units.find((u) => u.id === unitId) : undefined;
      if (!unit) throw notFound('report_unit', unitId);
      const p = await templates.period(t, key);
      if (clock.now() <= p.dueAt) throw conflict('NOT_LATE', '报送期限尚未届满，无需准予逾期');
      const id = await db.transaction(async (tx) => {
        const submission = await ensureDraft(tx, actor, t, key, unit, p.dueAt);
        if (submission.submittedAt && submission.submittedAt <= submission.dueAt) throw conflict('NOT_LATE', '该单位已按时报送');
        await tx.update(reportSubmissions).set({ exceptionReason: reason, exceptionBy: actor.userId, updatedAt: clock.now() }).where(eq(reportSubmissions.id, submission.id));
        await audit.append(tx, actor, { action: 'report.excused', entity: reportSubmissionEntity, id: submission.id });
        return submission.id;
      });
      return (await submissionView((await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, id)))[0] ?? null))!;
    },

    /** Who of the units below has reported, who is late, who is missing. */
    async completeness(actor: Actor, templateId: string, key: string): Promise<CompletenessView> {
      const { row: t } = await templates.get(actor, templateId);
      const p = await templates.period(t, key);
      const s = await templates.subject(actor, t, undefined);
      if (s.kind !== 'above') throw new AppError(403, 'FORBIDDEN', '完成情况由上级单位查看');
      const rows = s.units.length
        ? await db
            .select()
            .from(reportSubmissions)
            .where(and(eq(reportSubmissions.templateId, t.id), eq(reportSubmissions.periodKey, key), inArray(reportSubmissions.unitOrgId, s.units.map((u) => u.id))))
        : [];
      const units = s.units.map((u) => {
        const r = rows.find((x) => x.unitOrgId === u.id);
        const submitted = r ? LOCKED.includes(r.status) : false;
        return {
          orgId: u.id,
          name: u.name,
          regionCode: u.regionCode ?? '',
          status: r ? r.status : ('missing' as const),
          submissionId: r?.id ?? null,
          submittedAt: submitted ? (r!.submittedAt?.toISOString() ?? null) : null,
          onTime: submitted ? r!.submittedAt! <= r!.dueAt : null,
          excused: Boolean(r?.exceptionReason),
        };
      });
      const submitted = units.filter((u) => u.status === 'submitted' || u.status === 'accepted');
      const onTime = submitted.filter((u) => u.onTime || u.excused).length;
      return {
        period: p.view,
        expected: units.length,
        submitted: submitted.length,
        accepted: units.filter((u) => u.status === 'accepted').length,
        onTime,
        late: submitted.length - onTime,
        missing: units.length - submitted.length,
        timelinessPercent: submitted.length ? Math.round((1000 * onTime) / submitted.length) / 10 : null,
        units,
      };
    },

    /** The records behind a computed cell, as of now, inside the caller's scope. */
    async drill(actor: Actor, templateId: string, key: string, cell: string, q: z.infer<typeof DrillQuery>) {
      const { row: t } = await templates.get(actor, templateId);
      const d = ReportTemplateDefinition.parse(t.definition);
      const { rowKey, column } = parseCell({ definition: d }, cell);
      if (column.kind === 'manual') throw invalid('cell', `「${column.label}」为手工填报，没有可追溯的记录`);
      if (column.kind === 'sum') throw invalid('cell', `「${column.label}」是几列之和，请点击各分项查看记录`);
      const p = await templates.period(t, key);
      const s: Subject = await templates.subject(actor, t, q.unit);
      const metric = column.kind === 'metric' ? column.metric : column.numerator;
      const row = d.rows.find((r) => r.key === rowKey);
      const scope: Scope = { regionPrefix: s.prefix || null, campaignId: t.campaignId, window: { from: await templates.windowFrom(t, p), to: templates.dataThrough(p) } };
      const { rows, count } = drillQuery(
        metric,
        column.kind === 'metric' && column.violation ? { violation: column.violation } : {},
        d.rowDimension,
        row ? row.value : null,
        d.rows.map((r) => r.value ?? ''),
        scope,
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      const [items, [total]] = await Promise.all([rawRows<DrillRecord & { region_code: string }>(db, rows), rawRows<{ n: number }>(db, count)]);
      return {
        ...paged(
          items.map(({ region_code, ...r }) => ({ ...r, regionCode: region_code })),
          total?.n,
          q,
        ),
        metric: { key: metric, label: METRICS[metric].label.zh },
      };
    },

    /** One cell over the recent periods, from the records as of each period's end. */
    async trend(actor: Actor, templateId: string, cell: string, n: number, unitId?: string) {
      const { row: t } = await templates.get(actor, templateId);
      const s = await templates.subject(actor, t, unitId);
      const { rowKey, column } = single(t, cell);
      const list = (await templates.periods(t, n)).reverse();
      const full = ReportTemplateDefinition.parse(t.definition);
      // Periods side by side: computed one after another, each period's few queries waited for a pooled
      // connection in turn, and with 200 clients the chain of ~40 waits passed 30 s.
      const points = await Promise.all(
        list.map(async (p) => {
          const period = await templates.period(t, p.key);
          const byUnit = await unitAggregates(db, t, { from: p.windowFrom, to: templates.dataThrough(period) }, s.prefix);
          const cells = assemble(full, sumAggregates([...byUnit.values()]), {});
          return { key: p.key, label: p.label, toDate: p.toDate, value: cells[cellKey(rowKey, column.key)]?.value ?? null };
        }),
      );
      return { points };
    },

    /** One cell for every unit below the caller, from the records, in one pass. */
    async compare(actor: Actor, templateId: string, key: string, cell: string) {
      const { row: t } = await templates.get(actor, templateId);
      const s = await templates.subject(actor, t, undefined);
      if (s.kind !== 'above') throw new AppError(403, 'FORBIDDEN', '各单位对比由上级单位查看');
      const p = await templates.period(t, key);
      const { rowKey, column } = single(t, cell);
      const digits = UNIT_DIGITS[t.unitLevel];
      const d = ReportTemplateDefinition.parse(t.definition);
      const byUnit = await unitAggregates(db, t, await windowOf(t, p), s.prefix);
      const units = s.units.map((u) => {
        const cells = assemble(d, byUnit.get((u.regionCode ?? '').slice(0, digits)) ?? new Map(), {});
        return { orgId: u.id, name: u.name, regionCode: u.regionCode ?? '', value: cells[cellKey(rowKey, column.key)]?.value ?? null };
      });
      const sortKey = (v: string | null) => (v === null ? -1n : toMicros(v));
      units.sort((a, b) => (sortKey(b.value) > sortKey(a.value) ? 1 : sortKey(b.value) < sortKey(a.value) ? -1 : a.regionCode.localeCompare(b.regionCode)));
      return { units };
    },
  };
}

export type Reporting = ReturnType<typeof createReporting>;
