import type { MuteKey, ReminderStore } from '../../ports/reminders.ts';
import type { ReminderSettings } from '../../progress/reminders.ts';
import { groupMutes, reminderDefaults } from '../sql/reminders.ts';

/** Reminder settings and muted steps in process memory, for fast unit tests. */
export function createMemoryReminderStore(): ReminderStore {
  const settings = new Map<number, ReminderSettings>();
  const muted = new Set<string>();
  const keyOf = (k: MuteKey) => JSON.stringify([k.trackerId, k.guideId, k.stepId, k.userId]);
  return {
    getSettings: async (trackerId) => ({ ...(settings.get(trackerId) ?? reminderDefaults()) }),
    async setSettings(trackerId, value) {
      settings.set(trackerId, { ...value });
    },
    async mute(key) {
      const k = keyOf(key);
      if (muted.has(k)) return false;
      muted.add(k);
      return true;
    },
    unmute: async (key) => muted.delete(keyOf(key)),
    async mutes(trackerId, guideId) {
      const pairs: Array<[string, string]> = [];
      for (const k of muted) {
        const [t, g, stepId, userId] = JSON.parse(k) as [number, string, string, string];
        if (t === trackerId && g === guideId) pairs.push([stepId, userId]);
      }
      return groupMutes(pairs);
    },
  };
}
