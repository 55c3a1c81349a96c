import { and, asc, count, desc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { FeeRuleBody, FeeRuleListQuery, FeeRuleView } from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import { regionInScope, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { feeRuleEntity } from './entities.js';
import type { FeeRule } from './fees.js';
import { feeRules } from './tables.js';

type Row = typeof feeRules.$inferSelect;

const toView = (r: Row): FeeRuleView => ({
  id: r.id,
  name: r.name,
  condition: r.condition,
  reductionPercent: r.reductionPercent,
  regionCode: r.regionCode,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
  basis: r.basis,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Fee rules as data (收费减免规则): the national bureau sets national rules, a provincial
 * bureau rules for its province; everyone can read them, since they decide what is charged.
 */
export function createFeeRules(deps: Deps) {
  const { db, clock, audit, regions } = deps;

  async function get(id: string): Promise<FeeRuleView> {
    const [row] = await db.select().from(feeRules).where(eq(feeRules.id, id));
    if (!row) throw notFound('fee_rule', id);
    return toView(row);
  }

  /** Rules that could apply on `date` (region and conditions are decided per line in fees.ts). */
  async function inForce(executor: Db, date: string): Promise<FeeRule[]> {
    return executor
      .select()
      .from(feeRules)
      .where(and(eq(feeRules.active, true), lte(feeRules.effectiveFrom, date), or(isNull(feeRules.effectiveTo), gte(feeRules.effectiveTo, date))));
  }

  return {
    get,
    inForce,

    async list(actor: Actor, q: z.infer<typeof FeeRuleListQuery>) {
      authorize(actor, 'service.fee.read');
      const conditions: (SQL | undefined)[] = [];
      if (q.active) conditions.push(eq(feeRules.active, q.active === 'true'));
      if (q.on) conditions.push(lte(feeRules.effectiveFrom, q.on), or(isNull(feeRules.effectiveTo), gte(feeRules.effectiveTo, q.on)));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(feeRules)
          .where(where)
          .orderBy(q.order === 'desc' ? desc(feeRules.effectiveFrom) : asc(feeRules.effectiveFrom), asc(feeRules.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(feeRules).where(where),
      ]);
      return paged(rows.map(toView), total?.n, q);
    },

    async create(actor: Actor, body: FeeRuleBody): Promise<FeeRuleView> {
      authorize(actor, 'service.fee.write');
      const regionCode = body.regionCode ?? actor.orgRegionCode ?? null;
      // A provincial bureau makes rules for its own province; the national bureau for anywhere.
      if (regionCode && !regionInScope(actor, regionCode)) throw invalid('regionCode', '只能为本辖区制定收费规则');
      if (!regionCode && actor.scope.kind !== 'all') throw invalid('regionCode', '只有国家局可以制定全国适用的收费规则');
      if (regionCode && regionCode !== '000000' && !(await regions.exists(regionCode))) throw invalid('regionCode', `行政区划代码 ${regionCode} 不存在`);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(feeRules)
          .values({
            name: body.name,
            condition: body.condition,
            reductionPercent: body.reductionPercent,
            regionCode: regionCode === '000000' ? null : regionCode,
            effectiveFrom: body.effectiveFrom,
            effectiveTo: body.effectiveTo ?? null,
            basis: body.basis,
            active: true,
            ownerOrgId: actor.orgId,
            createdAt: clock.now(),
          })
          .returning({ id: feeRules.id });
        await audit.append(tx, actor, { action: 'service.fee_rule_created', entity: feeRuleEntity, id: row!.id });
        return row!.id;
      });
      return get(id);
    },

    async setActive(actor: Actor, id: string, active: boolean): Promise<FeeRuleView> {
      authorize(actor, 'service.fee.write');
      const rule = await get(id);
      if (rule.regionCode ? !regionInScope(actor, rule.regionCode) : actor.scope.kind !== 'all') throw notFound('fee_rule', id);
      await db.transaction(async (tx) => {
        await tx.update(feeRules).set({ active }).where(eq(feeRules.id, id));
        await audit.append(tx, actor, { action: active ? 'service.fee_rule_enabled' : 'service.fee_rule_disabled', entity: feeRuleEntity, id });
      });
      return get(id);
    },
  };
}

export type FeeRules = ReturnType<typeof createFeeRules>;
