import { describe, expect, it } from 'vitest';
import type { StepChangeFn } from '../../src/ports/steps.ts';
import { actor, newTracker, type StoresFactory, useStores } from './factory.ts';

const start: StepChangeFn = (b) =>
  b.status === 'pendiente'
    ? { ok: true, next: { ...b, status: 'en_curso', startedAt: '2026-02-01T15:00:00.000Z' } }
    : { ok: false, message: 'ya está en curso' };

export function stepsContract(factory: StoresFactory): void {
  describe('steps port', () => {
    const stores = useStores(factory);

    it('writes each step change with an event holding before and after', async () => {
      const s = stores();
      const t = await newTracker(s);
      const result = await s.steps.changeStep(
        t.id,
        'guia-2017',
        '1.2',
        'step.status',
        actor('UBETO', '/avance iniciar'),
        start,
      );
      expect(result.ok).toBe(true);
      expect((await s.steps.stepStates(t.id, 'guia-2017')).get('1.2')).toEqual({
        stepId: '1.2',
        status: 'en_curso',
        startedAt: '2026-02-01T15:00:00.000Z',
        checkedActivities: [],
      });
      const [event] = await s.steps.events(t.id, { stepId: '1.2' });
      expect(event).toMatchObject({
        trackerId: t.id,
        userId: 'UBETO',
        source: '/avance iniciar',
        kind: 'step.status',
        guideId: 'guia-2017',
        stepId: '1.2',
        at: '2026-02-01T15:00:00.000Z',
        before: { stepId: '1.2', status: 'pendiente', checkedActivities: [] },
        after: { status: 'en_curso' },
      });
    });

    it('changes nothing and logs nothing when the change is refused', async () => {
      const s = stores();
      const t = await newTracker(s);
      const result = await s.steps.changeStep(t.id, 'guia-2017', '1.2', 'step.status', actor(), () => ({
        ok: false,
        message: 'no',
      }));
      expect(result).toEqual({ ok: false, message: 'no' });
      expect((await s.steps.stepStates(t.id, 'guia-2017')).size).toBe(0);
      expect(await s.steps.events(t.id)).toHaveLength(1);
    });

    it('gives one change and one event when two people start the same step at once', async () => {
      const s = stores();
      const t = await newTracker(s);
      const results = await Promise.all(
        ['UANA', 'UBETO', 'UCARLA'].map((u) =>
          s.steps.changeStep(t.id, 'guia-2017', '2.1', 'step.status', actor(u), start),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        { ok: false, message: 'ya está en curso' },
        { ok: false, message: 'ya está en curso' },
      ]);
      expect(await s.steps.events(t.id, { stepId: '2.1' })).toHaveLength(1);
    });

    it('stores activities sorted and keeps optional fields only when set', async () => {
      const s = stores();
      const t = await newTracker(s);
      await s.steps.changeStep(t.id, 'guia-2017', '1.1', 'step.activity', actor(), (b) => ({
        ok: true,
        next: { ...b, checkedActivities: [3, 0, 2], ownerUserId: 'UBETO', blockedReason: 'falta el oficio' },
      }));
      expect((await s.steps.stepStates(t.id, 'guia-2017')).get('1.1')).toEqual({
        stepId: '1.1',
        status: 'pendiente',
        ownerUserId: 'UBETO',
        blockedReason: 'falta el oficio',
        checkedActivities: [0, 2, 3],
      });
      // The next change starts from the stored state.
      const seen: unknown[] = [];
      await s.steps.changeStep(t.id, 'guia-2017', '1.1', 'step.owner', actor(), (b) => {
        seen.push(b);
        const { ownerUserId: _, ...rest } = b;
        return { ok: true, next: rest };
      });
      expect(seen).toEqual([
        {
          stepId: '1.1',
          status: 'pendiente',
          ownerUserId: 'UBETO',
          blockedReason: 'falta el oficio',
          checkedActivities: [0, 2, 3],
        },
      ]);
      expect((await s.steps.stepStates(t.id, 'guia-2017')).get('1.1')?.ownerUserId).toBeUndefined();
    });

    it('keeps each guide of a tracker apart', async () => {
      const s = stores();
      const t = await newTracker(s);
      await s.steps.changeStep(t.id, 'guia-2015', '1.1', 'step.status', actor(), start);
      expect((await s.steps.stepStates(t.id, 'guia-2017')).size).toBe(0);
      expect([...(await s.steps.stepStates(t.id, 'guia-2015')).keys()]).toEqual(['1.1']);
    });

    it('lists history newest first, and after a watermark oldest first', async () => {
      const s = stores();
      const t = await newTracker(s);
      const other = await newTracker(s, 'C2');
      for (const id of ['1.1', '1.2', '1.3']) {
        await s.steps.changeStep(t.id, 'guia-2017', id, 'step.status', actor(), (b) => ({
          ok: true,
          next: { ...b, status: 'completado' },
        }));
      }
      const ids = async (q?: Parameters<typeof s.steps.events>[1]) =>
        (await s.steps.events(t.id, q)).map((e) => e.stepId ?? '-');
      expect(await ids()).toEqual(['1.3', '1.2', '1.1', '-']);
      expect(await ids({ limit: 2 })).toEqual(['1.3', '1.2']);
      const first = (await s.steps.events(t.id, { afterId: 0 }))[1]?.id ?? 0;
      expect(await ids({ afterId: first })).toEqual(['1.2', '1.3']);
      const last = await s.steps.lastEventId(t.id);
      expect(last).toBeGreaterThan(first);
      expect(await ids({ afterId: 0, upToId: last - 1 })).toEqual(['-', '1.1', '1.2']);
      expect(await ids({ afterId: 0, kinds: ['tracker.created'] })).toEqual(['-']);
      expect(await s.steps.events(t.id, { kinds: [] })).toEqual([]);
      expect(await ids({ stepId: '1.2' })).toEqual(['1.2']);
      // The other channel's log is its own.
      expect((await s.steps.events(other.id)).map((e) => e.kind)).toEqual(['tracker.created']);
      expect(await s.steps.lastEventId(other.id)).toBeLessThan(last);
      expect(await s.steps.lastEventId(other.id + t.id + 100)).toBe(0);
    });

    it("finds a user's open steps on their trackers' current guides", async () => {
      const s = stores();
      const t = await newTracker(s);
      const own = (trackerId: number, stepId: string, guideId = 'guia-2017', status = 'en_curso' as const) =>
        s.steps.changeStep(trackerId, guideId, stepId, 'step.owner', actor(), (b) => ({
          ok: true,
          next: { ...b, ownerUserId: 'UANA', status },
        }));
      await own(t.id, '2.1');
      await own(t.id, '1.2');
      await s.steps.changeStep(t.id, 'guia-2017', '1.3', 'step.owner', actor(), (b) => ({
        ok: true,
        next: { ...b, ownerUserId: 'UANA', status: 'completado' },
      }));
      await own(t.id, '1.1', 'guia-2015');
      const owned = await s.steps.ownedSteps('T1', 'UANA');
      expect(owned.map((o) => o.state.stepId)).toEqual(['1.2', '2.1']);
      expect(owned[0]?.tracker).toEqual(await s.trackers.getTrackerById(t.id));
      expect(await s.steps.ownedSteps('T2', 'UANA')).toEqual([]);
      await s.trackers.updateTracker(t.id, { removedAt: '2026-02-02T00:00:00Z' }, 'tracker.removed', actor());
      expect(await s.steps.ownedSteps('T1', 'UANA')).toEqual([]);
    });
  });
}
