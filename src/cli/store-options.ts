import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { openStores } from '../app/wire.ts';
import type { Stores } from '../ports/index.ts';
import type { CliIo } from './command.ts';

/**
 * `--now 2026-02-12T09:00` (GUIA_TZ's time when it has no offset, like every channel's HH:MM) or now.
 * An invalid date for anything else.
 */
export function nowOption(value: string | undefined, tz: string): Date {
  if (value === undefined) return new Date();
  return /^\d{4}-\d{2}-\d{2}T/.test(value)
    ? DateTime.fromISO(value, { zone: tz }).toJSDate()
    : new Date(Number.NaN);
}

/**
 * The bot's existing database (`--db`, else GUIA_DB) for a command that only reads it: a report must not
 * create an empty one. Undefined after saying why on stderr.
 */
export async function openExistingStores(
  io: Pick<CliIo, 'stderr'>,
  flag: string | undefined,
  dbFile: string,
): Promise<Stores | undefined> {
  const file = resolve(flag ?? dbFile);
  if (!existsSync(file)) {
    io.stderr.write(`No existe la base de datos ${file}; ¿el bot ya se usó? (revisa --db o GUIA_DB)\n`);
    return undefined;
  }
  const opened = await openStores(file, flag === undefined ? 'GUIA_DB' : '--db');
  if (!opened.ok) {
    io.stderr.write(`${opened.message}\n`);
    return undefined;
  }
  return opened.value;
}
