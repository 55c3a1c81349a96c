import { asc, getTableColumns, inArray } from 'drizzle-orm';
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
      const key = columnKey(table, idColumn);
      return new Map(rows.map((row) => [String(row[key]), row]));
    },
  };
}

/**
 * An entity whose after-image is its row plus its child rows under `key`
 * (an enterprise's product kinds, a sample's ordered tests), so a child row
 * changed behind the application changes the parent's image.
 */
export function rowWithChildrenEntity(
  type: AuditEntityType,
  table: PgTable,
  idColumn: PgColumn,
  children: { table: PgTable; parentColumn: PgColumn; orderBy: PgColumn | PgColumn[]; key: string; pick?: (row: Record<string, unknown>) => unknown },
): AuditedEntity {
  const parent = rowEntity(type, table, idColumn);
  const parentKey = columnKey(children.table, children.parentColumn);
  return {
    ...parent,
    async load(db, ids) {
      const rows = await parent.load(db, ids);
      const childRows = (await db.select().from(children.table).where(inArray(children.parentColumn, ids)).orderBy(...[children.orderBy].flat().map((c) => asc(c)))) as Record<string, unknown>[];
      const grouped = new Map<string, unknown[]>();
      for (const child of childRows) {
        const id = String(child[parentKey]);
        grouped.set(id, [...(grouped.get(id) ?? []), children.pick ? children.pick(child) : child]);
      }
      return new Map([...rows].map(([id, row]) => [id, { ...(row as object), [children.key]: grouped.get(id) ?? [] }]));
    },
  };
}

function columnKey(table: PgTable, column: PgColumn): string {
  const key = Object.entries(getTableColumns(table)).find(([, col]) => col === column)?.[0];
  if (!key) throw new Error('column is not a column of its table');
  return key;
}
