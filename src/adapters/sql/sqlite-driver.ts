/**
 * Kysely's SQLite dialect with the two things this app needs from it: write transactions that take the
 * write lock at BEGIN (IMMEDIATE), so read-check-write code such as changeStep cannot deadlock or lose an
 * update against another process on the same file; and a guard that refuses every write once the file
 * has been deleted or replaced under us (SQLite would keep writing to the unlinked inode, and the bot would
 * confirm changes nobody can ever read). Prepared statements are cached per SQL text.
 */
import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/** Thrown by a write on a database file that is no longer where we opened it. */
export class DatabaseGoneError extends Error {
  readonly code = 'GUIA_DB_GONE';
  constructor(file: string) {
    super(`the database file ${file} was deleted or replaced while in use`);
  }
}

/** Checks that `file` is still the inode we opened; a no-op for `:memory:`. */
export function fileGuard(file: string): () => void {
  if (file === ':memory:' || file === '') return () => {};
  const opened = statSync(file);
  return () => {
    let now: ReturnType<typeof statSync>;
    try {
      now = statSync(file);
    } catch {
      throw new DatabaseGoneError(file);
    }
    if (now.ino !== opened.ino || now.dev !== opened.dev) throw new DatabaseGoneError(file);
  };
}

const MAX_CACHED_STATEMENTS = 256;

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    return previous.then(() => release);
  }
}

class GuardedConnection implements DatabaseConnection {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    readonly guard: () => void,
  ) {}

  #prepare(text: string): BetterSqlite3.Statement {
    let stmt = this.#statements.get(text);
    if (!stmt) {
      if (this.#statements.size >= MAX_CACHED_STATEMENTS) this.#statements.clear();
      stmt = this.sqlite.prepare(text);
      this.#statements.set(text, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(query.sql);
    const params = query.parameters as unknown[];
    if (stmt.reader) {
      // A write with RETURNING is a reader too.
      if (!/^\s*(select|with|pragma)\b/i.test(query.sql)) this.guard();
      return { rows: stmt.all(...params) as R[] };
    }
    this.guard();
    const { changes, lastInsertRowid } = stmt.run(...params);
    return {
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not used by this app
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on SQLite here');
  }
}

class GuardedSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: GuardedConnection;
  #release: (() => void) | undefined;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    guard: () => void,
  ) {
    this.#connection = new GuardedConnection(sqlite, guard);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: wait until whoever holds it (a transaction) lets go.
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.#connection.guard();
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
  }
}

/** SQLite does run DDL in transactions: a migration that fails halfway leaves nothing behind. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** A Kysely dialect over an open better-sqlite3 connection; `guard` runs before every write. */
export class GuardedSqliteDialect implements Dialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly guard: () => void = () => {},
  ) {}
  createDriver(): Driver {
    return new GuardedSqliteDriver(this.sqlite, this.guard);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
