/** Every table of every module, for Drizzle and drizzle-kit. Modules import their own tables directly. */
export * from '../platform/regions/tables.js';
export * from '../platform/audit/tables.js';
export * from '../platform/calendar/tables.js';
export * from '../modules/identity/tables.js';
export * from '../modules/registry/tables.js';
export * from '../modules/lab/tables.js';
export * from '../modules/campaigns/tables.js';
export * from '../modules/sampling/tables.js';
export * from '../modules/inspections/tables.js';
export * from '../modules/enforcement/tables.js';
export * from '../modules/oversight/tables.js';
export * from '../modules/reporting/tables.js';
export * from '../modules/notifications/tables.js';
export * from '../modules/services/tables.js';
export * from '../modules/metrology/tables.js';
export * from '../modules/complaints/tables.js';
export * from '../modules/recalls/tables.js';
