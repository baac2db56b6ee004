import type { KnownBlock } from '@slack/types';
import { defaultGuide } from '../content/guides.ts';
import { homeBlocks } from '../render/home.ts';
import type { BotDeps } from './types.ts';

/** The Home tab of one user; a failing extra section is left out and reported through `onError`. */
export async function buildHome(
  userId: string,
  teamId: string,
  deps: BotDeps,
  onError: (error: unknown) => void = () => {},
): Promise<KnownBlock[]> {
  const extra: KnownBlock[] = [];
  for (const sectionFn of deps.homeSections ?? []) {
    try {
      extra.push(...(await sectionFn(userId, teamId)));
    } catch (error) {
      onError(error);
    }
  }
  return homeBlocks(defaultGuide(deps.guides), extra);
}
