/**
 * A small CSV reader (RFC 4180, as spreadsheets write it): quoted fields holding commas, line
 * breaks and doubled quotes, CRLF / LF / CR line ends, a UTF-8 byte-order mark, and a comma,
 * semicolon or tab as the separator (whichever the first line uses outside quotes).
 * Pure: text in, records out.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    /** The physical line (1-based) where the problem starts. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * One record: its cells, the physical line of the file it starts on, and its row as a
 * spreadsheet numbers it (blank rows counted, a cell's line breaks not).
 */
export type CsvRecord = { cells: string[]; line: number; row: number };

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator the first line uses most, outside quotes; a comma when it uses none. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/**
 * The records of a CSV text. Blank lines (and rows of empty cells) are skipped; a quote left open at the end of the text
 * is an error naming the line it was opened on. A quote inside an unquoted cell is kept as text
 * (as spreadsheets read `5" screen`).
 */
export function parseCsv(input: string, separator = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  /** Whether the current cell began with a quote (so a closing quote may end it). */
  let cellQuoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let row = 0;
  /** Whether anything (a character or a separator) has been read into the current record. */
  let started = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellQuoted = false;
  };
  const endRecord = () => {
    endCell();
    row++;
    if (cells.some((c) => c !== '')) records.push({ cells, line: recordLine, row });
    cells = [];
    started = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (!started) {
      started = true;
      recordLine = line;
    }
    if (ch === '"' && cell === '' && !cellQuoted) {
      quoted = true;
      cellQuoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvError(`第 ${quoteLine} 行的引号没有闭合`, quoteLine);
  if (started) endRecord();
  return records;
}

/** One CSV cell: quoted when it holds a separator, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends and a byte-order mark, so spreadsheet programs read it as UTF-8. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
