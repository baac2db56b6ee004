import type { TrackerStore } from '../ports/trackers.ts';
import type { Tracker } from '../progress/model.ts';
import type { DailyDeps, DailyRun } from './daily.ts';
import { runDaily } from './daily.ts';

/** One installed workspace: its team ('*' = every team, the single-token modes) and a token. */
export interface ScheduledWorkspace {
  teamId: string;
  token: string;
}

/**
 * The hook every scheduler uses (daily posts now; reminders and weekly reports next): which workspaces are
 * installed, and a paced poster per workspace (per-channel rate, per-workspace budget, Retry-After), so
 * scheduled posts never starve the answers people wait for.
 */
export interface ScheduledPosting {
  /** Installed workspaces now, each with a current token ('*' = every team, in the single-token modes). */
  workspaces(): Promise<ScheduledWorkspace[]>;
  posterFor(workspace: ScheduledWorkspace): DailyDeps['post'];
}

export interface WorkspaceWalkDeps {
  /** The daily deps without a poster: each workspace posts with its own token. */
  daily: Omit<DailyDeps, 'post'>;
  /** Installed workspaces right now (uninstalled ones are absent: nothing is posted there). */
  workspaces(): Promise<ScheduledWorkspace[]>;
  posterFor(workspace: ScheduledWorkspace): DailyDeps['post'];
  /** The workspace's DMs (reminders, a stopped daily post) and people's names, with its own token. */
  peopleFor?(workspace: ScheduledWorkspace): Pick<DailyDeps, 'dm' | 'names'>;
  /** Workspaces run at the same time (mostly waiting on their own pacing); each one paced. Default 32. */
  concurrency?: number;
  onWorkspaceError?(error: unknown, teamId: string): void;
}

const emptyRun = (): DailyRun => ({ posted: [], quiet: [], failed: [], removed: [], failures: [] });

/**
 * The daily posts of every installed workspace, each with its own token: trackers are listed once and
 * grouped by team, a workspace's trackers go through runDaily with that workspace's poster, and one
 * workspace's failure (a revoked token, a bug) is reported and never stops the others.
 */
export async function runDailyForWorkspaces(deps: WorkspaceWalkDeps, now: Date): Promise<DailyRun> {
  const workspaces = await deps.workspaces();
  // Both lists runDaily asks for: the daily posts' trackers, and every tracker for the reminders (a channel
  // may send reminders with its daily post off).
  const [daily, all] = await Promise.all([
    deps.daily.trackers.listTrackers({ dailyEnabled: true }),
    deps.daily.trackers.listTrackers(),
  ]);
  const byTeam = (list: Tracker[]) => {
    const map = new Map<string, Tracker[]>();
    for (const t of list) map.set(t.teamId, [...(map.get(t.teamId) ?? []), t]);
    return map;
  };
  const dailyByTeam = byTeam(daily);
  const allByTeam = byTeam(all);
  const total = emptyRun();
  const queue = [...workspaces];
  const worker = async () => {
    for (let w = queue.shift(); w; w = queue.shift()) {
      const mine =
        w.teamId === '*'
          ? { daily, all }
          : { daily: dailyByTeam.get(w.teamId) ?? [], all: allByTeam.get(w.teamId) ?? [] };
      if (mine.all.length === 0) continue;
      try {
        const run = await runDaily(
          {
            ...deps.daily,
            // This workspace's trackers only (already listed), so its run cannot touch another's channels.
            trackers: withTrackers(deps.daily.trackers, mine),
            post: deps.posterFor(w),
            ...deps.peopleFor?.(w),
          },
          now,
        );
        for (const k of ['posted', 'quiet', 'failed', 'removed', 'failures'] as const) {
          (total[k] as unknown[]).push(...run[k]);
        }
        if (run.reminders) {
          total.reminders ??= { sent: [], failed: [] };
          total.reminders.sent.push(...run.reminders.sent);
          total.reminders.failed.push(...run.reminders.failed);
        }
      } catch (error) {
        deps.onWorkspaceError?.(error, w.teamId);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 32, queue.length || 1) }, worker));
  return total;
}

/**
 * The tracker port with `listTrackers` answering from the lists already read, as the port would: the daily
 * ones for `{ dailyEnabled: true }`, all of them otherwise (a Proxy: adapters may be class instances).
 */
function withTrackers(store: TrackerStore, lists: { daily: Tracker[]; all: Tracker[] }): TrackerStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listTrackers')
        return async (opts?: { dailyEnabled?: boolean }) => (opts?.dailyEnabled ? lists.daily : lists.all);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
