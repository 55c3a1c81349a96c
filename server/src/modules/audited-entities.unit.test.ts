import { AUDIT_ENTITY_TYPES } from '@shijian/contracts';
import { describe, expect, it } from 'vitest';
import { auditedEntities } from './index.js';

describe('the audited entity catalogue', () => {
  it('has a label for every audited record type and no label without one', () => {
    expect(auditedEntities.map((e) => e.type).sort()).toEqual(Object.keys(AUDIT_ENTITY_TYPES).sort());
  });
});
