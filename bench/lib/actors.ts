import { randomUUID } from 'node:crypto';
import type { RegulatorLevel } from '@shijian/contracts';
import { scopeOf, type Actor } from '../../server/src/platform/actor.js';

/** A regulator officer of `level` at `regionCode`, with the scope the platform derives for such an org. */
export function regulatorActor(label: string, level: RegulatorLevel, regionCode: string | null): Actor {
  const orgId = randomUUID();
  return {
    kind: 'user',
    userId: randomUUID(),
    username: label,
    displayName: label,
    orgId,
    orgName: label,
    orgKind: 'regulator',
    orgLevel: level,
    orgRegionCode: regionCode,
    roles: ['officer'],
    scope: scopeOf({ id: orgId, kind: 'regulator', level, regionCode }),
    ip: null,
    userAgent: null,
  };
}

export type ScopeCase = {
  key: 'county' | 'province' | 'nation';
  label: string;
  actor: Actor;
  /** The same scope as hand-written SQL: a condition (or none) and its parameters. */
  rawWhere: string | null;
  rawParams: string[];
};

/** The three scopes of the issue: a county (武侯区 510107), a province (四川 51) and the nation. */
export function scopeCases(): ScopeCase[] {
  return [
    {
      key: 'county',
      label: 'county 510107',
      actor: regulatorActor('bench.county', 'county', '510107'),
      rawWhere: 'region_code = $1',
      rawParams: ['510107'],
    },
    {
      key: 'province',
      label: 'province 51',
      actor: regulatorActor('bench.province', 'province', '510000'),
      rawWhere: 'region_code >= $1 and region_code < $2',
      rawParams: ['510000', '520000'],
    },
    { key: 'nation', label: 'nation', actor: regulatorActor('bench.nation', 'national', null), rawWhere: null, rawParams: [] },
  ];
}
