/** Drawing parts shared by the PDFs the system issues (test reports, verification certificates). */

export const PDF_MARGIN = 50;
export const SEAL_RED = '#c8161d';
const MARGIN = PDF_MARGIN;
const RED = SEAL_RED;

/** A bordered table of text cells at the left margin; label cells (even columns) shaded unless `header`. */
export function pdfTable(doc: PDFKit.PDFDocument, rows: string[][], widths: number[], header = false) {
  const padding = 4;
  let y = doc.y;
  rows.forEach((row, r) => {
    const heights = row.map((cell, i) => doc.font(header && r === 0 ? 'bold' : 'regular').fontSize(9).heightOfString(cell, { width: widths[i]! - padding * 2 }));
    const h = Math.max(...heights) + padding * 2;
    if (y + h > doc.page.height - MARGIN - 50) {
      doc.addPage();
      y = MARGIN;
    }
    let x = MARGIN;
    row.forEach((cell, i) => {
      const w = widths[i]!;
      const labelCell = !header && i % 2 === 0;
      if ((header && r === 0) || labelCell) doc.rect(x, y, w, h).fillAndStroke('#f2f2f2', '#999');
      else doc.rect(x, y, w, h).stroke('#999');
      doc.fillColor('#000').font(header && r === 0 ? 'bold' : 'regular').fontSize(9).text(cell, x + padding, y + padding, { width: w - padding * 2 });
      x += w;
    });
    y += h;
  });
  doc.x = MARGIN;
  doc.y = y;
}

/** An institution's seal: a red ring, a star, the name around the top and the seal's use below. */
export function pdfSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, name: string, use = '检验检测专用章') {
  const radius = 48;
  doc.save();
  doc.lineWidth(2.5).strokeColor(RED).circle(cx, cy, radius).stroke();
  const star: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 13 : 5.2;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    star.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  doc.polygon(...star).fill(RED);
  const chars = [...name];
  const span = Math.min(Math.PI * 1.25, chars.length * 0.3);
  doc.font('bold').fontSize(8).fillColor(RED);
  chars.forEach((ch, i) => {
    const angle = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    const x = cx + (radius - 13) * Math.cos(angle);
    const y = cy + (radius - 13) * Math.sin(angle);
    doc.save();
    doc.rotate((angle * 180) / Math.PI + 90, { origin: [x, y] });
    doc.text(ch, x - 4.5, y - 5, { lineBreak: false });
    doc.restore();
  });
  doc.fontSize(7).text(use, cx - 30, cy + 20, { width: 60, align: 'center', lineBreak: false });
  doc.restore();
}
