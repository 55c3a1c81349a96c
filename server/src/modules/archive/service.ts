import { and, asc, desc, eq } from 'drizzle-orm';
import type { EnterpriseArchive, InspectionOutcome, RiskTier } from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { authorize } from '../../platform/policy.js';
import { campaigns, screenings } from '../campaigns/tables.js';
import type { Complaints } from '../complaints/service.js';
import type { Cases } from '../enforcement/cases.js';
import type { Credit } from '../enforcement/credit.js';
import { enterpriseRiskTiers, inspectionDraws, inspectionTargets } from '../inspections/tables.js';
import { sampleScope } from '../lab/scope.js';
import { reports, samples } from '../lab/tables.js';
import type { Enterprises } from '../registry/enterprises.js';
import type { Instruments } from '../registry/instruments.js';
import type { Recalls } from '../recalls/service.js';
import type { Sampling } from '../sampling/service.js';

/** How many of each kind of record the archive shows, newest first (the lists behind link to the rest). */
const LIMIT = 100;

/**
 * The enterprise archive (专门档案): one regulator's view of an enterprise across
 * the chain. The enterprise itself is looked up in the actor's scope (404 outside
 * it); each part is then read with that part's own scope rules.
 */
export function createArchive(
  deps: Deps,
  parts: { enterprises: Enterprises; sampling: Sampling; cases: Cases; credit: Credit; instruments: Instruments; recalls: Recalls; complaints: Complaints },
) {
  const { db } = deps;
  return {
    async get(actor: Actor, enterpriseId: string): Promise<EnterpriseArchive> {
      authorize(actor, 'campaign.read');
      const enterprise = await parts.enterprises.get(actor, enterpriseId);
      const owner = await parts.enterprises.identify({ id: enterpriseId });
      const [tier, screeningRows, sampling, reportRows, caseList, inspectionRows, instrumentList, credit, recallList, complaintList] = await Promise.all([
        db.select({ tier: enterpriseRiskTiers.tier }).from(enterpriseRiskTiers).where(eq(enterpriseRiskTiers.enterpriseId, enterpriseId)),
        db
          .select({ s: screenings, campaignName: campaigns.name })
          .from(screenings)
          .leftJoin(campaigns, eq(campaigns.id, screenings.campaignId))
          .where(eq(screenings.enterpriseId, enterpriseId))
          .orderBy(desc(screenings.screenedOn), asc(screenings.id))
          .limit(LIMIT),
        parts.sampling.records(actor, { enterpriseId, page: 1, pageSize: LIMIT, order: 'desc' }),
        db
          .select({ r: reports })
          .from(reports)
          .innerJoin(samples, eq(samples.id, reports.sampleId))
          .where(and(eq(samples.producerEnterpriseId, enterpriseId), sampleScope(actor)))
          .orderBy(desc(reports.issuedAt), asc(reports.id))
          .limit(LIMIT),
        parts.cases.list(actor, { partyEnterpriseId: enterpriseId, page: 1, pageSize: LIMIT, order: 'desc', sort: 'leadOn' }),
        db
          .select({ t: inspectionTargets, drawName: inspectionDraws.name, drawnAt: inspectionDraws.drawnAt })
          .from(inspectionTargets)
          .innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionTargets.drawId))
          .where(eq(inspectionTargets.enterpriseId, enterpriseId))
          .orderBy(desc(inspectionDraws.drawnAt))
          .limit(LIMIT),
        owner?.orgId
          ? parts.instruments.list(actor, { ownerOrgId: owner.orgId, page: 1, pageSize: LIMIT, order: 'asc', sort: 'name' })
          : Promise.resolve({ items: [] }),
        parts.credit.statusOf(enterpriseId),
        parts.recalls.list(actor, { enterpriseId, page: 1, pageSize: LIMIT, order: 'desc' }),
        // The complaints' own list: it keeps the complainant's name and phone for the handling bureau.
        parts.complaints.list(actor, { enterpriseId, page: 1, pageSize: LIMIT, order: 'desc' }),
      ]);
      return {
        enterprise,
        riskTier: (tier[0]?.tier ?? 'general') as RiskTier,
        screenings: screeningRows.map(({ s, campaignName }) => ({
          id: s.id,
          campaignName,
          category: s.category,
          screenedOn: s.screenedOn,
          result: s.result,
          problems: s.problems,
          rectificationStatus: s.rectificationStatus,
          rectificationDeadline: s.rectificationDeadline,
        })),
        sampling: sampling.items,
        reports: reportRows.map(({ r }) => ({
          id: r.id,
          reportNo: r.reportNo,
          version: r.version,
          status: r.status,
          productName: r.productName,
          conclusion: r.conclusion,
          institutionName: r.institutionName,
          issuedAt: r.issuedAt.toISOString(),
        })),
        cases: caseList.items,
        inspections: inspectionRows.map(({ t, drawName, drawnAt }) => ({
          targetId: t.id,
          drawId: t.drawId,
          drawName,
          drawnAt: drawnAt.toISOString(),
          outcome: t.outcome as InspectionOutcome | null,
          inspectedOn: t.inspectedOn,
        })),
        instruments: instrumentList.items,
        credit: credit.map(({ id, listedOn, expiresOn, status, decisionNo }) => ({ id, listedOn, expiresOn, status, decisionNo })),
        recalls: recallList.items,
        complaints: complaintList.items,
      };
    },
  };
}
