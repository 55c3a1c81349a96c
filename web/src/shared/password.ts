/**
 * A random initial password that meets the policy (all four character classes,
 * 14 characters), from the browser's cryptographic generator. Look-alike
 * characters are left out because the admin reads it out or writes it down.
 */
const SETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#%&*+=?'] as const;
const LENGTH = 14;

function pick(set: string, random: number): string {
  return set[random % set.length]!;
}

export function generatePassword(randomValues: (n: number) => Uint32Array = (n) => crypto.getRandomValues(new Uint32Array(n))): string {
  const random = randomValues(LENGTH * 2);
  const all = SETS.join('');
  const chars = SETS.map((set, i) => pick(set, random[i]!));
  for (let i = chars.length; i < LENGTH; i++) chars.push(pick(all, random[i]!));
  // Shuffle so the guaranteed classes are not always at the front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[LENGTH + i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
