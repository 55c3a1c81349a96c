import type { ListingDetailView } from './api';

export type ApplyState = 'ok' | 'not_listed' | 'too_early' | 'pending';

/**
 * Whether the listed enterprise may apply for early removal today, and if not why:
 * only while listed, from a year after listing, one pending application at a time.
 * The server decides again; this only decides what the page offers.
 */
export function applyState(listing: Pick<ListingDetailView, 'status' | 'earliestRemovalOn' | 'applications'>, today: string): ApplyState {
  if (listing.status !== 'listed') return 'not_listed';
  if (today < listing.earliestRemovalOn) return 'too_early';
  if (listing.applications.some((a) => a.status === 'pending')) return 'pending';
  return 'ok';
}
