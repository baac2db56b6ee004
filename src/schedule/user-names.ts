/**
 * People's display names for the channel post (users:read), so it can name people without pinging them.
 * Cached in memory per process: a name changes rarely, and one post per channel a day must not cost a call
 * per person. A failed look-up is not cached for long, so a name comes back once Slack answers again.
 */
export interface UsersInfoClient {
  users: {
    info(args: { user: string }): Promise<{
      user?: { name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } };
    }>;
  };
}

export interface UserNamesOptions {
  /** How long a name is trusted (default 12 h). */
  ttlMs?: number;
  /** A failed look-up is retried after this (default 5 min). */
  failureTtlMs?: number;
  /** Most names kept (oldest dropped first). */
  max?: number;
  now?: () => number;
}

export type UserNames = (userIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export function createUserNames(client: UsersInfoClient, opts: UserNamesOptions = {}): UserNames {
  const ttl = opts.ttlMs ?? 12 * 60 * 60 * 1000;
  const failureTtl = opts.failureTtlMs ?? 5 * 60 * 1000;
  const max = opts.max ?? 5000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { name: string | undefined; until: number }>();

  async function lookUp(id: string): Promise<string | undefined> {
    const hit = cache.get(id);
    if (hit && hit.until > now()) return hit.name;
    let name: string | undefined;
    try {
      const { user } = await client.users.info({ user: id });
      name =
        [user?.profile?.display_name, user?.profile?.real_name, user?.real_name, user?.name]
          .map((n) => n?.trim())
          .find((n) => n) ?? undefined;
    } catch {
      name = undefined;
    }
    cache.delete(id);
    cache.set(id, { name, until: now() + (name ? ttl : failureTtl) });
    while (cache.size > max) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return name;
  }

  return async (ids) => {
    const out = new Map<string, string>();
    for (const id of new Set(ids)) {
      const name = await lookUp(id);
      if (name) out.set(id, name);
    }
    return out;
  };
}
