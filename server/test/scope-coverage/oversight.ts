/** GET routes of checks of testing institutions and the test that proves their scope. */
export const routes: string[] = [
  // reporting/reporting-scope.test.ts › shows a check to the bureaus over the institution, and nobody else
  'GET /api/institution-checks',
  'GET /api/institution-checks/{id}',
];
