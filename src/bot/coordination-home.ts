import type { KnownBlock } from '@slack/types';
import { workspaceViews } from '../coordination/load.ts';
import { coordinationOverview } from '../coordination/overview.ts';
import { localDate } from '../progress/calendar.ts';
import { homeCoordinationBlocks } from '../render/coordination.ts';
import type { AvanceDeps } from './avance-command.ts';
import type { HomeSection } from './types.ts';

/**
 * The Home tab's coordination section, only for the person who set the workspace's coordination channel:
 * the Home tab is private, but it must not become a way round "only the coordination channel sees
 * everyone's progress" for anybody else.
 */
export function createCoordinationHomeSection(deps: AvanceDeps): HomeSection {
  return async (userId, teamId): Promise<KnownBlock[]> => {
    const { coordination } = deps;
    if (!coordination) return [];
    const channel = await coordination.coordinationChannel(teamId);
    if (!channel || channel.setBy !== userId) return [];
    const views = await workspaceViews({ ...deps, coordination }, teamId);
    const overview = coordinationOverview(views, localDate(deps.now(), deps.tz));
    return homeCoordinationBlocks(overview, channel.channelId, deps.tz);
  };
}
