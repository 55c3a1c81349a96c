import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let regular: Buffer | undefined;
let bold: Buffer | undefined;

/** Noto Sans SC from npm (`@expo-google-fonts/noto-sans-sc`); pdfkit embeds only the glyphs used. */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  regular ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  bold ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'));
  return { regular, bold };
}
