import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { progressPorts } from '../../src/ports/index.ts';
import { type PostResult, runDaily } from '../../src/schedule/daily.ts';
import { type ChartUpload, runWeekly, type WeeklyDeps } from '../../src/schedule/weekly.ts';
import { decodePng } from '../helpers/png.ts';
import { makeGuide } from '../progress/steps.ts';

const actor = (userId = 'U1', at = '2026-11-27T17:00:00.000Z') => ({ userId, source: '/avance', at });
// Monday 30 November 2026, 09:30 in Mexico City.
const MONDAY = new Date('2026-11-30T15:30:00Z');

async function setup(
  opts: {
    post?: (channel: string) => PostResult;
    upload?: () => { ok: true } | { ok: false; reason: string };
  } = {},
) {
  const stores = createMemoryStores();
  const posts: Array<{ channel: string; text: string; blocks: string }> = [];
  const charts: ChartUpload[] = [];
  const deps: WeeklyDeps = {
    ...progressPorts(stores),
    coordination: stores.coordination,
    guides: [makeGuide()],
    tz: 'America/Mexico_City',
    runner: 'test',
    post: async (channel, message) => {
      posts.push({ channel, text: message.text, blocks: JSON.stringify(message.blocks) });
      return opts.post?.(channel) ?? { ok: true, ts: `${posts.length}.0` };
    },
    uploadChart: async (file) => {
      charts.push(file);
      return opts.upload?.() ?? { ok: true };
    },
  };
  // A team late since September, with an owner on the late step 1.1 and another on a step not late.
  const late = await stores.trackers.createTracker(
    { teamId: 'T1', channelId: 'CLATE', guideId: 'guia-prueba', startDate: '2026-09-01' },
    actor(),
  );
  await stores.coordination.setInstitution(late, 'Secretaría de Economía', actor());
  await stores.steps.changeStep(late.id, 'guia-prueba', '1.1', 'step.owner', actor(), (b) => ({
    ok: true,
    next: { ...b, ownerUserId: 'ULATE' },
  }));
  await stores.steps.changeStep(late.id, 'guia-prueba', '2.2', 'step.owner', actor(), (b) => ({
    ok: true,
    next: { ...b, ownerUserId: 'UNOTLATE' },
  }));
  await stores.steps.changeStep(late.id, 'guia-prueba', '1.2', 'step.status', actor(), (b) => ({
    ok: true,
    next: {
      ...b,
      status: 'completado',
      startedAt: '2026-11-27T17:00:00.000Z',
      completedAt: '2026-11-27T17:00:00.000Z',
    },
  }));
  return { stores, deps, posts, charts, late };
}

describe('the weekly job', () => {
  it('posts a team’s report in its channel, mentioning only owners of overdue steps, with its chart', async () => {
    const s = await setup();
    await s.stores.coordination.setWeekly('T1', 'CLATE', { enabled: true, day: 1, time: '09:00' }, actor());
    const run = await runWeekly(s.deps, MONDAY);
    expect(run.posted).toEqual(['CLATE']);
    expect(s.posts).toHaveLength(1);
    const post = s.posts[0]?.blocks ?? '';
    expect(post).toContain('Informe semanal del avance');
    expect(post).toContain('1 completado (`1.2`)');
    expect(post).toContain('<@ULATE>');
    expect(post).not.toContain('<@UNOTLATE>');
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]?.channelId).toBe('CLATE');
    expect(s.charts[0]?.altText).toContain('Avance · Secretaría de Economía');
    expect(decodePng(s.charts[0]?.png ?? Buffer.alloc(0)).width).toBeGreaterThan(500);
    // Once a week: later runs the same day (restarts) post nothing.
    expect((await runWeekly(s.deps, new Date('2026-11-30T23:00:00Z'))).posted).toEqual([]);
    expect(s.posts).toHaveLength(1);
  });

  it('waits for its time, skips rest days to the next working day and never posts a day late', async () => {
    const s = await setup();
    // Monday 16 November 2026 is a rest day (Revolución): the report goes out on Tuesday the 17th.
    await s.stores.coordination.setWeekly('T1', 'CLATE', { enabled: true, day: 1, time: '09:00' }, actor());
    expect((await runWeekly(s.deps, new Date('2026-11-16T16:00:00Z'))).posted).toEqual([]);
    expect((await runWeekly(s.deps, new Date('2026-11-17T14:59:00Z'))).posted).toEqual([]);
    expect((await runWeekly(s.deps, new Date('2026-11-17T15:00:00Z'))).posted).toEqual(['CLATE']);
    expect((await runWeekly(s.deps, new Date('2026-11-24T16:00:00Z'))).posted).toEqual([]);
  });

  it('retries a report Slack refused, a few times the same day, and stops for a channel the bot left', async () => {
    let answer: PostResult = { ok: false, reason: 'ratelimited', removed: false };
    const s = await setup({ post: () => answer });
    await s.stores.coordination.setWeekly('T1', 'CLATE', { enabled: true, day: 1, time: '09:00' }, actor());
    expect((await runWeekly(s.deps, MONDAY)).failed).toEqual(['CLATE']);
    expect(s.charts).toHaveLength(0);
    answer = { ok: true, ts: '5.0' };
    expect((await runWeekly(s.deps, MONDAY)).posted).toEqual(['CLATE']);
    expect(s.posts).toHaveLength(2);
    answer = { ok: false, reason: 'channel_not_found', removed: true };
    await runWeekly(s.deps, new Date('2026-12-07T16:00:00Z'));
    expect((await s.stores.coordination.weekly('T1', 'CLATE'))?.enabled).toBe(false);
  });

  it('keeps the post when only the chart upload fails, and says so', async () => {
    const s = await setup({ upload: () => ({ ok: false, reason: 'missing_scope' }) });
    await s.stores.coordination.setWeekly('T1', 'CLATE', { enabled: true, day: 1, time: '09:00' }, actor());
    const run = await runWeekly(s.deps, MONDAY);
    expect(run.posted).toEqual(['CLATE']);
    expect(run.failures).toEqual([{ channelId: 'CLATE', reason: 'chart: missing_scope' }]);
    expect(
      (await s.stores.coordination.getWeeklyClaim({ teamId: 'T1', channelId: 'CLATE', week: '2026-11-30' }))
        ?.status,
    ).toBe('posted');
  });

  it('posts the coordination report naming institutions and nobody, with the institutions × phases chart', async () => {
    const s = await setup();
    await s.stores.coordination.setCoordinationChannel('T1', 'CCOORD', actor('UBOSS'));
    await s.stores.coordination.setWeekly(
      'T1',
      'CCOORD',
      { enabled: true, day: 1, time: '09:00' },
      actor('UBOSS'),
    );
    // A channel that is neither coordination nor tracking has nothing to report.
    await s.stores.coordination.setWeekly('T1', 'CEMPTY', { enabled: true, day: 1, time: '09:00' }, actor());
    const run = await runWeekly(s.deps, MONDAY);
    expect(run.posted).toEqual(['CCOORD']);
    expect(run.skipped).toEqual(['CEMPTY']);
    const post = s.posts[0]?.blocks ?? '';
    expect(post).toContain('Informe semanal de coordinación');
    expect(post).toContain('*Secretaría de Economía*: 1 completado');
    expect(post).not.toMatch(/<@U/);
    expect(s.charts[0]?.filename).toBe('avance-coordinacion-2026-11-30.png');
    expect(s.charts[0]?.altText).toContain('Secretaría de Economía: Planea 50 %');
  });
});

describe('the daily post', () => {
  it('names the channel’s institution', async () => {
    const s = await setup();
    await s.stores.trackers.updateTracker(
      s.late.id,
      { daily: { enabled: true, time: '09:00', days: [1, 2, 3, 4, 5], quiet: 'linea' } },
      'tracker.daily',
      actor(),
    );
    const posts: string[] = [];
    const run = await runDaily(
      {
        ...progressPorts(s.stores),
        coordination: s.stores.coordination,
        guides: [makeGuide()],
        tz: 'America/Mexico_City',
        runner: 'test',
        post: async (_channel, message) => {
          posts.push(JSON.stringify(message.blocks));
          return { ok: true };
        },
      },
      MONDAY,
    );
    expect(run.posted).toEqual([s.late.id]);
    expect(posts[0]).toContain('Avance diario · 30 de noviembre de 2026* · Secretaría de Economía');
  });
});
