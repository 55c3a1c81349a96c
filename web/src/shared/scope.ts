import type { SessionView } from '../api/types';

/** The region a regulator's pickers start from; null means the whole country (or not region-scoped). */
export function scopeRegion(session: SessionView): string | null {
  return session.scope.kind === 'region' ? session.scope.regionCode : null;
}
