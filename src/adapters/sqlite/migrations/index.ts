import type { Migration } from '../db.ts';
import { migration001 } from './001-slack.ts';
import { progressMigration } from './002-progress.ts';

/**
 * Every schema change, in order. Add a file per migration and list it here; never edit one that has shipped.
 * Versions: 1 = Slack app tables (feedback, questions, processed events); 2 = team progress.
 */
export const migrations: readonly Migration[] = [migration001, progressMigration];
