import { sql } from 'kysely';
import { autoId, type GuiaMigration } from './types.ts';

/** Votes on answers, questions the bot could not answer, claimed Slack event ids. */
export const migration001: GuiaMigration = {
  name: '001-slack',
  async up(db, engine) {
    await db.schema
      .createTable('feedback')
      .addColumn('id', 'integer', autoId(engine))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('vote', 'integer', (c) => c.notNull().check(sql`vote IN (-1, 1)`))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('step_id', 'text')
      .addColumn('guide', 'text')
      .addColumn('intent', 'text')
      .execute();
    await db.schema
      .createTable('unanswered_questions')
      .addColumn('id', 'integer', autoId(engine))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('processed_events')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('claimed_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('processed_events_claimed_at')
      .on('processed_events')
      .column('claimed_at')
      .execute();
  },
};
