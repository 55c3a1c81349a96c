/** GET routes of the service window and the tests that prove their scope. */
export const routes: string[] = [
  // services/services.test.ts › the public catalogue (active items only; withdrawn ones 404 by id)
  'GET /api/public/service-catalogue',
  'GET /api/public/service-items/{id}',
  // services/services.test.ts › publishes an item … withdraws it (an institution's inactive items are its own)
  'GET /api/service-items',
  // Fee rules are public knowledge (they decide what anyone is charged): readable by every signed-in user.
  'GET /api/fee-rules',
  // services/services.test.ts › who sees which requests; takes a request without a login (number + code)
  'GET /api/service-requests',
  'GET /api/service-requests/{id}',
  'GET /api/public/service-requests/status',
  // services/services.test.ts › proposes institutions … (only the institution holding the request; others 404)
  'GET /api/service-requests/{id}/referral-options',
];
routes.push(
  // services/services.test.ts › appointments (slots carry nothing personal; bookings by requester, institution, bureaus without contacts)
  'GET /api/service-slots',
  'GET /api/service-bookings',
  'GET /api/service-bookings/{id}',
  // services/services.test.ts › on-site service … shows it to the bureaus over the place
  'GET /api/onsite-dispatches',
  'GET /api/onsite-dispatches/{id}',
  // services/services.test.ts › testing requests become samples (the request's own scope)
  'GET /api/service-requests/{id}/samples',
);
