import type { Deps } from '../../platform/deps.js';
import type { Enterprises } from '../registry/enterprises.js';
import type { Orgs } from '../identity/orgs.js';

/** Campaigns (专项整治行动), producer screening (排查) with rectification, and the problem ledger. */
export function createCampaigns(deps: Deps, enterprises: Enterprises, orgs: Orgs) {
  void deps;
  void enterprises;
  void orgs;
  return {};
}
export type Campaigns = ReturnType<typeof createCampaigns>;
