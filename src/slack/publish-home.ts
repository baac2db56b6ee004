import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { buildHome } from '../bot/home.ts';
import type { BotDeps } from '../bot/types.ts';
import { homeView } from '../render/home.ts';

/** Publishes one user's Home tab; a failing extra section is left out and logged. Throws on a Web API error. */
export async function publishHome(
  client: WebClient,
  bot: BotDeps,
  user: { userId: string; teamId: string },
  log: Logger,
): Promise<void> {
  const blocks = await buildHome(user.userId, user.teamId, bot, (error) =>
    log.error({ err: error }, 'a Home section failed'),
  );
  await client.views.publish({ user_id: user.userId, view: homeView(blocks) });
}
