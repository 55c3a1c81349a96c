import { getTableColumns, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntityType } from '@shijian/contracts';
import type { Db } from '../../db/client.js';

/**
 * A kind of record whose changes are audited. `load` produces the canonical
 * after-image of records by id; the writer hashes it at write time and the
 * verifier hashes it again from the current rows, so a row changed behind the
 * application's back no longer matches its last audit entry.
 */
export type AuditedEntity = {
  type: AuditEntityType;
  /** When set, the verifier also looks for rows that were never audited. */
  table?: PgTable;
  idColumn?: PgColumn;
  load(db: Db, ids: string[]): Promise<Map<string, unknown>>;
};

/** An entity whose after-image is its table row. */
export function rowEntity(type: AuditEntityType, table: PgTable, idColumn: PgColumn): AuditedEntity {
  return {
    type,
    table,
    idColumn,
    async load(db, ids) {
      const rows = (await db.select().from(table).where(inArray(idColumn, ids))) as Record<string, unknown>[];
      const key = Object.entries(getTableColumns(table)).find(([, col]) => col === idColumn)?.[0];
      if (!key) throw new Error(`id column of ${type} is not a column of its table`);
      return new Map(rows.map((row) => [String(row[key]), row]));
    },
  };
}
