import { and, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { withinRegion, type Actor } from '../../platform/actor.js';
import { sampleDisclosures, samples } from './tables.js';

/**
 * Who sees a sample and its results. Test data is confidential (seed 000: 严格保密):
 * the institution that tests it, the client that asked for it, and the regulator
 * that commissioned it together with the bureaus above that one. A client's own
 * request is never visible to regulators, not even the national bureau, and the
 * platform operator sees no test data at all. A commissioned sample disclosed to another
 * bureau (`sampleDisclosures`) is seen by that bureau and those above it as well.
 */
export function sampleScope(actor: Actor): SQL {
  if (actor.kind === 'system') return sql`true`;
  const { scope } = actor;
  if (actor.orgKind === 'institution' && scope.kind === 'org') return eq(samples.institutionOrgId, scope.orgId);
  if (actor.orgKind === 'enterprise' && scope.kind === 'org') return eq(samples.clientOrgId, scope.orgId);
  if (actor.orgKind === 'regulator') {
    const commissioned = isNotNull(samples.commissioningOrgId);
    if (scope.kind === 'all') return commissioned;
    if (scope.kind === 'region') {
      // Bureaus above the commissioning one see it too; a county below a commissioning province does not.
      const disclosed = sql`exists (select 1 from ${sampleDisclosures} where ${sampleDisclosures.sampleId} = ${samples.id} and ${withinRegion(sampleDisclosures.regionCode, scope.prefix)})`;
      return and(commissioned, or(eq(samples.commissioningOrgId, actor.orgId!), withinRegion(samples.commissioningRegionCode, scope.prefix), disclosed))!;
    }
  }
  return sql`false`;
}
