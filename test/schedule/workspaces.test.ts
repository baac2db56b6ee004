import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { progressPorts, type Stores } from '../../src/ports/index.ts';
import type { DailyDeps } from '../../src/schedule/daily.ts';
import { runDailyForWorkspaces, type ScheduledWorkspace } from '../../src/schedule/workspaces.ts';
import { trackerWithDaily } from '../helpers/trackers.ts';
import { makeGuide } from '../progress/steps.ts';

const actor = { userId: 'U1', source: 'test', at: '2026-01-05T15:00:00Z' };
const NOW = new Date('2026-01-21T15:00:00Z'); // 09:00 in Mexico City, a Wednesday

const trackerIn = (stores: Stores, teamId: string, channelId: string) =>
  trackerWithDaily(stores.trackers, {
    teamId,
    channelId,
    guideId: 'guia-prueba',
    startDate: '2026-01-05',
    actor,
  });

function walk(
  stores: Stores,
  workspaces: ScheduledWorkspace[],
  post: (w: ScheduledWorkspace) => DailyDeps['post'],
) {
  const errors: string[] = [];
  return {
    errors,
    run: () =>
      runDailyForWorkspaces(
        {
          daily: { ...progressPorts(stores), guides: [makeGuide()], tz: 'America/Mexico_City', runner: 'r' },
          workspaces: async () => workspaces,
          posterFor: post,
          onWorkspaceError: (_e, teamId) => errors.push(teamId),
        },
        NOW,
      ),
  };
}

describe('daily posts across workspaces', () => {
  it('posts each channel with its own workspace token, and nothing where the app is not installed', async () => {
    const stores = createMemoryStores();
    await trackerIn(stores, 'T1', 'C1');
    await trackerIn(stores, 'T2', 'C2');
    const gone = await trackerIn(stores, 'TGONE', 'C3');
    const posts: Array<{ channel: string; token: string }> = [];
    const { run } = walk(
      stores,
      [
        { teamId: 'T1', token: 'xoxb-1' },
        { teamId: 'T2', token: 'xoxb-2' },
      ],
      (w) => async (channel) => {
        posts.push({ channel, token: w.token });
        return { ok: true };
      },
    );
    const result = await run();
    expect(posts.sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: 'C1', token: 'xoxb-1' },
      { channel: 'C2', token: 'xoxb-2' },
    ]);
    expect(result.posted.concat(result.quiet)).not.toContain(gone.id);
  });

  it('keeps going when one workspace fails: the others still post', async () => {
    const stores = createMemoryStores();
    await trackerIn(stores, 'T1', 'C1');
    await trackerIn(stores, 'T2', 'C2');
    const posts: string[] = [];
    const { run, errors } = walk(
      stores,
      [
        { teamId: 'T1', token: 'xoxb-1' },
        { teamId: 'T2', token: 'xoxb-2' },
      ],
      (w) => {
        if (w.teamId === 'T1') throw new Error('broken installation');
        return async (channel) => {
          posts.push(channel);
          return { ok: true };
        };
      },
    );
    await run();
    expect(posts).toEqual(['C2']);
    expect(errors).toEqual(['T1']);
  });

  it('in the single-token modes ("*") posts every tracker with the one token', async () => {
    const stores = createMemoryStores();
    await trackerIn(stores, 'T1', 'C1');
    await trackerIn(stores, 'T9', 'C9');
    const posts: string[] = [];
    const { run } = walk(stores, [{ teamId: '*', token: 'xoxb-only' }], () => async (channel) => {
      posts.push(channel);
      return { ok: true };
    });
    await run();
    expect(posts.sort()).toEqual(['C1', 'C9']);
  });
});

describe('reminders across workspaces', () => {
  it('sends a due reminder from a channel whose daily post is off', async () => {
    const stores = createMemoryStores();
    // Step 1.1 (30 días naturales) started 30 days before NOW: due today, so «hoy» is sent at 09:00.
    const t = await stores.trackers.createTracker(
      { teamId: 'T1', channelId: 'C1', guideId: 'guia-prueba', startDate: '2025-12-22' },
      actor,
    );
    await stores.steps.changeStep(t.id, 'guia-prueba', '1.1', 'step.owner', actor, (b) => ({
      ok: true,
      next: { ...b, status: 'en_curso', ownerUserId: 'UANA' },
    }));
    await stores.reminders.setSettings(t.id, { enabled: true, leadDays: 3 }, 'U1', actor.at);
    const dms: string[] = [];
    const result = await runDailyForWorkspaces(
      {
        daily: { ...progressPorts(stores), guides: [makeGuide()], tz: 'America/Mexico_City', runner: 'r' },
        workspaces: async () => [{ teamId: 'T1', token: 'xoxb-1' }],
        posterFor: () => async () => ({ ok: true }),
        peopleFor: () => ({
          dm: async (userId) => {
            dms.push(userId);
            return { ok: true };
          },
        }),
      },
      NOW,
    );
    expect(dms).toEqual(['UANA']);
    expect(result.reminders?.sent.map((r) => r.userId)).toEqual(['UANA']);
  });
});
