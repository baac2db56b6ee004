import type { KnownBlock } from '@slack/types';
import type { Guide } from '../content/model.ts';
import type { ContextStore } from '../ports/context.ts';
import type { QuestionLog } from '../ports/feedback.ts';
import type { FeedbackRef, ShareRef } from '../render/reply.ts';
import type { Answer as CoreAnswer, Answerer as CoreAnswerer } from '../search/answerer.ts';

/** An answer from the core (data) with its wording, as the bot layer passes it on (decorators may add text). */
export type Answer = CoreAnswer & {
  /** Slack mrkdwn. */
  text: string;
};

export type Answerer = CoreAnswerer;

/** Who asked what, where: the same for a Slack event, a slash command and the terminal. */
export interface Request {
  text: string;
  userId: string;
  teamId: string;
  channelId: string;
  source: 'command' | 'mention' | 'dm' | 'local';
  /** Set when a reply is rebuilt ("Compartir en el canal"): the question was already logged once. */
  replay?: boolean;
  /**
   * The conversation this message belongs to (a DM channel, a thread's thread_ts, the terminal): follow-ups
   * there refer to the last answer. No key: an independent question.
   */
  threadKey?: string;
}

/** What the bot says back, transport-independent. Buttons are added by the transport (see withActions). */
export interface Reply {
  /** Notification / fallback text, always set. */
  text: string;
  /** Content blocks, without buttons. */
  blocks: KnownBlock[];
  visibility: 'ephemeral' | 'public';
  /** Set when the reply can be posted to the channel again ("Compartir en el canal"). */
  share?: ShareRef;
  /** Set when the reply is an answer people can vote on. */
  feedback?: FeedbackRef;
}

export type CommandHandler = (request: Request) => Reply | Promise<Reply>;

export type HomeSection = (userId: string, teamId: string) => KnownBlock[] | Promise<KnownBlock[]>;

export interface BotDeps {
  guides: Guide[];
  answerer: Answerer;
  questions?: QuestionLog;
  /** Where conversations remember their last answer (issue 8); none: every question stands alone. */
  context?: ContextStore;
  /** The clock for context expiry (tests set it). */
  now?: () => Date;
  /** EXTENSION POINT (team progress): the channel's next open step, for "¿qué sigue?". Must not throw. */
  nextOpenStep?: (ctx: {
    teamId: string;
    channelId: string;
  }) => Promise<{ guide: string; id: string } | undefined>;
  /**
   * EXTENSION POINT (team progress): adjust an answer before it is rendered, e.g. add the team's own due
   * date to a `plazo` answer. Must not throw; it is called for every answer (commands, mentions, DMs, terminal).
   */
  decorateAnswer?: (
    answer: Answer,
    ctx: { teamId: string; channelId: string; userId: string },
  ) => Answer | Promise<Answer>;
  /**
   * EXTENSION POINT (team progress): extra Home tab sections, shown after the usage text and before the
   * guide overview. A section that throws is left out (and logged by the caller).
   */
  homeSections?: HomeSection[];
  /**
   * EXTENSION POINT (team progress): more slash commands, keyed by name from render/ids.ts COMMANDS, e.g.
   * `{ [COMMANDS.avance]: createAvanceCommand(...) }`. Slack, the terminal chat and `/guia ayuda` pick them
   * up; the command must also be in manifest.yml.
   */
  extraCommands?: Record<string, CommandHandler>;
}
