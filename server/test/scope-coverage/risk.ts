/** GET routes of risk monitoring and the tests that prove their scope. */
export const routes: string[] = [
  // The model is the same for every bureau (weights and thresholds, no one's data).
  'GET /api/risk/model',
  // risk/risk.test.ts › keeps each bureau to its area
  'GET /api/risk/scores',
  'GET /api/risk/signals',
  // risk/risk.test.ts › counts signals per week … and a bureau elsewhere counts none of them
  'GET /api/risk/trend',
  // Only when the kept scores were computed and how many changes wait: no one's data.
  'GET /api/risk/freshness',
  // risk/risk.test.ts › raises a warning … Other areas do not see it
  'GET /api/risk/warnings',
  'GET /api/risk/warnings/{id}',
];
