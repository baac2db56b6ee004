import type { Guide } from '../content/model.ts';
import type { QuestionLog } from '../ports/feedback.ts';
import { COMMANDS } from '../render/ids.ts';
import { createAnswerer } from '../search/answerer.ts';
import { type AvanceDeps, createAvanceCommand } from './avance-command.ts';
import { createAvanceHomeSection, createDeadlineDecorator } from './avance-home.ts';
import { createCommands } from './commands.ts';
import { createCoordinationHomeSection } from './coordination-home.ts';
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
  opts: { questions?: QuestionLog; avance?: AvanceDeps; extra?: Partial<BotDeps> } = {},
): Bot {
  const { avance } = opts;
  const deps: BotDeps = {
    guides,
    answerer: createAnswerer(guides),
    ...(opts.questions ? { questions: opts.questions } : {}),
    ...(avance
      ? {
          extraCommands: { [COMMANDS.avance]: createAvanceCommand(avance) },
          homeSections: [
            ...(avance.coordination ? [createCoordinationHomeSection(avance)] : []),
            createAvanceHomeSection(avance),
          ],
          decorateAnswer: createDeadlineDecorator(avance),
        }
      : {}),
    ...opts.extra,
  };
  return { deps, commands: createCommands(deps) };
}
