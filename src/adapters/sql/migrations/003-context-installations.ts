import type { GuiaMigration } from './types.ts';

/** Conversation context (follow-ups in a thread) and Slack installations (distribution mode). */
export const migration003: GuiaMigration = {
  name: '003-context-installations',
  async up(db) {
    await db.schema
      .createTable('conversation_context')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('thread_key', 'text', (c) => c.notNull())
      .addColumn('value_json', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_context_pk', ['team_id', 'thread_key'])
      .execute();
    await db.schema
      .createIndex('conversation_context_expires')
      .on('conversation_context')
      .column('expires_at')
      .execute();
    await db.schema
      .createTable('slack_installations')
      .addColumn('install_key', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text')
      .addColumn('enterprise_id', 'text')
      .addColumn('is_enterprise_install', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('installation_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
