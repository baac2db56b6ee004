import { hostname } from 'node:os';
import { webApi } from '@slack/bolt';
import { runDaily } from '../../schedule/daily.ts';
import { createSlackPoster } from '../../schedule/slack-poster.ts';
import { SqliteProgressStore } from '../../store/progress-store.ts';
import { tryOpenDb } from '../../store/try-open-db.ts';
import { parseCliArgs, usageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, contentOptions, loadContentFor, warnAboutProblems } from '../content-option.ts';
import { sharedConfigOrExit } from '../shared-config.ts';

const USAGE = `Uso: guia post-daily [--now FECHA-HORA-ISO] [--content DIR]
Publica los resúmenes diarios que tocan en este momento (mismas reglas y mismo registro de «una vez al día»
que el bot) y termina. Para programarlo desde fuera (cron del sistema, Kubernetes CronJob…).
  --now ISO       el momento a usar, p. ej. 2026-02-12T09:00:00-06:00 (por omisión, ahora)
${CONTENT_USAGE}
Entorno (o .env): SLACK_BOT_TOKEN (obligatorio), SLACK_API_URL, GUIA_DB (./data/guia.db),
GUIA_TZ (America/Mexico_City), GUIA_CONTENT_DIR.`;

const command: CliCommand = {
  description: 'publica los resúmenes diarios de avance que tocan ahora y termina',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: { ...contentOptions, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (
      Number.isNaN(now.getTime()) ||
      (values.now !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(values.now))
    ) {
      return usageError(io, USAGE, `--now no es una fecha-hora ISO 8601: «${values.now}»`);
    }
    const config = sharedConfigOrExit(io);
    if (typeof config === 'number') return config;
    const token = config.botToken;
    if (!token) return usageError(io, USAGE, 'falta SLACK_BOT_TOKEN (xoxb-…)');
    const tz = config.timeZone;

    const load = loadContentFor(values.content ?? config.contentDir, io.env);
    if (!warnAboutProblems(load, io)) return 1;
    const client = new webApi.WebClient(token, {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      // An external scheduler runs us again; do not sit in the client's 30-minute retry loop.
      retryConfig: { retries: 2 },
    });
    const opened = tryOpenDb(config.dbFile, 'GUIA_DB');
    if (!opened.ok) {
      io.stderr.write(`${opened.message}\n`);
      return 1;
    }
    const db = opened.db;
    try {
      const run = await runDaily(
        {
          store: new SqliteProgressStore(db),
          guides: load.guides,
          tz,
          runner: `post-daily@${hostname()}:${process.pid}`,
          post: createSlackPoster(client),
          onError: (error, tracker) =>
            io.stderr.write(
              `Canal ${tracker.channelId}: ${error instanceof Error ? error.message : String(error)}\n`,
            ),
        },
        now,
      );
      io.stdout.write(
        `Publicados: ${run.posted.length} · sin novedades: ${run.quiet.length} · ` +
          `fallidos: ${run.failed.length} · canales sin acceso: ${run.removed.length}\n`,
      );
      return run.failed.length > 0 ? 1 : 0;
    } finally {
      db.close();
    }
  },
};

export default command;
