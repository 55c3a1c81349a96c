import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CertificateListQuery, CertificateView, CompulsoryItemView, LedgerDetailsBody, LedgerDetailsView, PublicCertificateVerification, VerificationRecordBody } from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import { withinRegion, type Actor } from '../../platform/actor.js';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import { derivedCode } from '../../platform/codes.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape } from '../identity/orgs.js';
import { users } from '../identity/tables.js';
import type { Notice, Notifications } from '../notifications/service.js';
import { instrumentVerificationEntity } from '../registry/entities.js';
import { instrumentScope } from '../registry/instruments.js';
import { institutions, instrumentVerifications, instruments } from '../registry/tables.js';
import { institutionOfActor } from '../services/catalogue.js';
import { onsiteDispatches, serviceItems, serviceRequestLines, serviceRequests } from '../services/tables.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import { COMPULSORY_CATALOGUE } from './compulsory-catalogue.js';
import { certificateEntity, compulsoryItemEntity, ledgerDetailsEntity } from './entities.js';
import { certificateCounters, compulsoryItems, ledgerDetails, verificationCertificates } from './tables.js';

/** Verification due within this many days is announced to the instrument's owner. */
export const DUE_NOTICE_DAYS = 30;

/**
 * The last day of validity after `months`: the day before the same date that many months on
 * (2026-03-15 + 12 → 2027-03-14); where that month has no such date, its last day
 * (2024-02-29 + 12 → 2025-02-28, 2026-01-31 + 1 → 2026-02-28).
 */
export function validUntilAfter(performedOn: string, months: number): string {
  const [y, m, d] = performedOn.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const end = d > lastDay ? new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), lastDay)) : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** Loads the compulsory-verification catalogue (reference data; never overwrites an existing entry). */
export async function seedCompulsoryCatalogue(db: Db, audit: Deps['audit'], actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(compulsoryItems).values(COMPULSORY_CATALOGUE).onConflictDoNothing({ target: compulsoryItems.code }).returning({ id: compulsoryItems.id });
    await audit.append(tx, actor, inserted.map((r) => ({ action: 'metrology.catalogue_loaded' as const, entity: compulsoryItemEntity, id: r.id })));
    return inserted.length;
  });
}

/**
 * Metrology: the compulsory catalogue, the ledger's e-CQS fields, verification done for a
 * service request with its certificate or result notice, and due reminders to owners.
 */
export function createMetrology(deps: Deps, services: { notifications: Notifications }) {
  const { db, clock, audit, calendar, publicUrl } = deps;

  // Derived from the certificate's random id, so certificates issued before codes existed have
  // one too and the audited row stays as it was.
  const verification = (id: string, certificateNo: string) => {
    const verificationCode = derivedCode(`verification_certificate:${id}`);
    return { verificationCode, verifyUrl: `${publicUrl}/verify/certificate?no=${encodeURIComponent(certificateNo)}&code=${verificationCode}` };
  };

  const certificateScope = (actor: Actor): SQL => {
    const { scope } = actor;
    if (scope.kind === 'all') return sql`true`;
    if (scope.kind === 'region') return withinRegion(verificationCertificates.regionCode, scope.prefix);
    if (scope.kind === 'org') return or(eq(verificationCertificates.requesterOrgId, scope.orgId), sql`${verificationCertificates.institutionId} in (select id from institutions where org_id = ${scope.orgId})`)!;
    return sql`false`;
  };

  const nameOf = (column: AnyPgColumn) => sql<string>`(select ${users.displayName} from ${users} where ${users.id} = ${column})`;
  const certificateQuery = () =>
    db
      .select({
        c: verificationCertificates,
        requestNo: serviceRequests.requestNo,
        institutionName: institutions.name,
        verifierName: nameOf(verificationCertificates.verifierId),
        checkerName: nameOf(verificationCertificates.checkerId),
        approverName: nameOf(verificationCertificates.approverId),
      })
      .from(verificationCertificates)
      .innerJoin(serviceRequests, eq(serviceRequests.id, verificationCertificates.requestId))
      .innerJoin(institutions, eq(institutions.id, verificationCertificates.institutionId));
  type CertRow = Awaited<ReturnType<ReturnType<typeof certificateQuery>['execute']>>[number];
  const toView = ({ c, ...j }: CertRow): CertificateView => ({
    id: c.id,
    certificateNo: c.certificateNo,
    kind: c.kind,
    requestId: c.requestId,
    requestNo: j.requestNo,
    institutionId: c.institutionId,
    institutionName: j.institutionName,
    regionCode: c.regionCode,
    clientName: c.clientName,
    instrumentId: c.instrumentId,
    dispatchId: c.dispatchId,
    instrumentName: c.instrumentName,
    model: c.model,
    serialNumber: c.serialNumber,
    manufacturer: c.manufacturer,
    measuringRange: c.measuringRange,
    accuracyClass: c.accuracyClass,
    regulation: c.regulation,
    referenceStandard: c.referenceStandard,
    conclusion: c.conclusion,
    passed: c.passed,
    performedOn: c.performedOn,
    validUntil: c.validUntil,
    verifierName: j.verifierName,
    checkerName: j.checkerName,
    approverName: j.approverName,
    createdAt: c.createdAt.toISOString(),
    ...verification(c.id, c.certificateNo),
  });

  async function certificate(actor: Actor, id: string): Promise<CertificateView> {
    authorize(actor, 'metrology.read');
    const [row] = await certificateQuery().where(and(eq(verificationCertificates.id, id), certificateScope(actor)));
    if (!row) throw notFound('verification_certificate', id);
    return toView(row);
  }

  async function nextNumber(tx: Db, institutionId: string, year: number, kind: CertificateView['kind']): Promise<number> {
    const [row] = await tx
      .insert(certificateCounters)
      .values({ institutionId, year, kind, value: 1 })
      .onConflictDoUpdate({ target: [certificateCounters.institutionId, certificateCounters.year, certificateCounters.kind], set: { value: sql`${certificateCounters.value} + 1` } })
      .returning({ value: certificateCounters.value });
    return row!.value;
  }

  async function ownInstrument(actor: Actor, instrumentId: string) {
    const [row] = await db.select().from(instruments).where(and(eq(instruments.id, instrumentId), instrumentScope(actor)));
    if (!row) throw notFound('instrument', instrumentId);
    return row;
  }

  async function detailsView(instrumentId: string): Promise<LedgerDetailsView | null> {
    const [row] = await db
      .select({ d: ledgerDetails, item: compulsoryItems.item })
      .from(ledgerDetails)
      .leftJoin(compulsoryItems, eq(compulsoryItems.id, ledgerDetails.compulsoryItemId))
      .where(eq(ledgerDetails.instrumentId, instrumentId));
    if (!row) return null;
    const { d, item } = row;
    return { ...d, compulsoryItemId: d.compulsoryItemId, compulsoryItem: item, updatedAt: d.updatedAt.toISOString() };
  }

  // Due reminders: owners hear of a verification running out within 30 days, once per validity.
  services.notifications.register(async () => {
    const today = calendar.today();
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
    const due = await rawRows<{ id: string; owner: string; name: string; serial: string; valid_until: string }>(
      db,
      sql`select i.id, i.owner_org_id as owner, i.name, i.serial_number as serial, v.valid_until::text
          from ${instruments} i
          join lateral (select passed, valid_until from ${instrumentVerifications} where instrument_id = i.id order by performed_on desc, created_at desc limit 1) v on true
          where i.status = 'in_use' and v.passed and v.valid_until >= ${today} and v.valid_until <= ${horizon}
          order by v.valid_until limit 500`,
    );
    if (!due.length) return;
    const notices: Notice[] = due.map((d) => ({
      orgId: d.owner,
      kind: 'instrument_due',
      title: `计量器具 ${d.name}（${d.serial}）将于 ${d.valid_until} 到期`,
      body: `检定有效期至 ${d.valid_until}，请在到期前预约检定；到期后不得用于检验检测或贸易结算。`,
      link: `/instruments/${d.id}`,
      dedupeKey: `instrument-due:${d.id}:${d.valid_until}`,
    }));
    await db.transaction((tx) => services.notifications.send(tx, notices));
  });

  return {
    certificate,

    async compulsoryCatalogue(): Promise<CompulsoryItemView[]> {
      const rows = await db.select().from(compulsoryItems).orderBy(asc(compulsoryItems.sortOrder), asc(compulsoryItems.code));
      return rows.map((r) => ({ id: r.id, item: r.item, kinds: r.kinds, mode: r.mode, scope: r.scope, periodMonths: r.periodMonths, epidemic: r.epidemic }));
    },

    async ledgerDetails(actor: Actor, instrumentId: string): Promise<LedgerDetailsView | null> {
      authorize(actor, 'instrument.read');
      await ownInstrument(actor, instrumentId);
      return detailsView(instrumentId);
    },

    /** The owner records the e-CQS fields of its instrument. */
    async setLedgerDetails(actor: Actor, instrumentId: string, body: LedgerDetailsBody): Promise<LedgerDetailsView> {
      authorize(actor, 'instrument.write');
      const row = await ownInstrument(actor, instrumentId);
      if (actor.kind !== 'system' && actor.orgKind !== 'platform' && row.ownerOrgId !== actor.orgId) throw notFound('instrument', instrumentId);
      if (body.compulsoryItemId) {
        const [item] = await db.select({ id: compulsoryItems.id }).from(compulsoryItems).where(eq(compulsoryItems.id, body.compulsoryItemId));
        if (!item) throw invalid('compulsoryItemId', '强制检定目录中没有该项目');
      }
      const values = { ...body, compulsoryItemId: body.compulsoryItemId ?? null, updatedAt: clock.now() };
      await db.transaction(async (tx) => {
        await tx.insert(ledgerDetails).values({ instrumentId, ...values }).onConflictDoUpdate({ target: ledgerDetails.instrumentId, set: values });
        await audit.append(tx, actor, { action: 'metrology.ledger_updated', entity: ledgerDetailsEntity, id: instrumentId });
      });
      return (await detailsView(instrumentId))!;
    },

    /**
     * A verification done for an accepted request: the certificate (pass) or result notice
     * (fail), and — for an instrument of the requester's ledger — its verification record.
     * The verifier, checker and approver are three different people of the institution.
     */
    async recordVerification(actor: Actor, requestId: string, body: VerificationRecordBody): Promise<CertificateView> {
      authorize(actor, 'metrology.verify');
      const institution = await institutionOfActor(db, actor);
      const [request] = institution
        ? await db.select().from(serviceRequests).where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.institutionId, institution.id)))
        : [];
      if (!institution || !request) throw notFound('service_request', requestId);
      if (request.status !== 'accepted') throw conflict('NOT_ACCEPTED', '只能为已受理的申请出具检定证书');
      const [line] = await db
        .select({ l: serviceRequestLines, kind: serviceItems.kind, itemName: serviceItems.name })
        .from(serviceRequestLines)
        .innerJoin(serviceItems, eq(serviceItems.id, serviceRequestLines.itemId))
        .where(and(eq(serviceRequestLines.id, body.lineId), eq(serviceRequestLines.requestId, requestId)));
      if (!line) throw invalid('lineId', '该项目不属于本申请');
      if (line.l.referredToRequestId) throw invalid('lineId', '该项目已转介其他机构');
      if (line.kind !== 'verification') throw invalid('lineId', `「${line.itemName}」不是计量检定项目，不出具检定证书`);
      if (body.performedOn > calendar.today()) throw invalid('performedOn', '检定日期不能晚于今天');

      if (body.dispatchId) {
        const [dispatch] = await db
          .select({ id: onsiteDispatches.id })
          .from(onsiteDispatches)
          .where(and(eq(onsiteDispatches.id, body.dispatchId), eq(onsiteDispatches.institutionId, institution.id)));
        if (!dispatch) throw invalid('dispatchId', '上门服务记录不存在或不属于本机构');
      }

      const signers = [actor.userId!, body.checkerId, body.approverId];
      if (new Set(signers).size !== 3) throw invalid('checkerId', '检定员、核验员、批准人应为三个不同的人');
      const staff = await db.select({ id: users.id, orgId: users.orgId, disabled: users.disabled }).from(users).where(inArray(users.id, [body.checkerId, body.approverId]));
      for (const [field, id] of [['checkerId', body.checkerId], ['approverId', body.approverId]] as const) {
        const user = staff.find((s) => s.id === id);
        if (!user || user.orgId !== institution.orgId || user.disabled) throw invalid(field, '应为本机构在职人员');
      }

      let instrument: { id: string | null; name: string; model: string; serialNumber: string; manufacturer: string; measuringRange: string; accuracyClass: string; periodMonths: number | null };
      if (body.instrumentId) {
        const [row] = await db
          .select({ i: instruments, d: ledgerDetails, periodMonths: compulsoryItems.periodMonths })
          .from(instruments)
          .leftJoin(ledgerDetails, eq(ledgerDetails.instrumentId, instruments.id))
          .leftJoin(compulsoryItems, eq(compulsoryItems.id, ledgerDetails.compulsoryItemId))
          .where(eq(instruments.id, body.instrumentId));
        if (!row || !request.requesterOrgId || row.i.ownerOrgId !== request.requesterOrgId) throw invalid('instrumentId', '器具不在申请单位的计量器具台账中');
        instrument = { ...row.i, accuracyClass: row.d?.accuracyClass ?? '', periodMonths: row.periodMonths };
      } else {
        instrument = { id: null, ...body.instrument!, periodMonths: null };
      }
      const validUntil = body.passed ? (body.validUntil ?? (instrument.periodMonths ? validUntilAfter(body.performedOn, instrument.periodMonths) : null)) : null;
      if (body.passed && !validUntil) throw invalid('validUntil', '该器具不在强制检定目录中，请填写有效期至');

      const kind = body.passed ? 'certificate' : 'failure_notice';
      const id = await db.transaction(async (tx) => {
        const year = Number(body.performedOn.slice(0, 4));
        const seq = await nextNumber(tx, institution.id, year, kind);
        const certificateNo = `${kind === 'certificate' ? 'JD' : 'JT'}${institution.regionCode}-${year}-${String(seq).padStart(5, '0')}`;
        let verificationId: string | null = null;
        if (instrument.id) {
          const [v] = await tx
            .insert(instrumentVerifications)
            .values({
              instrumentId: instrument.id,
              kind: 'verification',
              performedOn: body.performedOn,
              validUntil: validUntil ?? body.performedOn,
              certificateNo,
              performedBy: institution.name,
              passed: body.passed,
              createdAt: clock.now(),
            })
            .returning({ id: instrumentVerifications.id });
          verificationId = v!.id;
        }
        const [c] = await tx
          .insert(verificationCertificates)
          .values({
            certificateNo,
            kind,
            requestId,
            requestLineId: line.l.id,
            institutionId: institution.id,
            regionCode: institution.regionCode,
            requesterOrgId: request.requesterOrgId,
            clientName: request.requesterName,
            instrumentId: instrument.id,
            verificationId,
            dispatchId: body.dispatchId ?? null,
            instrumentName: instrument.name,
            model: instrument.model,
            serialNumber: instrument.serialNumber,
            manufacturer: instrument.manufacturer,
            measuringRange: instrument.measuringRange,
            accuracyClass: instrument.accuracyClass,
            regulation: body.regulation,
            referenceStandard: body.referenceStandard,
            conclusion: body.conclusion,
            passed: body.passed,
            performedOn: body.performedOn,
            validUntil,
            verifierId: actor.userId!,
            checkerId: body.checkerId,
            approverId: body.approverId,
            createdAt: clock.now(),
          })
          .returning({ id: verificationCertificates.id });
        await audit.append(tx, actor, [
          ...(verificationId ? [{ action: 'instrument.verified' as const, entity: instrumentVerificationEntity, id: verificationId }] : []),
          { action: kind === 'certificate' ? ('metrology.certificate_issued' as const) : ('metrology.failure_notice_issued' as const), entity: certificateEntity, id: c!.id },
        ]);
        if (request.requesterOrgId) {
          await services.notifications.send(tx, [
            {
              orgId: request.requesterOrgId,
              kind: 'certificate_issued',
              title: `${kind === 'certificate' ? '检定证书' : '检定结果通知书'} ${certificateNo} 已出具`,
              body: `${instrument.name}（${instrument.serialNumber}）${body.passed ? `检定合格，有效期至 ${validUntil}` : '检定不合格'}。`,
              link: `/services/requests/${requestId}`,
              dedupeKey: `certificate:${c!.id}`,
            },
          ]);
        }
        return c!.id;
      });
      return certificate(actor, id);
    },

    /** The people of the caller's institution, for the verifier to name a checker and an approver. */
    async staff(actor: Actor) {
      authorize(actor, 'metrology.verify');
      const institution = await institutionOfActor(db, actor);
      if (!institution) return [];
      return db
        .select({ id: users.id, displayName: users.displayName, roles: users.roles })
        .from(users)
        .where(and(eq(users.orgId, institution.orgId), eq(users.disabled, false)))
        .orderBy(asc(users.displayName));
    },

    /**
     * The requester's ledger, for the institution holding its request: the instruments it may
     * verify for it. Nobody else's ledger, and only while the institution holds the request.
     */
    async requesterInstruments(actor: Actor, requestId: string) {
      authorize(actor, 'metrology.verify');
      const institution = await institutionOfActor(db, actor);
      const [request] = institution
        ? await db.select().from(serviceRequests).where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.institutionId, institution.id)))
        : [];
      if (!request) throw notFound('service_request', requestId);
      if (!request.requesterOrgId) return [];
      return db
        .select({
          id: instruments.id,
          name: instruments.name,
          model: instruments.model,
          serialNumber: instruments.serialNumber,
          manufacturer: instruments.manufacturer,
          measuringRange: instruments.measuringRange,
          status: instruments.status,
          accuracyClass: ledgerDetails.accuracyClass,
          compulsoryItem: compulsoryItems.item,
          periodMonths: compulsoryItems.periodMonths,
        })
        .from(instruments)
        .leftJoin(ledgerDetails, eq(ledgerDetails.instrumentId, instruments.id))
        .leftJoin(compulsoryItems, eq(compulsoryItems.id, ledgerDetails.compulsoryItemId))
        .where(eq(instruments.ownerOrgId, request.requesterOrgId))
        .orderBy(asc(instruments.name), asc(instruments.serialNumber))
        .limit(500);
    },

    async certificates(actor: Actor, q: z.infer<typeof CertificateListQuery>) {
      authorize(actor, 'metrology.read');
      const conditions: (SQL | undefined)[] = [certificateScope(actor)];
      if (q.requestId) conditions.push(eq(verificationCertificates.requestId, q.requestId));
      if (q.kind) conditions.push(eq(verificationCertificates.kind, q.kind));
      if (q.q) {
        const like = `%${likeEscape(q.q)}%`;
        conditions.push(or(ilike(verificationCertificates.certificateNo, like), ilike(verificationCertificates.instrumentName, like), ilike(verificationCertificates.serialNumber, like)));
      }
      const where = and(...conditions);
      const order = q.order === 'asc' ? [asc(verificationCertificates.createdAt), asc(verificationCertificates.id)] : [desc(verificationCertificates.createdAt), desc(verificationCertificates.id)];
      const [rows, [total]] = await Promise.all([
        certificateQuery()
          .where(where)
          .orderBy(...order)
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(verificationCertificates).where(where),
      ]);
      return paged(rows.map(toView), total?.n, q);
    },

    /** Public verification by number and code: what is printed on the paper, never the people or the request. */
    async verifyCertificate(certificateNo: string, code: string): Promise<PublicCertificateVerification> {
      const [row] = await certificateQuery().where(eq(verificationCertificates.certificateNo, certificateNo)).limit(1);
      const checkedOn = shanghaiDate(clock.now());
      if (!row || verification(row.c.id, row.c.certificateNo).verificationCode !== code.toUpperCase()) {
        return { status: 'not_found', message: '未找到与该编号和验证码相符的检定证书或检定结果通知书，请核对后重试；仍有疑问请向出具机构或当地市场监管部门核实。', certificate: null };
      }
      const { c, institutionName } = row;
      const validity = c.kind !== 'certificate' || !c.validUntil ? 'none' : c.validUntil >= checkedOn ? 'valid' : 'expired';
      const message =
        c.kind === 'failure_notice'
          ? `该检定结果通知书由${institutionName}出具，真实有效：该计量器具经检定不合格，不得继续使用。`
          : validity === 'valid'
            ? `该检定证书由${institutionName}出具，真实有效，在有效期内（至 ${c.validUntil}）。`
            : validity === 'expired'
              ? `该检定证书由${institutionName}出具，但已于 ${c.validUntil} 超过有效期，器具须重新检定后方可使用。`
              : `该检定证书由${institutionName}出具，真实有效。`;
      return {
        status: 'authentic',
        message,
        certificate: {
          certificateNo: c.certificateNo,
          kind: c.kind,
          institutionName,
          clientName: c.clientName,
          instrumentName: c.instrumentName,
          model: c.model,
          serialNumber: c.serialNumber,
          conclusion: c.conclusion,
          performedOn: c.performedOn,
          validUntil: c.validUntil,
          validity,
          checkedOn,
        },
      };
    },

    async certificatePdf(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
      const c = await certificate(actor, id);
      const [inst] = await db.select({ name: institutions.name, address: institutions.address, cmaNumber: institutions.cmaNumber }).from(institutions).where(eq(institutions.id, c.institutionId));
      return { bytes: await renderCertificatePdf(c, inst!), fileName: `${c.certificateNo}.pdf` };
    },
  };
}

export type Metrology = ReturnType<typeof createMetrology>;
