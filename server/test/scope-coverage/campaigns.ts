/** GET routes of the campaigns module and the tests that prove their scope. */
export const routes: string[] = [
  // server/src/modules/campaigns/campaigns-scope.test.ts › "campaigns": a county sees the national campaigns and its
  // own county's, never a neighbouring county's (404 by id, absent from the list); the province sees both, Fujian neither.
  'GET /api/campaigns',
  'GET /api/campaigns/{id}',
  // campaigns-scope.test.ts › "campaign counts": the counts and per-category figures cover the caller's subtree only.
  // campaigns-scope.test.ts › "import template": 404 for a campaign outside the caller's scope.
  'GET /api/campaigns/{id}/screenings/import-template',
  // import.test.ts › "shows the job only to the user who started it": another officer, even in scope, gets 404.
  'GET /api/campaigns/{id}/screenings/imports/{jobId}',
  // campaigns-scope.test.ts › "screenings": wh.officer never sees jj.officer's county screening (404 by id, absent
  // from lists); sc.admin sees both; fj.admin neither.
  'GET /api/screenings',
  'GET /api/screenings/{id}',
  // campaigns-scope.test.ts › "officer names": only names from the caller's own bureau's screenings.
  'GET /api/screenings/officers',
  // campaigns-scope.test.ts › "problems": the same county / province / other-province matrix for the ledger.
  'GET /api/problems',
  'GET /api/problems/{id}',
];
