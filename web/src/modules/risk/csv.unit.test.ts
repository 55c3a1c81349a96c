import { describe, expect, it } from 'vitest';
import { CsvError, csvCell, detectSeparator, parseCsv, toCsv } from './csv';

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe('reading CSV as spreadsheets write it', () => {
  it('splits plain rows on commas, with CRLF, LF or CR line ends', () => {
    expect(cells('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(cells('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside a quoted cell', () => {
    const text = '日期,内容\r\n2026-11-30,"口罩""熔喷布""不合格，\r\n多地通报, 已下架"\r\n2026-11-29,x\r\n';
    const records = parseCsv(text);
    expect(records.map((r) => r.cells)).toEqual([
      ['日期', '内容'],
      ['2026-11-30', '口罩"熔喷布"不合格，\r\n多地通报, 已下架'],
      ['2026-11-29', 'x'],
    ]);
    // The record after a two-line cell starts on physical line 4 but is the spreadsheet's row 3.
    expect(records.map((r) => [r.line, r.row])).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
  });

  it('drops the UTF-8 byte-order mark so the first header reads 日期, not \\uFEFF日期', () => {
    expect(cells('\uFEFF日期,来源\n2026-11-30,微博')[0]).toEqual(['日期', '来源']);
  });

  it('keeps empty cells and skips blank rows while still counting them as rows', () => {
    const records = parseCsv('a,b,c\n1,,3\n\n,,\n4,5,\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 5]);
  });

  it('reads a quoted empty cell and a quote inside an unquoted cell as text', () => {
    expect(cells('"",x,5" screen')).toEqual([['', 'x', '5" screen']]);
  });

  it('names the line where a quote was left open', () => {
    expect(() => parseCsv('a,b\n1,"open\nstill open')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\nstill open');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
      expect((e as CsvError).message).toContain('第 2 行');
    }
  });

  it('uses the separator the header uses: semicolons or tabs as well as commas', () => {
    expect(detectSeparator('日期;来源;内容\n')).toBe(';');
    expect(detectSeparator('日期\t来源\t内容')).toBe('\t');
    expect(detectSeparator('"a;b",c\n')).toBe(',');
    expect(cells('a\tb\n"1\t2"\t3')).toEqual([
      ['a', 'b'],
      ['1\t2', '3'],
    ]);
  });

  it('returns nothing for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF\r\n')).toEqual([]);
  });
});

describe('writing CSV', () => {
  it('quotes only cells that need it, and reads back what it wrote', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const rows = [
      ['日期', '内容'],
      ['2026-11-30', '多行\n内容, 带 "引号"'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(cells(text)).toEqual(rows);
  });
});
