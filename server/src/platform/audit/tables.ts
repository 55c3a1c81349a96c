import { bigint, bigserial, char, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One hash chain per org (plus 'system' and 'public'); the head row is locked to keep each chain linear. */
export const auditChains = pgTable('audit_chains', {
  chainId: text('chain_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  headHash: char('head_hash', { length: 64 }).notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chainId: text('chain_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** SHA-256 of the record's canonical after-image (of `null` for a deletion). */
    afterHash: char('after_hash', { length: 64 }).notNull(),
    prevHash: char('prev_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_chain_seq_idx').on(t.chainId, t.seq),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_actor_org_idx').on(t.actorOrgId, t.id),
    index('audit_log_at_idx').on(t.at),
  ],
);
