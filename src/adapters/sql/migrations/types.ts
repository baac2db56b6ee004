import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/**
 * One schema change for both engines. `name` orders the history (NNN-what) and is what the database
 * records: never rename or edit a migration that has shipped; add a new one.
 */
export interface GuiaMigration {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was then
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** An integer key the database assigns: a rowid alias on SQLite, an identity column on PostgreSQL. */
export const autoId =
  (engine: Engine, opts: { neverReuse?: boolean } = {}) =>
  (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : opts.neverReuse
        ? col.primaryKey().autoIncrement()
        : col.primaryKey();
