import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/slack/pacing.ts';

/**
 * A fake clock: concurrent sleeps overlap as real ones do; once every caller is asleep, time jumps to the
 * earliest wake-up. The tests take no real time.
 */
function clock() {
  let t = 0;
  const sleepers: Array<{ until: number; wake: () => void }> = [];
  const advance = () => {
    sleepers.sort((a, b) => a.until - b.until);
    const next = sleepers.shift();
    if (!next) return;
    t = Math.max(t, next.until);
    next.wake();
  };
  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      sleepers.push({ until: t + ms, wake });
      setImmediate(advance);
    });
  return { now: () => t, sleep, at: () => t };
}

const rateLimited = (retryAfter: number) =>
  Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter });

describe('pacing of scheduled posts', () => {
  it('keeps about a second between two posts in one channel', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, sleep: c.sleep, workspacePerSecond: 100 });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) await pacer.send('T1', 'C1', async () => times.push(c.at()));
    expect(times).toEqual([0, 1100, 2200]);
  });

  it('spends a workspace budget of posts per second across its channels, others unaffected', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, sleep: c.sleep, workspacePerSecond: 5 });
    const big: number[] = [];
    const small: number[] = [];
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => pacer.send('TBIG', `C${i}`, async () => big.push(c.at()))),
      pacer.send('TSMALL', 'C1', async () => small.push(c.at())),
    ]);
    // 10 channels of one workspace at 5 per second take two seconds; the other workspace is not queued.
    expect(Math.max(...big)).toBeGreaterThanOrEqual(1800);
    expect(small[0]).toBeLessThan(400);
  });

  it('honours Retry-After on a 429, pausing that workspace, then posts', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, sleep: c.sleep });
    let calls = 0;
    const result = await pacer.send('T1', 'C1', async () => {
      calls += 1;
      if (calls === 1) throw rateLimited(3);
      return c.at();
    });
    expect(calls).toBe(2);
    expect(result).toBeGreaterThanOrEqual(3000);
    expect(pacer.stats).toMatchObject({ sent: 1, rateLimited: 1, waitedMs: 3000 });
    // The pause holds for the next post of the same workspace too.
    const next = await pacer.send('T1', 'C2', async () => c.at());
    expect(next).toBeGreaterThanOrEqual(3000);
  });

  it('gives up after a few 429s in a row, or a Retry-After too long to wait, so the next run retries', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, sleep: c.sleep, maxRateLimitRetries: 2, maxRetryAfterS: 60 });
    await expect(pacer.send('T1', 'C1', async () => Promise.reject(rateLimited(1)))).rejects.toThrow();
    expect(pacer.stats.rateLimited).toBe(3);
    await expect(pacer.send('T2', 'C1', async () => Promise.reject(rateLimited(600)))).rejects.toThrow();
    expect(c.at()).toBeLessThan(600_000);
  });

  it('passes other errors through at once', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, sleep: c.sleep });
    await expect(
      pacer.send('T1', 'C1', async () => Promise.reject(new Error('channel_not_found'))),
    ).rejects.toThrow('channel_not_found');
    expect(pacer.stats.rateLimited).toBe(0);
  });
});
