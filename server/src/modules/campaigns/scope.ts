import { inArray, or, type SQL } from 'drizzle-orm';
import { NATIONAL_REGION_CODE, regionLevel } from '@shijian/contracts';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import { problems, screenings, campaigns } from './tables.js';

/** The region and the regions above it: 510107 → 510000, 510100, 510107. */
export function regionAndAncestors(code: string): string[] {
  const level = regionLevel(code);
  const out = [`${code.slice(0, 2)}0000`];
  if (level >= 2) out.push(`${code.slice(0, 4)}00`);
  if (level === 3) out.push(code);
  return out;
}

/**
 * Who sees a campaign: the bureaus inside its lead department's area (a
 * national campaign reaches every regulator) and the bureaus above the lead.
 * A county officer sees the national, provincial and city campaigns over it
 * and its own county's, never a neighbouring county's.
 */
export function campaignScope(actor: Actor): SQL {
  const below = scopeFilter(actor, { region: campaigns.regionCode });
  if (actor.scope.kind !== 'region') return below;
  return or(inArray(campaigns.regionCode, [NATIONAL_REGION_CODE, ...regionAndAncestors(actor.scope.regionCode)]), below)!;
}

/** Screenings carry the enterprise's region; problems the enterprise's or the supervising bureau's. */
export const screeningScope = (actor: Actor) => scopeFilter(actor, { region: screenings.regionCode });
export const problemScope = (actor: Actor) => scopeFilter(actor, { region: problems.regionCode });
