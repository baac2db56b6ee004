import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { defaultGuide, findGuide } from '../content/guides.ts';
import type { Guide, Step } from '../content/model.ts';
import type { CoordinationStore, ProgressPorts } from '../ports/index.ts';
import type { Actor, EventKind, StepChange } from '../ports/steps.ts';
import { formatDateEs, type IsoDate, localDate, parseIsoDate, toDate } from '../progress/calendar.ts';
import { progressCsv } from '../progress/csv.ts';
import type { StepState, Tracker } from '../progress/model.ts';
import { applyAction, type StepAction, transition } from '../progress/status.ts';
import { stepLine, summarize } from '../progress/summary.ts';
import {
  AVANCE_HELP,
  type ButtonValue,
  dailyText,
  historyBlocks,
  mention,
  overviewBlocks,
  progressHeadline,
  stepProgressBlocks,
} from '../render/avance.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { ACTIONS, COMMANDS } from '../render/ids.ts';
import { cut, section } from '../render/limits.ts';
import { dailyTimeSet } from '../schedule/daily.ts';
import { type AvanceRequest, parseAvance, SYNTAX } from './avance-parse.ts';
import { type CoordinationDeps, handleCoordinationVerb } from './coordination-command.ts';
import { plainQuestion } from './slack-text.ts';
import type { CommandHandler, Reply, Request } from './types.ts';

export interface UploadFile {
  /** Whose token uploads it (distribution mode has one per workspace). */
  teamId: string;
  channelId: string;
  filename: string;
  title: string;
  content: string;
  comment: string;
}

/** Team progress: the guides, the progress ports (trackers, steps, claims) and the clock. */
export interface AvanceDeps extends ProgressPorts {
  guides: Guide[];
  /** GUIA_TZ. */
  tz: string;
  now: () => Date;
  /** Uploads a file to the channel (files.uploadV2 in Slack); absent or failing → the CSV goes in a code block. */
  uploadFile?: (file: UploadFile) => Promise<void>;
  onError?: (error: unknown) => void;
  /** The coordination verbs (institucion, coordinacion, semanal: see coordination-command.ts). */
  coordination?: CoordinationStore;
  /** `/avance grafica`: uploads the PNG in Slack, writes it to a file in the terminal chat. */
  saveChart?: CoordinationDeps['saveChart'];
}

/** The earliest start date we accept: the policy's guide dates from 2015. */
const MIN_START = '2015-01-01';
const MAX_START_YEARS_AHEAD = 1;
const HISTORY_LIMIT = 20;
const REASON_MAX = 500;
const CODE_BLOCK_MAX = 2800;

const say = (text: string, blocks: KnownBlock[] = [section(text)]): Reply => ({
  text,
  blocks,
  visibility: 'ephemeral',
});

const problem = (text: string): Reply => say(text, [section(`:warning: ${text}`)]);

const NOT_TRACKED = 'Este canal todavía no lleva el avance. Empieza con `/avance`.';
const STALE_BUTTON = 'Ese botón ya no es válido. Escribe `/avance` para ver el avance actual.';

const stepIn = (guide: Guide, stepId: string): Step | undefined => guide.steps.find((s) => s.id === stepId);

/** `/avance …` for Slack and the terminal: parse, validate everything, then change the store once. */
export function createAvanceCommand(deps: AvanceDeps): CommandHandler {
  return (request) => handleAvance(request, deps);
}

interface Ctx {
  deps: AvanceDeps;
  request: Request;
  tracker: Tracker | undefined;
  guide: Guide;
  now: Date;
  today: string;
  actor: Actor;
}

export async function handleAvance(request: Request, deps: AvanceDeps): Promise<Reply> {
  if (deps.coordination) {
    const reply = await handleCoordinationVerb(request, { ...deps, coordination: deps.coordination });
    if (reply) return reply;
  }
  const parsed = parseAvance(request.text);
  if (parsed.kind === 'error') return problem(parsed.message);
  if (parsed.kind === 'help') return say(AVANCE_HELP);
  const tracker = await deps.trackers.getTracker(request.teamId, request.channelId);
  const guide = (tracker && findGuide(deps.guides, tracker.guideId)) ?? defaultGuide(deps.guides);
  if (!guide) return problem('La guía todavía no está cargada; avisa a quien administra el bot.');
  const now = deps.now();
  const verb = request.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const ctx: Ctx = {
    deps,
    request,
    tracker,
    guide,
    now,
    today: localDate(now, deps.tz),
    actor: {
      userId: request.userId,
      source: `${COMMANDS.avance}${verb ? ` ${verb.slice(0, 20)}` : ''}`,
      at: now.toISOString(),
    },
  };
  return run(parsed, ctx);
}

function unknownStep(guide: Guide, stepId: string): Reply {
  const ids = guide.steps.map((s) => s.id);
  return problem(
    `No hay un paso ${escapeMrkdwn(stepId)} en ${escapeMrkdwn(guide.title)}. ` +
      `Los pasos son: ${ids.join(', ')}.`,
  );
}

/** The tracker of the channel, created (start today) or re-activated when needed. */
async function ensureTracker(
  ctx: Ctx,
  init: { guideId?: string; startDate?: string } = {},
): Promise<{
  tracker: Tracker;
  created: boolean;
}> {
  const { trackers } = ctx.deps;
  if (ctx.tracker) {
    if (!ctx.tracker.removedAt) return { tracker: ctx.tracker, created: false };
    const tracker = await trackers.updateTracker(
      ctx.tracker.id,
      { removedAt: null },
      'tracker.restored',
      ctx.actor,
    );
    return { tracker, created: false };
  }
  const tracker = await trackers.createTracker(
    {
      teamId: ctx.request.teamId,
      channelId: ctx.request.channelId,
      guideId: init.guideId ?? ctx.guide.id,
      startDate: init.startDate ?? ctx.today,
    },
    ctx.actor,
  );
  return { tracker, created: true };
}

/** The channel follows these settings: a new tracker starts with them, an existing one logs `kind` on change. */
async function trackerWith(
  ctx: Ctx,
  patch: { guideId?: string; startDate?: IsoDate },
  kind: EventKind,
): Promise<void> {
  const { tracker, created } = await ensureTracker(ctx, patch);
  const differs =
    (patch.guideId !== undefined && patch.guideId !== tracker.guideId) ||
    (patch.startDate !== undefined && patch.startDate !== tracker.startDate);
  if (!created && differs) await ctx.deps.trackers.updateTracker(tracker.id, patch, kind, ctx.actor);
}

const summaryOf = async (ctx: Ctx, tracker: Tracker) =>
  summarize(
    ctx.guide,
    await ctx.deps.steps.stepStates(tracker.id, ctx.guide.id),
    tracker.startDate,
    ctx.today,
  );

/** The step's card; `state` is the one a change just wrote, otherwise it is read from the store. */
async function stepCard(
  ctx: Ctx,
  tracker: Tracker,
  step: Step,
  note?: string,
  state?: StepState,
): Promise<Reply> {
  const current = state ?? (await ctx.deps.steps.stepStates(tracker.id, ctx.guide.id)).get(step.id);
  const line = stepLine(step, current, tracker.startDate, ctx.today);
  const { blocks, text } = stepProgressBlocks(step, line, tracker, ctx.guide.id, note);
  return say(text, blocks);
}

async function run(parsed: Exclude<AvanceRequest, { kind: 'help' | 'error' }>, ctx: Ctx): Promise<Reply> {
  const { trackers, steps, claims } = ctx.deps;
  switch (parsed.kind) {
    case 'overview': {
      const { tracker, created } = await ensureTracker(ctx);
      const summary = await summaryOf(ctx, tracker);
      const institution = await ctx.deps.coordination?.institutionOf(tracker.id);
      return {
        text: `Avance del canal: ${progressHeadline(summary)}`,
        blocks: overviewBlocks(ctx.guide, tracker, summary, created, institution),
        visibility: 'ephemeral',
        share: { command: COMMANDS.avance, text: '' },
      };
    }
    case 'step': {
      const step = stepIn(ctx.guide, parsed.stepId);
      if (!step) return unknownStep(ctx.guide, parsed.stepId);
      return stepCard(ctx, (await ensureTracker(ctx)).tracker, step);
    }
    case 'start-date': {
      const date = parseIsoDate(parsed.date);
      if (!date) {
        return problem(
          `«${escapeMrkdwn(parsed.date.slice(0, 20))}» no es una fecha válida. Usa ${SYNTAX.inicio}.`,
        );
      }
      const iso = date.toISODate() ?? parsed.date;
      if (iso < MIN_START)
        return problem(`La fecha de inicio no puede ser anterior a 2015. Usa ${SYNTAX.inicio}.`);
      // A start years ahead is a typo (2062 for 2026): every due date would be absurd.
      const latest = toDate(ctx.today).plus({ years: MAX_START_YEARS_AHEAD }).toISODate() ?? ctx.today;
      if (iso > latest) {
        return problem(
          `La fecha de inicio no puede ser posterior al ${formatDateEs(latest)} (un año a partir de hoy). ` +
            `Usa ${SYNTAX.inicio}.`,
        );
      }
      await trackerWith(ctx, { startDate: iso }, 'tracker.start_date');
      return say(
        `Fecha de inicio: *${formatDateEs(iso)}*. Los plazos de los pasos se cuentan desde ese día.`,
      );
    }
    case 'status':
      return changeStatus(ctx, parsed.stepId, parsed.action);
    case 'block': {
      const reason = cut(plainQuestion(parsed.reason), REASON_MAX);
      return changeStatus(ctx, parsed.stepId, 'bloquear', reason);
    }
    case 'assign': {
      const step = stepIn(ctx.guide, parsed.stepId);
      if (!step) return unknownStep(ctx.guide, parsed.stepId);
      const { tracker } = await ensureTracker(ctx);
      const result = await steps.changeStep(
        tracker.id,
        ctx.guide.id,
        step.id,
        'step.owner',
        ctx.actor,
        (before) =>
          before.ownerUserId === parsed.userId
            ? { ok: false, message: `${mention(parsed.userId)} ya es responsable del paso ${step.id}.` }
            : { ok: true, next: { ...before, ownerUserId: parsed.userId } },
      );
      if (!result.ok) return problem(result.message);
      const note = `Listo: ${mention(parsed.userId)} es responsable del paso ${step.id}.`;
      return stepCard(ctx, tracker, step, note, result.next);
    }
    case 'history': {
      if (parsed.stepId && !stepIn(ctx.guide, parsed.stepId)) return unknownStep(ctx.guide, parsed.stepId);
      if (!ctx.tracker) return say(NOT_TRACKED);
      const events = await steps.events(ctx.tracker.id, {
        limit: HISTORY_LIMIT,
        ...(parsed.stepId ? { stepId: parsed.stepId } : {}),
      });
      const when = (iso: string) =>
        DateTime.fromISO(iso, { zone: ctx.deps.tz }).setLocale('es').toFormat('d LLL yyyy, HH:mm');
      const blocks = historyBlocks(events, parsed.stepId, when);
      return say(`Historial: ${events.length} ${events.length === 1 ? 'cambio' : 'cambios'}`, blocks);
    }
    case 'export':
      return exportCsv(ctx);
    case 'guide': {
      const target = findGuide(ctx.deps.guides, parsed.guideId);
      if (!target) {
        const ids = ctx.deps.guides.map((g) => `\`${g.id}\``).join(', ');
        return problem(
          `No conozco la guía «${escapeMrkdwn(parsed.guideId.slice(0, 40))}». Las guías son: ${ids}. Uso: ${SYNTAX.guia}.`,
        );
      }
      await trackerWith(ctx, { guideId: target.id }, 'tracker.guide');
      return say(
        `Este canal sigue ahora *${escapeMrkdwn(target.title)}* — \`${target.id}\`. ` +
          'El avance de cada guía se guarda por separado.',
      );
    }
    case 'daily':
    case 'daily-off':
    case 'daily-quiet': {
      const { tracker } = await ensureTracker(ctx);
      const daily =
        parsed.kind === 'daily'
          ? { ...tracker.daily, enabled: true, time: parsed.time, days: parsed.days }
          : parsed.kind === 'daily-off'
            ? { ...tracker.daily, enabled: false }
            : { ...tracker.daily, quiet: parsed.quiet };
      const after = await trackers.updateTracker(tracker.id, { daily }, 'tracker.daily', ctx.actor);
      if (parsed.kind === 'daily') await dailyTimeSet(claims, after, ctx.now, ctx.deps.tz);
      return say(`Resumen diario de este canal: ${dailyText(after.daily)}. (Zona horaria: ${ctx.deps.tz})`);
    }
    case 'daily-show': {
      const daily = ctx.tracker?.daily;
      return say(
        `Resumen diario de este canal: ${daily ? dailyText(daily) : 'apagado'}. Para cambiarlo: ${SYNTAX.diario}.`,
      );
    }
  }
}

const VERB_DONE: Record<StepAction, string> = {
  iniciar: 'iniciado',
  completar: 'completado',
  bloquear: 'bloqueado',
  reabrir: 'reabierto',
};

async function changeStatus(ctx: Ctx, stepId: string, action: StepAction, reason?: string): Promise<Reply> {
  const step = stepIn(ctx.guide, stepId);
  if (!step) return unknownStep(ctx.guide, stepId);
  // A refusal must not create the tracker either: check against the stored (or initial) state first.
  const current = ctx.tracker?.removedAt
    ? undefined
    : ctx.tracker && (await ctx.deps.steps.stepStates(ctx.tracker.id, ctx.guide.id)).get(step.id);
  const pre = transition(current?.status ?? 'pendiente', action);
  if (!pre.ok) return problem(`El paso ${step.id} ${pre.message}`);
  const { tracker } = await ensureTracker(ctx);
  const result = await ctx.deps.steps.changeStep(
    tracker.id,
    ctx.guide.id,
    step.id,
    'step.status',
    ctx.actor,
    (before: StepState): StepChange => {
      const move = transition(before.status, action);
      if (!move.ok) return { ok: false, message: `El paso ${step.id} ${move.message}` };
      return { ok: true, next: applyAction(before, move.to, ctx.actor.at, reason) };
    },
  );
  if (!result.ok) return problem(result.message);
  return stepCard(ctx, tracker, step, `Paso ${step.id} ${VERB_DONE[action]}.`, result.next);
}

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
      return say(`Subí \`${filename}\` al canal (${summary.total} pasos).`);
    } catch (error) {
      ctx.deps.onError?.(error);
    }
  }
  const body = escapeMrkdwn(csv.replace(/\r\n/g, '\n'));
  // Without an uploader (the terminal chat) the code block is the plan, not a fallback.
  const intro = ctx.deps.uploadFile ? 'No pude subir el archivo; aquí está el CSV' : 'Aquí está el CSV';
  return say(`CSV del avance (${summary.total} pasos)`, [
    section(`${intro} (\`${filename}\`):`),
    section(`\`\`\`${cut(body, CODE_BLOCK_MAX)}\`\`\``),
  ]);
}

function parseButton(value: string | undefined): ButtonValue | undefined {
  try {
    const v = JSON.parse(value ?? '') as Partial<ButtonValue>;
    if (typeof v.t === 'number' && typeof v.g === 'string' && typeof v.s === 'string') {
      return { t: v.t, g: v.g, s: v.s, ...(typeof v.a === 'number' ? { a: v.a } : {}) };
    }
  } catch {
    // fall through: an old or forged button
  }
  return undefined;
}

export const isAvanceAction = (actionId: string): boolean =>
  actionId === ACTIONS.avanceStart ||
  actionId === ACTIONS.avanceComplete ||
  actionId.startsWith(`${ACTIONS.avanceToggleActivity}_`);

/**
 * A click on Iniciar / Completar / an activity. Returns the refreshed step card (to replace the message),
 * or a problem reply. The tracker must belong to the clicking user's workspace.
 */
export async function handleAvanceAction(
  deps: AvanceDeps,
  action: { actionId: string; value?: string; userId: string; teamId: string },
): Promise<Reply> {
  const v = parseButton(action.value);
  const tracker = v ? await deps.trackers.getTrackerById(v.t) : undefined;
  const guide = v ? findGuide(deps.guides, v.g) : undefined;
  const step = guide && v ? stepIn(guide, v.s) : undefined;
  if (!v || !tracker || tracker.teamId !== action.teamId || !guide || !step) {
    return problem(STALE_BUTTON);
  }
  const now = deps.now();
  const ctx: Ctx = {
    deps,
    request: {
      text: '',
      userId: action.userId,
      teamId: action.teamId,
      channelId: tracker.channelId,
      source: 'command',
    },
    tracker,
    guide,
    now,
    today: localDate(now, deps.tz),
    actor: { userId: action.userId, source: 'botón', at: now.toISOString() },
  };
  if (action.actionId === ACTIONS.avanceStart) return changeStatus(ctx, step.id, 'iniciar');
  if (action.actionId === ACTIONS.avanceComplete) return changeStatus(ctx, step.id, 'completar');
  const index = v.a;
  if (index === undefined || !Number.isInteger(index) || index < 0 || index >= step.activities.length) {
    return problem(STALE_BUTTON);
  }
  const result = await deps.steps.changeStep(
    tracker.id,
    guide.id,
    step.id,
    'step.activity',
    ctx.actor,
    (before) => {
      const set = new Set(before.checkedActivities);
      if (set.has(index)) set.delete(index);
      else set.add(index);
      return { ok: true, next: { ...before, checkedActivities: [...set].sort((a, b) => a - b) } };
    },
  );
  return stepCard(ctx, tracker, step, undefined, result.ok ? result.next : undefined);
}
