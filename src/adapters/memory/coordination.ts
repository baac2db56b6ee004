import {
  type CoordinationActor,
  type CoordinationChannel,
  type CoordinationEvent,
  type CoordinationEventKind,
  type CoordinationStore,
  MAX_WEEKLY_ATTEMPTS,
  type WeeklyChannel,
  type WeeklyClaim,
  type WeeklyClaimKey,
} from '../../ports/coordination.ts';
import type { WeeklySettings } from '../../schedule/weekly-rule.ts';

/**
 * The coordination port in process memory (tests, the terminal chat without a file). Each method does its
 * reads and writes with no await in between, so within one process every change is atomic, as in SQL.
 */
export function createMemoryCoordinationStore(): CoordinationStore {
  const institutions = new Map<number, { teamId: string; name: string }>();
  const channels = new Map<string, CoordinationChannel>();
  const weekly = new Map<string, WeeklyChannel>();
  const claims = new Map<string, WeeklyClaim>();
  const log: CoordinationEvent[] = [];
  const channelKey = (teamId: string, channelId: string) => JSON.stringify([teamId, channelId]);
  const claimKey = (k: WeeklyClaimKey) => JSON.stringify([k.teamId, k.channelId, k.week]);
  const record = (
    teamId: string,
    channelId: string,
    kind: CoordinationEventKind,
    actor: CoordinationActor,
    before: unknown,
    after: unknown,
  ) => {
    log.push({
      id: log.length + 1,
      teamId,
      channelId,
      at: actor.at,
      userId: actor.userId,
      source: actor.source,
      kind,
      before,
      after,
    });
  };
  // Callers get copies: a caller that edits what it got must not change the store.
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    async institutions(teamId) {
      const out = new Map<number, string>();
      for (const [id, row] of institutions) if (row.teamId === teamId) out.set(id, row.name);
      return out;
    },
    async institutionOf(trackerId) {
      return institutions.get(trackerId)?.name;
    },
    async setInstitution(tracker, name, actor) {
      const before = institutions.get(tracker.id)?.name;
      if (name === null) institutions.delete(tracker.id);
      else institutions.set(tracker.id, { teamId: tracker.teamId, name });
      record(
        tracker.teamId,
        tracker.channelId,
        'tracker.institution',
        actor,
        { trackerId: tracker.id, name: before ?? null },
        { trackerId: tracker.id, name },
      );
      return before === undefined ? {} : { before };
    },
    async coordinationChannel(teamId) {
      const found = channels.get(teamId);
      return found && copy(found);
    },
    async setCoordinationChannel(teamId, channelId, actor) {
      const previous = channels.get(teamId);
      channels.set(teamId, { teamId, channelId, setBy: actor.userId, setAt: actor.at });
      record(teamId, channelId, 'coordination.channel', actor, previous?.channelId ?? null, channelId);
      return previous ? { previous: copy(previous) } : {};
    },
    async weekly(teamId, channelId) {
      const found = weekly.get(channelKey(teamId, channelId));
      return found && copy(found.settings);
    },
    async setWeekly(teamId, channelId, settings: WeeklySettings, actor) {
      const key = channelKey(teamId, channelId);
      const before = weekly.get(key)?.settings ?? null;
      weekly.set(key, { teamId, channelId, settings: copy(settings) });
      record(teamId, channelId, 'weekly.settings', actor, before, settings);
    },
    async listWeekly() {
      return [...weekly.values()].filter((w) => w.settings.enabled).map(copy);
    },
    async claimWeekly(key, runner, at) {
      void at;
      const k = claimKey(key);
      const found = claims.get(k);
      if (!found) {
        claims.set(k, { ...key, status: 'claimed', claimedBy: runner, attempts: 1 });
        return true;
      }
      if (found.status === 'failed' && found.attempts < MAX_WEEKLY_ATTEMPTS) {
        claims.set(k, { ...found, status: 'claimed', claimedBy: runner, attempts: found.attempts + 1 });
        return true;
      }
      return false;
    },
    async finishWeekly(key, outcome) {
      const k = claimKey(key);
      const found = claims.get(k);
      if (!found) return;
      const { error: _e, messageTs: _m, ...rest } = found;
      claims.set(k, {
        ...rest,
        status: outcome.status,
        ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
        ...(outcome.status === 'skipped' ? { error: outcome.reason } : {}),
        ...(outcome.status === 'posted' && outcome.messageTs ? { messageTs: outcome.messageTs } : {}),
      });
    },
    async getWeeklyClaim(key) {
      const found = claims.get(claimKey(key));
      return found && copy(found);
    },
    async events(teamId, opts = {}) {
      const mine = log.filter((e) => e.teamId === teamId).reverse();
      return copy(opts.limit ? mine.slice(0, opts.limit) : mine);
    },
  };
}
