import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerAvanceButtons } from './actions/avance-buttons.ts';
import { registerCoordinationMore } from './actions/coordination-more.ts';
import { registerFeedback } from './actions/feedback.ts';
import { registerShare } from './actions/share.ts';
import { registerUnknownAction } from './actions/unknown-action.ts';
import { registerSlashCommand } from './commands/slash-command.ts';
import { registerAppHomeOpened } from './events/app-home-opened.ts';
import { registerAppMention } from './events/app-mention.ts';
import { registerMessageIm } from './events/message-im.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerMessageIm(app, deps);
  registerAppHomeOpened(app, deps);
  for (const [name, handler] of deps.commands) registerSlashCommand(app, name, handler, deps);
  registerShare(app, deps);
  registerFeedback(app, deps);
  registerUnknownAction(app, deps);
  if (deps.avance) registerAvanceButtons(app, deps.avance, deps.logger, deps.bot);
  if (deps.avance) registerCoordinationMore(app, deps.avance, deps.logger);
}
