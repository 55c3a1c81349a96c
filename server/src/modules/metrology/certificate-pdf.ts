import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateView } from '@shijian/contracts';
import { cjkFonts } from '../../platform/files/fonts.js';
import { PDF_MARGIN, pdfSeal, pdfTable } from '../../platform/files/pdf-parts.js';

/**
 * A verification certificate (检定证书) or result notice (检定结果通知书) as a one-page A4
 * PDF: number, client, instrument, regulation, reference standard, conclusion, the three
 * signatures (检定员 / 核验员 / 批准人), dates, the institution's seal and a QR code to the
 * portal's certificate verification. Deterministic for the same certificate (the creation
 * date is the record's).
 */
export async function renderCertificatePdf(c: CertificateView, institution: { name: string; address: string; cmaNumber: string | null }): Promise<Buffer> {
  const fonts = cjkFonts();
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: 'png', margin: 1, width: 200, errorCorrectionLevel: 'M' });
  const title = c.kind === 'certificate' ? '检 定 证 书' : '检 定 结 果 通 知 书';
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_MARGIN,
    info: { Title: `${title.replaceAll(' ', '')} ${c.certificateNo}`, Author: institution.name, Producer: 'Shijian 市监', Creator: 'Shijian 市监', CreationDate: new Date(c.createdAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const width = doc.page.width - PDF_MARGIN * 2;

  doc.font('regular').fontSize(9).fillColor('#333');
  doc.text(`证书编号：${c.certificateNo}`, PDF_MARGIN, PDF_MARGIN, { width, align: 'right' });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(22).fillColor('#000').text(title, PDF_MARGIN, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(11).text(institution.name, { width, align: 'center' });
  doc.moveDown(1);

  const rows: string[][] = [
    ['送检单位', c.clientName, '服务申请', c.requestNo],
    ['计量器具名称', c.instrumentName, '型号规格', c.model || '—'],
    ['出厂编号', c.serialNumber, '制造单位', c.manufacturer || '—'],
    ['测量范围', c.measuringRange || '—', '准确度等级', c.accuracyClass || '—'],
    ['检定依据', c.regulation, '检定日期', c.performedOn],
    ['计量标准', c.referenceStandard, c.kind === 'certificate' ? '有效期至' : '检定结果', c.kind === 'certificate' ? (c.validUntil ?? '—') : '不合格'],
  ];
  pdfTable(doc, rows, [80, width / 2 - 80, 80, width / 2 - 80]);
  doc.moveDown(1);
  doc.font('bold').fontSize(12).text(`检定结论：${c.conclusion}`, PDF_MARGIN, doc.y, { width });
  if (c.kind === 'failure_notice') {
    doc.moveDown(0.5);
    doc.font('regular').fontSize(10).text('该计量器具经检定不合格，不得继续使用。请修理后重新送检，或按规定报废。', { width });
  }

  const y = Math.max(doc.y + 40, 520);
  doc.font('regular').fontSize(10).fillColor('#000');
  doc.text(`检定员：${c.verifierName}`, PDF_MARGIN, y);
  doc.text(`核验员：${c.checkerName}`, PDF_MARGIN, y + 20);
  doc.text(`批准人：${c.approverName}`, PDF_MARGIN, y + 40);
  doc.text(`发证日期：${c.createdAt.slice(0, 10)}`, PDF_MARGIN, y + 60);
  pdfSeal(doc, PDF_MARGIN + width - 70, y + 40, institution.name, '检定专用章');
  doc.image(qr, PDF_MARGIN + width / 2 - 40, y, { width: 80 });
  doc.fontSize(7).text(`扫码查验 · 验证码 ${c.verificationCode}`, PDF_MARGIN + width / 2 - 55, y + 84, { width: 110, align: 'center' });
  doc.fontSize(8).fillColor('#555').text(`${institution.name}\u3000地址：${institution.address}\u3000资质认定证书编号：${institution.cmaNumber ?? '—'}`, PDF_MARGIN, doc.page.height - PDF_MARGIN - 30, {
    width,
    align: 'center',
    lineBreak: false,
  });
  doc.end();
  return done;
}
