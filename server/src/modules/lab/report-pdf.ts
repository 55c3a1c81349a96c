import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFonts } from '../../platform/files/fonts.js';
import { PDF_MARGIN, SEAL_RED, pdfSeal, pdfTable } from '../../platform/files/pdf-parts.js';

export type ReportDocument = {
  institution: { name: string; cmaNumber: string | null; address: string };
  reportNo: string;
  version: number;
  issuedOn: string;
  issuedAt: Date;
  verificationCode: string;
  verifyUrl: string;
  sample: {
    sampleNo: string;
    productName: string;
    specification: string;
    batchNo: string;
    producerName: string;
    producerUscc: string;
    client: string;
    source: string;
    receivedOn: string;
    quantity: string;
    conditionOnArrival: string;
  };
  tests: { parameter: string; standard: string; unit: string; requirement: string; value: string; judgement: string }[];
  conclusion: string;
  people: { testers: string; reviewer: string; signatory: string };
  amendment: { supersedes: string; reason: string } | null;
  contentSha256: string;
  chain: { id: string; seq: number; headHash: string };
};

const RED = SEAL_RED;
const MARGIN = PDF_MARGIN;

/**
 * The report as a one- or two-page A4 PDF: header with CMA number, sample table,
 * results table, conclusion, signatures, the institution seal, a QR code to the
 * public verification page, and the integrity footer with the file's own digest.
 * Deterministic for the same input (the creation date is the issue time).
 */
export async function renderReportPdf(r: ReportDocument): Promise<{ bytes: Buffer; digest: string }> {
  return sealDigest(await renderUnsealed(r));
}

async function renderUnsealed(r: ReportDocument): Promise<Buffer> {
  const fonts = cjkFonts();
  const qr = await QRCode.toBuffer(r.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    // Content streams stay uncompressed so the digest field below is a fixed run of bytes
    // that a verifier can find and zero; embedded fonts are subset, so files stay small.
    compress: false,
    size: 'A4',
    margin: MARGIN,
    info: { Title: `检验检测报告 ${r.reportNo}`, Author: r.institution.name, Producer: 'Shijian 市监', Creator: 'Shijian 市监', CreationDate: r.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const width = doc.page.width - MARGIN * 2;

  // Header
  doc.font('regular').fontSize(9).fillColor('#333');
  doc.text(`资质认定证书编号：${r.institution.cmaNumber ?? '—'}`, MARGIN, MARGIN, { width: width / 2 });
  doc.text(`报告编号：${r.reportNo}\u3000第 ${r.version} 版`, MARGIN + width / 2, MARGIN, { width: width / 2, align: 'right' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(20).fillColor('#000').text('检 验 检 测 报 告', MARGIN, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(11).text(r.institution.name, { width, align: 'center' });
  doc.moveDown(0.8);
  if (r.amendment) {
    doc.fontSize(9).fillColor(RED).text(`本报告替代 ${r.amendment.supersedes}。更正原因：${r.amendment.reason}`, { width });
    doc.fillColor('#000').moveDown(0.4);
  }

  // Sample information
  const s = r.sample;
  pdfTable(doc, [
    ['样品名称', s.productName, '样品编号', s.sampleNo],
    ['规格型号', s.specification || '—', '批号', s.batchNo],
    ['生产单位', s.producerName, '统一社会信用代码', s.producerUscc],
    ['委托单位', s.client, '检验类别', s.source],
    ['收样日期', s.receivedOn, '样品数量', s.quantity],
    ['到样状态', s.conditionOnArrival, '签发日期', r.issuedOn],
  ], [70, width / 2 - 70, 90, width / 2 - 90]);
  doc.moveDown(0.8);

  // Results
  doc.font('bold').fontSize(11).text('检验结果', MARGIN, doc.y);
  doc.moveDown(0.3);
  pdfTable(
    doc,
    [
      ['序号', '检测项目', '检测依据', '技术要求', '检测结果', '单项判定'],
      ...r.tests.map((t, i) => [String(i + 1), t.parameter, t.standard, t.requirement, `${t.value}${t.unit ? ` ${t.unit}` : ''}`, t.judgement]),
    ],
    [32, 110, 95, 95, width - 32 - 110 - 95 - 95 - 60, 60],
    true,
  );
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).text(`检验结论：${r.conclusion}`, MARGIN, doc.y, { width });
  doc.moveDown(1);

  // Signatures, seal and QR
  const top = Math.max(doc.y, 560);
  if (top > doc.page.height - 240) doc.addPage();
  const y = Math.min(Math.max(doc.y, 560), doc.page.height - 240);
  doc.font('regular').fontSize(10).fillColor('#000');
  doc.text(`检验：${r.people.testers}`, MARGIN, y);
  doc.text(`审核：${r.people.reviewer}`, MARGIN, y + 20);
  doc.text(`批准（授权签字人）：${r.people.signatory}`, MARGIN, y + 40);
  doc.text(`签发日期：${r.issuedOn}`, MARGIN, y + 60);
  pdfSeal(doc, MARGIN + width - 190, y + 45, r.institution.name);
  doc.image(qr, MARGIN + width - 90, y, { width: 90 });
  doc.fontSize(7).text(`扫码验证 · 验证码 ${r.verificationCode}`, MARGIN + width - 100, y + 94, { width: 110, align: 'center' });

  // Integrity footer
  doc.font('regular').fontSize(7).fillColor('#555');
  const footerY = doc.page.height - MARGIN - 46;
  doc.text('报告文件摘要（本字段置零后全文件的 SHA-256）：', MARGIN, footerY, { width, lineBreak: false });
  doc.font('Courier').fontSize(6.5).text(`${DIGEST_LABEL}${DIGEST_PLACEHOLDER}`, MARGIN + 170, footerY + 1, { lineBreak: false });
  doc.font('regular').fontSize(7);
  doc.text(`报告内容摘要 SHA-256：${r.contentSha256}`, MARGIN, footerY + 10, { width });
  doc.text(`签发时审计链头：${r.chain.id} 第 ${r.chain.seq} 条 ${r.chain.headHash}`, MARGIN, footerY + 20, { width });
  doc.text(`${r.institution.address}\u3000本报告仅对所检样品负责。未经本机构书面批准，不得部分复制本报告。`, MARGIN, footerY + 30, { width });

  doc.end();
  return done;
}

/**
 * A file cannot contain its own hash, so the report prints the SHA-256 of the
 * file with that one field zeroed — the way PDF signatures exclude their own
 * signature bytes. The field is ASCII in a standard font in an uncompressed
 * stream, so it is a fixed run of bytes: `<hex of "PDF-SHA256:" + digest>`.
 */
const DIGEST_LABEL = 'PDF-SHA256:';
const DIGEST_PLACEHOLDER = '0'.repeat(64);
const asPdfHex = (ascii: string) => Buffer.from(ascii, 'latin1').toString('hex');
const LABEL_HEX = Buffer.from(asPdfHex(DIGEST_LABEL), 'latin1');

function digestField(pdf: Buffer): number {
  const at = pdf.indexOf(LABEL_HEX);
  if (at < 0 || pdf.indexOf(LABEL_HEX, at + 1) >= 0) return -1;
  return at + LABEL_HEX.length;
}

/** Writes the file's digest into its digest field; returns the final bytes and the digest. */
export function sealDigest(pdf: Buffer): { bytes: Buffer; digest: string } {
  const field = digestField(pdf);
  if (field < 0 || pdf.subarray(field, field + 128).toString('latin1') !== asPdfHex(DIGEST_PLACEHOLDER)) {
    throw new Error('report PDF has no single digest field');
  }
  const digest = createHash('sha256').update(pdf).digest('hex');
  const bytes = Buffer.from(pdf);
  bytes.write(asPdfHex(digest), field, 'latin1');
  return { bytes, digest };
}

/** The digest printed in a report file, and whether the file still matches it. */
export function readDigest(pdf: Buffer): { digest: string; matches: boolean } | null {
  const field = digestField(pdf);
  if (field < 0) return null;
  const digest = Buffer.from(pdf.subarray(field, field + 128).toString('latin1'), 'hex').toString('latin1');
  if (!/^[0-9a-f]{64}$/.test(digest)) return null;
  const zeroed = Buffer.from(pdf);
  zeroed.write(asPdfHex(DIGEST_PLACEHOLDER), field, 'latin1');
  return { digest, matches: createHash('sha256').update(zeroed).digest('hex') === digest };
}
