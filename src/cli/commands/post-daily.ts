import { createDailyDeps, createWeeklyDeps, openStores, runnerName } from '../../app/wire.ts';
import { runDaily } from '../../schedule/daily.ts';
import { runWeekly } from '../../schedule/weekly.ts';
import { parseCliArgs, usageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, commonOptions, loadContentFor, warnAboutProblems } from '../content-option.ts';
import { sharedConfigOrExit } from '../shared-config.ts';
import { nowOption } from '../store-options.ts';

const USAGE = `Uso: guia post-daily [--now FECHA-HORA-ISO] [--content DIR]
Publica los resúmenes diarios y los informes semanales (con su gráfica) que tocan en este momento (mismas
reglas y mismo registro de «una vez al día» y «una vez por semana» que el bot) y termina. Para programarlo desde fuera (cron del sistema, Kubernetes CronJob…).
  --now ISO       el momento a usar, p. ej. 2026-02-12T09:00 (hora de GUIA_TZ si no lleva desfase)
                  o 2026-02-12T09:00:00-06:00 (por omisión, ahora)
${CONTENT_USAGE}
Entorno (o .env): SLACK_BOT_TOKEN (obligatorio), SLACK_API_URL, GUIA_DB (./data/guia.db),
GUIA_TZ (America/Mexico_City), GUIA_CONTENT_DIR.`;

/** Slack's error codes in words for whoever runs the command; the code stays in parentheses for searching. */
function reasonEs(reason: string): string {
  const known: Record<string, string> = {
    network: 'no hubo conexión con Slack',
    ratelimited: 'Slack limitó las peticiones; se reintenta en la próxima ejecución',
    invalid_auth: 'Slack no aceptó el token (SLACK_BOT_TOKEN)',
    not_authed: 'falta el token de Slack',
    token_revoked: 'el token de Slack fue revocado',
    account_inactive: 'la cuenta del bot está desactivada',
    missing_scope: 'al bot le falta el permiso chat:write',
    msg_too_long: 'el mensaje es demasiado largo para Slack',
    invalid_blocks: 'Slack rechazó el formato del mensaje',
  };
  const http = /^http_(\d+|\?)$/.exec(reason);
  const text =
    known[reason] ??
    (http ? `Slack respondió con un error HTTP ${http[1]}` : `Slack o el bot no pudieron publicar`);
  return `${text} (${reason})`;
}

const command: CliCommand = {
  description: 'publica los resúmenes diarios y los informes semanales que tocan ahora y termina',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: { ...commonOptions, now: { type: 'string' } },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const config = sharedConfigOrExit(io);
    if (typeof config === 'number') return config;
    const tz = config.timeZone;
    // Without an offset the time is GUIA_TZ's, like every channel's HH:MM, not the machine's.
    const now = nowOption(values.now, tz);
    if (Number.isNaN(now.getTime())) {
      return usageError(io, USAGE, `--now no es una fecha-hora ISO 8601: «${values.now}»`);
    }
    const token = config.botToken;
    if (!token) return usageError(io, USAGE, 'falta SLACK_BOT_TOKEN (xoxb-…)');

    const load = loadContentFor(values.content ?? config.contentDir, io.env);
    if (!warnAboutProblems(load, io)) return 1;
    const opened = await openStores(config.database);
    if (!opened.ok) {
      io.stderr.write(`${opened.message}\n`);
      return 1;
    }
    const stores = opened.value;
    try {
      // Every failure, ours or Slack's, is in run.failures and printed below.
      const posters = {
        stores,
        guides: load.guides,
        tz,
        token,
        apiUrl: config.apiUrl,
        runner: runnerName('post-daily@'),
      };
      const run = await runDaily(await createDailyDeps(posters), now);
      for (const f of run.failures) io.stderr.write(`Canal ${f.channelId}: ${reasonEs(f.reason)}\n`);
      io.stdout.write(
        `Publicados: ${run.posted.length} · sin novedades: ${run.quiet.length} · ` +
          `fallidos: ${run.failed.length} · canales sin acceso: ${run.removed.length}\n`,
      );
      const weekly = await runWeekly(await createWeeklyDeps(posters), now);
      for (const f of weekly.failures) {
        const chart = f.reason.startsWith('chart: ');
        const reason = reasonEs(chart ? f.reason.slice('chart: '.length) : f.reason);
        io.stderr.write(`Canal ${f.channelId}: ${chart ? 'la gráfica no se subió: ' : ''}${reason}\n`);
      }
      io.stdout.write(
        `Informes semanales publicados: ${weekly.posted.length} · sin nada que informar: ${weekly.skipped.length} · ` +
          `fallidos: ${weekly.failed.length}\n`,
      );
      return run.failed.length + weekly.failed.length > 0 ? 1 : 0;
    } finally {
      await stores.close();
    }
  },
};

export default command;
