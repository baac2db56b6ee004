/**
 * The setup most daily-post tests start from: a channel's tracker with its daily summary switched on, made
 * through the tracker port as `/avance inicio` and `/avance diario` would (two logged events).
 */
import type { Actor } from '../../src/ports/steps.ts';
import type { TrackerStore } from '../../src/ports/trackers.ts';
import type { DailySettings, Tracker } from '../../src/progress/model.ts';

export interface DailyTrackerOptions {
  channelId: string;
  /** Default T1. */
  teamId?: string;
  /** Default guia-2017. */
  guideId?: string;
  /** Default 2025-12-01. */
  startDate?: string;
  /** Default 09:00 Monday to Friday, one line on quiet days. */
  daily?: Partial<Omit<DailySettings, 'enabled'>>;
  /** Who makes both changes; default U1 through /avance on Mon 5 Jan 2026, 09:00 in Mexico City. */
  actor?: Actor;
}

/** A tracker whose daily summary is on; resolves with the tracker as stored after the second change. */
export async function trackerWithDaily(trackers: TrackerStore, opts: DailyTrackerOptions): Promise<Tracker> {
  const actor = opts.actor ?? { userId: 'U1', source: '/avance', at: '2026-01-05T15:00:00Z' };
  const tracker = await trackers.createTracker(
    {
      teamId: opts.teamId ?? 'T1',
      channelId: opts.channelId,
      guideId: opts.guideId ?? 'guia-2017',
      startDate: opts.startDate ?? '2025-12-01',
    },
    actor,
  );
  const daily: DailySettings = {
    enabled: true,
    time: '09:00',
    days: [1, 2, 3, 4, 5],
    quiet: 'linea',
    ...opts.daily,
  };
  return trackers.updateTracker(tracker.id, { daily }, 'tracker.daily', actor);
}
