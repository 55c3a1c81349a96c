import type { Write } from './writers.js';

/** Hand-written SQL on the database the server used. */
export type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** A record found by its marker, with the parts its one transaction wrote. */
type Found = {
  key: string;
  id: string;
  /** A public complaint's number; null for enterprises. */
  no: string | null;
  /** enterprise_categories rows, or complaint_events rows. */
  parts: number;
  /** Audit entries of the record itself (its creation). */
  entries: number;
  /** Audit entries of the complaint's events (0 for enterprises). */
  partEntries: number;
  /** How many records carry this key (more than one would be a write applied twice). */
  copies: number;
};

export type Inspection = {
  acked: number;
  /** Acknowledged writes found by their id, whole. */
  ackedPresent: number;
  /** Unanswered writes (in flight at the kill, or failed before it): found whole, or absent. */
  unansweredWhole: number;
  unansweredAbsent: number;
  /** Every failure, one line each: an acknowledged write missing or partial, a partial or doubled record, a record nobody sent. */
  failures: string[];
};

async function findEnterprises(sql: Sql, keys: string[]): Promise<Found[]> {
  if (keys.length === 0) return [];
  return sql<Found>(
    `select e.name as key, e.id::text as id, null as no,
            (select count(*)::int from enterprise_categories c where c.enterprise_id = e.id) as parts,
            (select count(*)::int from audit_log a where a.entity_type = 'enterprise' and a.entity_id = e.id::text and a.action = 'enterprise.created') as entries,
            0 as "partEntries",
            count(*) over (partition by e.name)::int as copies
       from enterprises e where e.name = any($1::text[])`,
    [keys],
  );
}

async function findComplaints(sql: Sql, keys: string[]): Promise<Found[]> {
  if (keys.length === 0) return [];
  return sql<Found>(
    `select c.subject as key, c.id::text as id, c.complaint_no as no,
            (select count(*)::int from complaint_events ev where ev.complaint_id = c.id and ev.action = 'received') as parts,
            (select count(*)::int from audit_log a where a.entity_type = 'complaint' and a.entity_id = c.id::text and a.action = 'complaint.received') as entries,
            (select count(*)::int from audit_log a join complaint_events ev on a.entity_type = 'complaint_event' and a.entity_id = ev.id::text where ev.complaint_id = c.id) as "partEntries",
            count(*) over (partition by c.subject)::int as copies
       from complaints c where c.subject = any($1::text[])`,
    [keys],
  );
}

/** Why a found record is not whole, or null when it is: one transaction wrote the record, its parts and their audit entries. */
function incomplete(w: Write, f: Found): string | null {
  const problems: string[] = [];
  if (f.copies !== 1) problems.push(`${f.copies} records carry its marker`);
  if (f.entries !== 1) problems.push(`${f.entries} creation audit entries`);
  if (w.kind === 'enterprise' && f.parts !== w.categories) problems.push(`${f.parts} of ${w.categories} product kinds`);
  if (w.kind !== 'enterprise' && f.parts !== 1) problems.push(`${f.parts} 'received' events`);
  if (w.kind !== 'enterprise' && f.partEntries !== 1) problems.push(`${f.partEntries} audit entries for its events`);
  return problems.length ? problems.join(', ') : null;
}

/**
 * Looks up, by marker, every write the driver sent since `tag` began: acknowledged writes must
 * be there under the id they were acknowledged with, and whole; unanswered ones may be there
 * or not, but whole if there; rejected ones are only counted. Also counts every record whose
 * marker starts with `tag`, so a record nobody sent (or a write applied twice) is caught.
 */
export async function inspect(sql: Sql, tag: string, writes: readonly Write[]): Promise<Inspection> {
  const enterpriseKeys = writes.filter((w) => w.kind === 'enterprise').map((w) => w.key);
  const complaintKeys = writes.filter((w) => w.kind !== 'enterprise').map((w) => w.key);
  const found = new Map<string, Found>();
  for (const f of [...(await findEnterprises(sql, enterpriseKeys)), ...(await findComplaints(sql, complaintKeys))]) found.set(f.key, f);

  const result: Inspection = { acked: 0, ackedPresent: 0, unansweredWhole: 0, unansweredAbsent: 0, failures: [] };
  for (const w of writes) {
    const f = found.get(w.key);
    if (w.state === 'acked') {
      result.acked++;
      const ackedAs = w.kind === 'public' ? f?.no : f?.id;
      if (!f) result.failures.push(`LOST acknowledged ${w.kind} ${w.marker} (id ${w.ackedId}): not in the database`);
      else if (ackedAs !== w.ackedId) result.failures.push(`acknowledged ${w.kind} ${w.marker} as ${w.ackedId}, found as ${ackedAs}`);
      else {
        const why = incomplete(w, f);
        if (why) result.failures.push(`acknowledged ${w.kind} ${w.marker} (id ${w.ackedId}) is partial: ${why}`);
        else result.ackedPresent++;
      }
    } else if (w.state === 'unanswered') {
      if (!f) result.unansweredAbsent++;
      else {
        const why = incomplete(w, f);
        if (why) result.failures.push(`in-flight ${w.kind} ${w.marker} found partial (id ${f.id}): ${why}`);
        else result.unansweredWhole++;
      }
    } else if (w.state === 'sent') {
      result.failures.push(`${w.kind} ${w.marker}: the driver never settled it`);
    }
  }

  const like = `%${tag}-c%`;
  const [counts] = await sql<{ enterprises: number; complaints: number }>(
    `select (select count(*)::int from enterprises where name like $1) as enterprises, (select count(*)::int from complaints where subject like $1) as complaints`,
    [like],
  );
  const expected = writes.filter((w) => found.has(w.key));
  const expectEnterprises = expected.filter((w) => w.kind === 'enterprise').length;
  const expectComplaints = expected.length - expectEnterprises;
  if (counts!.enterprises !== expectEnterprises || counts!.complaints !== expectComplaints) {
    result.failures.push(
      `records marked ${tag}: ${counts!.enterprises} enterprises and ${counts!.complaints} complaints, but ${expectEnterprises} and ${expectComplaints} of the sent writes were found`,
    );
  }
  return result;
}

/** Applied migrations, as drizzle's migrator records them (the same number at every start means a restart migrated nothing). */
export async function appliedMigrations(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }>(`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row!.n;
}
