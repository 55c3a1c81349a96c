import type { Services } from '../modules/index.js';

/** Sampling plans and batches, cases and the dishonesty list of the demo world. */
export async function seedSupervision(services: Services, log: (line: string) => void) {
  void services;
  void log;
}
