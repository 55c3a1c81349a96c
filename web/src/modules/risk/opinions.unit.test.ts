import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '@shijian/contracts';
import { checkRow, decodeFile, fieldOfHeader, normalizeDate, readOpinionFile, serverProblems, templateCsv, type CheckContext, type OpinionRow } from './opinions';
import { parseCsv } from './csv';

const first17 = '91510107MA6C4K2B0';
const USCC = first17 + usccCheckCharacter(first17);
const ctx: CheckContext = {
  categoryCode: (v) => ({ mask: 'mask', 口罩: 'mask', Masks: 'mask' })[v] ?? null,
  today: '2026-11-30',
  scopePrefix: '51',
};
const row = (values: OpinionRow['values']): OpinionRow => ({ row: 2, values });

describe('reading an opinion file', () => {
  it('takes the Chinese header of the template and the contract’s English keys alike', () => {
    expect(fieldOfHeader('统一社会信用代码')).toBe('enterpriseUscc');
    expect(fieldOfHeader(' Region_Code ')).toBe('regionCode');
    expect(fieldOfHeader('enterpriseUscc')).toBe('enterpriseUscc');
    expect(fieldOfHeader('备注')).toBeNull();
  });

  it('reads a CSV with a BOM, quoted multi-line text, and columns in any order', () => {
    const text = `\uFEFF来源,日期,内容,地区代码,备注\r\n微博,2026/11/3,"康宁口罩""质量""问题，\r\n多人转发",510107,x\r\n`;
    const sheet = readOpinionFile('opinions.csv', text);
    expect(sheet.format).toBe('csv');
    expect(sheet.missing).toEqual([]);
    expect(sheet.ignored).toEqual(['备注']);
    expect(sheet.rows).toEqual([{ row: 2, values: { source: '微博', date: '2026/11/3', text: '康宁口罩"质量"问题，\r\n多人转发', regionCode: '510107' } }]);
  });

  it('says which required columns a CSV lacks', () => {
    expect(readOpinionFile('a.csv', 'date,text\n2026-11-30,x').missing).toEqual(['source']);
  });

  it('reads JSON as an array or as { items }, numbers included, by name or by content', () => {
    const items = [{ date: '2026-11-30', source: '网站', text: '内容', regionCode: 510107, extra: 1 }];
    for (const sheet of [readOpinionFile('x.json', JSON.stringify(items)), readOpinionFile('upload', JSON.stringify({ items }))]) {
      expect(sheet.format).toBe('json');
      expect(sheet.rows[0]).toEqual({ row: 1, values: { date: '2026-11-30', source: '网站', text: '内容', regionCode: '510107' } });
      expect(sheet.ignored).toEqual(['extra']);
    }
    expect(readOpinionFile('x.json', JSON.stringify([{ 日期: '2026-11-30', 来源: '网站', 内容: '文本' }])).rows[0]!.values).toEqual({ date: '2026-11-30', source: '网站', text: '文本' });
  });

  it('refuses a JSON file that is not a list of items, in Chinese', () => {
    expect(() => readOpinionFile('x.json', '{"a":1}')).toThrow('JSON 应为舆情条目的数组');
    expect(() => readOpinionFile('x.json', '[{')).toThrow('JSON 格式有误');
  });

  it('decodes UTF-8 and, failing that, GB 18030 as Chinese spreadsheets save CSV', () => {
    expect(decodeFile(new TextEncoder().encode('日期,来源'))).toBe('日期,来源');
    // 日期 in GBK.
    expect(decodeFile(new Uint8Array([0xc8, 0xd5, 0xc6, 0xda]))).toBe('日期');
  });

  it('gives a template whose header reads back as every field', () => {
    const [header] = parseCsv(templateCsv());
    expect(header!.cells).toEqual(['日期', '来源', '内容', '统一社会信用代码', '产品类别', '地区代码']);
    expect(header!.cells.map(fieldOfHeader)).toEqual(['date', 'source', 'text', 'enterpriseUscc', 'category', 'regionCode']);
  });
});

describe('checking a row before import', () => {
  it('normalizes the usual ways of writing a date', () => {
    expect(normalizeDate('2026/11/3')).toBe('2026-11-03');
    expect(normalizeDate('2026年11月3日')).toBe('2026-11-03');
    expect(normalizeDate('2026.11.03 10:20')).toBe('2026-11-03');
    expect(normalizeDate('2026-11-03T08:00:00Z')).toBe('2026-11-03');
    expect(normalizeDate('11/3/2026')).toBe('11/3/2026');
  });

  it('turns a good row into the item the API takes: trimmed, category by name, empty optionals left out', () => {
    const checked = checkRow(row({ date: '2026/11/3', source: ' 微博 ', text: '内容', enterpriseUscc: USCC.toLowerCase(), category: '口罩', regionCode: '' }), ctx);
    expect(checked.problems).toEqual([]);
    expect(checked.item).toEqual({ date: '2026-11-03', source: '微博', text: '内容', enterpriseUscc: USCC, category: 'mask' });
  });

  it('reports the contract’s messages for missing and malformed fields', () => {
    const checked = checkRow(row({ date: '3 Nov', source: '', regionCode: '5101' }), ctx);
    expect(checked.item).toBeNull();
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        { field: 'date', message: '日期格式应为 YYYY-MM-DD' },
        { field: 'source', message: '请填写来源' },
        { field: 'text', message: '请填写内容' },
        { field: 'regionCode', message: '行政区划代码应为6位数字' },
      ]),
    );
  });

  it('refuses an impossible or future date, a wrong check character, an unknown category and a region outside the area', () => {
    const wrongCheck = first17 + (usccCheckCharacter(first17) === '0' ? '1' : '0');
    const checked = checkRow(row({ date: '2026-02-30', source: 's', text: 't', enterpriseUscc: wrongCheck, category: '玩具', regionCode: '350100' }), ctx);
    expect(checked.problems.map((p) => p.field)).toEqual(['date', 'enterpriseUscc', 'category', 'regionCode']);
    expect(checked.problems[2]!.message).toContain('玩具');
    expect(checkRow(row({ date: '2026-12-01', source: 's', text: 't' }), ctx).problems).toEqual([{ field: 'date', message: '日期不能晚于今天' }]);
    expect(checkRow(row({ date: '2026-11-30', source: 's', text: 't', regionCode: '350100' }), { ...ctx, scopePrefix: null }).problems).toEqual([]);
  });
});

describe('server errors against the file', () => {
  it('places items.N.field on the file row sent as item N, without the server’s own item number', () => {
    const { byRow, general } = serverProblems(
      [
        { field: 'items.1.regionCode', message: '第 2 条：请填写有效的地区代码，或所涉企业的统一社会信用代码' },
        { field: 'items.0.date', message: '日期格式应为 YYYY-MM-DD' },
        { field: 'items', message: '一次最多导入5000条' },
      ],
      [2, 5],
    );
    expect(byRow.get(5)).toEqual([{ field: 'regionCode', message: '请填写有效的地区代码，或所涉企业的统一社会信用代码' }]);
    expect(byRow.get(2)).toEqual([{ field: 'date', message: '日期格式应为 YYYY-MM-DD' }]);
    expect(general).toEqual(['一次最多导入5000条']);
  });
});
