import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { channelChart } from '../../bot/coordination-chart.ts';
import { parseCliArgs, usageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, commonOptions, loadContentFor, warnAboutProblems } from '../content-option.ts';
import { sharedConfigOrExit } from '../shared-config.ts';
import { nowOption, openExistingStores } from '../store-options.ts';

const USAGE = `Uso: guia chart --channel CANAL [--out ARCHIVO.png] [--team EQUIPO] [--now FECHA-HORA-ISO] [--db ARCHIVO]
Dibuja en un PNG la gráfica del informe semanal de un canal, sin Slack: para el canal de coordinación, el
avance por institución y fase; para el canal de un equipo, sus pasos completados contra los plazos.
  --channel ID    el canal (p. ej. C0123ABCD; en el chat de la terminal: DLOCAL)
  --out ARCHIVO   dónde escribir el PNG (por omisión: avance.png)
  --team ID       el espacio de trabajo, si el canal está en varios
  --now ISO       el momento a usar (hora de GUIA_TZ si no lleva desfase; por omisión, ahora)
  --db ARCHIVO    la base de datos del bot (por omisión: $GUIA_DB o ./data/guia.db)
${CONTENT_USAGE}`;

const command: CliCommand = {
  description:
    'dibuja la gráfica de avance de un canal en un PNG: guia chart --channel C123 --out avance.png',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: {
        ...commonOptions,
        channel: { type: 'string' },
        out: { type: 'string' },
        team: { type: 'string' },
        now: { type: 'string' },
        db: { type: 'string' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const channelId = values.channel?.trim();
    if (!channelId || !/^[A-Z0-9]{2,40}$/i.test(channelId)) {
      return usageError(
        io,
        USAGE,
        channelId ? `«${channelId.slice(0, 40)}» no es un id de canal` : 'falta --channel',
      );
    }
    const config = sharedConfigOrExit(io);
    if (typeof config === 'number') return config;
    const now = nowOption(values.now, config.timeZone);
    if (Number.isNaN(now.getTime()))
      return usageError(io, USAGE, `--now no es una fecha-hora ISO 8601: «${values.now}»`);
    const out = resolve(values.out ?? 'avance.png');
    if (!out.toLowerCase().endsWith('.png')) return usageError(io, USAGE, '--out debe terminar en .png');
    const load = loadContentFor(values.content ?? config.contentDir, io.env);
    if (!warnAboutProblems(load, io)) return 1;
    const stores = await openExistingStores(io, values.db, config.dbFile);
    if (!stores) return 1;
    try {
      const deps = { ...stores, guides: load.guides };
      let teams = values.team ? [values.team] : [];
      if (teams.length === 0) {
        const trackers = await stores.trackers.listTrackers();
        const own = trackers.filter((t) => t.channelId === channelId).map((t) => t.teamId);
        const all = [...new Set(trackers.map((t) => t.teamId))];
        const coordinating: string[] = [];
        for (const team of all) {
          if ((await stores.coordination.coordinationChannel(team))?.channelId === channelId)
            coordinating.push(team);
        }
        teams = [...new Set([...coordinating, ...own])];
      }
      if (teams.length > 1) {
        return usageError(
          io,
          USAGE,
          `el canal ${channelId} está en varios espacios (${teams.join(', ')}): indica --team`,
        );
      }
      const teamId = teams[0];
      const chart = teamId ? await channelChart(deps, teamId, channelId, now, config.timeZone) : undefined;
      if (!chart?.ok) {
        io.stderr.write(`El canal ${channelId} no lleva el avance ni es el canal de coordinación.\n`);
        return 1;
      }
      await writeFile(out, chart.image.png);
      io.stdout.write(
        `${out}: ${chart.image.width}×${chart.image.height} px, ${Math.ceil(chart.image.png.length / 1024)} KB, ` +
          `dibujada en ${chart.image.ms.toFixed(0)} ms.\n${chart.image.altText}\n`,
      );
      return 0;
    } finally {
      await stores.close();
    }
  },
};

export default command;
