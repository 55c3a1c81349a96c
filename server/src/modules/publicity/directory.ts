import { and, asc, count, eq, exists, gte, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { regionPrefix, type PublicInstitutionQuery, type PublicInstitutionView } from '@shijian/contracts';
import { withinRegion } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { likeEscape } from '../identity/orgs.js';
import { institutions, qualificationScopes } from '../registry/tables.js';

const MAX_STANDARDS = 30;
const MAX_MATCHES = 10;

/**
 * The published directory of qualified institutions (检验检测机构名录). Qualification is public
 * information, so no actor scope applies; what the directory lists is defined here once:
 *
 * an institution is listed while its 资质认定 (CMA) certificate is in force — a certificate number
 * is recorded and its last day of validity (`cma_valid_until`) is today or later (Asia/Shanghai).
 * The day after it runs out, the institution drops off without anyone touching it.
 *
 * Read-only over the registry's tables, as the statistics read other modules' records.
 */
export function createInstitutionDirectory(deps: Deps) {
  const { db, calendar, regions } = deps;

  const inForce = (today: string): SQL => and(isNotNull(institutions.cmaNumber), isNotNull(institutions.cmaValidUntil), gte(institutions.cmaValidUntil, today))!;

  /** Words of a parameter or a standard; spaces are ignored, so GB2626 finds GB 2626-2019. */
  function scopeMatches(test: string): SQL {
    const like = `%${likeEscape(test.replace(/\s+/g, ''))}%`;
    return or(ilike(sql`replace(${qualificationScopes.parameter}, ' ', '')`, like), ilike(sql`replace(${qualificationScopes.standard}, ' ', '')`, like))!;
  }

  function where(q: z.infer<typeof PublicInstitutionQuery>, today: string): SQL {
    const hasScope = (condition: SQL) =>
      exists(
        db
          .select({ one: sql`1` })
          .from(qualificationScopes)
          .where(and(eq(qualificationScopes.institutionId, institutions.id), condition)),
      );
    return and(
      inForce(today),
      q.q ? ilike(institutions.name, `%${likeEscape(q.q)}%`) : undefined,
      q.region ? withinRegion(institutions.regionCode, regionPrefix(q.region)) : undefined,
      q.kind ? eq(institutions.kind, q.kind) : undefined,
      q.test ? hasScope(scopeMatches(q.test)) : undefined,
      q.category ? hasScope(eq(qualificationScopes.categoryCode, q.category)) : undefined,
    )!;
  }

  return {
    /** The day the directory is computed for: the certificates listed are valid through at least this day. */
    today: () => calendar.today(),

    async list(q: z.infer<typeof PublicInstitutionQuery>) {
      const today = calendar.today();
      const condition = where(q, today);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(institutions)
          .where(condition)
          .orderBy(asc(institutions.regionCode), asc(institutions.name), asc(institutions.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(institutions).where(condition),
      ]);
      const ids = rows.map((r) => r.id);
      const scopes = ids.length
        ? await db
            .select()
            .from(qualificationScopes)
            .where(inArray(qualificationScopes.institutionId, ids))
            .orderBy(asc(qualificationScopes.standard), asc(qualificationScopes.parameter), asc(qualificationScopes.id))
        : [];
      const test = q.test?.replace(/\s+/g, '').toLowerCase();
      const items: PublicInstitutionView[] = await Promise.all(
        rows.map(async (r) => {
          const own = scopes.filter((s) => s.institutionId === r.id);
          const matches = test
            ? own.filter((s) => s.parameter.replace(/\s+/g, '').toLowerCase().includes(test) || s.standard.replace(/\s+/g, '').toLowerCase().includes(test))
            : [];
          return {
            id: r.id,
            name: r.name,
            kind: r.kind,
            regionCode: r.regionCode,
            regionName: (await regions.fullName(r.regionCode)) ?? r.regionCode,
            address: r.address,
            cmaNumber: r.cmaNumber!,
            cmaValidUntil: r.cmaValidUntil!,
            domains: r.domains,
            standards: [...new Set(own.map((s) => s.standard))].slice(0, MAX_STANDARDS),
            scopeCount: own.length,
            matches: matches.slice(0, MAX_MATCHES).map((s) => ({ domain: s.domain, parameter: s.parameter, standard: s.standard })),
          };
        }),
      );
      return paged(items, total?.n, q);
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(institutions).where(inForce(calendar.today()));
      return Number(row?.n ?? 0);
    },

    /** Regions with a listed institution, for the portal's region choice. */
    async regions(): Promise<string[]> {
      const rows = await db.selectDistinct({ code: institutions.regionCode }).from(institutions).where(inForce(calendar.today()));
      return rows.map((r) => r.code);
    },
  };
}

export type InstitutionDirectory = ReturnType<typeof createInstitutionDirectory>;
