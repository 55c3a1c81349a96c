import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFonts } from '../../platform/files/fonts.js';

const MM = 72 / 25.4;

/**
 * A 60 × 40 mm sample label (样品标识) for a label printer: the sample number as
 * text and as a QR code, the test state boxes, and nothing about client or
 * producer, so the sample can travel through the lab blind.
 */
export async function renderSampleLabel(label: { sampleNo: string; institution: string; receivedOn: string; category: string }): Promise<Buffer> {
  const qr = await QRCode.toBuffer(label.sampleNo, { type: 'png', margin: 0, width: 160, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: [60 * MM, 40 * MM], margin: 3 * MM, info: { Title: `样品标识 ${label.sampleNo}`, Producer: 'Shijian 市监' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', cjkFonts().regular);
  doc.registerFont('bold', cjkFonts().bold);
  doc.image(qr, 3 * MM, 3 * MM, { width: 22 * MM });
  const x = 27 * MM;
  doc.font('bold').fontSize(9).text(label.sampleNo, x, 3 * MM, { width: 30 * MM });
  doc.font('regular').fontSize(6.5);
  doc.text(label.institution, x, 9 * MM, { width: 30 * MM });
  doc.text(`类别：${label.category}`, x, 16 * MM, { width: 30 * MM });
  doc.text(`收样：${label.receivedOn}`, x, 20 * MM, { width: 30 * MM });
  doc.fontSize(7).text('□ 待检  □ 在检  □ 检毕  □ 留样', 3 * MM, 30 * MM, { width: 54 * MM });
  doc.end();
  return done;
}
