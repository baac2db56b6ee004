/**
 * Reminders by DM (issue 10): each channel's setting (on/off, how many working days ahead) and the steps an
 * owner asked not to be reminded of. Sending each reminder once is the claims port's job (kind `reminder`).
 */
import type { ReminderSettings } from '../progress/reminders.ts';

export interface ReminderStore {
  /** The channel's setting; reminders are on, 3 working days ahead, until someone says otherwise. */
  getSettings(trackerId: number): Promise<ReminderSettings>;
  setSettings(trackerId: number, settings: ReminderSettings, userId: string, at: string): Promise<void>;
  /** «No recordarme este paso»: true when it was not muted already. */
  mute(key: MuteKey, at: string): Promise<boolean>;
  /** Reminders again for that step and person: true when it was muted. */
  unmute(key: MuteKey): Promise<boolean>;
  /** Muted steps of a tracker's guide, as `stepId` → the people who muted it. */
  mutes(trackerId: number, guideId: string): Promise<Map<string, Set<string>>>;
}

export interface MuteKey {
  trackerId: number;
  guideId: string;
  stepId: string;
  userId: string;
}
