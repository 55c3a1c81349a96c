/** GET routes of the portal's publishing (typical cases, epidemic-goods Q&A, institution directory) and the tests that prove their scope. */
export const routes: string[] = [
  // publicity/publicity.test.ts › shows a publication to the bureaus over the case’s region and nobody else
  'GET /api/typical-cases',
  'GET /api/typical-cases/{id}',
  // publicity/publicity.test.ts › lets a bureau edit its own region’s entries and those below it; another region gets 404
  'GET /api/epidemic-qa',
  'GET /api/epidemic-qa/{id}',
  // publicity/publicity.test.ts › publishes a decided case … takes it off when withdrawn (active publications only)
  'GET /api/public/typical-cases',
  'GET /api/public/typical-cases/{id}',
  // publicity/publicity.test.ts › takes a draft through publish … shows only what is published
  'GET /api/public/epidemic-qa',
  // publicity/publicity.test.ts › lists the institutions whose CMA certificate is valid today (public information, no actor scope)
  'GET /api/public/institutions',
];
