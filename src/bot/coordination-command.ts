import { defaultGuide } from '../content/guides.ts';
import { coordinationCsv } from '../coordination/csv.ts';
import { type ProgressReads, workspaceViews } from '../coordination/load.ts';
import { coordinationOverview } from '../coordination/overview.ts';
import type { CoordinationActor } from '../ports/coordination.ts';
import type { TrackerStore } from '../ports/index.ts';
import { localDate } from '../progress/calendar.ts';
import type { Tracker } from '../progress/model.ts';
import { daysText, mention } from '../render/avance.ts';
import { channelRef, coordinationBlocks } from '../render/coordination.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { COMMANDS } from '../render/ids.ts';
import { cut, section } from '../render/limits.ts';
import { DEFAULT_WEEKLY, dueWeeklySlot, type WeeklySettings } from '../schedule/weekly-rule.ts';
import type { UploadFile } from './avance-command.ts';
import { channelChart } from './coordination-chart.ts';
import { COORDINATION_SYNTAX, type CoordinationRequest, parseCoordination } from './coordination-parse.ts';
import { problem, say } from './ephemeral.ts';
import type { Reply, Request } from './types.ts';

export interface CoordinationDeps extends ProgressReads {
  trackers: Pick<TrackerStore, 'listTrackers' | 'getTracker' | 'createTracker'>;
  tz: string;
  now: () => Date;
  uploadFile?: (file: UploadFile) => Promise<void>;
  /**
   * Where `/avance grafica` puts the PNG: uploaded to the channel in Slack, written to a file in the terminal
   * chat. Returns how to find it ("el canal", a path); throws when it could not.
   */
  saveChart?: (chart: {
    channelId: string;
    filename: string;
    title: string;
    png: Buffer;
    altText: string;
  }) => Promise<string>;
  onError?: (error: unknown) => void;
}

const CODE_BLOCK_MAX = 2800;

const DAY_NAMES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados', 'domingos'];
export const weeklyText = (w: WeeklySettings | undefined): string =>
  w?.enabled ? `los ${DAY_NAMES[w.day - 1] ?? daysText([w.day])} a las ${w.time}` : 'apagado';

/** Refusal for a team channel asking for everyone's progress: it names the channel that may see it. */
export const notCoordination = (where: string | undefined): string =>
  where
    ? `Solo el canal de coordinación (${channelRef(where)}) ve el avance de los demás canales. ` +
      `Para moverla aquí: \`${COMMANDS.avance} coordinacion mover\`.`
    : `Este espacio todavía no tiene canal de coordinación. Créalo en un canal propio con \`${COMMANDS.avance} coordinacion\`.`;

/**
 * The coordination verbs of `/avance` (issue 12): institucion, coordinacion [exportar|mover], semanal.
 * Undefined when the text is another verb (the main `/avance` table handles it).
 */
export async function handleCoordinationVerb(
  request: Request,
  deps: CoordinationDeps,
): Promise<Reply | undefined> {
  const parsed = parseCoordination(request.text);
  if (!parsed) return undefined;
  if (parsed.kind === 'error') return problem(parsed.message);
  const now = deps.now();
  const verb = request.text.trim().split(/\s+/)[0]?.toLowerCase().slice(0, 20) ?? '';
  const actor: CoordinationActor = {
    userId: request.userId,
    source: `${COMMANDS.avance} ${verb}`,
    at: now.toISOString(),
  };
  return run(parsed, { request, deps, now, actor });
}

interface Ctx {
  request: Request;
  deps: CoordinationDeps;
  now: Date;
  actor: CoordinationActor;
}

const liveTracker = async (ctx: Ctx): Promise<Tracker | undefined> => {
  const tracker = await ctx.deps.trackers.getTracker(ctx.request.teamId, ctx.request.channelId);
  return tracker && !tracker.removedAt ? tracker : undefined;
};

async function run(parsed: Exclude<CoordinationRequest, { kind: 'error' }>, ctx: Ctx): Promise<Reply> {
  const { deps, request } = ctx;
  const { coordination } = deps;
  const current = await coordination.coordinationChannel(request.teamId);
  const isHere = current?.channelId === request.channelId;
  switch (parsed.kind) {
    case 'institution-show': {
      const tracker = await liveTracker(ctx);
      const name = tracker && (await coordination.institutionOf(tracker.id));
      return say(
        name
          ? `Este canal es de *${escapeMrkdwn(name)}*. Para cambiarlo: ${COORDINATION_SYNTAX.institucion}.`
          : `Este canal no ha dicho de qué institución es. Usa ${COORDINATION_SYNTAX.institucion}.`,
      );
    }
    case 'institution-set':
    case 'institution-clear': {
      if (isHere) {
        return problem(
          'Este es el canal de coordinación: la institución se indica en el canal de cada equipo, no aquí.',
        );
      }
      let tracker = await liveTracker(ctx);
      if (!tracker && parsed.kind === 'institution-clear') {
        return say('Este canal no tiene institución que quitar.');
      }
      if (!tracker) {
        // A team that names its institution first is starting to track its progress: start it today.
        const guide = defaultGuide(deps.guides);
        if (!guide) return problem('La guía todavía no está cargada; avisa a quien administra el bot.');
        const existing = await deps.trackers.getTracker(request.teamId, request.channelId);
        if (existing?.removedAt) {
          return problem(
            `Este canal dejó de llevar el avance; actívalo de nuevo con \`${COMMANDS.avance}\`.`,
          );
        }
        tracker = await deps.trackers.createTracker(
          {
            teamId: request.teamId,
            channelId: request.channelId,
            guideId: guide.id,
            startDate: localDate(ctx.now, deps.tz),
          },
          ctx.actor,
        );
      }
      const name = parsed.kind === 'institution-set' ? parsed.name : null;
      const { before } = await coordination.setInstitution(tracker, name, ctx.actor);
      if (name === null)
        return say(
          `Listo: este canal ya no dice de qué institución es (era *${escapeMrkdwn(before ?? '')}*).`,
        );
      return say(
        `Este canal es de *${escapeMrkdwn(name)}*${before && before !== name ? ` (antes: ${escapeMrkdwn(before)})` : ''}. ` +
          'Así aparece en la vista de coordinación, el informe semanal y la exportación.',
      );
    }
    case 'coordination':
    case 'coordination-move': {
      if (isHere) {
        if (parsed.kind === 'coordination-move') return say('Este ya es el canal de coordinación.');
        return overview(ctx);
      }
      if (current && parsed.kind === 'coordination') return problem(notCoordination(current.channelId));
      if (await liveTracker(ctx)) {
        return problem(
          'Este canal lleva el avance de un equipo, y un equipo no ve el de los demás. ' +
            `La coordinación va en un canal propio: escribe \`${COMMANDS.avance} coordinacion\` allí.`,
        );
      }
      const { previous } = await coordination.setCoordinationChannel(
        request.teamId,
        request.channelId,
        ctx.actor,
      );
      let weeklyNote = `Para recibir el informe semanal aquí: ${COORDINATION_SYNTAX.semanal}.`;
      if (previous) {
        const old = await coordination.weekly(request.teamId, previous.channelId);
        // The old channel is no longer coordination: its weekly report would have nothing to tell.
        if (old?.enabled) {
          await coordination.setWeekly(
            request.teamId,
            previous.channelId,
            { ...old, enabled: false },
            ctx.actor,
          );
          await coordination.setWeekly(request.teamId, request.channelId, old, ctx.actor);
          weeklyNote = `El informe semanal (${weeklyText(old)}) se publica ahora aquí.`;
        }
      }
      const moved = previous
        ? `La coordinación pasó de ${channelRef(previous.channelId)} a este canal (la había puesto ${mention(previous.setBy)}).`
        : 'Este es ahora el canal de coordinación del espacio.';
      const intro = `${moved} Aquí se ve el avance de todos los canales. ${weeklyNote}`;
      const view = await overview(ctx);
      return {
        ...view,
        text: intro,
        blocks: [section(`:white_check_mark: ${intro}`), ...view.blocks].slice(0, 50),
      };
    }
    case 'chart': {
      if (!deps.saveChart) return problem('La gráfica no está disponible aquí.');
      const chart = await channelChart(deps, request.teamId, request.channelId, ctx.now, deps.tz);
      if (!chart.ok)
        return problem(`Este canal todavía no lleva el avance. Empieza con \`${COMMANDS.avance}\`.`);
      try {
        const where = await deps.saveChart({
          channelId: request.channelId,
          filename: chart.filename,
          title: chart.title,
          png: chart.image.png,
          altText: chart.image.altText,
        });
        const kb = Math.ceil(chart.image.png.length / 1024);
        return say(
          `Gráfica lista (${chart.image.width}×${chart.image.height} px, ${kb} KB): ${where}.\n_${escapeMrkdwn(chart.image.altText)}_`,
        );
      } catch (error) {
        deps.onError?.(error);
        return problem('No pude guardar la gráfica; inténtalo de nuevo en un momento.');
      }
    }
    case 'coordination-export':
      if (!isHere) return problem(notCoordination(current?.channelId));
      return exportAll(ctx);
    case 'weekly-show':
    case 'weekly-off':
    case 'weekly': {
      if (!isHere && !(await liveTracker(ctx))) {
        return problem(
          'El informe semanal es para el canal de coordinación o para el canal de un equipo que lleva el avance ' +
            `(empieza con \`${COMMANDS.avance}\`).`,
        );
      }
      const before = await coordination.weekly(request.teamId, request.channelId);
      if (parsed.kind === 'weekly-show') {
        return say(
          `Informe semanal de este canal: ${weeklyText(before)}. Para cambiarlo: ${COORDINATION_SYNTAX.semanal}.`,
        );
      }
      const settings: WeeklySettings =
        parsed.kind === 'weekly-off'
          ? { ...(before ?? DEFAULT_WEEKLY), enabled: false }
          : { enabled: true, day: parsed.day, time: parsed.time };
      await coordination.setWeekly(request.teamId, request.channelId, settings, ctx.actor);
      if (!settings.enabled) return say('Informe semanal de este canal: apagado.');
      const what = isHere
        ? 'el avance de todas las instituciones con su gráfica por fase'
        : 'lo que avanzó el equipo, lo vencido y su gráfica de pasos completados contra los plazos';
      const soon = dueWeeklySlot(settings, ctx.now, deps.tz) ? ' El primero sale en unos minutos.' : '';
      return say(
        `Informe semanal de este canal: ${weeklyText(settings)} (${deps.tz}), con ${what}. ` +
          `Si ese día es de descanso oficial o fin de semana, sale el siguiente día hábil.${soon}`,
      );
    }
  }
}

/** The overview's first page (the «Ver más» button asks for the next ones). */
const overview = (ctx: Ctx): Promise<Reply> => overviewPage(ctx.deps, ctx.request.teamId, 1);

export async function overviewPage(deps: CoordinationDeps, teamId: string, page: number): Promise<Reply> {
  const today = localDate(deps.now(), deps.tz);
  const views = await workspaceViews(deps, teamId);
  const { text, blocks } = coordinationBlocks(coordinationOverview(views, today), page, deps.tz);
  return { text, blocks, visibility: 'ephemeral' };
}

async function exportAll(ctx: Ctx): Promise<Reply> {
  const { deps, request } = ctx;
  const today = localDate(ctx.now, deps.tz);
  const { rows } = coordinationOverview(await workspaceViews(deps, request.teamId), today);
  const csv = coordinationCsv(rows, today, deps.tz);
  const steps = rows.reduce((n, r) => n + r.total, 0);
  const filename = `coordinacion-${today}.csv`;
  const what = `${rows.length} ${rows.length === 1 ? 'canal' : 'canales'}, ${steps} pasos`;
  if (deps.uploadFile) {
    try {
      await deps.uploadFile({
        teamId: request.teamId,
        channelId: request.channelId,
        filename,
        title: `Avance de todas las instituciones · ${today}`,
        content: csv,
        comment: `Avance de todas las instituciones exportado por ${mention(request.userId)} (${what}).`,
      });
      return say(`Subí \`${filename}\` al canal (${what}).`);
    } catch (error) {
      deps.onError?.(error);
    }
  }
  const body = escapeMrkdwn(csv.replace(/\r\n/g, '\n'));
  const cutNote =
    body.length > CODE_BLOCK_MAX
      ? ' Solo caben las primeras filas: el archivo completo se sube con la app en Slack.'
      : '';
  const intro = deps.uploadFile ? 'No pude subir el archivo; aquí está el CSV' : 'Aquí está el CSV';
  return say(`CSV de coordinación (${what})`, [
    section(`${intro} (\`${filename}\`, ${what}).${cutNote}`),
    section(`\`\`\`${cut(body, CODE_BLOCK_MAX)}\`\`\``),
  ]);
}
