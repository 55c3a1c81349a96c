import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, usccCheckCharacter } from './uscc.js';

// Codes published on public business licences (check characters computed by their registrars).
const REAL_CODES = ['91350100M000100Y43', '91110000100006485K', '91440300708461136T'];

describe('USCC check per GB 32100-2015', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    expect(checkUscc(code)).toBeNull();
  });

  it('computes the check character from the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91110000100006485')).toBe('K');
  });

  it('rejects a wrong check character and names the right one', () => {
    const problem = checkUscc('91350100M000100Y44');
    expect(problem).toMatchObject({ code: 'USCC_CHECK_CHARACTER', expected: '3' });
    expect(problem?.message).toBe('统一社会信用代码校验位错误：应为 3');
  });

  it('rejects the letters I, O, Z, S, V and names the position', () => {
    const problem = checkUscc('91350100MO00100Y43');
    expect(problem).toMatchObject({ code: 'USCC_CHARACTER', position: 10, character: 'O' });
    expect(problem?.message).toContain('第10位');
  });

  it('asks for capitals when given lowercase', () => {
    expect(checkUscc('91350100m000100Y43')?.message).toContain('请使用大写字母');
  });

  it('rejects a code of the wrong length with the length in the message', () => {
    expect(checkUscc('9135010')).toMatchObject({ code: 'USCC_LENGTH', length: 7 });
    expect(checkUscc('9135010')?.message).toBe('统一社会信用代码应为18位，当前为7位');
  });

  it('rejects a non-numeric region part', () => {
    expect(checkUscc('91A50100M000100Y43')?.code).toBe('USCC_REGION');
  });

  it('detects every single-character substitution of a valid code', () => {
    const code = REAL_CODES[0]!;
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let substitutions = 0;
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const altered = code.slice(0, i) + ch + code.slice(i + 1);
        // Region digits must stay digits to reach the checksum; other characters always do.
        if (i >= 2 && i < 8 && !/\d/.test(ch)) continue;
        substitutions++;
        expect(isValidUscc(altered), altered).toBe(false);
      }
    }
    expect(substitutions).toBeGreaterThan(400);
  });
});
