import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, seedTemplate } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory holding the migrated demo world, copied by every browser-test file. */
    e2eTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = path.join(ROOT, '.tmp', 'e2e-template');
  await seedTemplate(dir);
  project.provide('e2eTemplateDir', dir);
}
