#!/usr/bin/env node
// `shijian <command>`: the TypeScript CLI, run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
