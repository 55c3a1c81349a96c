import { checkUscc } from '@shijian/contracts';

/** Codes are typed or pasted with stray spaces and lower case; the check itself stays strict. */
export const normalizeUscc = (value: string | undefined) => (value ?? '').replace(/\s+/g, '').toUpperCase();

/**
 * The code is checked while typing as far as it can be: a wrong character at once,
 * the check character when all 18 are there. A short code is reported on leaving the field.
 */
export function usccTypingProblem(value: string): string | null {
  if (!value) return null;
  if (value.length >= 18) return checkUscc(value)?.message ?? null;
  const problem = checkUscc(value.padEnd(18, '0'));
  return problem?.code === 'USCC_CHARACTER' ? problem.message : null;
}
