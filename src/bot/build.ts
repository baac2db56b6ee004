import type { AnswerContent } from '../content/glossary.ts';
import type { Guide } from '../content/model.ts';
import type { ContextStore } from '../ports/context.ts';
import type { QuestionLog } from '../ports/feedback.ts';
import { COMMANDS } from '../render/ids.ts';
import { createAnswerer } from '../search/answerer.ts';
import { type AvanceDeps, createAvanceCommand } from './avance-command.ts';
import { createAvanceHomeSection, createDeadlineDecorator } from './avance-home.ts';
import { createCommands } from './commands.ts';
import { createCoordinationHomeSection } from './coordination-home.ts';
import { createNextOpenStep } from './next-step.ts';
import type { BotDeps, CommandHandler } from './types.ts';

export interface Bot {
  deps: BotDeps;
  commands: ReadonlyMap<string, CommandHandler>;
}

/**
 * The bot every transport shares (Slack, terminal, tests): the answerer, the command map and, when `avance`
 * is given, team progress (`/avance`, its Home section, the team's due date on `plazo` answers).
 */
export function createBot(
  guides: Guide[],
  opts: {
    questions?: QuestionLog;
    avance?: AvanceDeps;
    /** Where conversations keep their last answer, so follow-ups work (DMs, threads, the terminal). */
    context?: ContextStore;
    /** The glossary and the editors' vocabulary (content/glosario.yml, <guía>/vocabulario.yml). */
    content?: Pick<AnswerContent, 'glossary' | 'vocabulary'>;
    extra?: Partial<BotDeps>;
  } = {},
): Bot {
  const { avance } = opts;
  const deps: BotDeps = {
    guides,
    answerer: createAnswerer(guides, opts.content ?? {}),
    ...(opts.questions ? { questions: opts.questions } : {}),
    ...(opts.context ? { context: opts.context } : {}),
    ...(avance
      ? {
          extraCommands: { [COMMANDS.avance]: createAvanceCommand(avance) },
          homeSections: [
            ...(avance.coordination ? [createCoordinationHomeSection(avance)] : []),
            createAvanceHomeSection(avance),
          ],
          decorateAnswer: createDeadlineDecorator(avance),
          nextOpenStep: createNextOpenStep(avance),
        }
      : {}),
    ...opts.extra,
  };
  return { deps, commands: createCommands(deps) };
}
