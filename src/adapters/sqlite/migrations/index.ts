import type { Migration } from '../db.ts';
import { migration001 } from './001-slack.ts';
import { progressMigration } from './002-progress.ts';
import { remindersMigration } from './030-reminders.ts';

/**
 * Every schema change, in order. Add a file per migration and list it here; never edit one that has shipped.
 * Versions: 1 = Slack app tables (feedback, questions, processed events); 2 = team progress;
 * 30 = reminders (claims, settings, mutes) and the Home tab's index of open steps by owner.
 */
export const migrations: readonly Migration[] = [migration001, progressMigration, remindersMigration];
