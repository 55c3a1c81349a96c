import { describe, expect, it } from 'vitest';
import { regionRange, scopeOf } from './actor.js';

describe('scope', () => {
  it('turns a region prefix into a half-open code range', () => {
    expect(regionRange('51')).toEqual(['510000', '520000']);
    expect(regionRange('5101')).toEqual(['510100', '510200']);
    expect(regionRange('09')).toEqual(['090000', '100000']);
  });
  it('gives a county bureau its own county, a province its prefix, the nation everything', () => {
    expect(scopeOf({ id: 'x', kind: 'regulator', level: 'county', regionCode: '510107' })).toEqual({ kind: 'region', regionCode: '510107', prefix: '510107' });
    expect(scopeOf({ id: 'x', kind: 'regulator', level: 'province', regionCode: '510000' })).toEqual({ kind: 'region', regionCode: '510000', prefix: '51' });
    expect(scopeOf({ id: 'x', kind: 'regulator', level: 'national', regionCode: null })).toEqual({ kind: 'all' });
  });
  it('confines institutions and enterprises to their own org', () => {
    expect(scopeOf({ id: 'i1', kind: 'institution', level: null, regionCode: '510104' })).toEqual({ kind: 'org', orgId: 'i1' });
    expect(scopeOf({ id: 'e1', kind: 'enterprise', level: null, regionCode: '510107' })).toEqual({ kind: 'org', orgId: 'e1' });
  });
});
