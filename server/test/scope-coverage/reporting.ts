/** GET routes of the reporting module and the tests that prove their scope. */
export const routes: string[] = [
  // reporting/reporting-scope.test.ts › 403 for institutions, enterprises and the platform; absent for a city and a county
  'GET /api/reports/templates',
  'GET /api/reports/templates/{templateId}',
  'GET /api/reports/templates/{templateId}/periods',
  // reporting-scope.test.ts › a province its own table only (table, records, export, trend with another unit: 404)
  'GET /api/reports/templates/{templateId}/periods/{key}/table',
  'GET /api/reports/templates/{templateId}/periods/{key}/cells/{cell}/records',
  'GET /api/reports/templates/{templateId}/periods/{key}/export',
  'GET /api/reports/templates/{templateId}/trend',
  // reporting-scope.test.ts › completeness and compare belong to the level above (a unit: 403; a province sees only its cities)
  'GET /api/reports/templates/{templateId}/periods/{key}/completeness',
  'GET /api/reports/templates/{templateId}/periods/{key}/compare',
  // The library of official forms is code, not records: the same for every regulator.
  'GET /api/reports/library',
];
