/**
 * Tampering for the reliability suite (issue 8): random modifications made in SQL the way
 * a forger with superuser rights would (triggers off), each recorded with what it touched
 * and the problem `verify-audit` must report for it, so a run can show that every one was
 * found and named — and that nothing else was reported.
 *
 * Every tampering claims the things its expected problem names (a record, an entry of a
 * chain, a chain head) and lists everything it may disturb. A new tampering may neither
 * touch what another claims nor claim what another touches, so each problem is
 * attributable to exactly one cause.
 */
import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rawRows, type Db } from '../db/client.js';
import { enterpriseCategories } from '../modules/registry/tables.js';
import { sampleTests } from '../modules/lab/tables.js';
import { disposalFlows, samplingQuotas } from '../modules/sampling/tables.js';
import { inspectionTargets } from '../modules/inspections/tables.js';
import { GENESIS_HASH, imageHash } from '../platform/audit/canonical.js';
import type { AuditedEntity } from '../platform/audit/entity.js';
import type { AuditProblem, AuditProblemKind } from '../platform/audit/verify.js';
import { REGION_TABLE_ID } from '../platform/regions/service.js';

export const TAMPER_KINDS = [
  'record.update', // a field of an audited record
  'record.child', // a row inside a record's image (a sample's tests, an enterprise's product kinds …)
  'record.delete', // an audited record deleted
  'record.insert', // a row added to an audited table with no audit entry
  'file.bytes', // one byte of an issued report's PDF or a case document's file
  'entry.update', // a field of an audit entry (action, actor, entity, after-hash, time, hashes, chain)
  'entry.delete', // an entry in the middle of a chain
  'entry.swap', // two entries of one chain exchange their places (seq)
  'chain.tail', // the last entry of a chain deleted
  'chain.head', // a chain head rewritten (hash, seq, rewound) or deleted
  'chain.truncate', // the last entry deleted and the head rewound to hide it
] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

/** A problem the verifier must report: one of `kinds`, naming `key`. */
export type Expectation = { kinds: AuditProblemKind[]; key: string };

export type Tamper = {
  kind: TamperKind;
  /** What was done, for people: table, column, record or chain. */
  what: string;
  /** Every expectation must be met for the tampering to count as found. */
  expect: Expectation[];
  /** Keys the expectations name (claimed: nothing else may disturb them). */
  claims: string[];
  /** Every key this tampering may disturb (a superset of `claims`). */
  touches: string[];
};

/** The key a problem names: `e:type:id` for a record, `q:chain:seq` for an entry, `h:chain` for a head. */
export function problemKey(p: AuditProblem): string {
  switch (p.kind) {
    case 'entry_altered':
    case 'link_broken':
    case 'entries_missing':
      return entryKey(p.chainId, p.seq ?? -1);
    case 'head_mismatch':
      return headKey(p.chainId);
    case 'unknown_entity':
      return `t:${p.entityType}`;
    default:
      return entityKey(p.entityType ?? '', p.entityId ?? '');
  }
}

const entityKey = (type: string, id: string) => `e:${type}:${id}`;
const entryKey = (chain: string, seq: number) => `q:${chain}:${seq}`;
const headKey = (chain: string) => `h:${chain}`;

export type Attribution = {
  found: Tamper[];
  missed: Tamper[];
  /** Problems no tampering explains: false alarms, or tampering that spread further than declared. */
  unexplained: AuditProblem[];
};

/** Which tamperings the problems name, and which problems have no tampering behind them. */
export function attribute(tampers: Tamper[], problems: AuditProblem[]): Attribution {
  const byKey = new Map<string, AuditProblem[]>();
  for (const p of problems) byKey.set(problemKey(p), [...(byKey.get(problemKey(p)) ?? []), p]);
  const met = (x: Expectation) => (byKey.get(x.key) ?? []).some((p) => x.kinds.includes(p.kind));
  const found = tampers.filter((t) => t.expect.every(met));
  const touched = new Set(tampers.flatMap((t) => t.touches));
  return { found, missed: tampers.filter((t) => !found.includes(t)), unexplained: problems.filter((p) => !touched.has(problemKey(p))) };
}

/** A small seeded generator (mulberry32): the same seed makes the same tampering. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[int(items.length)]!;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const hex = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, shuffle, hex, uuid };
}
export type Random = ReturnType<typeof seededRandom>;

type Entry = { id: number; chainId: string; seq: number; entityType: string; entityId: string; afterHash: string; actorUserId: string | null; actorOrgId: string | null; action: string };
type Column = { name: string; type: string; category: string; generated: boolean; primary: boolean; unique: boolean };
type TableInfo = { name: string; key: string; keyType: string; columns: Column[] };

/** Audited rows that are also part of another record's image: an inspection target is in its draw's (these columns of it). */
const ALSO_IN: Record<string, { type: string; column: string; picked: string[] }> = {
  inspection_target: { type: 'inspection_draw', column: 'draw_id', picked: ['position', 'enterprise_id', 'tier', 'inspector_user_ids'] },
};

/**
 * Tables whose rows are part of another record's image, with the parent's column (and, when
 * the image picks, the columns it keeps); `audited` when the row is a record of its own too.
 */
const CHILD_TABLES: { table: PgTable; parent: PgColumn; type: string; columns?: string[]; audited?: string }[] = [
  { table: sampleTests, parent: sampleTests.sampleId, type: 'sample' },
  { table: enterpriseCategories, parent: enterpriseCategories.enterpriseId, type: 'enterprise', columns: ['category_code'] },
  { table: samplingQuotas, parent: samplingQuotas.planId, type: 'sampling_plan' },
  { table: disposalFlows, parent: disposalFlows.disposalId, type: 'disposal' },
  { table: inspectionTargets, parent: inspectionTargets.drawId, type: 'inspection_draw', columns: ALSO_IN.inspection_target!.picked, audited: 'inspection_target' },
];

const FILES = [
  { type: 'report', table: 'reports', column: 'pdf' },
  { type: 'case_document', table: 'case_documents', column: 'bytes' },
];

const NULL_IMAGE = imageHash(null);
const ENTRY_FIELDS = ['action', 'actor_user_id', 'actor_org_id', 'entity_id', 'entity_type', 'after_hash', 'at', 'ip', 'user_agent', 'prev_hash', 'hash', 'chain_id'] as const;
const HEAD_CHANGES = ['hash', 'seq', 'rewind', 'delete'] as const;

const id = (name: string) => sql.identifier(name);

/**
 * Reads the database once (entries, heads, records and table shapes) and hands out
 * tamperings, each applied at once in its own transaction with triggers off.
 */
export async function createTamperer(db: Db, entities: AuditedEntity[], seed: number) {
  const rng = seededRandom(seed);
  const entries = (
    await rawRows<{ id: string | number; chain_id: string; seq: string | number; entity_type: string; entity_id: string; after_hash: string; actor_user_id: string | null; actor_org_id: string | null; action: string }>(
      db,
      sql`select id, chain_id, seq, entity_type, entity_id, after_hash, actor_user_id, actor_org_id, action from audit_log order by id`,
    )
  ).map(
    (r): Entry => ({ id: Number(r.id), chainId: r.chain_id, seq: Number(r.seq), entityType: r.entity_type, entityId: r.entity_id, afterHash: r.after_hash, actorUserId: r.actor_user_id, actorOrgId: r.actor_org_id, action: r.action }),
  );
  const heads = new Map(
    (await rawRows<{ chain_id: string; seq: string | number; head_hash: string }>(db, sql`select chain_id, seq, head_hash from audit_chains`)).map((r) => [r.chain_id, { seq: Number(r.seq), hash: r.head_hash }]),
  );
  const byChainSeq = new Map(entries.map((e) => [entryKey(e.chainId, e.seq), e]));
  /** Entries of each record, oldest first. */
  const history = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = entityKey(e.entityType, e.entityId);
    const list = history.get(key);
    if (list) list.push(e);
    else history.set(key, [e]);
  }

  const tables = new Map<string, TableInfo>();
  for (const entity of entities) {
    if (entity.table && entity.idColumn) tables.set(entity.type, await tableInfo(db, getTableName(entity.table), entity.idColumn.name));
  }
  /** Records that exist now (their last entry is not a deletion), by type. */
  const records = new Map<string, string[]>();
  for (const list of history.values()) {
    const last = list.at(-1)!;
    if (last.afterHash === NULL_IMAGE || !entities.some((e) => e.type === last.entityType)) continue;
    const ids = records.get(last.entityType);
    if (ids) ids.push(last.entityId);
    else records.set(last.entityType, [last.entityId]);
  }
  const users = (await rawRows<{ id: string }>(db, sql`select id::text as id from users`)).map((r) => r.id);
  const orgs = (await rawRows<{ id: string }>(db, sql`select id::text as id from orgs`)).map((r) => r.id);
  const actions = [...new Set(entries.map((e) => e.action))];
  const types = entities.map((e) => e.type);

  const claimed = new Set<string>();
  const touched = new Set<string>();
  const free = (claims: string[], touches: string[]) => claims.every((k) => !touched.has(k) && !claimed.has(k)) && touches.every((k) => !claimed.has(k));
  let counter = 0;

  /** Runs one tampering as the forger would: a superuser session with triggers (and so the guards and foreign keys) off. */
  const forge = (work: (tx: Db) => Promise<void>) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await work(tx as unknown as Db);
    });

  /** Tries `attempts` one after another inside savepoints; the first that works wins. */
  async function firstThatWorks(tx: Db, attempts: (() => SQL)[]): Promise<number> {
    for (let i = 0; i < attempts.length; i++) {
      try {
        let changed = 0;
        await tx.transaction(async (sp) => {
          const result = (await sp.execute(attempts[i]!())) as unknown as { rowCount?: number | null; affectedRows?: number };
          changed = Number(result.rowCount ?? result.affectedRows ?? 0);
          if (changed === 0) throw new Error('nothing changed');
        });
        return i;
      } catch (err) {
        // A constraint refused this change (a CHECK, a unique index): try the next.
        if (process.env.TAMPER_DEBUG) console.error(String((err as { cause?: unknown }).cause ?? err));
      }
    }
    return -1;
  }

  const alsoIn = async (type: string, recordId: string, tx: Db = db): Promise<string[]> => {
    const parent = ALSO_IN[type];
    const info = tables.get(type);
    if (!parent || !info) return [];
    const rows = await rawRows<{ parent: string | null }>(tx, sql`select ${id(parent.column)}::text as parent from ${id(info.name)} where ${id(info.key)}::text = ${recordId}`);
    return rows.filter((r) => r.parent).map((r) => entityKey(parent.type, r.parent!));
  };

  const freeRecords = (type: string, kind: TamperKind) =>
    (records.get(type) ?? []).filter((r) => free([entityKey(type, r)], [entityKey(type, r)]) && !refused.has(`${kind}|${entityKey(type, r)}`));
  const wasRefused = (kind: TamperKind, candidate: string) => refused.has(`${kind}|${candidate}`);

  /** Candidates a forger's change could not be made to (a constraint held): not drawn again. */
  const refused = new Set<string>();

  /** One tampering of `kind` (optionally of one record type), or null when none is possible any more. */
  async function apply(kind: TamperKind, options: { type?: string } = {}): Promise<Tamper | null> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const planned = await plan(kind, options.type);
      if (!planned) return null;
      if (planned === 'retry') continue;
      if (!free(planned.claims, planned.touches)) continue;
      let outcome: boolean | string = false;
      try {
        await forge(async (tx) => {
          outcome = await planned.run(tx);
        });
      } catch (err) {
        if (process.env.TAMPER_DEBUG) console.error(String((err as { cause?: unknown }).cause ?? err));
        outcome = false;
      }
      if (outcome === false) {
        refused.add(`${kind}|${planned.candidate}`);
        continue;
      }
      const what = typeof outcome === 'string' ? outcome : planned.what;
      const tamper: Tamper = { kind, what, expect: planned.expect, claims: planned.claims, touches: planned.touches };
      for (const k of tamper.claims) claimed.add(k);
      for (const k of tamper.touches) touched.add(k);
      return tamper;
    }
    return null;
  }

  /**
   * `run` answers false when nothing could be changed, or the description of what was;
   * `candidate` names what was drawn, so a refused one is not drawn again.
   */
  type Planned = Omit<Tamper, 'kind'> & { candidate: string; run(tx: Db): Promise<boolean | string> };

  const single = (kinds: AuditProblemKind[], key: string, touches: string[], what: string, run: Planned['run'], candidate = key): Planned => ({
    candidate,
    what,
    expect: [{ kinds, key }],
    claims: [key],
    touches: [...new Set([key, ...touches])],
    run,
  });

  /** What to do next: null when nothing of this kind is left, 'retry' when the draw was unusable (and is not drawn again). */
  async function plan(kind: TamperKind, onlyType?: string): Promise<Planned | 'retry' | null> {
    switch (kind) {
      case 'record.update':
      case 'record.delete': {
        const candidates = (onlyType ? [onlyType] : types).filter((t) => freeRecords(t, kind).length > 0);
        if (candidates.length === 0) return null;
        const type = rng.pick(candidates);
        const recordId = rng.pick(freeRecords(type, kind));
        const key = entityKey(type, recordId);
        // A change to a column another record's image keeps shows there too; an update keeps to the other columns.
        const touches = kind === 'record.delete' ? await alsoIn(type, recordId) : [];
        const kept = [...(ALSO_IN[type]?.picked ?? []), ALSO_IN[type]?.column];
        if (type === 'region_table') return regionChange(kind === 'record.update' ? 'update' : 'delete', key);
        const info = tables.get(type);
        if (!info) return null;
        if (kind === 'record.delete') {
          return single(['record_deleted'], key, touches, `deleted ${info.name} ${recordId} (${type})`, async (tx) => {
            return (await firstThatWorks(tx, [() => sql`delete from ${id(info.name)} where ${id(info.key)}::text = ${recordId}`])) === 0;
          });
        }
        return single(['record_altered'], key, touches, `changed ${info.name} ${recordId}`, async (tx) => {
          const changed = await changeSomeColumn(tx, info, sql`${id(info.key)}::text = ${recordId}`, info.columns.filter((c) => !c.primary && c.type !== 'bytea' && !kept.includes(c.name)));
          return changed ? `changed ${info.name}.${changed} of ${type} ${recordId}` : false;
        });
      }
      case 'record.child': {
        const options = [];
        for (const child of CHILD_TABLES) {
          if (onlyType && child.type !== onlyType) continue;
          const parents = (await rawRows<{ parent: string }>(db, sql`select distinct ${id(child.parent.name)}::text as parent from ${id(getTableName(child.table))}`)).map((r) => r.parent);
          const usable = parents.filter((p) => (records.get(child.type) ?? []).includes(p) && free([entityKey(child.type, p)], [entityKey(child.type, p)]) && !wasRefused(kind, entityKey(child.type, p)));
          if (usable.length > 0) options.push({ child, parents: usable });
        }
        if (options.length === 0) return null;
        const { child, parents } = rng.pick(options);
        const parentId = rng.pick(parents);
        const table = getTableName(child.table);
        const info = await tableInfo(db, table, child.parent.name);
        const rows = await rawRows<{ ctid: string; key: string | null }>(
          db,
          sql`select ctid::text as ctid, ${child.audited ? sql`id::text` : sql`null`} as key from ${id(table)} where ${id(child.parent.name)}::text = ${parentId}`,
        );
        const { ctid, key: childKey } = rng.pick(rows);
        // The row is a record of its own too: it changes with its parent.
        const alsoTouched = child.audited && childKey ? [entityKey(child.audited, childKey)] : [];
        const where = sql`ctid = ${ctid}::tid`;
        const columns = info.columns.filter((c) => c.name !== child.parent.name && (!child.columns || child.columns.includes(c.name)));
        return single(['record_altered'], entityKey(child.type, parentId), alsoTouched, `changed a row of ${table} in ${child.type} ${parentId}`, async (tx) => {
          if (rng.next() < 0.3) {
            const deleted = (await firstThatWorks(tx, [() => sql`delete from ${id(table)} where ${where}`])) === 0;
            return deleted && `deleted a row of ${table} in ${child.type} ${parentId}`;
          }
          const changed = await changeSomeColumn(tx, info, where, columns);
          return changed ? `changed ${table}.${changed} of a row in ${child.type} ${parentId}` : false;
        });
      }
      case 'record.insert': {
        const candidates = (onlyType ? [onlyType] : types).filter((t) => (records.get(t) ?? []).length > 0 && (tables.has(t) || t === 'region_table') && !wasRefused(kind, `type:${t}`));
        if (candidates.length === 0) return null;
        const type = rng.pick(candidates);
        if (type === 'region_table') {
          if (!free([entityKey(type, REGION_TABLE_ID)], [])) {
            refused.add(`${kind}|type:${type}`);
            return 'retry';
          }
          return regionChange('insert', entityKey(type, REGION_TABLE_ID));
        }
        const info = tables.get(type)!;
        // A copy of a row still there (another tampering may have deleted the one first drawn).
        const present = (await rawRows<{ key: string }>(db, sql`select ${id(info.key)}::text as key from ${id(info.name)} order by 1 limit 2000`)).map((r) => r.key);
        if (present.length === 0) {
          refused.add(`${kind}|type:${type}`);
          return 'retry';
        }
        const source = rng.pick(present);
        const newId = freshId(info.keyType, ++counter, rng);
        // A copy that would join another record's image (a target in a draw) is given a parent of its own.
        const parentColumn = ALSO_IN[type]?.column;
        const insert = single(['record_unaudited'], entityKey(type, newId), [], `inserted ${info.name} ${newId} (a copy of ${source}) with no audit entry`, async (tx) => {
          const insertable = info.columns.filter((c) => !c.generated);
          const suffix = `·T${counter}`;
          const value = (c: Column, strategy: number): SQL => {
            if (c.name === info.key) return sql`${newId}::${sql.raw(info.keyType)}`;
            if (c.name === parentColumn) return sql`${rng.uuid()}::uuid`;
            if (!c.unique) return sql`${id(c.name)}`;
            return uniqueVariant(c, strategy, suffix, rng);
          };
          const attempt = (strategy: number) => () =>
            sql`insert into ${id(info.name)} (${sql.join(insertable.map((c) => id(c.name)), sql`, `)}) overriding system value
                select ${sql.join(insertable.map((c) => value(c, strategy)), sql`, `)} from ${id(info.name)} where ${id(info.key)}::text = ${source}`;
          return (await firstThatWorks(tx, [attempt(0), attempt(1), attempt(2)])) >= 0;
        });
        return { ...insert, candidate: `type:${type}` };
      }
      case 'file.bytes': {
        const options = FILES.filter((f) => !onlyType || f.type === onlyType).flatMap((f) => freeRecords(f.type, kind).map((r) => ({ f, r })));
        if (options.length === 0) return null;
        const { f, r } = rng.pick(options);
        const size = Number((await rawRows<{ n: number }>(db, sql`select length(${id(f.column)}) as n from ${id(f.table)} where id::text = ${r}`))[0]?.n ?? 0);
        if (size === 0) {
          refused.add(`${kind}|${entityKey(f.type, r)}`);
          return 'retry';
        }
        const offset = rng.int(size);
        const delta = 1 + rng.int(255);
        return single(['record_altered'], entityKey(f.type, r), [], `changed byte ${offset} of ${size} in the file of ${f.type} ${r} (${f.table}.${f.column})`, async (tx) => {
          const at = sql`${offset}::int`;
          return (
            (await firstThatWorks(tx, [
              () => sql`update ${id(f.table)} set ${id(f.column)} = set_byte(${id(f.column)}, ${at}, (get_byte(${id(f.column)}, ${at}) + ${delta}) % 256) where id::text = ${r}`,
            ])) === 0
          );
        });
      }
      case 'entry.update':
      case 'entry.delete': {
        const candidates = entries.filter((e) => {
          const head = heads.get(e.chainId);
          if (!head || e.seq >= head.seq || wasRefused(kind, entryKey(e.chainId, e.seq))) return false; // the tail belongs to the chain kinds
          return free([entryKey(e.chainId, kind === 'entry.delete' ? e.seq + 1 : e.seq)], entryTouches(e));
        });
        if (candidates.length === 0) return null;
        const e = rng.pick(candidates);
        const at = `entry ${e.seq} of chain ${e.chainId} (${e.action} ${e.entityType} ${e.entityId})`;
        if (kind === 'entry.delete') {
          return single(
            ['entries_missing'],
            entryKey(e.chainId, e.seq + 1),
            entryTouches(e),
            `deleted ${at}`,
            async (tx) => (await firstThatWorks(tx, [() => sql`delete from audit_log where id = ${e.id}`])) === 0,
            entryKey(e.chainId, e.seq),
          );
        }
        const field = rng.pick(ENTRY_FIELDS);
        const extra: string[] = [];
        let value: SQL;
        let shown: string;
        switch (field) {
          case 'action':
            shown = rng.pick(actions.filter((a) => a !== e.action));
            value = sql`${shown}`;
            break;
          case 'actor_user_id':
            shown = rng.pick(users.filter((u) => u !== e.actorUserId));
            value = sql`${shown}::uuid`;
            break;
          case 'actor_org_id':
            shown = rng.pick(orgs.filter((o) => o !== e.actorOrgId));
            value = sql`${shown}::uuid`;
            break;
          case 'entity_id': {
            const info = tables.get(e.entityType);
            shown = freshId(info?.keyType ?? 'uuid', ++counter, rng);
            value = sql`${shown}`;
            extra.push(entityKey(e.entityType, shown));
            break;
          }
          case 'entity_type':
            shown = rng.pick(types.filter((t) => t !== e.entityType));
            value = sql`${shown}`;
            extra.push(entityKey(shown, e.entityId));
            break;
          case 'after_hash':
          case 'prev_hash':
          case 'hash':
            shown = rng.hex(64);
            value = sql`${shown}`;
            break;
          case 'at': {
            const seconds = (1 + rng.int(30 * 86_400)) * (rng.next() < 0.5 ? -1 : 1);
            shown = `${seconds > 0 ? '+' : ''}${seconds} s`;
            value = sql`at + make_interval(secs => ${seconds})`;
            break;
          }
          case 'ip':
            shown = `10.${rng.int(256)}.${rng.int(256)}.${rng.int(256)}`;
            value = sql`${shown}`;
            break;
          case 'user_agent':
            shown = `forged/${rng.hex(6)}`;
            value = sql`${shown}`;
            break;
          case 'chain_id':
            shown = `forged:${rng.hex(8)}`;
            value = sql`${shown}`;
            extra.push(headKey(shown), entryKey(shown, e.seq));
            break;
        }
        const what = `set ${field} of ${at} to ${shown}`;
        const run = async (tx: Db) => (await firstThatWorks(tx, [() => sql`update audit_log set ${id(field)} = ${value} where id = ${e.id}`])) === 0;
        // An entry moved to another chain leaves a gap in its own: the gap names it.
        if (field === 'chain_id') return single(['entries_missing'], entryKey(e.chainId, e.seq + 1), [...entryTouches(e), ...extra], what, run, entryKey(e.chainId, e.seq));
        return single(['entry_altered'], entryKey(e.chainId, e.seq), [...entryTouches(e), ...extra], what, run);
      }
      case 'entry.swap': {
        const usable = (e: Entry) => e.seq < heads.get(e.chainId)!.seq && free([entryKey(e.chainId, e.seq)], entryTouches(e));
        for (const chainId of rng.shuffle([...heads.keys()])) {
          const open = entries.filter((e) => e.chainId === chainId && heads.has(chainId) && usable(e));
          if (open.length < 2) continue;
          const [x, y] = [rng.pick(open), rng.pick(open)].sort((p, q) => p.seq - q.seq) as [Entry, Entry];
          if (x === y) continue;
          const claims = [entryKey(chainId, x.seq), entryKey(chainId, y.seq)];
          const touches = [...new Set([...entryTouches(x), ...entryTouches(y)])];
          if (!free(claims, touches)) continue;
          return {
            candidate: `${claims.join('|')}`,
            what: `swapped entries ${x.seq} and ${y.seq} of chain ${chainId}`,
            expect: claims.map((key) => ({ kinds: ['entry_altered'], key })),
            claims,
            touches,
            async run(tx) {
              // One row at a time, through a free seq: the (chain, seq) index is checked row by row.
              await tx.execute(sql`update audit_log set seq = ${-1_000_000 - x.id} where id = ${x.id}`);
              await tx.execute(sql`update audit_log set seq = ${x.seq} where id = ${y.id}`);
              await tx.execute(sql`update audit_log set seq = ${y.seq} where id = ${x.id}`);
              return true;
            },
          };
        }
        return null;
      }
      case 'chain.tail':
      case 'chain.head':
      case 'chain.truncate': {
        const candidates = [...heads].filter(([chainId, h]) => {
          if ((kind !== 'chain.head' && h.seq < 1) || wasRefused(kind, headKey(chainId))) return false;
          const tail = byChainSeq.get(entryKey(chainId, h.seq));
          if (kind === 'chain.truncate' && (!tail || !truncationShows(tail))) return false;
          return free([headKey(chainId), ...(kind === 'chain.truncate' && tail ? [entityKey(tail.entityType, tail.entityId)] : [])], kind === 'chain.head' ? [headKey(chainId)] : chainTouches(chainId, h.seq));
        });
        if (candidates.length === 0) return null;
        const [chainId, head] = rng.pick(candidates);
        const tail = byChainSeq.get(entryKey(chainId, head.seq));
        const touches = kind === 'chain.head' ? [headKey(chainId)] : chainTouches(chainId, head.seq);
        if (kind === 'chain.tail') {
          return single(['head_mismatch'], headKey(chainId), touches, `deleted the last entry (${head.seq}) of chain ${chainId}`, async (tx) => {
            return (await firstThatWorks(tx, [() => sql`delete from audit_log where chain_id = ${chainId} and seq = ${head.seq}`])) === 0;
          });
        }
        if (kind === 'chain.truncate') {
          const record = entityKey(tail!.entityType, tail!.entityId);
          const previous = byChainSeq.get(entryKey(chainId, head.seq - 1));
          return {
            candidate: headKey(chainId),
            what: `deleted the last entry (${head.seq}, ${tail!.action} ${tail!.entityType} ${tail!.entityId}) of chain ${chainId} and rewound its head`,
            expect: [{ kinds: ['record_altered', 'record_deleted', 'record_unaudited'], key: record }],
            claims: [record, headKey(chainId)],
            touches: [...touches, record],
            async run(tx) {
              await tx.execute(sql`delete from audit_log where chain_id = ${chainId} and seq = ${head.seq}`);
              await tx.execute(sql`update audit_chains set seq = ${head.seq - 1}, head_hash = ${previous?.seq === head.seq - 1 ? await hashOf(tx, previous.id) : GENESIS_HASH} where chain_id = ${chainId}`);
              return true;
            },
          };
        }
        const change = rng.pick(head.seq >= 1 ? HEAD_CHANGES : HEAD_CHANGES.filter((c) => c !== 'rewind'));
        const statement: Record<(typeof HEAD_CHANGES)[number], () => SQL> = {
          hash: () => sql`update audit_chains set head_hash = ${rng.hex(64)} where chain_id = ${chainId}`,
          seq: () => sql`update audit_chains set seq = seq + ${head.seq >= 1 && rng.next() < 0.5 ? -1 : 1} where chain_id = ${chainId}`,
          rewind: () => sql`update audit_chains set seq = seq - 1, head_hash = coalesce((select hash from audit_log where chain_id = ${chainId} and seq = ${head.seq - 1}), ${GENESIS_HASH}) where chain_id = ${chainId}`,
          delete: () => sql`delete from audit_chains where chain_id = ${chainId}`,
        };
        return single(['head_mismatch'], headKey(chainId), touches, `${change === 'delete' ? 'deleted' : `rewrote (${change})`} the head of chain ${chainId}`, async (tx) => {
          return (await firstThatWorks(tx, [statement[change]])) === 0;
        });
      }
    }
  }

  /** An entry and its successor (whose back-link it is), and the record it names. */
  function entryTouches(e: Entry): string[] {
    return [entryKey(e.chainId, e.seq), entryKey(e.chainId, e.seq + 1), entityKey(e.entityType, e.entityId)];
  }

  /** A chain's head, its last two entries and the records they name. */
  function chainTouches(chainId: string, seq: number): string[] {
    const keys = [headKey(chainId)];
    for (const s of [seq - 1, seq]) {
      const e = byChainSeq.get(entryKey(chainId, s));
      if (e) keys.push(entryKey(chainId, s), entityKey(e.entityType, e.entityId));
    }
    return keys;
  }

  /**
   * Whether removing an entry (and hiding the removal) leaves a trace in its record: the
   * record no longer matches the entry before it. An entry that did not change its record
   * leaves none — nothing inside the database can show it (the heads printed on issued
   * reports can).
   */
  function truncationShows(tail: Entry): boolean {
    const list = history.get(entityKey(tail.entityType, tail.entityId)) ?? [];
    if (list.at(-1) !== tail) return false;
    const before = list.at(-2);
    if (before) return before.afterHash !== tail.afterHash;
    return tail.afterHash !== NULL_IMAGE && tables.has(tail.entityType);
  }

  function regionChange(change: 'update' | 'delete' | 'insert', key: string): Planned {
    return single(['record_altered'], key, [], `${change} of a row of the region table (regions)`, async (tx) => {
      const codes = (await rawRows<{ code: string }>(tx, sql`select code from regions where level = 3 order by code limit 200`)).map((r) => r.code);
      const code = rng.pick(codes);
      const statement = {
        update: () => sql`update regions set name = name || '·改' where code = ${code}`,
        delete: () => sql`delete from regions where code = ${code}`,
        insert: () => sql`insert into regions (code, name, level, parent_code) select '9' || right(code, 5), name || '·伪', level, parent_code from regions where code = ${code}`,
      }[change];
      return (await firstThatWorks(tx, [statement])) === 0;
    });
  }

  /** Changes one column of the row(s) `where` selects, trying columns in random order; the name of the one changed. */
  async function changeSomeColumn(tx: Db, info: TableInfo, where: SQL, columns: Column[]): Promise<string | null> {
    const [row] = await rawRows<{ row: Record<string, unknown> }>(tx, sql`select to_jsonb(t) as row from ${id(info.name)} t where ${where}`);
    if (!row) return null;
    const values = typeof row.row === 'string' ? (JSON.parse(row.row) as Record<string, unknown>) : row.row;
    const candidates = rng.shuffle(columns.filter((c) => !c.generated && values[c.name] !== null && !(Array.isArray(values[c.name]) && (values[c.name] as unknown[]).length === 0)));
    for (const c of candidates) {
      const expression = changedValue(c, rng);
      if (!expression) continue;
      if ((await firstThatWorks(tx, [() => sql`update ${id(info.name)} set ${id(c.name)} = ${expression} where ${where}`])) === 0) return c.name;
    }
    return null;
  }

  return {
    seed,
    apply,
    /** The types that have records now (their last entry is not a deletion). */
    recordTypes: () => [...records].filter(([, ids]) => ids.length > 0).map(([type]) => type),
    /**
     * `n` tamperings, kinds dealt from a shuffled deck (every kind once before any twice,
     * so a small `n` still covers them all); a kind with nothing left to tamper gives way.
     */
    async random(n: number, kinds: readonly TamperKind[] = TAMPER_KINDS): Promise<Tamper[]> {
      const out: Tamper[] = [];
      let deck: TamperKind[] = [];
      const exhausted = new Set<TamperKind>();
      while (out.length < n && exhausted.size < kinds.length) {
        if (deck.length === 0) deck = rng.shuffle(kinds.filter((k) => !exhausted.has(k)));
        const kind = deck.shift()!;
        const tamper = await apply(kind);
        if (tamper) out.push(tamper);
        else exhausted.add(kind);
      }
      return out;
    },
  };
}

async function hashOf(tx: Db, entryId: number): Promise<string> {
  const [row] = await rawRows<{ hash: string }>(tx, sql`select hash from audit_log where id = ${entryId}`);
  return row?.hash ?? GENESIS_HASH;
}

async function tableInfo(db: Db, name: string, key: string): Promise<TableInfo> {
  const columns = await rawRows<{ name: string; type: string; category: string; generated: boolean; primary: boolean; unique: boolean }>(
    db,
    sql`select a.attname as name, t.typname as type, t.typcategory as category, a.attgenerated <> '' as generated,
               exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any (i.indkey)) as primary,
               exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisunique and not i.indisprimary and a.attnum = any (i.indkey)) as unique
        from pg_attribute a join pg_type t on t.oid = a.atttypid
        where a.attrelid = ${name}::regclass and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
  );
  const keyColumn = columns.find((c) => c.name === key);
  return { name, key, keyType: keyColumn?.type === 'bpchar' ? 'text' : (keyColumn?.type ?? 'uuid'), columns };
}

/** A key no row has yet, in the text form `key::text` gives. */
function freshId(keyType: string, n: number, rng: Random): string {
  switch (keyType) {
    case 'date': {
      const d = new Date(Date.UTC(2300, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    }
    case 'int2':
    case 'int4':
    case 'int8':
      return String(900_000 + n);
    case 'text':
    case 'varchar':
      return `tamper_${n}_${rng.hex(4)}`;
    default:
      return rng.uuid();
  }
}

/** A different value of a unique column, so a copied row is not refused as a duplicate (three strategies). */
function uniqueVariant(c: Column, strategy: number, suffix: string, rng: Random): SQL {
  const col = id(c.name);
  switch (c.category) {
    case 'S':
      return strategy === 0 ? sql`${col} || ${suffix}` : sql`left(${col}, ${sql.raw(String(-suffix.length))}) || ${suffix}`;
    case 'N':
      return sql`${col} + ${1_000_000 + rng.int(1_000_000)}`;
    case 'D':
      return c.type === 'date' ? sql`${col} + ${1 + rng.int(100_000)}` : sql`${col} + make_interval(secs => ${1 + rng.int(1_000_000)})`;
    default:
      return c.type === 'uuid' ? sql`${rng.uuid()}::uuid` : sql`${col}`;
  }
}

/** An expression giving a different value of the column (its current value is not null), or null for a type left alone. */
function changedValue(c: Column, rng: Random): SQL | null {
  const col = id(c.name);
  if (c.category === 'A') return sql`${col} || ${col}[1:1]`;
  switch (c.category) {
    case 'S':
      return sql`case when right(${col}, 1) = 'Ω' then left(${col}, -1) || 'Ψ' else left(${col}, -1) || 'Ω' end`;
    case 'N':
      return sql`${col} + 1`;
    case 'B':
      return sql`not ${col}`;
    case 'D':
      if (c.type === 'date') return sql`${col} + 1`;
      return sql`${col} + make_interval(hours => ${1 + rng.int(72)})`;
    case 'T':
      return sql`${col} + interval '1 day'`;
  }
  if (c.type === 'uuid') return sql`${rng.uuid()}::uuid`;
  if (c.type === 'jsonb' || c.type === 'json') {
    const v = sql`${col}::jsonb`;
    return sql`(case jsonb_typeof(${v}) when 'object' then ${v} || '{"篡改": true}'::jsonb when 'array' then ${v} || '["篡改"]'::jsonb else jsonb_build_array(${v}) end)::${sql.raw(c.type)}`;
  }
  return null;
}
