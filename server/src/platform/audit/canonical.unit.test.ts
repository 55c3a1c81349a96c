import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash, imageHash, type ChainedFields } from './canonical.js';

const entry = (seq: number, afterHash = 'a'.repeat(64)): ChainedFields => ({
  chainId: 'org-1',
  seq,
  at: new Date('2026-11-23T08:00:00.000Z'),
  actorUserId: 'u1',
  actorOrgId: 'org-1',
  ip: '127.0.0.1',
  userAgent: 'ua',
  action: 'enterprise.created',
  entityType: 'enterprise',
  entityId: 'e1',
  afterHash,
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 5, f: 4 }], d: 2 }, b: 1 }));
  });
  it('writes dates as ISO strings and drops undefined', () => {
    expect(canonicalJson({ at: new Date('2020-05-14T09:00:00Z'), gone: undefined, none: null })).toBe('{"at":"2020-05-14T09:00:00.000Z","none":null}');
  });
  it('hashes a changed record differently', () => {
    expect(imageHash({ name: '成都康宁医疗用品有限公司' })).not.toBe(imageHash({ name: '成都康宁医疗用品有限公司 ' }));
  });
});

describe('hash chain', () => {
  it('links each entry to the previous hash', () => {
    const first = entryHash(GENESIS_HASH, entry(1));
    const second = entryHash(first, entry(2));
    expect(second).not.toBe(entryHash(GENESIS_HASH, entry(2)));
    expect(second).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes when any field of the entry changes', () => {
    const base = entryHash(GENESIS_HASH, entry(1));
    expect(entryHash(GENESIS_HASH, { ...entry(1), action: 'enterprise.updated' })).not.toBe(base);
    expect(entryHash(GENESIS_HASH, { ...entry(1), at: new Date('2026-11-23T08:00:00.001Z') })).not.toBe(base);
    expect(entryHash(GENESIS_HASH, entry(1, 'b'.repeat(64)))).not.toBe(base);
  });
});
