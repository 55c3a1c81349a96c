import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { INTEGRITY_CHECK_LABELS, type IntegrityCheck } from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import type { Instruments } from '../registry/instruments.js';
import { coversDate } from '../registry/instruments.js';
import { instruments } from '../registry/tables.js';
import type { Catalogue } from './catalogue.js';
import { sampleScope } from './scope.js';
import { reports, sampleEvents, sampleTests, samples, signatoryAuthorizations, testItems, testResults } from './tables.js';

/**
 * The checks Order 39 arts. 13–14 imply, run against the records as they stand:
 * each one a way an untrue or fake report shows in the data.
 */
export function createIntegrity(deps: Deps, catalogue: Catalogue, instrumentService: Instruments) {
  const { db } = deps;

  return {
    async check(actor: Actor, reportId: string) {
      authorize(actor, 'lab.sample.read');
      const [row] = await db
        .select({ report: reports, sample: samples })
        .from(reports)
        .innerJoin(samples, eq(samples.id, reports.sampleId))
        .where(and(eq(reports.id, reportId), sampleScope(actor)));
      if (!row) throw notFound('report', reportId);
      const { report, sample } = row;

      const tests = await db.select().from(sampleTests).where(eq(sampleTests.sampleId, sample.id)).orderBy(asc(sampleTests.parameter));
      const results = tests.length
        ? await db
            .select({ result: testResults, instrumentName: instruments.name })
            .from(testResults)
            .innerJoin(instruments, eq(instruments.id, testResults.instrumentId))
            .where(inArray(testResults.sampleTestId, tests.map((t) => t.id)))
            .orderBy(desc(testResults.version))
        : [];
      const latest = new Map<string, (typeof results)[number]>();
      for (const r of results) if (!latest.has(r.result.sampleTestId)) latest.set(r.result.sampleTestId, r);
      const [approval] = await db
        .select()
        .from(sampleEvents)
        .where(and(eq(sampleEvents.sampleId, sample.id), eq(sampleEvents.step, 'approved'), lte(sampleEvents.at, report.issuedAt)))
        .orderBy(desc(sampleEvents.at))
        .limit(1);

      const findings: Record<IntegrityCheck, string[]> = {
        results_behind_conclusion: [],
        results_after_signing: [],
        signatory_authorized: [],
        instruments_verified: [],
        required_items_tested: [],
        tested_after_receipt: [],
      };

      if (tests.length === 0) findings.results_behind_conclusion.push('报告没有任何检测项目');
      for (const t of tests) if (!latest.has(t.id)) findings.results_behind_conclusion.push(`${t.standard} ${t.parameter} 没有检测结果`);

      // Only the current version vouches for the results as they now stand.
      const signedAt = approval?.at ?? report.issuedAt;
      if (report.status === 'issued') {
        for (const r of results) {
          if (r.result.enteredAt > signedAt) {
            const test = tests.find((t) => t.id === r.result.sampleTestId)!;
            findings.results_after_signing.push(`${test.parameter} 第 ${r.result.version} 版结果录入于签发之后（${r.result.enteredAt.toISOString()}）`);
          }
        }
      }

      const granted = new Set(
        (await db.select({ domain: signatoryAuthorizations.domain }).from(signatoryAuthorizations).where(eq(signatoryAuthorizations.userId, report.signatoryId))).map((g) => g.domain),
      );
      for (const t of tests) {
        const domain = await catalogue.assertQualified(sample.institutionId, t.standard, t.parameter).then(
          (q) => q.domain,
          () => null,
        );
        if (domain === null) findings.signatory_authorized.push(`${t.standard} ${t.parameter} 不在机构当前资质范围内`);
        else if (!granted.has(domain)) findings.signatory_authorized.push(`签字人未获“${domain}”领域授权（${t.parameter}）`);
      }

      const receivedOn = shanghaiDate(sample.receivedAt);
      for (const [testId, r] of latest) {
        const test = tests.find((t) => t.id === testId)!;
        const v = await instrumentService.verificationOn(r.result.instrumentId, r.result.testedOn);
        if (!coversDate(v, r.result.testedOn)) findings.instruments_verified.push(`${test.parameter}：仪器“${r.instrumentName}”在 ${r.result.testedOn} 未处于有效检定/校准状态`);
        if (r.result.testedOn < receivedOn) findings.tested_after_receipt.push(`${test.parameter} 检测日期 ${r.result.testedOn} 早于收样日期 ${receivedOn}`);
      }

      for (const standard of new Set(tests.map((t) => t.standard))) {
        const required = await db
          .select({ parameter: testItems.parameter })
          .from(testItems)
          .where(and(eq(testItems.institutionId, sample.institutionId), eq(testItems.standard, standard), eq(testItems.required, true), eq(testItems.active, true)));
        const tested = new Set(tests.filter((t) => t.standard === standard).map((t) => t.parameter));
        const missing = required.filter((r) => !tested.has(r.parameter)).map((r) => r.parameter);
        if (missing.length) findings.required_items_tested.push(`${standard} 要求的项目未检测：${missing.join('、')}`);
      }

      const checks = (Object.keys(findings) as IntegrityCheck[]).map((check) => ({
        check,
        label: INTEGRITY_CHECK_LABELS[check].zh,
        ok: findings[check].length === 0,
        findings: findings[check],
      }));
      return { reportId, ok: checks.every((c) => c.ok), checks };
    },
  };
}
