import type { Deps } from '../../platform/deps.js';
import type { Enterprises } from '../registry/enterprises.js';
import type { Orgs } from '../identity/orgs.js';

/** Double random, one public (双随机、一公开): directory, roster, conflicts, seeded draws, results. */
export function createInspections(deps: Deps, enterprises: Enterprises, orgs: Orgs) {
  void deps;
  void enterprises;
  void orgs;
  return {};
}
export type Inspections = ReturnType<typeof createInspections>;
