/**
 * 统一社会信用代码 (Unified Social Credit Code) checks per GB 32100-2015.
 * One function used by the server and the web, so both say the same thing.
 */

/** The 31 characters of the code alphabet: digits and capitals without I, O, Z, S, V. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem =
  | { code: 'USCC_LENGTH'; message: string; length: number }
  | { code: 'USCC_CHARACTER'; message: string; position: number; character: string }
  | { code: 'USCC_REGION'; message: string }
  | { code: 'USCC_CHECK_CHARACTER'; message: string; expected: string };

/** The check character (18th) for the first 17 characters, which must already be valid. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const value = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[value]!;
}

/** Returns the first problem found, or null when the code is valid. Lowercase input is not accepted. */
export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) {
    return { code: 'USCC_LENGTH', message: `统一社会信用代码应为18位，当前为${code.length}位`, length: code.length };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code[i]!;
    if (!USCC_ALPHABET.includes(ch)) {
      const hint = /[a-z]/.test(ch) ? '（请使用大写字母）' : '（只能使用数字和除 I、O、Z、S、V 以外的大写字母）';
      return {
        code: 'USCC_CHARACTER',
        message: `统一社会信用代码第${i + 1}位“${ch}”不是合法字符${hint}`,
        position: i + 1,
        character: ch,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { code: 'USCC_REGION', message: '统一社会信用代码第3至8位应为6位数字的登记管理机关行政区划码' };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return { code: 'USCC_CHECK_CHARACTER', message: `统一社会信用代码校验位错误：应为 ${expected}`, expected };
  }
  return null;
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code) === null;
}
