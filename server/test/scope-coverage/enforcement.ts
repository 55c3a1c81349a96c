/** GET routes of the enforcement module and the tests that prove their scope. */
export const routes: string[] = [
  // enforcement/cases.test.ts › scope and the deadline dashboard (county, province, other province, lab, enterprise)
  'GET /api/cases',
  'GET /api/cases/{id}',
  'GET /api/cases/deadlines',
  // enforcement/cases.test.ts › records … documents (another county gets 404)
  'GET /api/cases/{id}/documents/{documentId}',
  // enforcement/credit.test.ts › shows listings to bureaus over the case and to the listed enterprise only
  'GET /api/credit/listings',
  'GET /api/credit/listings/{id}',
  // Public by design: only parties on the list today, with the published fields (credit.test.ts).
  'GET /api/public/dishonesty',
];
