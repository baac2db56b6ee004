import { Cron } from 'croner';
import type { DailyRun } from './daily.ts';

export interface DailyScheduler {
  stop(): void;
  /** When the next check will run (for logs). */
  nextRun(): Date | null;
}

/**
 * One croner job a minute, in GUIA_TZ, that calls `run` (the walk over every installed workspace,
 * schedule/workspaces.ts). `protect` skips a tick while the previous one is still posting; the claim rows
 * keep other processes from posting twice anyway.
 */
export function startDailyScheduler(
  deps: { tz: string; run(now: Date): Promise<DailyRun> },
  opts: { onRun?: (run: DailyRun) => void; onError?: (error: unknown) => void; clock?: () => Date } = {},
): DailyScheduler {
  const clock = opts.clock ?? (() => new Date());
  const job = new Cron('0 * * * * *', { timezone: deps.tz, protect: true, name: 'guia-daily' }, async () => {
    try {
      const run = await deps.run(clock());
      opts.onRun?.(run);
    } catch (error) {
      opts.onError?.(error);
    }
  });
  return { stop: () => job.stop(), nextRun: () => job.nextRun() };
}
