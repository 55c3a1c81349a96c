/** GET routes of the archive module and the tests that prove their scope. */
export const routes: string[] = [
  // archive/archive.test.ts › the enterprise archive (county and province see it; sibling county, other province 404; enterprise 403)
  'GET /api/enterprises/{id}/archive',
];
