import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordProblems } from '@shijian/contracts';
import { generatePassword } from './password';

const random = (n: number) => webcrypto.getRandomValues(new Uint32Array(n));

describe('generatePassword', () => {
  it('meets the password policy every time, even for a username it might contain', () => {
    for (let i = 0; i < 500; i++) expect(passwordProblems(generatePassword(random), 'sc.admin')).toEqual([]);
  });

  it('contains every character class even when the generator returns zeros', () => {
    const password = generatePassword((n) => new Uint32Array(n));
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/\d/);
    expect(password).toMatch(/[^A-Za-z0-9]/);
  });
});
