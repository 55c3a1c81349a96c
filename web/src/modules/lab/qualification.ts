import { ApiError } from '../../api/client';
import type { QualifiedAlternative } from '../../api/types';

/** What a 422 OUTSIDE_QUALIFICATION is about: the test item. */
export function refusedItem(error: unknown): string | null {
  const details = error instanceof ApiError ? (error.details as { standard?: unknown; parameter?: unknown } | undefined) : undefined;
  return typeof details?.standard === 'string' && typeof details.parameter === 'string' ? `${details.standard} ${details.parameter}` : null;
}

/** The institutions a 422 OUTSIDE_QUALIFICATION names as qualified instead, if any. */
export function alternativesOf(error: unknown): QualifiedAlternative[] {
  if (!(error instanceof ApiError) || error.code !== 'OUTSIDE_QUALIFICATION') return [];
  const list = (error.details as { alternatives?: unknown } | undefined)?.alternatives;
  return Array.isArray(list) ? (list as QualifiedAlternative[]).filter((a) => typeof a?.name === 'string') : [];
}
