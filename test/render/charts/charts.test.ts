import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../../src/content/model.ts';
import {
  type CoordinationChartData,
  coordinationChartData,
  teamChartData,
} from '../../../src/coordination/chart-data.ts';
import { coordinationOverview, type TrackerView } from '../../../src/coordination/overview.ts';
import type { StepState } from '../../../src/progress/model.ts';
import { summarize } from '../../../src/progress/summary.ts';
import { ALT_TEXT_MAX, coordinationAltText } from '../../../src/render/charts/alt.ts';
import { CHART_FONT_FAMILY, textWidth } from '../../../src/render/charts/font.ts';
import { coordinationChart, teamChart } from '../../../src/render/charts/index.ts';
import { chartSvg, resvgOptions } from '../../../src/render/charts/render.ts';
import { coordinationChartSpec } from '../../../src/render/charts/specs.ts';
import { decodePng } from '../../helpers/png.ts';
import { makeGuide } from '../../progress/steps.ts';

const TODAY = '2026-12-01';

const cells = (institution: string, percents: number[]) =>
  PHASES.map((phase, i) => ({
    institution,
    phase,
    completed: Math.round(((percents[i] ?? 0) / 100) * 4),
    total: 4,
    percent: percents[i] ?? 0,
  }));

const DATA: CoordinationChartData = {
  today: TODAY,
  institutions: ['Secretaría de Economía', 'Comisión Nacional del Agua', 'Instituto de Pequeñas Empresas'],
  totalInstitutions: 3,
  cells: [
    ...cells('Secretaría de Economía', [25, 0, 0, 0]),
    ...cells('Comisión Nacional del Agua', [100, 50, 25, 0]),
    ...cells('Instituto de Pequeñas Empresas', [100, 100, 100, 75]),
  ],
};

const done = (stepId: string, day: string): StepState => ({
  stepId,
  status: 'completado',
  startedAt: `${day}T16:00:00.000Z`,
  completedAt: `${day}T16:00:00.000Z`,
  checkedActivities: [],
});

describe('the coordination chart', () => {
  it('is a PNG whose IHDR says the size it was rendered at, twice the SVG for a crisp preview', async () => {
    const chart = await coordinationChart(DATA);
    const png = decodePng(chart.png);
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    const svgSize = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(chart.svg);
    expect([png.width, png.height]).toEqual([Number(svgSize?.[1]) * 2, Number(svgSize?.[2]) * 2]);
    expect(png.width).toBeGreaterThan(600);
    expect(chart.png.length).toBeLessThan(1_000_000);
    // White background, and somewhere the full green of a phase at 100 %.
    expect(png.pixel(1, 1)).toEqual([255, 255, 255]);
    let green = false;
    for (let y = 0; y < png.height && !green; y += 2) {
      for (let x = 0; x < png.width && !green; x += 2) {
        const [r, g, b] = png.pixel(x, y);
        green = r === 0x18 && g === 0x80 && b === 0x38;
      }
    }
    expect(green).toBe(true);
  });

  it('keeps the same SVG (the layout, the labels and the font)', async () => {
    const svg = await chartSvg(coordinationChartSpec(DATA));
    await expect(svg).toMatchFileSnapshot('__snapshots__/coordination-chart.svg.snap');
  });

  it('draws every label in the packaged Noto Sans, the family vega measured with', async () => {
    const svg = await chartSvg(coordinationChartSpec(DATA));
    const families = new Set([...svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([CHART_FONT_FAMILY]);
    expect(svg).toContain('Secretaría de Economía');
    expect(svg).toContain('Instituto de Pequeñas Empresas');
  });

  it('shows the riskiest institutions first and says when the chart leaves some out', async () => {
    const guide = makeGuide();
    const views: TrackerView[] = Array.from({ length: 45 }, (_, i) => ({
      trackerId: i + 1,
      channelId: `C${i + 100}`,
      institution: `Institución ${String(i + 1).padStart(2, '0')}`,
      guide,
      startDate: i === 44 ? '2026-01-05' : TODAY,
      states: new Map(),
    }));
    const data = coordinationChartData(coordinationOverview(views, TODAY).rows, TODAY);
    expect(data.institutions).toHaveLength(40);
    expect(data.institutions[0]).toBe('Institución 45'); // the only one with overdue steps
    const svg = await chartSvg(coordinationChartSpec(data));
    expect(svg).toContain('las 40 instituciones con más riesgo de 45');
    expect(coordinationAltText(data)).toContain('instituciones más');
  });
});

describe('the chart font', () => {
  const bbox = (text: string) =>
    new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><text x="10" y="50" font-family="${CHART_FONT_FAMILY}" font-size="40">${text}</text></svg>`,
      resvgOptions(1),
    ).getBBox();

  it('renders accents and ñ from the npm package, without system fonts', () => {
    const n = bbox('n');
    const enie = bbox('ñ');
    expect(n).toBeDefined();
    expect(enie).toBeDefined();
    // The tilde rises above the n: the glyph came from the font, not a missing-glyph box.
    expect(enie?.y ?? 0).toBeLessThan((n?.y ?? 0) - 5);
    expect(bbox('á')?.y ?? 0).toBeLessThan((bbox('a')?.y ?? 0) - 5);
  });

  it('measures text as it is drawn: narrow letters are narrow, bold is wider', () => {
    expect(textWidth('iiii', 12)).toBeLessThan(textWidth('WWWW', 12) / 2);
    expect(textWidth('Economía', 12, true)).toBeGreaterThan(textWidth('Economía', 12));
    const drawn = bbox('Economía');
    expect(textWidth('Economía', 40)).toBeGreaterThan((drawn?.width ?? 0) * 0.95);
    expect(textWidth('Economía', 40)).toBeLessThan((drawn?.width ?? 0) * 1.15);
  });
});

describe('the team chart', () => {
  it('plots completed steps against the guide deadlines and tells it in the alt text', async () => {
    const guide = makeGuide();
    const states = new Map([
      ['1.1', done('1.1', '2026-09-20')],
      ['1.2', done('1.2', '2026-10-02')],
    ]);
    const summary = summarize(guide, states, '2026-09-01', TODAY);
    const data = teamChartData(summary, '2026-09-01', TODAY, 'America/Mexico_City');
    expect(data.completedOn).toEqual(['2026-09-20', '2026-10-02']);
    // 1.2 (10 working days), 1.1 (30), 4.1 (70), 2.1 (90); 2.2 only repeats and 3.1 has no deadline.
    expect(data.dueOn).toEqual(['2026-09-15', '2026-10-01', '2026-11-10', '2026-11-30']);
    const chart = await teamChart(data, 'Avance · Secretaría de Economía');
    expect(decodePng(chart.png).width).toBe(chart.width);
    expect(chart.altText).toContain('2 de 6 pasos completados');
    expect(chart.altText).toContain('ya debían estar 4');
    expect(chart.svg).toContain('sep');
    await expect(chart.svg).toMatchFileSnapshot('__snapshots__/team-chart.svg.snap');
  });
});

describe('chart alt text', () => {
  it('names each institution with its percent per phase, within Slack’s 1000 characters', () => {
    const alt = coordinationAltText(DATA);
    expect(alt).toContain('Secretaría de Economía: Planea 25 %, Publica 0 %');
    expect(alt).toContain('Instituto de Pequeñas Empresas: Planea 100 %');
    const many: CoordinationChartData = {
      today: TODAY,
      institutions: Array.from({ length: 40 }, (_, i) => `Institución con un nombre largo ${i}`),
      totalInstitutions: 300,
      cells: Array.from({ length: 40 }, (_, i) => cells(`Institución con un nombre largo ${i}`, [10])).flat(),
    };
    const long = coordinationAltText(many);
    expect(long.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(long).toMatch(/Y \d+ instituciones más\.$/);
  });
});

describe('chart specs', () => {
  it('load no data from URLs: a spec pointing at the network fails instead of fetching', async () => {
    const spec = { ...coordinationChartSpec(DATA), data: { url: 'http://127.0.0.1:9/x.json' } };
    await expect(chartSvg(spec)).rejects.toThrow();
  });
});
