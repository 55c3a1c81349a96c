import { createHash } from 'node:crypto';

/**
 * Deterministic JSON: object keys sorted, Dates as ISO strings, undefined
 * dropped, bigints as strings. The same record always hashes the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalize(v);
    }
    return out;
  }
  return value;
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  chainId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string;
  entityId: string;
  afterHash: string;
};

/** An entry's own hash covers the previous hash and every field of the entry. */
export function entryHash(prevHash: string, fields: ChainedFields): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(fields)}`);
}

export function imageHash(image: unknown): string {
  return sha256Hex(canonicalJson(image ?? null));
}
