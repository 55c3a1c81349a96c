/** Request and response schemas of the campaigns module (vocabulary in supervision.ts). */
export {};
