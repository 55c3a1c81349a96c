import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '@shijian/contracts';
import { normalizeUscc, usccTypingProblem } from './uscc';

const first17 = '91510107MA6ABCDE1';
const valid = first17 + usccCheckCharacter(first17);

describe('USCC checks while typing', () => {
  it('says nothing about a correct code or an unfinished one made of valid characters', () => {
    expect(usccTypingProblem(valid)).toBeNull();
    expect(usccTypingProblem('915101')).toBeNull();
  });

  it('names the expected check character once all 18 are typed', () => {
    const wrong = first17 + (usccCheckCharacter(first17) === '0' ? '1' : '0');
    expect(usccTypingProblem(wrong)).toBe(`统一社会信用代码校验位错误：应为 ${usccCheckCharacter(first17)}`);
  });

  it('reports a forbidden letter at once, with its position', () => {
    expect(usccTypingProblem('9151O')).toBe('统一社会信用代码第5位“O”不是合法字符（只能使用数字和除 I、O、Z、S、V 以外的大写字母）');
  });

  it('reports a code that is too long', () => {
    expect(usccTypingProblem(`${valid}1`)).toBe('统一社会信用代码应为18位，当前为19位');
  });

  it('normalizes pasted codes: spaces out, letters up', () => {
    expect(normalizeUscc(' 9151 0107ma6abcde1x ')).toBe('91510107MA6ABCDE1X');
  });
});
