import { z } from 'zod';

// Validation messages default to Chinese for every schema, on the server and in the web.
z.config(z.locales.zhCN());

export * from './uscc.js';
export * from './regions.js';
export * from './domain.js';
export * from './api.js';
export * from './lab.js';
export * from './audit.js';
export * from './supervision.js';
export * from './campaigns.js';
export * from './inspections.js';
export * from './enforcement.js';
export * from './sampling.js';
export * from './archive.js';
export * from './reporting.js';
export * from './oversight.js';
export * from './services.js';
export * from './metrology.js';
export * from './complaints.js';
export * from './recalls.js';
export * from './risk.js';
export * from './publicity.js';
