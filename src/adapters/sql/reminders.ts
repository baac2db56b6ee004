import type { Kysely } from 'kysely';
import type { MuteKey, ReminderStore } from '../../ports/reminders.ts';
import { DEFAULT_LEAD_DAYS, type ReminderSettings } from '../../progress/reminders.ts';
import type { Database } from './schema.ts';

/** Reminder settings and muted steps on either engine (tables of migration 030). */
export function createSqlReminderStore(db: Kysely<Database>): ReminderStore {
  return {
    async getSettings(trackerId: number): Promise<ReminderSettings> {
      const row = await db
        .selectFrom('progress_reminder_settings')
        .select(['enabled', 'lead_days'])
        .where('tracker_id', '=', trackerId)
        .executeTakeFirst();
      return row
        ? { enabled: Number(row.enabled) === 1, leadDays: Number(row.lead_days) }
        : reminderDefaults();
    },
    async setSettings(trackerId, settings, userId, at) {
      const values = {
        enabled: settings.enabled ? 1 : 0,
        lead_days: settings.leadDays,
        updated_by: userId,
        updated_at: at,
      };
      await db
        .insertInto('progress_reminder_settings')
        .values({ tracker_id: trackerId, ...values })
        .onConflict((oc) => oc.column('tracker_id').doUpdateSet(values))
        .execute();
    },
    async mute(key: MuteKey, at: string) {
      const inserted = await db
        .insertInto('progress_reminder_mutes')
        .values({
          tracker_id: key.trackerId,
          guide_id: key.guideId,
          step_id: key.stepId,
          user_id: key.userId,
          muted_at: at,
        })
        .onConflict((oc) => oc.columns(['tracker_id', 'guide_id', 'step_id', 'user_id']).doNothing())
        .returning('tracker_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async unmute(key: MuteKey) {
      const result = await db
        .deleteFrom('progress_reminder_mutes')
        .where('tracker_id', '=', key.trackerId)
        .where('guide_id', '=', key.guideId)
        .where('step_id', '=', key.stepId)
        .where('user_id', '=', key.userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async mutes(trackerId: number, guideId: string) {
      const rows = await db
        .selectFrom('progress_reminder_mutes')
        .select(['step_id', 'user_id'])
        .where('tracker_id', '=', trackerId)
        .where('guide_id', '=', guideId)
        .execute();
      return groupMutes(rows.map((r) => [r.step_id, r.user_id]));
    },
  };
}

export const reminderDefaults = (): ReminderSettings => ({ enabled: true, leadDays: DEFAULT_LEAD_DAYS });

export function groupMutes(pairs: Iterable<[string, string]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [stepId, userId] of pairs) out.set(stepId, (out.get(stepId) ?? new Set()).add(userId));
  return out;
}
