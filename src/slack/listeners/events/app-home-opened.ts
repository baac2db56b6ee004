import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { publishHome } from '../../publish-home.ts';
import { describeSlackError } from '../../web-api-errors.ts';

/** Opening the app's Home tab → publish the guide overview (plus extra sections such as team progress). */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const log = deps.logger.child({ listener: 'app_home_opened', user: event.user });
    try {
      await publishHome(client, deps.bot, { userId: event.user, teamId: context.teamId ?? '' }, log);
    } catch (error) {
      log.warn({ reason: describeSlackError(error).reason }, 'could not publish the Home tab');
    }
  });
}
