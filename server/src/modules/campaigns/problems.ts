import { and, asc, count, desc, eq, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  NATIONAL_REGION_CODE,
  regionLevel,
  type ProblemCreateBody,
  type ProblemListQuery,
  type ProblemStatus,
  type ProblemStatusBody,
  type ProblemUpdateBody,
  type ProblemView,
} from '@shijian/contracts';
import { withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape, type Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import type { Enterprises } from '../registry/enterprises.js';
import { enterprises as enterpriseTable } from '../registry/tables.js';
import { problemEntity } from './entities.js';
import { problemScope } from './scope.js';
import { actingOrg, missing, type CampaignRow } from './shared.js';
import { campaigns, problems } from './tables.js';

type ProblemRow = typeof problems.$inferSelect;

/** The ledger's status moves forward only: open → in progress → resolved (销号), or open → resolved at once. */
export const PROBLEM_TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: [],
};

export const problemOverdue = (row: Pick<ProblemRow, 'status' | 'deadline'>, today: string) => row.status !== 'resolved' && row.deadline < today;

const SORT = { deadline: problems.deadline, createdAt: problems.createdAt, status: problems.status };

const notFoundAsNull = (e: unknown) => {
  if (e instanceof AppError && e.status === 404) return null;
  throw e;
};

/** The problem ledger (问题清单台账) of each campaign: the problem, who fixes it, by when, and its 销号. */
export function createProblems(deps: Deps, enterprises: Enterprises, orgService: Orgs, s: { getVisible(actor: Actor, id: string): Promise<CampaignRow> }) {
  const { db, clock, audit, calendar, regions } = deps;

  const select = () =>
    db
      .select({ p: problems, campaignName: campaigns.name, orgName: orgs.name, enterpriseName: enterpriseTable.name })
      .from(problems)
      .innerJoin(campaigns, eq(campaigns.id, problems.campaignId))
      .innerJoin(orgs, eq(orgs.id, problems.orgId))
      .leftJoin(enterpriseTable, eq(enterpriseTable.id, problems.enterpriseId));
  type Joined = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

  async function toViews(rows: Joined[]): Promise<ProblemView[]> {
    const idx = await regions.index();
    const today = calendar.today();
    return rows.map(({ p, campaignName, orgName, enterpriseName }) => ({
      id: p.id,
      campaignId: p.campaignId,
      campaignName,
      orgId: p.orgId,
      orgName,
      regionCode: p.regionCode,
      regionName: p.regionCode === NATIONAL_REGION_CODE ? '全国' : (idx.get(p.regionCode)?.name ?? p.regionCode),
      problem: p.problem,
      responsibleUnit: p.responsibleUnit,
      deadline: p.deadline,
      status: p.status,
      measures: p.measures,
      resolvedOn: p.resolvedOn,
      enterpriseId: p.enterpriseId,
      enterpriseName: enterpriseName ?? null,
      overdue: problemOverdue(p, today),
      createdAt: p.createdAt.toISOString(),
    }));
  }

  async function getRow(actor: Actor, id: string): Promise<ProblemRow> {
    const [row] = await db.select().from(problems).where(and(eq(problems.id, id), problemScope(actor)));
    if (!row) throw missing('problem', id);
    return row;
  }

  async function view(actor: Actor, id: string): Promise<ProblemView> {
    const rows = await select().where(and(eq(problems.id, id), problemScope(actor)));
    if (!rows.length) throw missing('problem', id);
    return (await toViews(rows))[0]!;
  }

  function listWhere(actor: Actor, q: z.infer<typeof ProblemListQuery>): SQL {
    const today = calendar.today();
    return and(
      problemScope(actor),
      q.campaignId ? eq(problems.campaignId, q.campaignId) : undefined,
      q.status ? eq(problems.status, q.status) : undefined,
      q.unresolved ? ne(problems.status, 'resolved') : undefined,
      q.overdue === true ? and(ne(problems.status, 'resolved'), lt(problems.deadline, today)) : undefined,
      q.overdue === false ? or(eq(problems.status, 'resolved'), sql`${problems.deadline} >= ${today}`) : undefined,
      q.regionCode ? withinRegion(problems.regionCode, q.regionCode.slice(0, regionLevel(q.regionCode) * 2)) : undefined,
      q.q ? or(ilike(problems.problem, `%${likeEscape(q.q)}%`), ilike(problems.responsibleUnit, `%${likeEscape(q.q)}%`)) : undefined,
    )!;
  }

  const resolvedConflict = () => conflict('PROBLEM_RESOLVED', '该问题已销号，不能再修改');

  return {
    async list(actor: Actor, q: z.infer<typeof ProblemListQuery>) {
      authorize(actor, 'campaign.read');
      const where = listWhere(actor, q);
      // Status sorts along the workflow (open, in progress, resolved), not alphabetically.
      const column = q.sort === 'status' ? sql`array_position(array['open','in_progress','resolved'], ${problems.status}::text)` : SORT[q.sort];
      const order = q.order === 'desc' ? desc(column) : asc(column);
      const [rows, [total]] = await Promise.all([
        select().where(where).orderBy(order, asc(problems.deadline), asc(problems.id)).limit(q.pageSize).offset(pageOffset(q)),
        db.select({ n: count() }).from(problems).where(where),
      ]);
      return paged(await toViews(rows), total?.n, q);
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'campaign.read');
      return view(actor, id);
    },
    async create(actor: Actor, body: z.infer<typeof ProblemCreateBody>) {
      authorize(actor, 'problem.write');
      const campaign = await s.getVisible(actor, body.campaignId).catch((e: unknown) => {
        if (e instanceof AppError && e.status === 404) throw invalid('campaignId', '专项整治行动不存在或不在您的管辖范围内');
        throw e;
      });
      const bureau = body.bureauId ? await orgService.getVisible(actor, body.bureauId).catch(notFoundAsNull) : await orgService.getById(actingOrg(actor));
      if (!bureau || bureau.kind !== 'regulator') throw invalid('bureauId', '督办部门须为您管辖范围内的市场监管部门');
      let regionCode = bureau.level === 'national' || !bureau.regionCode ? NATIONAL_REGION_CODE : bureau.regionCode;
      let enterpriseId: string | null = null;
      if (body.enterpriseId) {
        const e = await enterprises.get(actor, body.enterpriseId).catch(notFoundAsNull);
        if (!e) throw invalid('enterpriseId', '企业不存在或不在您的管辖范围内');
        enterpriseId = e.id;
        regionCode = e.regionCode;
      }
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(problems)
          .values({
            campaignId: campaign.id,
            orgId: bureau.id,
            regionCode,
            problem: body.problem,
            responsibleUnit: body.responsibleUnit,
            deadline: body.deadline,
            status: 'open',
            measures: body.measures,
            enterpriseId,
            createdAt: clock.now(),
          })
          .returning({ id: problems.id });
        await audit.append(tx, actor, { action: 'problem.created', entity: problemEntity, id: row!.id });
        return row!.id;
      });
      return view(actor, id);
    },
    async update(actor: Actor, id: string, body: z.infer<typeof ProblemUpdateBody>) {
      authorize(actor, 'problem.write');
      const row = await getRow(actor, id);
      if (row.status === 'resolved') throw resolvedConflict();
      if (Object.values(body).every((v) => v === undefined)) throw invalid('body', '请至少填写一项修改内容');
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(problems)
          .set(body)
          .where(and(eq(problems.id, id), ne(problems.status, 'resolved')))
          .returning({ id: problems.id });
        if (!updated.length) throw resolvedConflict();
        await audit.append(tx, actor, { action: 'problem.updated', entity: problemEntity, id });
      });
      return view(actor, id);
    },
    /** Moves a problem along the ledger; resolving (销号) records the date and the measures taken. */
    async setStatus(actor: Actor, id: string, body: z.infer<typeof ProblemStatusBody>) {
      authorize(actor, 'problem.write');
      const row = await getRow(actor, id);
      if (row.status === 'resolved') throw resolvedConflict();
      if (!PROBLEM_TRANSITIONS[row.status].includes(body.status)) {
        throw conflict('PROBLEM_STATUS_INVALID', body.status === row.status ? '问题已处于该状态' : '问题状态只能向前推进（待整改 → 整改中 → 已销号）');
      }
      if (body.status === 'resolved' && body.resolvedOn! > calendar.today()) throw invalid('resolvedOn', '销号日期不能晚于今天');
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(problems)
          .set({
            status: body.status,
            ...(body.measures !== undefined ? { measures: body.measures } : {}),
            resolvedOn: body.status === 'resolved' ? body.resolvedOn! : null,
          })
          .where(and(eq(problems.id, id), eq(problems.status, row.status)))
          .returning({ id: problems.id });
        // Another user moved it first.
        if (!updated.length) throw conflict('PROBLEM_STATUS_CHANGED', '该问题的状态刚被他人更新，请刷新后重试');
        await audit.append(tx, actor, { action: 'problem.updated', entity: problemEntity, id });
      });
      return view(actor, id);
    },
  };
}

export type Problems = ReturnType<typeof createProblems>;
