import { defaultGuide, findGuide } from '../content/guides.ts';
import type { Guide } from '../content/model.ts';
import type { CoordinationStore, ProgressPorts } from '../ports/index.ts';
import { localDate } from '../progress/calendar.ts';
import { type ButtonValue, dailyText } from '../render/avance.ts';
import { ACTIONS, COMMANDS } from '../render/ids.ts';
import { section } from '../render/limits.ts';
import { type Ctx, changeStatus, problem, say, setActivities, stepCard, stepIn } from './avance-ops.ts';
import { matchAvance } from './avance-verbs.ts';
import { type CoordinationDeps, handleCoordinationVerb } from './coordination-command.ts';
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
  /**
   * Whether the bot can post in the channel (Slack: conversations.info); `/avance diario` asks before
   * promising a daily post. Absent (the terminal): always.
   */
  channelAccess?: (channelId: string) => Promise<'ok' | 'not_in_channel' | 'unknown'>;
  /** Uploads a file to the channel (files.uploadV2 in Slack); absent or failing → the CSV goes in a code block. */
  uploadFile?: (file: UploadFile) => Promise<void>;
  onError?: (error: unknown) => void;
  /** The coordination verbs (institucion, coordinacion, semanal: see coordination-command.ts). */
  coordination?: CoordinationStore;
  /** `/avance grafica`: uploads the PNG in Slack, writes it to a file in the terminal chat. */
  saveChart?: CoordinationDeps['saveChart'];
}

const STALE_BUTTON = 'Ese botón ya no es válido. Escribe `/avance` para ver el avance actual.';

/** `/avance …` for Slack and the terminal: parse, validate everything, then change the store once. */
export function createAvanceCommand(deps: AvanceDeps): CommandHandler {
  return (request) => handleAvance(request, deps);
}

export async function handleAvance(request: Request, deps: AvanceDeps): Promise<Reply> {
  if (deps.coordination) {
    const reply = await handleCoordinationVerb(request, { ...deps, coordination: deps.coordination });
    if (reply) return reply;
  }
  const { verb, request: parsed } = matchAvance(request.text);
  if (!verb) return problem(parsed.message);
  const tracker = await deps.trackers.getTracker(request.teamId, request.channelId);
  const guide = (tracker && findGuide(deps.guides, tracker.guideId)) ?? defaultGuide(deps.guides);
  if (!guide) return problem('La guía todavía no está cargada; avisa a quien administra el bot.');
  const now = deps.now();
  const word = request.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const ctx: Ctx = {
    deps,
    request,
    tracker,
    guide,
    now,
    today: localDate(now, deps.tz),
    actor: {
      userId: request.userId,
      source: `${COMMANDS.avance}${word ? ` ${word.slice(0, 20)}` : ''}`,
      at: now.toISOString(),
    },
  };
  return verb.run(parsed, ctx);
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

const ACTIVITY_BUTTONS: ReadonlyArray<[prefix: string, done: boolean | 'stale']> = [
  [`${ACTIONS.avanceCheckActivity}_`, true],
  [`${ACTIONS.avanceUncheckActivity}_`, false],
  [`${ACTIONS.avanceToggleActivity}_`, 'stale'],
];

export const isAvanceAction = (actionId: string): boolean =>
  actionId === ACTIONS.avanceStart ||
  actionId === ACTIONS.avanceComplete ||
  actionId === ACTIONS.avanceMuteReminders ||
  ACTIVITY_BUTTONS.some(([prefix]) => actionId.startsWith(prefix));

/**
 * A click on Iniciar / Completar / Hecho / Desmarcar. Returns the step card as it now is (to replace the
 * message), or a problem reply. Each button says what it does, so a click that would change nothing (a double
 * click, a stale card, a teammate first) changes nothing, logs no event and shows the current state. The
 * tracker must belong to the clicking user's workspace.
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
  if (action.actionId === ACTIONS.avanceStart || action.actionId === ACTIONS.avanceComplete) {
    const verb = action.actionId === ACTIONS.avanceStart ? 'iniciar' : 'completar';
    return changeStatus(ctx, step.id, verb, undefined, { refusalOnCard: true });
  }
  if (action.actionId === ACTIONS.avanceMuteReminders) {
    const key = { trackerId: tracker.id, guideId: guide.id, stepId: step.id, userId: action.userId };
    const muted = await deps.reminders.mute(key, ctx.actor.at);
    return say(
      `${muted ? 'Listo: no' : 'Ya no'} te recordaré el paso ${step.id} de <#${tracker.channelId}>. ` +
        `Si cambias de idea, escribe \`/avance recordatorios ${step.id}\` en ese canal.`,
    );
  }
  const done = ACTIVITY_BUTTONS.find(([prefix]) => action.actionId.startsWith(prefix))?.[1];
  const index = v.a;
  if (index === undefined || !Number.isInteger(index) || index < 0 || index >= step.activities.length) {
    return problem(STALE_BUTTON);
  }
  if (done === undefined || done === 'stale') {
    return stepCard(ctx, tracker, step, 'Esa ficha era de una versión anterior; esta es la actual.');
  }
  return setActivities(ctx, step, [index], done);
}

/**
 * The bot was invited (back) to a channel (`member_joined_channel` for the bot): a tracker the daily post
 * had stopped comes back, and the channel is told so. Undefined when there is nothing to restore.
 */
export async function handleBotJoined(
  deps: AvanceDeps,
  where: { teamId: string; channelId: string },
): Promise<Reply | undefined> {
  const tracker = await deps.trackers.getTracker(where.teamId, where.channelId);
  if (!tracker?.removedAt) return undefined;
  const at = deps.now().toISOString();
  const after = await deps.trackers.updateTracker(tracker.id, { removedAt: null }, 'tracker.restored', {
    userId: 'bot',
    source: 'bot invitado al canal',
    at,
  });
  const daily = after.daily.enabled
    ? ` El resumen diario vuelve a publicarse: ${dailyText(after.daily)}.`
    : '';
  const text = `¡Gracias por invitarme de nuevo! El avance de este canal sigue donde estaba.${daily}`;
  return { text, blocks: [section(text)], visibility: 'public' };
}
