/** GET routes of the inspections module and the tests that prove their scope. */
export const routes: string[] = [
  // inspections.test.ts › the inspection-object directory › 'is scoped like GET /api/enterprises: a county sees its county only'
  'GET /api/inspections/directory',
  // inspections.test.ts › the inspector roster › 'shows a county officer its own county’s inspectors only'
  'GET /api/inspections/inspectors',
  // Counts only, with the directory's and the roster's scope; inspections.test.ts › a draw › 'previews the candidates per tier…' compares city and county.
  'GET /api/inspections/draw-preview',
  // inspections.test.ts › scope of draws › 'shows the 武侯区 draw to %s (in scope)' and 'hides the 武侯区 draw from %s: 404 by id, absent from the list'
  'GET /api/inspections/draws',
  'GET /api/inspections/draws/{id}',
  'GET /api/inspections/draws/{id}/record',
  // The caller's own assignments only: inspections.test.ts › scope of draws › 'gives each officer a queue of their own targets only'
  'GET /api/inspections/queue',
  // Public by design, published draws only: inspections.test.ts › scope of draws › 'keeps unpublished draws off the public API and the portal'
  'GET /api/public/inspections/draws',
  'GET /api/public/inspections/draws/{id}',
];
