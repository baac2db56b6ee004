import type { Kysely } from 'kysely';
import type { ContextStore } from '../../ports/context.ts';
import type { Database } from './schema.ts';

/** Conversation context as JSON text with an expiry (epoch ms); the caller chooses how long it lives. */
export function createSqlContextStore(db: Kysely<Database>): ContextStore {
  return {
    async load(teamId, threadKey, now) {
      const row = await db
        .selectFrom('conversation_context')
        .select('value_json')
        .where('team_id', '=', teamId)
        .where('thread_key', '=', threadKey)
        .where('expires_at', '>', now.getTime())
        .executeTakeFirst();
      return row ? (JSON.parse(row.value_json) as unknown) : undefined;
    },
    async save(teamId, threadKey, value, expiresAt) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error('context value is not JSON-serialisable');
      await db
        .insertInto('conversation_context')
        .values({ team_id: teamId, thread_key: threadKey, value_json: json, expires_at: expiresAt.getTime() })
        .onConflict((oc) =>
          oc
            .columns(['team_id', 'thread_key'])
            .doUpdateSet({ value_json: json, expires_at: expiresAt.getTime() }),
        )
        .execute();
    },
    async prune(now) {
      const result = await db
        .deleteFrom('conversation_context')
        .where('expires_at', '<=', now.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
