/** GET routes of the sampling module and the tests that prove their scope. */
export const routes: string[] = [
  // sampling/sampling.test.ts › scope (bureaus over the producer, the task's institution; not a sibling county, another province or another institution)
  'GET /api/sampling/plans',
  'GET /api/sampling/plans/{id}',
  'GET /api/sampling/records',
  'GET /api/sampling/records/{id}',
  'GET /api/sampling/disposals',
  // sampling/sampling.test.ts › a nonconforming report … (another county gets 404)
  'GET /api/sampling/disposals/{id}',
];
