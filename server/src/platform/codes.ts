import { createHash, randomInt } from 'node:crypto';

/**
 * Codes people type from paper (verification codes, access codes): letters and digits
 * that cannot be mistaken for one another — no 0/O, no 1/I. Thirty-two of them, so a
 * byte maps onto the alphabet evenly.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh random code (40 bits at the default length). */
export function randomCode(length = 8): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * A code derived from a secret-enough seed (a record's random id): the same seed always
 * gives the same code, so records that were issued before they had a code need no new
 * column, and anyone who can read the id is already allowed to read the record.
 */
export function derivedCode(seed: string, length = 8): string {
  const digest = createHash('sha256').update(seed).digest();
  return Array.from({ length }, (_, i) => CODE_ALPHABET[digest[i]! % CODE_ALPHABET.length]).join('');
}
