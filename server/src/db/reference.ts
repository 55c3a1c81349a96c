import { systemActor } from '../platform/actor.js';
import { loadOfficialCalendar } from '../platform/calendar/official.js';
import type { Deps } from '../platform/deps.js';
import { loadRegions } from '../platform/regions/service.js';
import { seedCompulsoryCatalogue } from '../modules/metrology/service.js';
import { seedDefaultCategories } from '../modules/registry/categories.js';

/**
 * Reference data every installation needs, loaded from npm packages after the
 * schema migrations: GB/T 2260 regions, official holidays, product categories, the compulsory-verification catalogue.
 * Idempotent; never overwrites what an admin has edited.
 */
export async function loadReferenceData(deps: Deps) {
  const actor = systemActor('migrate');
  const regions = await loadRegions(deps.db, deps.audit, actor);
  const calendarDays = await loadOfficialCalendar(deps.db, deps.audit, actor);
  const categories = await seedDefaultCategories(deps.db, deps.audit, actor);
  const compulsoryItems = await seedCompulsoryCatalogue(deps.db, deps.audit, actor);
  return { regions, calendarDays, categories, compulsoryItems };
}
