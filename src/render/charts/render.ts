import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY, chartFontFiles, textWidth } from './font.ts';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

// vega lays text out with textMetrics.width; without a canvas it guesses 0.8 em per character. Measuring with
// the font resvg draws keeps labels, legends and titles where they are drawn (vega supports replacing it).
const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
  .textMetrics;
metrics.width = (item, text) => {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '700';
  return textWidth(text == null ? '' : String(text).trim(), size, bold);
};

export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** Pixel size of the PNG (the SVG at `scale`). */
  width: number;
  height: number;
  ms: number;
}

/** A vega-lite spec as SVG: compiled and laid out in-process, no browser, no network (no URL data). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  // Data is always inline: a loader that refuses every URL keeps a spec from reaching the network or disk,
  // and a spec that asked is an error rather than a silently empty chart.
  let asked: string | undefined;
  const refuse = (uri: unknown) => {
    asked ??= String(uri).slice(0, 100);
    return Promise.reject(new Error('charts load no external data'));
  };
  const loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as vega.Loader;
  const view = new vega.View(vega.parse(compile(spec).spec), {
    renderer: 'none',
    loader,
    logLevel: vega.None,
  });
  try {
    const svg = await view.toSVG();
    if (asked !== undefined) throw new Error(`chart spec asked for external data: ${asked}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** SVG to PNG with the packaged font only (no system fonts), so every machine draws the same pixels. */
export const resvgOptions = (scale = 2): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  background: 'white',
  font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
});

export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, resvgOptions(scale));
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

export async function renderChart(spec: TopLevelSpec, scale = 2): Promise<RenderedChart> {
  const started = performance.now();
  const svg = await chartSvg(spec);
  const { png, width, height } = svgToPng(svg, scale);
  return { svg, png, width, height, ms: performance.now() - started };
}
