import type { Deps } from '../../platform/deps.js';
import type { Cases } from '../enforcement/cases.js';
import { createInstitutionDirectory } from './directory.js';
import { createEpidemicQa } from './qa.js';
import { createTypicalCases } from './typical-cases.js';

/** What regulators publish on the portal (typical cases, the epidemic-goods Q&A) and the directory of qualified institutions. */
export function createPublicity(deps: Deps, { cases }: { cases: Cases }) {
  return {
    cases: createTypicalCases(deps, cases),
    qa: createEpidemicQa(deps),
    institutions: createInstitutionDirectory(deps),
  };
}

export type Publicity = ReturnType<typeof createPublicity>;
