import { and, asc, count, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  InstrumentCreateBody,
  InstrumentListQuery,
  InstrumentUpdateBody,
  InstrumentVerificationBody,
  InstrumentView,
} from '@shijian/contracts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape, type Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import { instrumentEntity, instrumentVerificationEntity } from './entities.js';
import { instrumentVerifications, instruments } from './tables.js';

type InstrumentRow = typeof instruments.$inferSelect;
type VerificationRow = typeof instrumentVerifications.$inferSelect;

export const instrumentScope = (actor: Actor) => scopeFilter(actor, { region: instruments.regionCode, org: instruments.ownerOrgId });

/**
 * The end of validity in force now: the latest record decides, so a failed
 * verification after a passing one makes the instrument invalid at once.
 */
const currentValidUntil = sql<string | null>`(select case when v.passed then v.valid_until end
  from ${instrumentVerifications} v where v.instrument_id = ${instruments.id}
  order by v.performed_on desc, v.created_at desc limit 1)`;

const SORT: Record<string, SQL | AnyPgColumn> = {
  name: instruments.name,
  serialNumber: instruments.serialNumber,
  validUntil: currentValidUntil,
  createdAt: instruments.createdAt,
};

/** The verification in force on a date: the latest one performed on or before it. */
export async function verificationOn(db: Db, instrumentId: string, date: string): Promise<VerificationRow | undefined> {
  const [row] = await db
    .select()
    .from(instrumentVerifications)
    .where(and(eq(instrumentVerifications.instrumentId, instrumentId), lte(instrumentVerifications.performedOn, date)))
    .orderBy(desc(instrumentVerifications.performedOn), desc(instrumentVerifications.createdAt))
    .limit(1);
  return row;
}

/** Whether an instrument may back a result on `date` (检验检测机构监督管理办法 art. 13(2)). */
export function coversDate(v: VerificationRow | undefined, date: string): boolean {
  return !!v && v.passed && v.performedOn <= date && v.validUntil >= date;
}

export function createInstruments(deps: Deps, orgService: Orgs) {
  const { db, clock, audit, calendar } = deps;

  async function latestByInstrument(ids: string[]) {
    if (!ids.length) return new Map<string, VerificationRow>();
    const rows = await db
      .selectDistinctOn([instrumentVerifications.instrumentId])
      .from(instrumentVerifications)
      .where(inArray(instrumentVerifications.instrumentId, ids))
      .orderBy(asc(instrumentVerifications.instrumentId), desc(instrumentVerifications.performedOn), desc(instrumentVerifications.createdAt));
    return new Map(rows.map((r) => [r.instrumentId, r]));
  }

  async function toViews(rows: { instrument: InstrumentRow; ownerName: string }[]): Promise<InstrumentView[]> {
    const latest = await latestByInstrument(rows.map((r) => r.instrument.id));
    const today = calendar.today();
    return rows.map(({ instrument: i, ownerName }) => {
      const v = latest.get(i.id);
      return {
        id: i.id,
        ownerOrgId: i.ownerOrgId,
        ownerName,
        regionCode: i.regionCode,
        name: i.name,
        model: i.model,
        serialNumber: i.serialNumber,
        manufacturer: i.manufacturer,
        measuringRange: i.measuringRange,
        compulsory: i.compulsory,
        status: i.status,
        validUntil: v?.passed ? v.validUntil : null,
        validToday: i.status === 'in_use' && coversDate(v, today),
        lastVerifiedOn: v?.performedOn ?? null,
        lastVerificationPassed: v?.passed ?? null,
        createdAt: i.createdAt.toISOString(),
      };
    });
  }

  const selection = { instrument: instruments, ownerName: orgs.name };

  async function getRow(actor: Actor, id: string) {
    const [row] = await db
      .select(selection)
      .from(instruments)
      .innerJoin(orgs, eq(orgs.id, instruments.ownerOrgId))
      .where(and(eq(instruments.id, id), instrumentScope(actor)));
    if (!row) throw notFound('instrument', id);
    return row;
  }

  async function detail(actor: Actor, id: string) {
    const row = await getRow(actor, id);
    const verifications = await db
      .select()
      .from(instrumentVerifications)
      .where(eq(instrumentVerifications.instrumentId, id))
      .orderBy(desc(instrumentVerifications.performedOn), desc(instrumentVerifications.createdAt));
    const [view] = await toViews([row]);
    return {
      ...view!,
      verifications: verifications.map((v) => ({
        id: v.id,
        kind: v.kind,
        performedOn: v.performedOn,
        validUntil: v.validUntil,
        certificateNo: v.certificateNo,
        performedBy: v.performedBy,
        passed: v.passed,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  /** Owners write their own ledger; the platform admin may write any institution's or enterprise's. */
  async function ownerFor(actor: Actor, ownerOrgId: string | undefined) {
    const id = ownerOrgId ?? actor.orgId;
    if (!id) throw invalid('ownerOrgId', '请选择器具所属单位');
    if (actor.orgKind !== 'platform' && actor.kind !== 'system' && id !== actor.orgId) {
      throw invalid('ownerOrgId', '只能登记本单位的计量器具');
    }
    const owner = await orgService.getVisible(actor, id).catch(() => {
      throw invalid('ownerOrgId', '所属单位不存在或不在您的管辖范围内');
    });
    if (owner.kind !== 'institution' && owner.kind !== 'enterprise') throw invalid('ownerOrgId', '计量器具只能属于技术机构或企业');
    if (!owner.regionCode) throw invalid('ownerOrgId', '所属单位缺少所在地区');
    return owner;
  }

  /** Writes go to the owner's own records only, even for readers with a wider scope. */
  function assertOwner(actor: Actor, row: InstrumentRow) {
    if (actor.orgKind !== 'platform' && actor.kind !== 'system' && row.ownerOrgId !== actor.orgId) throw notFound('instrument', row.id);
  }

  return {
    verificationOn: (instrumentId: string, date: string) => verificationOn(db, instrumentId, date),
    async list(actor: Actor, q: z.infer<typeof InstrumentListQuery>) {
      authorize(actor, 'instrument.read');
      const where = and(
        instrumentScope(actor),
        q.ownerOrgId ? eq(instruments.ownerOrgId, q.ownerOrgId) : undefined,
        q.status ? eq(instruments.status, q.status) : undefined,
        q.q ? or(ilike(instruments.name, `%${likeEscape(q.q)}%`), ilike(instruments.serialNumber, `${likeEscape(q.q)}%`)) : undefined,
        q.dueBy ? sql`coalesce(${currentValidUntil}, '0001-01-01') <= ${q.dueBy}` : undefined,
      );
      const [total] = await db.select({ n: count() }).from(instruments).where(where);
      const sortKey = SORT[q.sort]!;
      const rows = await db
        .select(selection)
        .from(instruments)
        .innerJoin(orgs, eq(orgs.id, instruments.ownerOrgId))
        .where(where)
        .orderBy(q.order === 'desc' ? desc(sortKey) : asc(sortKey), asc(instruments.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(await toViews(rows), total?.n, q);
    },
    get(actor: Actor, id: string) {
      authorize(actor, 'instrument.read');
      return detail(actor, id);
    },
    async create(actor: Actor, body: z.infer<typeof InstrumentCreateBody>) {
      authorize(actor, 'instrument.write');
      const owner = await ownerFor(actor, body.ownerOrgId);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(instruments)
          .values({
            ownerOrgId: owner.id,
            regionCode: owner.regionCode!,
            name: body.name,
            model: body.model,
            serialNumber: body.serialNumber,
            manufacturer: body.manufacturer,
            measuringRange: body.measuringRange,
            compulsory: body.compulsory,
            status: 'in_use',
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: instruments.id });
        if (!inserted.length) {
          throw conflict('INSTRUMENT_DUPLICATE', `本单位已登记出厂编号为 ${body.serialNumber} 的器具`, { fields: [{ field: 'serialNumber', message: '出厂编号已登记' }] });
        }
        await audit.append(tx, actor, { action: 'instrument.registered', entity: instrumentEntity, id: inserted[0]!.id });
        return inserted[0]!.id;
      });
      return detail(actor, id);
    },
    async update(actor: Actor, id: string, body: z.infer<typeof InstrumentUpdateBody>) {
      authorize(actor, 'instrument.write');
      assertOwner(actor, (await getRow(actor, id)).instrument);
      await db.transaction(async (tx) => {
        await tx.update(instruments).set({ ...body, updatedAt: clock.now() }).where(eq(instruments.id, id));
        await audit.append(tx, actor, { action: 'instrument.updated', entity: instrumentEntity, id });
      });
      return detail(actor, id);
    },
    async addVerification(actor: Actor, id: string, body: z.infer<typeof InstrumentVerificationBody>) {
      authorize(actor, 'instrument.write');
      assertOwner(actor, (await getRow(actor, id)).instrument);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(instrumentVerifications)
          .values({ instrumentId: id, ...body, createdAt: clock.now() })
          .returning({ id: instrumentVerifications.id });
        await audit.append(tx, actor, { action: 'instrument.verified', entity: instrumentVerificationEntity, id: row!.id });
      });
      return detail(actor, id);
    },
  };
}

export type Instruments = ReturnType<typeof createInstruments>;
