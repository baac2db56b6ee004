import { COMMANDS } from '../render/ids.ts';
import { handleGuia } from './guia-command.ts';
import type { BotDeps, CommandHandler } from './types.ts';

/**
 * Every slash command the bot answers, by name. Slack registers one listener per entry and the terminal
 * chat dispatches on the same map. New commands come in through `deps.extraCommands` (see BotDeps).
 */
export function createCommands(deps: BotDeps): ReadonlyMap<string, CommandHandler> {
  const names = [COMMANDS.guia, ...Object.keys(deps.extraCommands ?? {})];
  const map = new Map<string, CommandHandler>([
    [COMMANDS.guia, (request) => handleGuia(request, deps, names)],
  ]);
  for (const [name, handler] of Object.entries(deps.extraCommands ?? {})) map.set(name, handler);
  return map;
}
