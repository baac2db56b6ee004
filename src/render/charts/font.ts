import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The charts' one font: Noto Sans as the npm package @expo-google-fonts/noto-sans ships it, so a fresh
 * machine without system fonts renders the same image (Latin-1 and beyond: accents and ñ).
 */
export const CHART_FONT_FAMILY = 'Noto Sans';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

export const chartFontFiles = (): string[] => [FONT_FILES.regular, FONT_FILES.bold];

/** Advance widths of one TrueType face, read from its cmap (format 4) and hmtx tables. */
export interface FaceMetrics {
  unitsPerEm: number;
  /** Advance width in font units of a BMP code point; the .notdef width when the face lacks it. */
  advance(codePoint: number): number;
}

/**
 * Reads just enough of a TrueType file to measure a line of text: vega lays labels out with these widths
 * and resvg draws them with the same face, so what vega measures is what gets drawn (no canvas needed).
 * Kerning is ignored: labels come out at most a few percent wider than drawn, never clipped.
 */
export function readFaceMetrics(bytes: Uint8Array): FaceMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i += 1) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(
      view.getUint8(rec),
      view.getUint8(rec + 1),
      view.getUint8(rec + 2),
      view.getUint8(rec + 3),
    );
    tables.set(tag, view.getUint32(rec + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font without a ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number): number =>
    view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const cmap = table('cmap');
  let sub: number | undefined;
  for (let i = 0; i < view.getUint16(cmap + 2); i += 1) {
    const rec = cmap + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmap + view.getUint32(rec + 4);
    // Unicode BMP: platform 3 encoding 1 (Windows) or platform 0 (Unicode), in format 4.
    if ((platform === 3 && encoding === 1) || platform === 0) {
      if (view.getUint16(offset) === 4) {
        sub = offset;
        break;
      }
    }
  }
  if (sub === undefined) throw new Error('font without a format 4 Unicode cmap');
  const segX2 = view.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (cp: number): number => {
    for (let s = 0; s < segX2; s += 2) {
      if (view.getUint16(ends + s) < cp) continue;
      const start = view.getUint16(starts + s);
      if (start > cp) return 0;
      const delta = view.getInt16(deltas + s);
      const ro = view.getUint16(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s + ro + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(cp) {
      let width = cache.get(cp);
      if (width === undefined) {
        width = glyphAdvance(cp > 0xffff ? 0 : glyphOf(cp));
        cache.set(cp, width);
      }
      return width;
    },
  };
}

let faces: { regular: FaceMetrics; bold: FaceMetrics } | undefined;

function loadFaces(): { regular: FaceMetrics; bold: FaceMetrics } {
  faces ??= {
    regular: readFaceMetrics(readFileSync(FONT_FILES.regular)),
    bold: readFaceMetrics(readFileSync(FONT_FILES.bold)),
  };
  return faces;
}

/** Width in pixels of one line of `text` at `fontSize`, as resvg will draw it with the chart font. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const face = bold ? loadFaces().bold : loadFaces().regular;
  let units = 0;
  for (const ch of text) units += face.advance(ch.codePointAt(0) ?? 0);
  return (units * fontSize) / face.unitsPerEm;
}
