import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openSqliteFile, type SqlHandle, sqliteHandle } from '../../adapters/sql/connect.ts';
import { COPIED_TABLES, copyDatabase } from '../../adapters/sql/copy.ts';
import { migrateToLatest, migrationStatus } from '../../adapters/sql/migrate.ts';
import { databaseReason } from '../../adapters/sql/open.ts';
import { postgresHandle } from '../../adapters/sql/postgres.ts';
import type { DatabaseConfig } from '../../config/config.ts';
import { redactUrls } from '../../config/redact.ts';
import { parseCliArgs, usageError, writeJson } from '../args.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { commonOptions, jsonOption } from '../content-option.ts';
import { sharedConfigOrExit } from '../shared-config.ts';

const USAGE = `Uso: guia db migrate [--db DESTINO] [--status] [--json]
       guia db copy --from ORIGEN --to DESTINO [--replace] [--json]
Administra la base de datos del bot.
  migrate         aplica las migraciones pendientes (el bot también lo hace al arrancar)
    --status      solo muestra las aplicadas y las pendientes, sin cambiar nada
  copy            copia todo (seguimiento, bitácora, votos, instalaciones…) de ORIGEN a DESTINO y lo verifica:
                  filas por tabla y una suma SHA-256 de la bitácora de cambios. Detén el bot antes.
    --replace     acepta un destino PostgreSQL con datos: los reemplaza (sin esto, se niega)
  --db, --from, --to   sqlite:RUTA (o una ruta) o postgres://usuario@servidor:5432/base
                  (por omisión --db y --from: DATABASE_URL si está, si no $GUIA_DB o ./data/guia.db)
  --json          imprime el resultado en JSON
  --content DIR   se acepta como en los demás comandos; db no lee la guía`;

function targetOf(text: string, base: DatabaseConfig): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(text)) {
    return base.kind === 'postgres'
      ? { ...base, url: text }
      : { kind: 'postgres', url: text, poolSize: 4, statementTimeoutMs: 0 };
  }
  return { kind: 'sqlite', file: resolve(text.replace(/^sqlite:/, '')) };
}

const describe = (t: DatabaseConfig) => (t.kind === 'sqlite' ? t.file : redactUrls(t.url));

function connect(
  target: DatabaseConfig,
  flag: string,
  io: Pick<CliIo, 'stderr'>,
  mustExist: boolean,
): SqlHandle | undefined {
  if (target.kind === 'sqlite' && mustExist && !existsSync(target.file)) {
    io.stderr.write(`${flag}: no existe la base de datos ${target.file}\n`);
    return undefined;
  }
  try {
    return target.kind === 'sqlite'
      ? sqliteHandle(openSqliteFile(target.file))
      : postgresHandle({ ...target, poolSize: 4 });
  } catch (error) {
    io.stderr.write(`${flag}: no pude abrir «${describe(target)}»: ${databaseReason(error)}\n`);
    return undefined;
  }
}

async function migrated(
  handle: SqlHandle,
  flag: string,
  io: Pick<CliIo, 'stderr'>,
): Promise<string[] | undefined> {
  const result = await migrateToLatest(handle.db, handle.engine);
  if (result.ok) return result.applied;
  const reason =
    result.code === 'failed' && result.cause !== undefined ? databaseReason(result.cause) : result.message;
  io.stderr.write(`${flag}: no pude usar la base de datos «${handle.where}»: ${reason}\n`);
  return undefined;
}

const command: CliCommand = {
  description:
    'la base de datos: guia db migrate, guia db copy --from sqlite:./data/guia.db --to postgres://…',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: {
        ...commonOptions,
        db: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        status: { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        json: jsonOption,
      },
      allowPositionals: true,
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const action = positionals[0];
    if ((action !== 'migrate' && action !== 'copy') || positionals.length > 1) {
      return usageError(
        io,
        USAGE,
        action ? `acción desconocida: ${positionals.join(' ')}` : 'falta la acción (migrate o copy)',
      );
    }
    const config = sharedConfigOrExit(io);
    if (typeof config === 'number') return config;

    if (action === 'migrate') {
      const target = values.db ? targetOf(values.db, config.database) : config.database;
      const flag = values.db ? '--db' : target.kind === 'sqlite' ? 'GUIA_DB' : 'DATABASE_URL';
      const handle = connect(target, flag, io, false);
      if (!handle) return 1;
      try {
        if (values.status) {
          const status = await migrationStatus(handle.db, handle.engine);
          if (values.json) writeJson(io, status);
          else {
            io.stdout.write(
              `Base de datos: ${handle.where}\nAplicadas: ${status.applied.join(', ') || '(ninguna)'}\n`,
            );
            io.stdout.write(`Pendientes: ${status.pending.join(', ') || '(ninguna)'}\n`);
            if (status.unknown.length > 0)
              io.stdout.write(`De una versión más nueva: ${status.unknown.join(', ')}\n`);
          }
          return status.unknown.length > 0 ? 1 : 0;
        }
        const applied = await migrated(handle, flag, io);
        if (!applied) return 1;
        if (values.json) writeJson(io, { database: handle.where, applied });
        else
          io.stdout.write(
            applied.length > 0
              ? `Migraciones aplicadas en ${handle.where}: ${applied.join(', ')}\n`
              : `${handle.where} ya estaba al día.\n`,
          );
        return 0;
      } finally {
        await handle.close();
      }
    }

    if (!values.to) return usageError(io, USAGE, 'falta --to DESTINO');
    const source = values.from ? targetOf(values.from, config.database) : config.database;
    const target = targetOf(values.to, config.database);
    if (describe(source) === describe(target))
      return usageError(io, USAGE, 'el origen y el destino son la misma base de datos');
    const from = connect(source, '--from', io, true);
    if (!from) return 1;
    const to = connect(target, '--to', io, false);
    if (!to) {
      await from.close();
      return 1;
    }
    try {
      if (!(await migrated(from, '--from', io)) || !(await migrated(to, '--to', io))) return 1;
      const result = await copyDatabase(from, to, { replace: values.replace });
      const report = result.report;
      if (values.json)
        writeJson(io, {
          from: from.where,
          to: to.where,
          ok: result.ok,
          ...(report ?? {}),
          ...(result.ok ? {} : { error: result.message }),
        });
      else if (report) {
        io.stdout.write(`Copia de ${from.where} a ${to.where}\n`);
        for (const t of COPIED_TABLES) {
          const c = report.counts[t];
          io.stdout.write(
            `  ${t.padEnd(24)} ${String(c.source).padStart(8)} → ${String(c.target).padStart(8)}${c.source === c.target ? '' : '  ✗'}\n`,
          );
        }
        io.stdout.write(
          `  bitácora (SHA-256)  origen  ${report.checksum.source}\n                      destino ${report.checksum.target}\n`,
        );
        io.stdout.write(
          result.ok
            ? 'Verificada: mismas filas y misma bitácora.\n'
            : 'La copia NO coincide con el origen.\n',
        );
      }
      if (!result.ok) {
        io.stderr.write(
          `--to: ${result.message}${result.code === 'not_empty' ? '; usa una base vacía o --replace' : ''}\n`,
        );
        return 1;
      }
      return 0;
    } catch (error) {
      io.stderr.write(`No pude copiar: ${databaseReason(error)}\n`);
      return 1;
    } finally {
      await from.close();
      await to.close();
    }
  },
};

export default command;
