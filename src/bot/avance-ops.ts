/**
 * What every `/avance` verb and button shares: the request's context (channel tracker, guide, clock, who)
 * and the operations several verbs use (create-or-restore the tracker, a step card, a status change).
 */
import type { KnownBlock } from '@slack/types';
import type { Guide, Step } from '../content/model.ts';
import type { Actor, EventKind, StepChange } from '../ports/steps.ts';
import type { IsoDate } from '../progress/calendar.ts';
import type { StepState, Tracker } from '../progress/model.ts';
import { applyAction, type StepAction, transition } from '../progress/status.ts';
import { stepLine, summarize } from '../progress/summary.ts';
import { stepProgressBlocks } from '../render/avance.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { section } from '../render/limits.ts';
import type { AvanceDeps } from './avance-command.ts';
import type { Reply, Request } from './types.ts';

export interface Ctx {
  deps: AvanceDeps;
  request: Request;
  /** The channel's tracker as stored (possibly removed), or undefined before the first use. */
  tracker: Tracker | undefined;
  guide: Guide;
  now: Date;
  today: IsoDate;
  actor: Actor;
}

export const say = (text: string, blocks: KnownBlock[] = [section(text)]): Reply => ({
  text,
  blocks,
  visibility: 'ephemeral',
});

export const problem = (text: string): Reply => say(text, [section(`:warning: ${text}`)]);

export const NOT_TRACKED = 'Este canal todavía no lleva el avance. Empieza con `/avance`.';

export const stepIn = (guide: Guide, stepId: string): Step | undefined =>
  guide.steps.find((s) => s.id === stepId);

export function unknownStep(guide: Guide, stepId: string): Reply {
  const ids = guide.steps.map((s) => s.id);
  return problem(
    `No hay un paso ${escapeMrkdwn(stepId)} en ${escapeMrkdwn(guide.title)}. ` +
      `Los pasos son: ${ids.join(', ')}.`,
  );
}

/** The tracker of the channel, created (start today) or re-activated when needed. */
export async function ensureTracker(
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
export async function trackerWith(
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

export const summaryOf = async (ctx: Ctx, tracker: Tracker) =>
  summarize(
    ctx.guide,
    await ctx.deps.steps.stepStates(tracker.id, ctx.guide.id),
    tracker.startDate,
    ctx.today,
  );

/** The stored state of a step of the channel's tracker (none before the first use or once removed). */
export const currentState = async (ctx: Ctx, stepId: string): Promise<StepState | undefined> =>
  ctx.tracker && !ctx.tracker.removedAt
    ? (await ctx.deps.steps.stepStates(ctx.tracker.id, ctx.guide.id)).get(stepId)
    : undefined;

/** The step's card; `state` is the one a change just wrote, otherwise it is read from the store. */
export async function stepCard(
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

const VERB_DONE: Record<StepAction, string> = {
  iniciar: 'iniciado',
  completar: 'completado',
  bloquear: 'bloqueado',
  reabrir: 'reabierto',
};

/**
 * `refusalOnCard` (buttons): a move that is not possible any more («Completar» on a step a teammate just
 * completed) answers with the card as it is and the reason on top, instead of replacing the card by a warning.
 */
export async function changeStatus(
  ctx: Ctx,
  stepId: string,
  action: StepAction,
  reason?: string,
  opts: { refusalOnCard?: boolean } = {},
): Promise<Reply> {
  const step = stepIn(ctx.guide, stepId);
  if (!step) return unknownStep(ctx.guide, stepId);
  // A refusal must not create the tracker either: check against the stored (or initial) state first.
  const current = await currentState(ctx, step.id);
  const refuse = (message: string): Promise<Reply> | Reply =>
    opts.refusalOnCard && ctx.tracker
      ? stepCard(ctx, ctx.tracker, step, `El paso ${step.id} ${message}`)
      : problem(`El paso ${step.id} ${message}`);
  const pre = transition(current?.status ?? 'pendiente', action);
  if (!pre.ok) return refuse(pre.message);
  const { tracker } = await ensureTracker(ctx);
  const result = await ctx.deps.steps.changeStep(
    tracker.id,
    ctx.guide.id,
    step.id,
    'step.status',
    ctx.actor,
    (before: StepState): StepChange => {
      const move = transition(before.status, action);
      if (!move.ok) return { ok: false, message: move.message };
      if (before.status === 'bloqueado' && move.to === 'bloqueado' && before.blockedReason === reason) {
        return { ok: false, message: 'ya está bloqueado con ese mismo motivo.' };
      }
      return { ok: true, next: applyAction(before, move.to, ctx.actor.at, reason) };
    },
  );
  if (!result.ok) return refuse(result.message);
  const note =
    current?.status === 'bloqueado' && action === 'bloquear'
      ? `Motivo del bloqueo del paso ${step.id} actualizado.`
      : `Paso ${step.id} ${VERB_DONE[action]}.`;
  return stepCard(ctx, tracker, step, note, result.next);
}

/** "la actividad 3", "las actividades 1 y 3" (numbers as people count them, from 1). */
export function activitiesText(indexes: readonly number[]): string {
  const n = indexes.map((i) => String(i + 1));
  if (n.length === 1) return `la actividad ${n[0]}`;
  return `las actividades ${n.slice(0, -1).join(', ')} y ${n[n.length - 1]}`;
}

/**
 * Marks (`done`) or unmarks activities of a step: `/avance hecho 1.2 3`, «Hecho» and «Desmarcar». Says what
 * it does: marking a marked activity changes nothing and logs no event, so a double click, a stale card or
 * two teammates at once leave one change. Always answers with the step's card as it now is.
 */
export async function setActivities(
  ctx: Ctx,
  step: Step,
  indexes: readonly number[],
  done: boolean,
): Promise<Reply> {
  const current = await currentState(ctx, step.id);
  if (current?.status === 'completado') {
    return problem(
      `El paso ${step.id} está completado; para marcar actividades, reábrelo: \`/avance reabrir ${step.id}\`.`,
    );
  }
  const { tracker } = await ensureTracker(ctx);
  let unchanged: StepState | undefined;
  const result = await ctx.deps.steps.changeStep(
    tracker.id,
    ctx.guide.id,
    step.id,
    'step.activity',
    ctx.actor,
    (before): StepChange => {
      if (before.status === 'completado')
        return { ok: false, message: `El paso ${step.id} está completado.` };
      const set = new Set(before.checkedActivities);
      for (const i of indexes) {
        if (done) set.add(i);
        else set.delete(i);
      }
      const next = [...set].sort((a, b) => a - b);
      if (next.join(',') === before.checkedActivities.join(',')) {
        unchanged = before;
        return { ok: false, message: '' };
      }
      return { ok: true, next: { ...before, checkedActivities: next } };
    },
  );
  const what = activitiesText(indexes);
  if (unchanged) {
    const already = done ? 'marcada' : 'sin marcar';
    const plural = indexes.length > 1 ? `ya estaban ${already.replace(/a$/, 'as')}` : `ya estaba ${already}`;
    const note = `${what.charAt(0).toUpperCase()}${what.slice(1)} del paso ${step.id} ${plural}.`;
    return stepCard(ctx, tracker, step, note, unchanged);
  }
  if (!result.ok) return problem(result.message);
  const note = `${done ? 'Marqué' : 'Desmarqué'} ${what} del paso ${step.id}.`;
  return stepCard(ctx, tracker, step, note, result.next);
}
