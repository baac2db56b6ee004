import type { MuteKey, ReminderStore } from '../../ports/reminders.ts';
import { DEFAULT_LEAD_DAYS, type ReminderSettings } from '../../progress/reminders.ts';
import type { Db } from './db.ts';

/** Reminder settings and muted steps on the SQLite file (tables of migration 030). */
export function createSqliteReminderStore(db: Db): ReminderStore {
  return {
    async getSettings(trackerId: number): Promise<ReminderSettings> {
      const row = db
        .prepare('SELECT enabled, lead_days FROM progress_reminder_settings WHERE tracker_id = ?')
        .get(trackerId) as { enabled: number; lead_days: number } | undefined;
      return row ? { enabled: row.enabled === 1, leadDays: row.lead_days } : defaults();
    },
    async setSettings(trackerId, settings, userId, at) {
      db.prepare(
        `INSERT INTO progress_reminder_settings (tracker_id, enabled, lead_days, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tracker_id) DO UPDATE SET enabled = excluded.enabled, lead_days = excluded.lead_days,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      ).run(trackerId, settings.enabled ? 1 : 0, settings.leadDays, userId, at);
    },
    async mute(key: MuteKey, at: string) {
      const result = db
        .prepare(
          `INSERT INTO progress_reminder_mutes (tracker_id, guide_id, step_id, user_id, muted_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(key.trackerId, key.guideId, key.stepId, key.userId, at);
      return result.changes > 0;
    },
    async unmute(key: MuteKey) {
      const result = db
        .prepare(
          `DELETE FROM progress_reminder_mutes
           WHERE tracker_id = ? AND guide_id = ? AND step_id = ? AND user_id = ?`,
        )
        .run(key.trackerId, key.guideId, key.stepId, key.userId);
      return result.changes > 0;
    },
    async mutes(trackerId: number, guideId: string) {
      const rows = db
        .prepare('SELECT step_id, user_id FROM progress_reminder_mutes WHERE tracker_id = ? AND guide_id = ?')
        .all(trackerId, guideId) as Array<{ step_id: string; user_id: string }>;
      return groupMutes(rows.map((r) => [r.step_id, r.user_id]));
    },
  };
}

export const defaults = (): ReminderSettings => ({ enabled: true, leadDays: DEFAULT_LEAD_DAYS });

export function groupMutes(pairs: Iterable<[string, string]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [stepId, userId] of pairs) out.set(stepId, (out.get(stepId) ?? new Set()).add(userId));
  return out;
}
