import PDFDocument from 'pdfkit';
import { cjkFonts } from '../platform/files/fonts.js';

/**
 * A one-page enforcement document (执法文书) for the demo world's case files, as a
 * bureau would scan or export it: title, number, party and the record's text.
 */
export function renderDemoDocument(doc: { bureau: string; title: string; documentNo: string; party: string; lines: string[] }): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 60, info: { Title: `${doc.title} ${doc.documentNo}`, Producer: 'Shijian 市监 demo' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.registerFont('regular', cjkFonts().regular);
  pdf.registerFont('bold', cjkFonts().bold);
  pdf.font('bold').fontSize(16).text(doc.bureau, { align: 'center' });
  pdf.moveDown(0.3).fontSize(20).text(doc.title, { align: 'center' });
  pdf.moveDown(0.3).font('regular').fontSize(11).text(doc.documentNo, { align: 'right' });
  pdf.moveDown().fontSize(12).text(`当事人：${doc.party}`);
  pdf.moveDown(0.5);
  for (const line of doc.lines) pdf.text(line, { paragraphGap: 6, indent: 24 });
  pdf.end();
  return done;
}
