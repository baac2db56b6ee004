import type { CoordinationChartData, TeamChartData } from '../../coordination/chart-data.ts';
import { coordinationAltText, teamAltText } from './alt.ts';
import { type RenderedChart, renderChart } from './render.ts';
import { coordinationChartSpec, teamChartSpec } from './specs.ts';

export interface ChartImage extends RenderedChart {
  /** For the upload (files.uploadV2 alt_text) and anyone who cannot see the image. */
  altText: string;
}

/** Institutions × phases, for the coordination channel's weekly post and `guia chart`. */
export async function coordinationChart(data: CoordinationChartData): Promise<ChartImage> {
  return { ...(await renderChart(coordinationChartSpec(data))), altText: coordinationAltText(data) };
}

/** One team's steps completed over time against their due dates. */
export async function teamChart(data: TeamChartData, title: string): Promise<ChartImage> {
  return { ...(await renderChart(teamChartSpec(data, title))), altText: teamAltText(data, title) };
}
