import zlib from 'node:zlib';
import * as jsqrModule from 'jsqr';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr ships a CommonJS bundle whose default export TypeScript cannot see through NodeNext.
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? (jsqrModule as unknown as Decode)) as Decode;

/**
 * Finds the images pdfkit embedded in a PDF and decodes the first QR code among
 * them: the test reads the report the way a phone camera would read the paper.
 */
export function decodeQrFromPdf(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const objects = text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*?\/Subtype \/Image[\s\S]*?)>>\s*stream\r?\n/g);
  for (const match of objects) {
    const dict = match[1]!;
    const width = Number(/\/Width (\d+)/.exec(dict)?.[1]);
    const height = Number(/\/Height (\d+)/.exec(dict)?.[1]);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const colors = /\/DeviceRGB/.test(dict) ? 3 : 1;
    const start = match.index! + match[0].length;
    const raw = zlib.inflateSync(pdf.subarray(start, start + length));
    const pixels = /\/Predictor 1[0-5]/.test(dict) ? unfilterPng(raw, width, height, colors) : raw;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = colors === 3 ? [pixels[i * 3]!, pixels[i * 3 + 1]!, pixels[i * 3 + 2]!] : [pixels[i]!, pixels[i]!, pixels[i]!];
      rgba.set([r, g, b, 255], i * 4);
    }
    const code = jsQR(rgba, width, height);
    if (code) return code.data;
  }
  return null;
}

/** Reverses PNG row filters (None, Sub, Up, Average, Paeth), as PDF's /Predictor 15 stores them. */
function unfilterPng(data: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      out[y * stride + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return out;
}
