import type { Services } from '../modules/index.js';

/** Campaigns, screenings and the problem ledger of the demo world. */
export async function seedCampaigns(services: Services, log: (line: string) => void) {
  void services;
  void log;
}
