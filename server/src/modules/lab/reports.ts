import { and, asc, count, desc, eq, ilike, or } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Judgement,
  JUDGEMENT_LABELS,
  SAMPLE_SOURCE_LABELS,
  type PublicVerification,
  type ReportListQuery,
  type ReportView,
} from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import { randomCode } from '../../platform/codes.js';
import type { Actor } from '../../platform/actor.js';
import { canonicalJson, sha256Hex } from '../../platform/audit/canonical.js';
import { chainOf } from '../../platform/audit/chain.js';
import { auditChains } from '../../platform/audit/tables.js';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { TtlCache } from '../../platform/ttl-cache.js';
import { authorize } from '../../platform/policy.js';
import { users } from '../identity/tables.js';
import { institutions } from '../registry/tables.js';
import { reportEntity, sampleEntity, sampleEventEntity } from './entities.js';
import { conclusionOf, limitLabel } from './judgement.js';
import { readDigest, renderReportPdf, type ReportDocument } from './report-pdf.js';
import type { Samples } from './samples.js';
import { sampleScope } from './scope.js';
import { nextNumber, RETENTION_YEARS } from './samples.js';
import { reports, sampleEvents, samples } from './tables.js';

type ReportRow = typeof reports.$inferSelect;
export type IssuedListener = (tx: Db, actor: Actor, report: { id: string; sampleId: string; conclusion: Judgement; version: number }) => Promise<void>;


export function createReports(deps: Deps, sampleService: Samples) {
  const { db, clock, audit, publicUrl } = deps;
  // Issued reports never change; only "superseded" can appear, and this process clears the
  // cache when it issues. Another instance's amendment shows here within the minute.
  const verifications = new TtlCache<{ answer: PublicVerification; json: string }>(60_000, 50_000);

  // Other modules follow issued reports (a sampled batch gets its result) in the issuing transaction.
  const issuedListeners: IssuedListener[] = [];

  const columns = {
    report: reports,
    sampleNo: samples.sampleNo,
    signatoryName: users.displayName,
  };

  function toView(r: { report: ReportRow; sampleNo: string; signatoryName: string }): ReportView {
    const { report } = r;
    return {
      id: report.id,
      sampleId: report.sampleId,
      sampleNo: r.sampleNo,
      reportNo: report.reportNo,
      version: report.version,
      status: report.status,
      conclusion: report.conclusion,
      productName: report.productName,
      institutionName: report.institutionName,
      issuedAt: report.issuedAt.toISOString(),
      signatoryName: r.signatoryName,
      amendmentReason: report.amendmentReason,
      verificationCode: report.verificationCode,
      pdfSha256: report.pdfSha256,
      contentSha256: report.contentSha256,
      chainId: report.chainId,
      chainSeq: report.chainSeq,
      chainHeadHash: report.chainHeadHash,
    };
  }

  async function getScoped(actor: Actor, id: string) {
    const [row] = await db
      .select(columns)
      .from(reports)
      .innerJoin(samples, eq(samples.id, reports.sampleId))
      .innerJoin(users, eq(users.id, reports.signatoryId))
      .where(and(eq(reports.id, id), sampleScope(actor)));
    if (!row) throw notFound('report', id);
    return row;
  }

  async function lastEvent(sampleId: string, step: string) {
    const [row] = await db
      .select({ byUser: sampleEvents.byUser, reason: sampleEvents.reason, name: users.displayName })
      .from(sampleEvents)
      .innerJoin(users, eq(users.id, sampleEvents.byUser))
      .where(and(eq(sampleEvents.sampleId, sampleId), eq(sampleEvents.step, step)))
      .orderBy(desc(sampleEvents.at), desc(sampleEvents.id))
      .limit(1);
    return row ?? null;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof ReportListQuery>) {
      authorize(actor, 'lab.sample.read');
      const where = and(
        sampleScope(actor),
        q.status ? eq(reports.status, q.status) : undefined,
        q.sampleId ? eq(reports.sampleId, q.sampleId) : undefined,
        q.q ? or(ilike(reports.reportNo, `%${q.q.replace(/[\\%_]/g, '')}%`), ilike(reports.productName, `%${q.q.replace(/[\\%_]/g, '')}%`)) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(reports).innerJoin(samples, eq(samples.id, reports.sampleId)).where(where);
      const rows = await db
        .select(columns)
        .from(reports)
        .innerJoin(samples, eq(samples.id, reports.sampleId))
        .innerJoin(users, eq(users.id, reports.signatoryId))
        .where(where)
        .orderBy(q.order === 'asc' ? asc(reports.issuedAt) : desc(reports.issuedAt), asc(reports.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(rows.map(toView), total?.n, q);
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.read');
      return toView(await getScoped(actor, id));
    },

    async pdf(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.read');
      const { report } = await getScoped(actor, id);
      return { fileName: `${report.reportNo}-v${report.version}.pdf`, bytes: report.pdf };
    },

    /**
     * Issues the report of an approved sample, signed by the signatory who approved
     * it: number and version, PDF with seal, QR code, content digest and the audit
     * chain head at issuance. A sample reopened after issue gets a new version
     * that supersedes the old one.
     */
    /** Called inside the issuing transaction for every report issued, amendments included. */
    onIssued(listener: IssuedListener) {
      issuedListeners.push(listener);
    },

    async issue(actor: Actor, sampleId: string) {
      authorize(actor, 'lab.sample.approve');
      const sample = await sampleService.getRow(actor, sampleId);
      if (sample.status !== 'approved') throw conflict('SAMPLE_STATE', '样品尚未批准，不能签发报告');
      const approval = await lastEvent(sampleId, 'approved');
      if (approval?.byUser !== actor.userId) throw new AppError(403, 'NOT_APPROVER', '报告须由批准该样品的授权签字人签发');
      const review = await lastEvent(sampleId, 'reviewed');
      const detail = await sampleService.detail(actor, sampleId);
      const [institution] = await db.select().from(institutions).where(eq(institutions.id, sample.institutionId));
      const [previous] = await db
        .select()
        .from(reports)
        .where(and(eq(reports.sampleId, sampleId), eq(reports.status, 'issued')))
        .orderBy(desc(reports.version))
        .limit(1);
      const reopened = previous ? await lastEvent(sampleId, 'reopened') : null;
      const conclusion = conclusionOf(detail.tests.map((t) => t.result!.judgement));
      const testers = [...new Set(detail.tests.map((t) => t.result!.enteredByName))].join('、');
      const now = clock.now();
      const issuedOn = shanghaiDate(now);
      const code = randomCode();

      const id = await db.transaction(async (tx) => {
        const reportNo = previous?.reportNo ?? `BG${issuedOn.slice(0, 4)}-${String(await nextNumber(tx, sample.institutionId, 'report', Number(issuedOn.slice(0, 4)))).padStart(6, '0')}`;
        const version = (previous?.version ?? 0) + 1;
        // The chain head before this issuance is printed: rewriting history after it shows.
        const chainId = chainOf(actor);
        await tx.insert(auditChains).values({ chainId, seq: 0, headHash: '0'.repeat(64) }).onConflictDoNothing();
        const [head] = await tx.select().from(auditChains).where(eq(auditChains.chainId, chainId)).for('update');
        const content = {
          institution: { name: institution!.name, cmaNumber: institution!.cmaNumber, address: institution!.address },
          reportNo,
          version,
          issuedOn,
          sample: {
            sampleNo: sample.sampleNo,
            productName: sample.productName,
            specification: sample.specification,
            batchNo: sample.batchNo,
            producerName: sample.producerName,
            producerUscc: sample.producerUscc,
            client: sample.clientName ?? detail.commissioningOrgName ?? '—',
            source: SAMPLE_SOURCE_LABELS[sample.source].zh,
            receivedOn: shanghaiDate(sample.receivedAt),
            quantity: sample.quantity,
            conditionOnArrival: sample.conditionOnArrival,
          },
          tests: detail.tests.map((t) => ({
            parameter: t.parameter,
            standard: t.standard,
            unit: t.unit,
            requirement: limitLabel({ kind: t.limitKind, min: t.limitMin, max: t.limitMax, text: t.limitText }, t.unit),
            value: t.result!.value,
            judgement: JUDGEMENT_LABELS[t.result!.judgement].zh,
          })),
          conclusion:
            conclusion === 'pass'
              ? '所检项目符合检测依据的要求'
              : conclusion === 'fail'
                ? `所检项目中${detail.tests.filter((t) => t.result!.judgement === 'fail').map((t) => t.parameter).join('、')}不符合检测依据的要求`
                : '所检项目不作判定',
          people: { testers, reviewer: review?.name ?? '—', signatory: actor.displayName ?? '' },
          amendment: previous ? { supersedes: `${previous.reportNo} 第 ${previous.version} 版`, reason: reopened?.reason ?? '' } : null,
        };
        const contentSha256 = sha256Hex(canonicalJson(content));
        const document: ReportDocument = {
          ...content,
          issuedAt: now,
          verificationCode: code,
          verifyUrl: `${publicUrl}/verify?no=${encodeURIComponent(reportNo)}&code=${code}`,
          contentSha256,
          chain: { id: chainId, seq: head!.seq, headHash: head!.headHash },
        };
        const pdf = await renderReportPdf(document);
        const [row] = await tx
          .insert(reports)
          .values({
            institutionId: sample.institutionId,
            sampleId,
            reportNo,
            version,
            status: 'issued',
            supersedesId: previous?.id ?? null,
            amendmentReason: previous ? (reopened?.reason ?? null) : null,
            conclusion,
            productName: sample.productName,
            institutionName: institution!.name,
            issuedAt: now,
            signatoryId: actor.userId!,
            verificationCode: code,
            contentSha256,
            pdf: pdf.bytes,
            // The digest printed on the report: SHA-256 of the file with its digest field zeroed.
            pdfSha256: pdf.digest,
            chainId,
            chainSeq: head!.seq,
            chainHeadHash: head!.headHash,
          })
          .returning({ id: reports.id });
        if (previous) await tx.update(reports).set({ status: 'superseded' }).where(eq(reports.id, previous.id));
        await tx.update(samples).set({ status: 'issued' }).where(eq(samples.id, sampleId));
        const [event] = await tx.insert(sampleEvents).values({ sampleId, step: 'issued', byUser: actor.userId!, at: now, reason: null }).returning({ id: sampleEvents.id });
        await audit.append(tx, actor, [
          { action: previous ? 'lab.report_amended' : 'lab.report_issued', entity: reportEntity, id: row!.id },
          ...(previous ? [{ action: 'lab.report_superseded' as const, entity: reportEntity, id: previous.id }] : []),
          { action: 'lab.report_issued', entity: sampleEntity, id: sampleId },
          { action: 'lab.report_issued', entity: sampleEventEntity, id: event!.id },
        ]);
        for (const listener of issuedListeners) await listener(tx, actor, { id: row!.id, sampleId, conclusion, version });
        return row!.id;
      });
      verifications.clear();
      return toView(await getScoped(actor, id));
    },

    /** Starts an amendment: the sample goes back to testing with the reason; the issued report stays valid until replaced. */
    async reopen(actor: Actor, id: string, reason: string) {
      authorize(actor, 'lab.sample.approve');
      const { report } = await getScoped(actor, id);
      if (report.status !== 'issued') throw conflict('REPORT_SUPERSEDED', '该报告已被新版本替代，请对最新版本提出更正');
      await db.transaction(async (tx) => {
        const updated = await tx.update(samples).set({ status: 'testing' }).where(and(eq(samples.id, report.sampleId), eq(samples.status, 'issued'))).returning({ id: samples.id });
        if (!updated.length) throw conflict('SAMPLE_STATE', '该样品已在更正流程中');
        const [event] = await tx.insert(sampleEvents).values({ sampleId: report.sampleId, step: 'reopened', byUser: actor.userId!, at: clock.now(), reason }).returning({ id: sampleEvents.id });
        await audit.append(tx, actor, [
          { action: 'lab.report_reopened', entity: sampleEntity, id: report.sampleId },
          { action: 'lab.report_reopened', entity: sampleEventEntity, id: event!.id },
        ]);
      });
      return sampleService.detail(actor, report.sampleId);
    },

    /** Issued reports are kept six years and are never deleted in the system. */
    async remove(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.read');
      const { report } = await getScoped(actor, id);
      throw new AppError(409, 'RETENTION_PERIOD', `已签发的报告须至少保存${RETENTION_YEARS}年，报告 ${report.reportNo} 第 ${report.version} 版不得删除；如有错误请提出更正，由新版本替代`);
    },

    /** Public verification by number and code: minimal fields, never results. */
    async verify(reportNo: string, code: string): Promise<PublicVerification> {
      return (await this.verifyCached(reportNo, code)).answer;
    },

    /** The answer and its JSON, cached together: the hot path sends the string as it is. */
    async verifyCached(reportNo: string, code: string): Promise<{ answer: PublicVerification; json: string }> {
      const key = `${reportNo}\n${code.toUpperCase()}`;
      const cached = verifications.get(key);
      if (cached) return cached;
      const [row] = await db
        .select(publicColumns)
        .from(reports)
        .where(and(eq(reports.reportNo, reportNo), eq(reports.verificationCode, code.toUpperCase())))
        .limit(1);
      const answer = await describe(db, row);
      const entry = { answer, json: JSON.stringify(answer) };
      // Unknown numbers are not cached: a report may be issued a moment later.
      if (answer.status !== 'not_found') verifications.set(key, entry);
      return entry;
    },

    /**
     * Whether an uploaded file is byte-identical to an issued report: its printed
     * digest must still match the file, and name a report whose bytes are these.
     */
    async verifyFile(bytes: Buffer): Promise<PublicVerification> {
      const printed = readDigest(bytes);
      if (!printed?.matches) return describe(db, undefined, true);
      const [row] = await db.select({ ...publicColumns, pdf: reports.pdf }).from(reports).where(eq(reports.pdfSha256, printed.digest)).limit(1);
      return describe(db, row && row.pdf.equals(bytes) ? row : undefined, true);
    },
  };
}

/** What public verification reads: never the PDF bytes or anything confidential. */
const publicColumns = {
  id: reports.id,
  institutionId: reports.institutionId,
  reportNo: reports.reportNo,
  version: reports.version,
  status: reports.status,
  institutionName: reports.institutionName,
  productName: reports.productName,
  conclusion: reports.conclusion,
  issuedAt: reports.issuedAt,
  pdfSha256: reports.pdfSha256,
};
type PublicRow = { [K in keyof typeof publicColumns]: ReportRow[K] };

async function describe(db: Db, row: PublicRow | undefined, byFile = false): Promise<PublicVerification> {
  if (!row) {
    return {
      status: 'not_found',
      message: byFile ? '该文件与本平台签发的任何报告都不一致（文件可能被修改，或并非本平台签发）' : '未找到该报告：请核对报告编号和验证码',
      report: null,
    };
  }
  const [next] =
    row.status === 'superseded'
      ? await db
          .select({ version: reports.version, issuedAt: reports.issuedAt })
          .from(reports)
          .where(and(eq(reports.institutionId, row.institutionId), eq(reports.reportNo, row.reportNo), eq(reports.supersedesId, row.id)))
      : [];
  const report = {
    institutionName: row.institutionName,
    reportNo: row.reportNo,
    version: row.version,
    productName: row.productName,
    conclusion: row.conclusion,
    issuedOn: shanghaiDate(row.issuedAt),
    pdfSha256: row.pdfSha256,
    supersededBy: next ? { version: next.version, issuedOn: shanghaiDate(next.issuedAt) } : null,
  };
  return row.status === 'issued'
    ? { status: 'authentic', message: `真实有效：${row.institutionName}签发的报告 ${row.reportNo} 第 ${row.version} 版`, report }
    : {
        status: 'superseded',
        message: `报告真实，但已被第 ${next?.version ?? row.version + 1} 版替代${next ? `（${shanghaiDate(next.issuedAt)} 签发）` : ''}，请以最新版本为准`,
        report,
      };
}

export type Reports = ReturnType<typeof createReports>;
