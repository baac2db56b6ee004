import { migration001 } from './001-slack.ts';
import { migration002 } from './002-progress.ts';
import { migration003 } from './003-context-installations.ts';
import { migration004 } from './004-one-vote.ts';
import { migration012 } from './012-coordination.ts';
import type { GuiaMigration } from './types.ts';

/**
 * The one migration history of both engines, in order. Adding a table is one file in this folder (a
 * GuiaMigration named `NNN-what`, NNN above the last) and one entry at the end of this list. Never edit or
 * rename one that has shipped: databases record the names they ran.
 */
export const migrations: readonly GuiaMigration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration012,
];

/** Names of the migrations today's `user_version` 1 and 2 SQLite files already contain. */
export const LEGACY_SQLITE_VERSIONS: Readonly<Record<number, readonly string[]>> = {
  1: ['001-slack'],
  2: ['001-slack', '002-progress'],
};
