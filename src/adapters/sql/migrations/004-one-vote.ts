import { sql } from 'kysely';
import type { GuiaMigration } from './types.ts';

/**
 * One vote per person per answer (issue 9, item 12): votes now name the answer they are about, and a
 * partial unique index lets a later vote replace the earlier one. Older rows have no answer key and stay.
 */
export const migration004: GuiaMigration = {
  name: '004-one-vote',
  async up(db) {
    await db.schema.alterTable('feedback').addColumn('answer_key', 'text').execute();
    await db.schema
      .createIndex('feedback_one_vote')
      .on('feedback')
      .columns(['team_id', 'user_id', 'answer_key'])
      .unique()
      .where(sql.ref('answer_key'), 'is not', null)
      .execute();
  },
};
