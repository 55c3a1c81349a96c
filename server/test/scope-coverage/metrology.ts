/** GET routes of metrology and the tests that prove their scope. */
export const routes: string[] = [
  // Reference data, public by design (the catalogue of instruments under compulsory control).
  'GET /api/public/compulsory-catalogue',
  // metrology/metrology.test.ts › public verification of a certificate (only what is printed on the paper; a wrong code finds nothing)
  'GET /api/public/certificates/verify',
  // The import template: column headers, an example row and the public compulsory catalogue; no one's data.
  'GET /api/instruments/import-template',
  // metrology/metrology.test.ts › the ledger's e-CQS fields … hidden from other owners (instrument scope)
  'GET /api/instruments/{id}/ledger',
  // metrology/metrology.test.ts › what the verifier may look up (own institution's people; the ledger of a held request's requester)
  'GET /api/institution-staff',
  'GET /api/service-requests/{id}/requester-instruments',
  // metrology/metrology.test.ts › who sees which certificate
  'GET /api/verification-certificates',
  'GET /api/verification-certificates/{id}',
  'GET /api/verification-certificates/{id}/pdf',
];
