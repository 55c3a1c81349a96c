import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, buildTemplate, testBackend } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    template: string;
    backend: 'pglite' | 'postgres';
  }
}

export default async function setup(project: TestProject) {
  const backend = testBackend();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-test-'));
  const started = Date.now();
  const template = await buildTemplate(backend, dir);
  console.log(`[db tests] ${backend} template with demo world ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('template', template);
  project.provide('backend', backend);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (backend === 'postgres') {
      // Per-file databases are dropped by their files; the template goes last.
      await adminQuery(`drop database if exists ${template} with (force)`);
    }
  };
}
