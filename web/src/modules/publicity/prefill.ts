import { VIOLATION_CATEGORY_LABELS, type ViolationCategory } from '@shijian/contracts';

/** What a typical case's form starts from, taken from the decided case. The officer rewrites it for the public. */
export type CaseFacts = {
  partyName: string;
  violationCategory: ViolationCategory;
  summary: string;
  decisionNo: string | null;
  decision: string | null;
  fineYuan: string;
  confiscationYuan: string;
};

export type Prefill = { title: string; summary: string; violation: string; legalBasis: string; penalty: string };

/** 质量违法类 → 质量违法, 其他 → 违法: the category as a phrase for a title. */
function categoryPhrase(category: ViolationCategory): string {
  const label = VIOLATION_CATEGORY_LABELS[category].zh;
  if (category === 'other') return '违法';
  const phrase = label.replace(/类$/, '');
  return phrase.endsWith('违法') ? phrase : `${phrase}违法`;
}

/** An amount in yuan as 420,000.00元; nothing for zero. */
function yuan(amount: string): string | null {
  const n = Number(amount);
  if (!Number.isFinite(n) || n <= 0) return null;
  return `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
}

/** The laws cited in a decision's text: 《…》 with the articles that follow it. */
export function citedLaws(text: string): string[] {
  const numeral = '[一二三四五六七八九十百零〇\\d]+';
  const pattern = new RegExp(`《[^》]{2,60}》(?:第${numeral}条(?:第[（(]${numeral}[）)]项|第${numeral}款)*(?:[、，和及与]?第${numeral}条(?:第[（(]${numeral}[）)]项|第${numeral}款)*)*)?`, 'g');
  return [...new Set(text.match(pattern) ?? [])];
}

export function prefillFromCase(c: CaseFacts): Prefill {
  const amounts = [yuan(c.fineYuan) && `罚款${yuan(c.fineYuan)}`, yuan(c.confiscationYuan) && `没收违法所得及财物${yuan(c.confiscationYuan)}`].filter(Boolean);
  const decision = (c.decision ?? '').trim().replace(/[。；;，,]$/, '');
  const penalty = [c.decisionNo ? `依据${c.decisionNo}` : '', decision].filter(Boolean).join('，') + (amounts.length ? `（${amounts.join('，')}）` : '');
  return {
    title: `${c.partyName}${categoryPhrase(c.violationCategory)}案`,
    summary: c.summary,
    violation: '',
    legalBasis: citedLaws(c.decision ?? '').join('；'),
    penalty: penalty ? `${penalty}。` : '',
  };
}
