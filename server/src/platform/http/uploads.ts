import { inflateRawSync } from 'node:zlib';

/**
 * What an uploaded file must look like before anything reads or keeps it. The Content-Type
 * header is the sender's claim; the first bytes are the file's own: a text or HTML file
 * labelled application/pdf is refused, not stored and later served as a PDF.
 */
const SIGNATURES: Record<string, Buffer[]> = {
  'application/pdf': [Buffer.from('%PDF-', 'latin1')],
  'image/jpeg': [Buffer.from([0xff, 0xd8, 0xff])],
  'image/png': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  // An .xlsx workbook is a zip archive.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [Buffer.from('PK\x03\x04', 'latin1')],
};

/** True when `bytes` start as a file of `mimeType` does; false for an unknown type. */
export function hasSignatureOf(mimeType: string, bytes: Buffer): boolean {
  return (SIGNATURES[mimeType] ?? []).some((signature) => bytes.subarray(0, signature.length).equals(signature));
}

/** A spreadsheet's archive unpacks to at most this much, whatever the rows (a sheet of one huge cell). */
export const MAX_UNPACKED_SPREADSHEET_BYTES = 50 * 1024 * 1024;

export type ArchiveProblem = { kind: 'unreadable' } | { kind: 'too_large'; unpackedBytes: number } | { kind: 'too_many_rows'; rows: number };

/**
 * Measures an .xlsx archive before a spreadsheet library unpacks it whole into memory: a few
 * megabytes of deflated XML can hold millions of rows (a "zip bomb"), which would cost the
 * server minutes of CPU and gigabytes before any row limit is checked. Every entry is inflated
 * here with a hard cap on its output, so sizes the archive declares cannot lie; worksheet rows
 * (row elements, blank or not) are counted against `maxRowElements`.
 */
export function checkSpreadsheetArchive(file: Buffer, maxRowElements: number, maxBytes = MAX_UNPACKED_SPREADSHEET_BYTES): ArchiveProblem | null {
  const entries = zipEntries(file);
  if (!entries) return { kind: 'unreadable' };
  let unpacked = 0;
  let rows = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const budget = maxBytes - unpacked;
    if (entry.size > budget) return { kind: 'too_large', unpackedBytes: unpacked + entry.size };
    let data: Buffer;
    try {
      const raw = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      if (entry.method === 0) data = raw;
      else if (entry.method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      else return { kind: 'unreadable' };
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { kind: 'too_large', unpackedBytes: maxBytes + 1 };
      return { kind: 'unreadable' };
    }
    unpacked += data.length;
    if (/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      rows += countRowElements(data, maxRowElements - rows);
      if (rows > maxRowElements) return { kind: 'too_many_rows', rows };
    }
  }
  return null;
}

/** `<row …>` or `<x:row …>` start tags in worksheet XML, counted up to just past `limit`. */
function countRowElements(xml: Buffer, limit: number): number {
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
  const text = xml.toString('latin1');
  let count = 0;
  while (count <= limit && pattern.exec(text)) count += 1;
  return count;
}

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; dataStart: number };

/** The entries of a zip archive from its central directory; null when it is no well-formed zip (or needs zip64). */
function zipEntries(file: Buffer): ZipEntry[] | null {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i -= 1) {
    if (file.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = file.readUInt16LE(eocd + 10);
  const directoryOffset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) return null;
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const size = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return null;
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    if (localOffset + 30 > file.length || file.readUInt32LE(localOffset) !== 0x04034b50) return null;
    const dataStart = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > file.length) return null;
    entries.push({ name, method, compressedSize, size, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
