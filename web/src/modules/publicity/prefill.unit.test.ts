import { describe, expect, it } from 'vitest';
import { citedLaws, prefillFromCase, type CaseFacts } from './prefill';

const decided: CaseFacts = {
  partyName: '锦江区某药店',
  violationCategory: 'price',
  summary: '疫情期间哄抬口罩价格',
  decisionNo: '锦市监处罚〔2026〕31号',
  decision: '没收违法所得，并处罚款',
  fineYuan: '50000.00',
  confiscationYuan: '12860.50',
};

describe('prefillFromCase', () => {
  it('titles the case by party and violation and states the decision with its amounts', () => {
    const p = prefillFromCase(decided);
    expect(p.title).toBe('锦江区某药店价格违法案');
    expect(p.summary).toBe('疫情期间哄抬口罩价格');
    expect(p.penalty).toBe('依据锦市监处罚〔2026〕31号，没收违法所得，并处罚款（罚款50,000.00元，没收违法所得及财物12,860.50元）。');
    expect(p.violation).toBe('');
  });

  it('leaves out zero amounts and names other violations plainly', () => {
    const p = prefillFromCase({ ...decided, violationCategory: 'other', confiscationYuan: '0', decision: '警告。' });
    expect(p.title).toBe('锦江区某药店违法案');
    expect(p.penalty).toBe('依据锦市监处罚〔2026〕31号，警告（罚款50,000.00元）。');
  });

  it('takes the legal basis from the laws the decision cites', () => {
    const p = prefillFromCase({ ...decided, violationCategory: 'certification_testing', decision: '依据《检验检测机构监督管理办法》第二十六条，责令改正，处罚款' });
    expect(p.title).toBe('锦江区某药店认证检验检测违法案');
    expect(p.legalBasis).toBe('《检验检测机构监督管理办法》第二十六条');
  });
});

describe('citedLaws', () => {
  it('finds each law once, with its articles and items', () => {
    expect(citedLaws('违反《中华人民共和国价格法》第十四条第（三）项，依据《中华人民共和国价格法》第四十条、《价格违法行为行政处罚规定》第六条')).toEqual([
      '《中华人民共和国价格法》第十四条第（三）项',
      '《中华人民共和国价格法》第四十条',
      '《价格违法行为行政处罚规定》第六条',
    ]);
    expect(citedLaws('没收违法所得，并处罚款')).toEqual([]);
  });
});
