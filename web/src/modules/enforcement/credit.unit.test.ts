import { describe, expect, it } from 'vitest';
import type { RemovalApplicationView } from './api';
import { applyState } from './credit';

const application = (status: RemovalApplicationView['status']): RemovalApplicationView => ({
  id: '00000000-0000-4000-8000-000000000001',
  listingId: '00000000-0000-4000-8000-000000000002',
  appliedOn: '2026-03-01',
  reason: '已整改',
  commitments: '承诺',
  status,
  reviewNote: null,
  decidedOn: null,
});

describe('early removal from the dishonesty list', () => {
  const listing = { status: 'listed' as const, earliestRemovalOn: '2026-03-01', applications: [] };

  it('is open from the earliest removal date on, not the day before', () => {
    expect(applyState(listing, '2026-02-28')).toBe('too_early');
    expect(applyState(listing, '2026-03-01')).toBe('ok');
  });

  it('waits while an application is pending, and opens again after a rejection', () => {
    expect(applyState({ ...listing, applications: [application('pending')] }, '2026-04-01')).toBe('pending');
    expect(applyState({ ...listing, applications: [application('rejected')] }, '2026-04-01')).toBe('ok');
  });

  it('is not offered once the party is off the list', () => {
    expect(applyState({ ...listing, status: 'removed_early' }, '2026-04-01')).toBe('not_listed');
    expect(applyState({ ...listing, status: 'expired' }, '2029-04-01')).toBe('not_listed');
  });
});
