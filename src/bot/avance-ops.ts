/**
 * What every `/avance` verb and button shares: the request's context (channel tracker, guide, clock, who)
 * and the operations several verbs use (create-or-restore the tracker, a step card, a status change).
 */
import type { KnownBlock } from '@slack/types';
import type { Guide, Step } from '../content/model.ts';
import type { IsoDate } from '../progress/calendar.ts';
import type { StepState } from '../progress/model.ts';
import { applyAction, type StepAction, transition } from '../progress/status.ts';
import type { Actor, EventKind, StepChange, Tracker } from '../progress/store.ts';
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
export function ensureTracker(
  ctx: Ctx,
  init: { guideId?: string; startDate?: string } = {},
): {
  tracker: Tracker;
  created: boolean;
} {
  const { store } = ctx.deps;
  if (ctx.tracker) {
    if (!ctx.tracker.removedAt) return { tracker: ctx.tracker, created: false };
    const tracker = store.updateTracker(ctx.tracker.id, { removedAt: null }, 'tracker.restored', ctx.actor);
    return { tracker, created: false };
  }
  const tracker = store.createTracker(
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
export function trackerWith(
  ctx: Ctx,
  patch: { guideId?: string; startDate?: IsoDate },
  kind: EventKind,
): void {
  const { tracker, created } = ensureTracker(ctx, patch);
  const differs =
    (patch.guideId !== undefined && patch.guideId !== tracker.guideId) ||
    (patch.startDate !== undefined && patch.startDate !== tracker.startDate);
  if (!created && differs) ctx.deps.store.updateTracker(tracker.id, patch, kind, ctx.actor);
}

export const summaryOf = (ctx: Ctx, tracker: Tracker) =>
  summarize(ctx.guide, ctx.deps.store.stepStates(tracker.id, ctx.guide.id), tracker.startDate, ctx.today);

/** The step's card; `state` is the one a change just wrote, otherwise it is read from the store. */
export function stepCard(ctx: Ctx, tracker: Tracker, step: Step, note?: string, state?: StepState): Reply {
  const current = state ?? ctx.deps.store.stepStates(tracker.id, ctx.guide.id).get(step.id);
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

export function changeStatus(ctx: Ctx, stepId: string, action: StepAction, reason?: string): Reply {
  const step = stepIn(ctx.guide, stepId);
  if (!step) return unknownStep(ctx.guide, stepId);
  // A refusal must not create the tracker either: check against the stored (or initial) state first.
  const current = ctx.tracker?.removedAt
    ? undefined
    : ctx.tracker && ctx.deps.store.stepStates(ctx.tracker.id, ctx.guide.id).get(step.id);
  const pre = transition(current?.status ?? 'pendiente', action);
  if (!pre.ok) return problem(`El paso ${step.id} ${pre.message}`);
  const { tracker } = ensureTracker(ctx);
  const result = ctx.deps.store.changeStep(
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
