/** GET routes of defect recall and the tests that prove their scope. */
export const routes: string[] = [
  // recalls/recalls.test.ts › who sees which recall
  'GET /api/recalls',
  'GET /api/recalls/{id}',
  // recalls/recalls.test.ts › … the notice goes on the portal (published recalls only)
  'GET /api/public/recalls',
];
