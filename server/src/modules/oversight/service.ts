import { and, count, desc, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CheckLeadBody, InstitutionCheckBody, InstitutionCheckListQuery, InstitutionCheckView } from '@shijian/contracts';
import { regionInScope, scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { campaigns } from '../campaigns/tables.js';
import type { Campaigns } from '../campaigns/service.js';
import { visibleCampaign, type Cases } from '../enforcement/cases.js';
import { cases } from '../enforcement/tables.js';
import type { Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import { institutions } from '../registry/tables.js';
import { institutionCheckEntity } from './entities.js';
import { institutionChecks } from './tables.js';

/** Bureaus over the institution's region see its checks. */
const checkScope = (actor: Actor) => scopeFilter(actor, { region: institutionChecks.regionCode });

/**
 * Checks of testing institutions (notice 004): what was spot-checked, the untrue and
 * fake reports found, and the case lead a check opens at the bureau over the institution.
 */
export function createOversight(deps: Deps, services: { orgs: Orgs; cases: Cases; campaigns: Campaigns }) {
  const { db, clock, audit, calendar } = deps;

  const selection = { c: institutionChecks, orgName: orgs.name, institutionName: institutions.name, campaignName: campaigns.name, caseNo: cases.caseNo };
  const query = () =>
    db
      .select(selection)
      .from(institutionChecks)
      .innerJoin(orgs, eq(orgs.id, institutionChecks.orgId))
      .innerJoin(institutions, eq(institutions.id, institutionChecks.institutionId))
      .leftJoin(campaigns, eq(campaigns.id, institutionChecks.campaignId))
      .leftJoin(cases, eq(cases.id, institutionChecks.caseId));
  type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

  const toView = ({ c, ...j }: Row): InstitutionCheckView => ({
    id: c.id,
    campaignId: c.campaignId,
    campaignName: j.campaignName,
    orgId: c.orgId,
    orgName: j.orgName,
    institutionId: c.institutionId,
    institutionName: j.institutionName,
    regionCode: c.regionCode,
    domain: c.domain,
    checkedOn: c.checkedOn,
    reportsChecked: c.reportsChecked,
    untrueReports: c.untrueReports,
    fakeReports: c.fakeReports,
    findings: c.findings,
    caseId: c.caseId,
    caseNo: j.caseNo,
    createdAt: c.createdAt.toISOString(),
  });

  async function get(actor: Actor, id: string): Promise<InstitutionCheckView> {
    authorize(actor, 'oversight.read');
    const [row] = await query().where(and(eq(institutionChecks.id, id), checkScope(actor)));
    if (!row) throw notFound('institution_check', id);
    return toView(row);
  }

  return {
    get,

    async record(actor: Actor, body: InstitutionCheckBody): Promise<InstitutionCheckView> {
      authorize(actor, 'oversight.write');
      if (!actor.orgId) throw invalid('institutionId', '只有监管部门可以登记检查');
      const [inst] = await db.select().from(institutions).where(eq(institutions.id, body.institutionId));
      if (!inst || !regionInScope(actor, inst.regionCode)) throw invalid('institutionId', '检验检测机构不存在或不在本单位管辖范围内');
      if (body.checkedOn > calendar.today()) throw invalid('checkedOn', '检查日期不能晚于今天');
      if (body.campaignId) await visibleCampaign(services.campaigns, actor, body.campaignId);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(institutionChecks)
          .values({
            campaignId: body.campaignId ?? null,
            orgId: actor.orgId!,
            institutionId: inst.id,
            regionCode: inst.regionCode,
            domain: body.domain,
            checkedOn: body.checkedOn,
            reportsChecked: body.reportsChecked,
            untrueReports: body.untrueReports,
            fakeReports: body.fakeReports,
            findings: body.findings,
            createdBy: actor.userId,
            createdAt: clock.now(),
          })
          .returning({ id: institutionChecks.id });
        await audit.append(tx, actor, { action: 'oversight.check_recorded', entity: institutionCheckEntity, id: row!.id });
        return row!.id;
      });
      return get(actor, id);
    },

    async list(actor: Actor, q: z.infer<typeof InstitutionCheckListQuery>) {
      authorize(actor, 'oversight.read');
      const conditions: (SQL | undefined)[] = [checkScope(actor)];
      if (q.domain) conditions.push(eq(institutionChecks.domain, q.domain));
      if (q.campaignId) conditions.push(eq(institutionChecks.campaignId, q.campaignId));
      if (q.problems === 'true') conditions.push(sql`${institutionChecks.untrueReports} + ${institutionChecks.fakeReports} > 0`);
      if (q.problems === 'false') conditions.push(sql`${institutionChecks.untrueReports} + ${institutionChecks.fakeReports} = 0`);
      if (q.q) conditions.push(or(ilike(institutions.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(q.order === 'asc' ? asc(institutionChecks.checkedOn) : desc(institutionChecks.checkedOn), q.order === 'asc' ? asc(institutionChecks.id) : desc(institutionChecks.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(institutionChecks).innerJoin(institutions, eq(institutions.id, institutionChecks.institutionId)).where(where),
      ]);
      return paged(rows.map(toView), total?.n, q);
    },

    /** A check that found untrue or fake reports becomes a case lead at the bureau over the institution. */
    async openLead(actor: Actor, id: string, body: z.infer<typeof CheckLeadBody>): Promise<InstitutionCheckView> {
      authorize(actor, 'oversight.write');
      authorize(actor, 'case.write');
      const check = await get(actor, id);
      if (check.caseId) throw conflict('LEAD_EXISTS', `该检查已移交立案（${check.caseNo}）`);
      const leadOn = body.leadOn ?? calendar.today();
      if (leadOn > calendar.today()) throw invalid('leadOn', '线索日期不能晚于今天');
      if (leadOn < check.checkedOn) throw invalid('leadOn', `线索日期不能早于检查日期 ${check.checkedOn}`);
      const bureau = await services.orgs.regulatorFor(check.regionCode);
      if (!bureau) throw conflict('NO_BUREAU', '找不到机构所在地的监管部门');
      await db.transaction(async (tx) => {
        const caseId = await services.cases.openLead(tx, actor, bureau, {
          source: 'inspection',
          sourceRef: check.id,
          campaignId: check.campaignId,
          party: { enterpriseId: null, name: check.institutionName, uscc: null },
          productCategory: null,
          violationCategory: 'certification_testing',
          summary: body.summary,
          leadOn,
        });
        await tx.update(institutionChecks).set({ caseId }).where(eq(institutionChecks.id, id));
        await audit.append(tx, actor, { action: 'oversight.lead_opened', entity: institutionCheckEntity, id });
      });
      return get(actor, id);
    },
  };
}

export type Oversight = ReturnType<typeof createOversight>;
