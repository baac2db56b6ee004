/**
 * Every `/avance` verb, once: the words that select it, how its arguments are read, what it does, its help
 * line and its syntax. The help (`/avance ayuda`), the dispatch and the manifest's usage hint all come from
 * this table, so adding a verb is adding one entry.
 */
import { DateTime } from 'luxon';
import { defaultGuide, guideNamed } from '../content/guides.ts';
import { parseStepId, type StepId } from '../content/step-id.ts';
import { formatDateEs, localDate, parseIsoDate, toDate } from '../progress/calendar.ts';
import { progressCsv } from '../progress/csv.ts';
import type { DailySettings, Tracker } from '../progress/model.ts';
import {
  DEFAULT_LEAD_DAYS,
  DEFAULT_REMINDER_TIME,
  MAX_LEAD_DAYS,
  type ReminderSettings,
} from '../progress/reminders.ts';
import type { StepAction } from '../progress/status.ts';
import { SOON_DAYS } from '../progress/summary.ts';
import {
  count,
  dailyText,
  editionName,
  historyBlocks,
  mention,
  overviewBlocks,
  partialEditionText,
  progressHeadline,
} from '../render/avance.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { COMMANDS } from '../render/ids.ts';
import { cut, section } from '../render/limits.ts';
import { dailyTimeSet } from '../schedule/daily.ts';
import {
  type Ctx,
  changeStatus,
  ensureTracker,
  NOT_TRACKED,
  problem,
  say,
  setActivities,
  stepCard,
  stepIn,
  summaryOf,
  trackerWith,
  unknownStep,
} from './avance-ops.ts';
import {
  commaHint,
  type DailyRequest,
  echo,
  err,
  type ParseError,
  parseDaily,
  typedReason,
} from './avance-parse.ts';
import type { Reply } from './types.ts';

const A = COMMANDS.avance;
/** Syntaxes a verb's run repeats in its refusals. */
const INICIO = `\`${A} inicio AAAA-MM-DD\``;
const GUIA = `\`${A} guia 2017\``;

export interface AvanceVerb<R extends { kind: string }> {
  /** The words that select the verb (lower case); the first is the one the help shows. */
  names: readonly string[];
  /** For verbs selected by something other than a word: nothing at all, or a step number. */
  matches?: (first: string, rest: readonly string[]) => boolean;
  /** How to write it, shown by the help and by every error of this verb. */
  syntax: string;
  /** What it does, after the syntax on its help line. */
  help: string;
  /** An example for the manifest's usage hint (without `/avance`); only the most useful verbs have one. */
  hint?: string;
  /** Pure: the words after the verb → the request, or a Spanish message with the syntax. */
  parse(args: readonly string[], syntax: string, verb: string): R | ParseError;
  run(request: R, ctx: Ctx): Reply | Promise<Reply>;
}

/** Keeps each entry's parse and run types tied together while the table holds them all. */
// biome-ignore lint/suspicious/noExplicitAny: the table erases each entry's request type; verb() checks it.
export type AnyVerb = AvanceVerb<any>;
const verb = <R extends { kind: string }>(v: AvanceVerb<R>): AnyVerb => v;

/** `1.2` after a verb that takes exactly one step. */
function oneStep(args: readonly string[], message: string): StepId | ParseError {
  const stepId = parseStepId(args[0]);
  if (!stepId || args.length > 1) return err(`${message}${commaHint(args[0])}`);
  return stepId;
}

const isError = (v: unknown): v is ParseError =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'error';

/** The earliest start date we accept: the policy's guide dates from 2015. */
const MIN_START = '2015-01-01';
const MAX_START_YEARS_AHEAD = 1;
const HISTORY_LIMIT = 20;
const REASON_MAX = 500;
const CODE_BLOCK_MAX = 2800;

const statusVerb = (action: Exclude<StepAction, 'bloquear'>, help: string, hint?: string) =>
  verb({
    names: [action],
    syntax: `\`${A} ${action} 1.2\``,
    help,
    ...(hint ? { hint } : {}),
    parse(args, syntax) {
      const stepId = oneStep(args, `Indica el número de paso: ${syntax}.`);
      return isError(stepId) ? stepId : { kind: 'status' as const, action, stepId };
    },
    run: (r, ctx) => changeStatus(ctx, r.stepId, r.action),
  });

/** `hecho 1.2 3`, `desmarcar 1.2 1 3` (or `1,3`): activities by the number the card shows, from 1. */
const activityVerb = (name: string, done: boolean, help: string, hint?: string) =>
  verb({
    names: [name],
    syntax: `\`${A} ${name} 1.2 3\``,
    help,
    ...(hint ? { hint } : {}),
    parse(args, syntax) {
      const stepId = parseStepId(args[0]);
      const numbers = args.slice(1).join(',').split(/,+/).filter(Boolean);
      if (!stepId || numbers.length === 0 || !numbers.every((n) => /^\d{1,3}$/.test(n))) {
        return err(`Indica el paso y el número de la actividad: ${syntax}.${commaHint(args[0])}`);
      }
      return { kind: 'activity' as const, stepId, numbers: [...new Set(numbers.map(Number))], done };
    },
    run(r, ctx) {
      const step = stepIn(ctx.guide, r.stepId);
      if (!step) return unknownStep(ctx.guide, r.stepId);
      const count = step.activities.length;
      const wrong = r.numbers.find((n) => n < 1 || n > count);
      if (wrong !== undefined) {
        return problem(
          count === 0
            ? `El paso ${step.id} no tiene actividades que marcar.`
            : `El paso ${step.id} tiene ${count} ${count === 1 ? 'actividad' : 'actividades'}; ` +
                `usa un número del 1 al ${count}: \`${A} ${name} ${step.id} 1\`.`,
        );
      }
      return setActivities(
        ctx,
        step,
        r.numbers.map((n) => n - 1),
        r.done,
      );
    },
  });

const sameDaily = (a: DailySettings, b: DailySettings): boolean =>
  a.enabled === b.enabled && a.time === b.time && a.quiet === b.quiet && a.days.join() === b.days.join();

export const AVANCE_VERBS: readonly AnyVerb[] = [
  verb({
    names: [],
    matches: (first) => first === '',
    syntax: `\`${A}\``,
    help: `resumen: porcentaje, fases, vencidos, próximos ${SOON_DAYS} días, responsables`,
    parse: () => ({ kind: 'overview' as const }),
    async run(_r, ctx) {
      const stopped = await stoppedDaily(ctx);
      const { tracker, created } = await ensureTracker(ctx);
      const summary = await summaryOf(ctx, tracker);
      const institution = await ctx.deps.coordination?.institutionOf(tracker.id);
      const blocks = overviewBlocks(
        ctx.guide,
        tracker,
        summary,
        created,
        defaultGuide(ctx.deps.guides),
        institution,
      );
      if (stopped) blocks.splice(1, 0, section(`:warning: ${stopped}`));
      return {
        text: `Avance del canal: ${progressHeadline(summary)}`,
        blocks,
        visibility: 'ephemeral',
        share: { command: A, text: '' },
      };
    },
  }),
  verb({
    names: [],
    matches: (first, rest) => rest.length === 0 && parseStepId(first) !== undefined,
    syntax: `\`${A} 1.2\``,
    help: 'ficha del paso con sus actividades',
    parse: (_args, _syntax, first) => ({ kind: 'step' as const, stepId: parseStepId(first) as StepId }),
    async run(r, ctx) {
      const step = stepIn(ctx.guide, r.stepId);
      if (!step) return unknownStep(ctx.guide, r.stepId);
      return stepCard(ctx, (await ensureTracker(ctx)).tracker, step);
    },
  }),
  verb({
    names: ['inicio'],
    syntax: INICIO,
    help: 'fecha de inicio (de ella salen los plazos)',
    hint: 'inicio AAAA-MM-DD',
    parse(args, syntax) {
      const [date] = args;
      if (!date || args.length > 1) {
        return err(`Indica la fecha de inicio: ${syntax} (por ejemplo \`${A} inicio 2026-01-15\`).`);
      }
      return { kind: 'start-date' as const, date };
    },
    async run(r, ctx) {
      const syntax = INICIO;
      const date = parseIsoDate(r.date);
      if (!date) {
        return problem(`«${escapeMrkdwn(r.date.slice(0, 20))}» no es una fecha válida. Usa ${syntax}.`);
      }
      const iso = date.toISODate() ?? r.date;
      if (iso < MIN_START) return problem(`La fecha de inicio no puede ser anterior a 2015. Usa ${syntax}.`);
      // A start years ahead is a typo (2062 for 2026): every due date would be absurd.
      const latest = toDate(ctx.today).plus({ years: MAX_START_YEARS_AHEAD }).toISODate() ?? ctx.today;
      if (iso > latest) {
        return problem(
          `La fecha de inicio no puede ser posterior al ${formatDateEs(latest)} (un año a partir de hoy). ` +
            `Usa ${syntax}.`,
        );
      }
      await trackerWith(ctx, { startDate: iso }, 'tracker.start_date');
      return say(
        `Fecha de inicio: *${formatDateEs(iso)}*. Los plazos de los pasos se cuentan desde ese día.`,
      );
    },
  }),
  statusVerb('iniciar', 'marca el paso en curso (también lo desbloquea)', 'iniciar 2.1'),
  statusVerb('completar', 'marca el paso completado', 'completar 2.1'),
  statusVerb('reabrir', 'vuelve a abrir un paso completado'),
  activityVerb(
    'hecho',
    true,
    'marca actividades del paso como hechas (el número es el de la ficha)',
    'hecho 2.1 3',
  ),
  activityVerb('desmarcar', false, 'quita la marca de actividades del paso'),
  verb({
    names: ['bloquear'],
    syntax: `\`${A} bloquear 1.2 motivo del bloqueo\``,
    help: 'marca el paso bloqueado y dice por qué',
    parse(args, syntax) {
      const stepId = parseStepId(args[0]);
      const reason = args.slice(1).join(' ').trim();
      if (!stepId || !reason) return err(`Indica el paso y el motivo: ${syntax}.${commaHint(args[0])}`);
      return { kind: 'block' as const, stepId, reason };
    },
    run: (r, ctx) => changeStatus(ctx, r.stepId, 'bloquear', cut(typedReason(r.reason), REASON_MAX)),
  }),
  verb({
    names: ['asignar'],
    syntax: `\`${A} asignar 1.2 @persona\``,
    help: 'nombra a la persona responsable del paso',
    hint: 'asignar 2.1 @persona',
    parse(args, syntax) {
      const stepId = parseStepId(args[0]);
      if (!stepId) {
        return err(`Indica el paso y menciona a la persona con @: ${syntax}.${commaHint(args[0])}`);
      }
      const target = args.slice(1).join(' ').trim();
      if ((target.match(/<@[UW][A-Z0-9]+/g) ?? []).length > 1) {
        return err(`Un paso tiene una sola persona responsable; menciona a una: ${syntax}.`);
      }
      const who = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(target);
      if (!who?.[1]) return err(`Menciona a la persona con @ para asignarle el paso: ${syntax}.`);
      return { kind: 'assign' as const, stepId, userId: who[1] };
    },
    async run(r, ctx) {
      const step = stepIn(ctx.guide, r.stepId);
      if (!step) return unknownStep(ctx.guide, r.stepId);
      const { tracker } = await ensureTracker(ctx);
      const isYou = r.userId === ctx.request.userId;
      const result = await ctx.deps.steps.changeStep(
        tracker.id,
        ctx.guide.id,
        step.id,
        'step.owner',
        ctx.actor,
        (before) =>
          before.ownerUserId === r.userId
            ? {
                ok: false,
                message: `${isYou ? 'Ya eres' : `${mention(r.userId)} ya es`} responsable del paso ${step.id}.`,
              }
            : { ok: true, next: { ...before, ownerUserId: r.userId } },
      );
      if (!result.ok) return problem(result.message);
      const note = `Listo: ${isYou ? 'ahora eres' : `${mention(r.userId)} es`} responsable del paso ${step.id}.`;
      return stepCard(ctx, tracker, step, note, result.next);
    },
  }),
  verb({
    names: ['historial'],
    syntax: `\`${A} historial\` o \`${A} historial 1.2\``,
    help: 'quién cambió qué y cuándo (los 20 cambios más recientes)',
    parse(args, syntax) {
      if (args.length === 0) return { kind: 'history' as const };
      const stepId = args.length === 1 ? parseStepId(args[0]) : undefined;
      return stepId ? { kind: 'history' as const, stepId } : err(`Uso: ${syntax}.`);
    },
    async run(r, ctx) {
      if (r.stepId && !stepIn(ctx.guide, r.stepId)) return unknownStep(ctx.guide, r.stepId);
      if (!ctx.tracker) return say(NOT_TRACKED);
      const events = await ctx.deps.steps.events(ctx.tracker.id, {
        limit: HISTORY_LIMIT,
        ...(r.stepId ? { stepId: r.stepId } : {}),
      });
      const when = (iso: string) =>
        DateTime.fromISO(iso, { zone: ctx.deps.tz }).setLocale('es').toFormat('d LLL yyyy, HH:mm');
      const blocks = historyBlocks(events, r.stepId, when, ctx.request.userId);
      return say(`Historial: ${events.length} ${events.length === 1 ? 'cambio' : 'cambios'}`, blocks);
    },
  }),
  verb({
    names: ['exportar', 'csv'],
    syntax: `\`${A} exportar\``,
    help: 'el avance en un archivo CSV',
    parse: () => ({ kind: 'export' as const }),
    run: (_r, ctx) => exportCsv(ctx),
  }),
  verb({
    names: ['guia', 'guía'],
    syntax: GUIA,
    help: 'cambia la edición de la guía que se sigue (por año o por nombre, como en `/guia lista 2015`)',
    parse(args, syntax) {
      const name = args.join(' ').trim();
      if (!name) return err(`Indica la guía: ${syntax}.`);
      return { kind: 'guide' as const, name };
    },
    async run(r, ctx) {
      const target = guideNamed(ctx.deps.guides, r.name);
      if (!target) {
        const ids = ctx.deps.guides.map((g) => `\`${editionName(g)}\``).join(', ');
        return problem(
          `No conozco la guía «${escapeMrkdwn(r.name.slice(0, 40))}». Las guías son: ${ids}. Uso: ${GUIA}.`,
        );
      }
      await trackerWith(ctx, { guideId: target.id }, 'tracker.guide');
      const partial = partialEditionText(target, defaultGuide(ctx.deps.guides));
      return say(
        `Este canal sigue ahora *${escapeMrkdwn(target.title)}* — \`${target.id}\`. ` +
          'El avance de cada guía se guarda por separado.' +
          (partial ? `\n${partial}` : ''),
      );
    },
  }),
  verb<DailyRequest>({
    names: ['diario'],
    syntax: `\`${A} diario 09:00 lun-vie\`, \`${A} diario off\` o \`${A} diario sin-cambios linea|nada\``,
    help: 'resumen diario en el canal a esa hora; `off` lo apaga; `sin-cambios nada` calla los días sin novedades',
    hint: 'diario 09:00',
    parse: (args, syntax) => parseDaily([...args], syntax),
    async run(r, ctx) {
      const { trackers, claims } = ctx.deps;
      if (r.kind === 'daily-show') {
        const daily = ctx.tracker?.daily;
        return say(
          `Resumen diario de este canal: ${daily ? dailyText(daily) : 'apagado'}. ` +
            `Para cambiarlo: \`${A} diario 09:00 lun-vie\` o \`${A} diario off\`.`,
        );
      }
      // A daily post the bot cannot make would switch itself off on its first day: say so now instead.
      if (
        r.kind === 'daily' &&
        (await ctx.deps.channelAccess?.(ctx.request.channelId)) === 'not_in_channel'
      ) {
        return problem(
          'No puedo publicar en este canal: el bot no es miembro. Invítalo con `/invite @guia` ' +
            `(o desde los detalles del canal → Integraciones) y vuelve a escribir \`${A} diario ${r.time}\`.`,
        );
      }
      const { tracker } = await ensureTracker(ctx);
      const daily =
        r.kind === 'daily'
          ? { ...tracker.daily, enabled: true, time: r.time, days: r.days }
          : r.kind === 'daily-off'
            ? { ...tracker.daily, enabled: false }
            : { ...tracker.daily, quiet: r.quiet };
      // The same setting again is not a change: no event in the history, no write at all.
      if (sameDaily(daily, tracker.daily)) {
        return say(`Resumen diario de este canal: ${dailyText(tracker.daily)} (sin cambios).`);
      }
      const after = await trackers.updateTracker(tracker.id, { daily }, 'tracker.daily', ctx.actor);
      if (r.kind === 'daily') await dailyTimeSet(claims, after, ctx.now, ctx.deps.tz);
      return say(`Resumen diario de este canal: ${dailyText(after.daily)}. (Zona horaria: ${ctx.deps.tz})`);
    },
  }),
  verb({
    names: ['recordatorios'],
    syntax: `\`${A} recordatorios 3\`, \`${A} recordatorios off\` o \`${A} recordatorios 1.2\``,
    help:
      'mensaje directo a cada responsable N días hábiles antes del plazo, el día del plazo y el primer día ' +
      'hábil vencido; `off` los apaga; con un paso, vuelves a recibir los de ese paso',
    hint: 'recordatorios 3',
    parse(args, syntax) {
      const [first, ...more] = args;
      if (!first) return { kind: 'reminders-show' as const };
      const word = first.toLowerCase();
      const wrong = err(
        `Indica cuántos días hábiles antes avisar (de 0 a ${MAX_LEAD_DAYS}), \`off\` o un paso: ${syntax}.`,
      );
      if (more.length > 0) return wrong;
      if (['off', 'apagar', 'no'].includes(word)) return { kind: 'reminders-off' as const };
      if (['on', 'encender', 'si', 'sí'].includes(word)) return { kind: 'reminders-on' as const };
      const stepId = parseStepId(first);
      if (stepId) return { kind: 'reminders-unmute' as const, stepId };
      if (/^\d{1,2}$/.test(first) && Number(first) <= MAX_LEAD_DAYS) {
        return { kind: 'reminders-days' as const, leadDays: Number(first) };
      }
      return wrong;
    },
    async run(r, ctx) {
      const { reminders } = ctx.deps;
      if (r.kind === 'reminders-show') {
        const settings = ctx.tracker ? await reminders.getSettings(ctx.tracker.id) : undefined;
        return say(`Recordatorios de este canal: ${remindersText(settings, ctx.tracker)}.`);
      }
      const { tracker } = await ensureTracker(ctx);
      if (r.kind === 'reminders-unmute') {
        const step = stepIn(ctx.guide, r.stepId);
        if (!step) return unknownStep(ctx.guide, r.stepId);
        const key = {
          trackerId: tracker.id,
          guideId: ctx.guide.id,
          stepId: step.id,
          userId: ctx.request.userId,
        };
        const was = await reminders.unmute(key);
        return say(
          was
            ? `Listo: volverás a recibir los recordatorios del paso ${step.id}.`
            : `Los recordatorios del paso ${step.id} ya te llegan (si eres responsable).`,
        );
      }
      const before = await reminders.getSettings(tracker.id);
      const settings =
        r.kind === 'reminders-off'
          ? { ...before, enabled: false }
          : r.kind === 'reminders-on'
            ? { ...before, enabled: true }
            : { enabled: true, leadDays: r.leadDays };
      await reminders.setSettings(tracker.id, settings, ctx.request.userId, ctx.actor.at);
      return say(`Recordatorios de este canal: ${remindersText(settings, tracker)}.`);
    },
  }),
  verb({
    names: ['ayuda', 'help', '?'],
    syntax: `\`${A} ayuda\``,
    help: 'esta ayuda',
    hint: 'ayuda',
    parse: () => ({ kind: 'help' as const }),
    run: () => say(avanceHelp()),
  }),
];

/** The words of `/avance <text>` → the verb and its request, or a Spanish message. Pure. */
export function matchAvance(
  text: string,
): { verb: AnyVerb; request: { kind: string } } | { verb?: undefined; request: ParseError } {
  const [rawVerb = '', ...rest] = text.trim().split(/\s+/);
  const word = rawVerb.toLowerCase();
  const found =
    AVANCE_VERBS.find((v) => v.matches?.(word, rest)) ?? AVANCE_VERBS.find((v) => v.names.includes(word));
  if (!found) {
    return {
      request: err(
        `No conozco \`${echo(word)}\`.${commaHint(word)} Escribe \`${A} ayuda\` para ver las opciones.`,
      ),
    };
  }
  const request = found.parse(rest, found.syntax, word);
  return isError(request) ? { request } : { verb: found, request };
}

/** The request only (for tests and the manifest check). */
export const parseAvance = (text: string): { kind: string } => matchAvance(text).request;

/** `/avance ayuda`: one line per verb, from the table. */
export function avanceHelp(): string {
  return [
    `*\`${A}\`* — avance del equipo en este canal`,
    ...AVANCE_VERBS.map((v) => `• ${v.syntax} — ${v.help}`),
    // The coordination verbs are answered by coordination-command.ts before this table (to fold in).
    `• \`${A} institucion Secretaría de Economía\` — de qué institución es este canal`,
    `• \`${A} semanal lun 09:00\` · \`semanal off\` — informe semanal con gráfica`,
    `• \`${A} coordinacion\` (en un canal propio) — el avance de todas las instituciones · \`coordinacion exportar\``,
  ].join('\n');
}

/** The manifest's `usage_hint` for `/avance`; test/slack/manifest.test.ts checks manifest.yml says this. */
export const avanceUsageHint = (): string =>
  `[${AVANCE_VERBS.flatMap((v) => (v.hint ? [v.hint] : [])).join(' | ')}]`;

async function exportCsv(ctx: Ctx): Promise<Reply> {
  if (!ctx.tracker) return say(NOT_TRACKED);
  const summary = await summaryOf(ctx, ctx.tracker);
  const csv = progressCsv(summary, ctx.deps.tz);
  const filename = `avance-${ctx.guide.id}-${ctx.today}.csv`;
  const institution = await ctx.deps.coordination?.institutionOf(ctx.tracker.id);
  if (ctx.deps.uploadFile) {
    try {
      await ctx.deps.uploadFile({
        teamId: ctx.request.teamId,
        channelId: ctx.request.channelId,
        filename,
        title: `Avance · ${institution ? `${institution} · ` : ''}${ctx.guide.title} · ${ctx.today}`,
        content: csv,
        comment: `Avance exportado por ${mention(ctx.request.userId)}: ${progressHeadline(summary)}`,
      });
      return say(`Subí \`${filename}\` al canal (${count(summary.total, 'paso', 'pasos')}).`);
    } catch (error) {
      ctx.deps.onError?.(error);
    }
  }
  const body = escapeMrkdwn(csv.replace(/\r\n/g, '\n'));
  // Without an uploader (the terminal chat) the code block is the plan, not a fallback.
  const intro = ctx.deps.uploadFile ? 'No pude subir el archivo; aquí está el CSV' : 'Aquí está el CSV';
  return say(`CSV del avance (${count(summary.total, 'paso', 'pasos')})`, [
    section(`${intro} (\`${filename}\`):`),
    section(`\`\`\`${cut(body, CODE_BLOCK_MAX)}\`\`\``),
  ]);
}

/** "encendidos: mensaje directo a cada responsable 3 días hábiles antes del plazo, …, a las 09:00". */
function remindersText(settings: ReminderSettings | undefined, tracker: Tracker | undefined): string {
  const s = settings ?? { enabled: true, leadDays: DEFAULT_LEAD_DAYS };
  if (!s.enabled) return `apagados. Para encenderlos: \`${A} recordatorios ${DEFAULT_LEAD_DAYS}\``;
  const time = tracker?.daily.enabled
    ? `${tracker.daily.time} (la hora del resumen diario)`
    : DEFAULT_REMINDER_TIME;
  const before =
    s.leadDays > 0
      ? `${s.leadDays} ${s.leadDays === 1 ? 'día hábil' : 'días hábiles'} antes del plazo, `
      : '';
  return (
    `encendidos: mensaje directo a cada responsable ${before}el día del plazo y el primer día hábil ` +
    `vencido, a las ${time}, nunca en días inhábiles. Para apagarlos: \`${A} recordatorios off\``
  );
}

/**
 * When the channel's daily post stopped because Slack refused it for good (the bot was removed), the
 * overview says so and how to fix it, once the tracker is looked at again.
 */
async function stoppedDaily(ctx: Ctx): Promise<string | undefined> {
  const t = ctx.tracker;
  if (!t?.removedAt) return undefined;
  const [removed] = await ctx.deps.steps.events(t.id, { kinds: ['tracker.removed'], limit: 1 });
  const day = formatDateEs(localDate(new Date(t.removedAt), ctx.deps.tz));
  const why = /\(([a-z_]+)\)/.exec(removed?.source ?? '')?.[1];
  return (
    `El resumen diario se detuvo el ${day}: Slack no dejó publicar en este canal` +
    `${why ? ` (${why})` : ''}, normalmente porque el bot ya no es miembro. Invítalo con \`/invite @guia\`: ` +
    'al volver, el resumen sigue solo.'
  );
}
