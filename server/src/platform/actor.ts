import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { regionPrefix, type OrgKind, type RegulatorLevel, type Role } from '@shijian/contracts';

/**
 * What the caller may see. A regulator sees its region subtree (a code prefix),
 * an institution or enterprise its own org, the platform and the national
 * bureau everything, the public only published records.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string; prefix: string }
  | { kind: 'org'; orgId: string }
  | { kind: 'public' };

export type Actor = {
  kind: 'user' | 'public' | 'system';
  userId: string | null;
  username: string | null;
  displayName: string | null;
  orgId: string | null;
  orgName: string | null;
  orgKind: OrgKind | null;
  orgLevel: RegulatorLevel | null;
  orgRegionCode: string | null;
  roles: readonly Role[];
  scope: Scope;
  ip: string | null;
  userAgent: string | null;
};

export function scopeOf(org: { id: string; kind: OrgKind; level: RegulatorLevel | null; regionCode: string | null }): Scope {
  if (org.kind === 'platform') return { kind: 'all' };
  if (org.kind === 'regulator') {
    if (org.level === 'national' || !org.regionCode) return { kind: 'all' };
    return { kind: 'region', regionCode: org.regionCode, prefix: regionPrefix(org.regionCode) };
  }
  return { kind: 'org', orgId: org.id };
}

export const publicActor = (ip: string | null = null, userAgent: string | null = null): Actor => ({
  kind: 'public',
  userId: null,
  username: null,
  displayName: null,
  orgId: null,
  orgName: null,
  orgKind: null,
  orgLevel: null,
  orgRegionCode: null,
  roles: [],
  scope: { kind: 'public' },
  ip,
  userAgent,
});

/** The command line and start-up tasks act as the system, with full scope, on the 'system' audit chain. */
export const systemActor = (label = 'system'): Actor => ({
  ...publicActor(),
  kind: 'system',
  username: label,
  displayName: label,
  scope: { kind: 'all' },
});

/** Half-open range of 6-digit codes covered by a prefix: '51' → ['510000', '520000'). */
export function regionRange(prefix: string): [string, string] {
  const lower = prefix.padEnd(6, '0');
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  return [lower, next.padEnd(6, '0')];
}

/** A region subtree as an index-friendly range condition (a prefix LIKE can't use a plain btree on char). */
export function withinRegion(column: PgColumn, prefix: string): SQL {
  if (prefix.length === 6) return eq(column, prefix);
  const [lower, upper] = regionRange(prefix);
  return and(gte(column, lower), lt(column, upper))!;
}

export type ScopeColumns = {
  /** The record's region code, for regulators. */
  region?: PgColumn;
  /** The owning org, for institutions and enterprises. */
  org?: PgColumn;
  /** A condition that makes a record public. */
  published?: SQL;
};

/**
 * The one place scope becomes SQL. A record type that does not declare how an
 * org kind sees it is invisible to that kind (default deny).
 */
export function scopeFilter(actor: Actor, columns: ScopeColumns): SQL {
  const { scope } = actor;
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return columns.region ? withinRegion(columns.region, scope.prefix) : sql`false`;
    case 'org':
      return columns.org ? eq(columns.org, scope.orgId) : sql`false`;
    case 'public':
      return columns.published ?? sql`false`;
  }
}

/** Whether a region code lies in the actor's scope (for checking input, e.g. the region of a new record). */
export function regionInScope(actor: Actor, regionCode: string): boolean {
  const { scope } = actor;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'region') return regionCode.startsWith(scope.prefix);
  return false;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
