import type { KnownBlock } from '@slack/types';
import { findGuide } from '../content/guides.ts';
import { reminderClaim } from '../ports/claims.ts';
import type { ProgressPorts } from '../ports/index.ts';
import { DEFAULT_REMINDER_TIME, dueReminders } from '../progress/reminders.ts';
import { reminderBlocks } from '../render/avance-reminder.ts';
import type { DailyDeps, PostResult } from './daily.ts';

export interface ReminderDeps extends ProgressPorts {
  guides: DailyDeps['guides'];
  tz: string;
  runner: string;
  /** A DM to a person (conversations.open + chat.postMessage); never throws. */
  dm(userId: string, message: { text: string; blocks: KnownBlock[] }): Promise<PostResult>;
}

export interface ReminderRun {
  sent: Array<{ trackerId: number; stepId: string; kind: string; userId: string }>;
  failed: Array<{ trackerId: number; stepId: string; kind: string; reason: string }>;
}

/**
 * Sends every reminder due at `now` (see progress/reminders.ts for which), each under its own claim row, so
 * two runners (two replicas, the bot and `guia post-daily`) never send the same one twice. A DM Slack
 * refused is retried by the next runs the same day, a few times; one channel's failure never stops another's.
 */
export async function runReminders(deps: ReminderDeps, now: Date): Promise<ReminderRun> {
  const run: ReminderRun = { sent: [], failed: [] };
  const at = now.toISOString();
  for (const tracker of await deps.trackers.listTrackers()) {
    try {
      const guide = findGuide(deps.guides, tracker.guideId);
      if (!guide) continue;
      const settings = await deps.reminders.getSettings(tracker.id);
      if (!settings.enabled) continue;
      const [states, mutes] = await Promise.all([
        deps.steps.stepStates(tracker.id, guide.id),
        deps.reminders.mutes(tracker.id, guide.id),
      ]);
      const due = dueReminders({
        guide,
        states,
        startDate: tracker.startDate,
        settings,
        time: tracker.daily.enabled ? tracker.daily.time : DEFAULT_REMINDER_TIME,
        now,
        tz: deps.tz,
        isMuted: (stepId, userId) => mutes.get(stepId)?.has(userId) ?? false,
      });
      for (const r of due) {
        const key = reminderClaim(tracker.id, { guideId: guide.id, ...r });
        if (!(await deps.claims.claim(key, deps.runner, at))) continue;
        const step = guide.steps.find((s) => s.id === r.stepId);
        const state = states.get(r.stepId);
        if (!step || !state) continue;
        const message = reminderBlocks({
          trackerId: tracker.id,
          guideId: guide.id,
          step,
          status: state.status,
          kind: r.kind,
          dueDate: r.dueDate,
          day: r.day,
          leadDays: settings.leadDays,
          channelId: tracker.channelId,
        });
        const result = await deps.dm(r.ownerUserId, message);
        if (result.ok) {
          await deps.claims.finish(
            key,
            { status: 'posted', watermark: 0, ...(result.ts ? { messageTs: result.ts } : {}) },
            at,
          );
          run.sent.push({ trackerId: tracker.id, stepId: r.stepId, kind: r.kind, userId: r.ownerUserId });
        } else {
          await deps.claims.finish(key, { status: 'failed', error: result.reason }, at);
          run.failed.push({ trackerId: tracker.id, stepId: r.stepId, kind: r.kind, reason: result.reason });
        }
      }
    } catch (error) {
      // Our own bug or the store's: told in the run (and logged by the caller), the next channel goes on.
      run.failed.push({ trackerId: tracker.id, stepId: '', kind: '', reason: String(error).slice(0, 200) });
    }
  }
  return run;
}
