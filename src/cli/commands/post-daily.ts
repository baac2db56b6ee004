import { hostname } from 'node:os';
import { webApi } from '@slack/bolt';
import { IANAZone } from 'luxon';
import { runDaily } from '../../schedule/daily.ts';
import { createSlackPoster } from '../../schedule/slack-poster.ts';
import { openDb } from '../../store/db.ts';
import { SqliteProgressStore } from '../../store/progress-store.ts';
import { parseCliArgs, usageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, contentOptions, loadContentFor, warnAboutProblems } from '../content-option.ts';

const USAGE = `Uso: guia post-daily [--now FECHA-HORA-ISO] [--content DIR]
Publica los resúmenes diarios que tocan en este momento (mismas reglas y mismo registro de «una vez al día»
que el bot) y termina. Para programarlo desde fuera (cron del sistema, Kubernetes CronJob…).
  --now ISO       el momento a usar, p. ej. 2026-02-12T09:00:00-06:00 (por omisión, ahora)
${CONTENT_USAGE}
Entorno: SLACK_BOT_TOKEN (obligatorio), SLACK_API_URL, GUIA_DB (./data/guia.db), GUIA_TZ (America/Mexico_City).`;

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
    const token = io.env.SLACK_BOT_TOKEN?.trim();
    if (!token?.startsWith('xoxb-')) return usageError(io, USAGE, 'falta SLACK_BOT_TOKEN (xoxb-…)');
    const tz = io.env.GUIA_TZ?.trim() || 'America/Mexico_City';
    if (!IANAZone.isValidZone(tz))
      return usageError(io, USAGE, `GUIA_TZ no es una zona horaria IANA: «${tz}»`);

    const load = loadContentFor(values.content, io.env);
    if (!warnAboutProblems(load, io)) return 1;
    const apiUrl = io.env.SLACK_API_URL?.trim();
    const client = new webApi.WebClient(token, {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
      // An external scheduler runs us again; do not sit in the client's 30-minute retry loop.
      retryConfig: { retries: 2 },
    });
    const db = openDb(io.env.GUIA_DB?.trim() || './data/guia.db');
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
