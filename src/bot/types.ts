import type { KnownBlock } from '@slack/types';
import type { Guide, Step } from '../content/model.ts';
import type { QuestionLog } from '../ports/feedback.ts';
import type { FeedbackRef, ShareRef } from '../render/reply.ts';

/**
 * The answering contract (src/search/answerer.ts). Declared here structurally so the bot layer depends on
 * the shape, not on the module.
 */
export interface Answer {
  intent: 'involucrados' | 'plazo' | 'normatividad' | 'actividades' | 'resumen';
  step: Step | null;
  alternatives: Array<{ step: Step; score: number }>;
  confidence: number;
  outcome: 'answered' | 'choose' | 'no_match' | 'empty';
  language: 'es' | 'en';
  /** Slack mrkdwn. */
  text: string;
}

export interface Answerer {
  answer(q: string, opts?: { guide?: string }): Answer;
  search(query: string, limit?: number): Array<{ step: Step; score: number }>;
}

/** Who asked what, where: the same for a Slack event, a slash command and the terminal. */
export interface Request {
  text: string;
  userId: string;
  teamId: string;
  channelId: string;
  source: 'command' | 'mention' | 'dm' | 'local';
  /** Set when a reply is rebuilt ("Compartir en el canal"): the question was already logged once. */
  replay?: boolean;
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
