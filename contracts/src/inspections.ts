/** Request and response schemas of the inspections module (vocabulary in supervision.ts). */
export {};
