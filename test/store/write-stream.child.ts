/**
 * Child process for the crash test: writes step changes as fast as it can and prints the number of each
 * change once its transaction has committed. The parent kills it with SIGKILL in the middle.
 */
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: write-stream.child.ts FILE');
const { trackers, steps } = createSqliteStores(await openDb(file));
const at = () => new Date().toISOString();
const tracker = await trackers.createTracker(
  { teamId: 'T1', channelId: 'C1', guideId: 'guia-2017', startDate: '2026-01-15' },
  { userId: 'U0', source: 'test', at: at() },
);
for (let i = 0; ; i += 1) {
  const stepId = `1.${(i % 5) + 1}`;
  await steps.changeStep(
    tracker.id,
    'guia-2017',
    stepId,
    'step.owner',
    { userId: 'U0', source: 'test', at: at() },
    (before) => ({
      ok: true,
      next: { ...before, ownerUserId: `U${i}`, checkedActivities: [i % 7] },
    }),
  );
  process.stdout.write(`${i}\n`);
}
