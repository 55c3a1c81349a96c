/** GET routes of complaints and reports and the tests that prove their scope. */
export const routes: string[] = [
  // complaints/complaints.test.ts › who sees which complaint
  'GET /api/complaints',
  'GET /api/complaints/{id}',
  // complaints/complaints.test.ts › takes a complaint on the portal … (number + access code, 404 otherwise)
  'GET /api/public/complaints/status',
];
