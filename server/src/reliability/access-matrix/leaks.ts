import type { Actor } from '../../platform/actor.js';
import { isSecret, uuidsIn, visibleTo, type FamilyName, type Row } from './resources.js';

/** Shorter text than this is too common to count as a mark of one record. */
const MIN_MARKER_LENGTH = 4;

export type Markers = {
  /** Ids of records out of the actor's scope → the record, for the message. */
  ids: Map<string, string>;
  /** Numbers and names of those records → the record. */
  texts: Map<string, string>;
  /** One pattern over all the texts (one pass per answer). */
  pattern: RegExp | null;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What must never reach the actor: the ids, numbers and names of the records out of its scope.
 *
 * An answer may rightly name a record the actor cannot open itself — the producer of a sample it
 * tests, the institution that handles its request, the officer who acted on its case. So the
 * records in scope are taken with everything they refer to (one step, by id), and text that
 * appears in them (a producer's name copied into a sample) is no marker either.
 */
export function markersFor(actor: Actor, rows: Row[]): Markers {
  const visible = rows.filter((r) => visibleTo(r.family as FamilyName)(actor, r));
  const seen = new Set<string>();
  for (const r of visible) {
    seen.add(r.id);
    for (const id of uuidsIn(r.text)) seen.add(id);
  }
  const visibleText = visible.map((r) => r.text).join('\n');
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const r of rows) {
    if (!isSecret(r.family as FamilyName) || seen.has(r.id) || visibleTo(r.family as FamilyName)(actor, r)) continue;
    const what = `${r.family} ${r.id}`;
    ids.set(r.id, what);
    for (const m of r.markers) {
      if (m.length >= MIN_MARKER_LENGTH && !visibleText.includes(m)) texts.set(m, `${what} (${m})`);
    }
  }
  const pattern = texts.size ? new RegExp([...texts.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g') : null;
  return { ids, texts, pattern };
}

/** The out-of-scope records an answer names, as messages ('' when none). */
export function leaksIn(body: string, markers: Markers, ignore: readonly string[] = []): string[] {
  const found = new Set<string>();
  for (const id of uuidsIn(body.toLowerCase())) {
    if (ignore.includes(id)) continue;
    const what = markers.ids.get(id);
    if (what) found.add(what);
  }
  if (markers.pattern) {
    for (const m of body.matchAll(markers.pattern)) found.add(markers.texts.get(m[0])!);
  }
  return [...found];
}
