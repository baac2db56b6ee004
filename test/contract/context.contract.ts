import { describe, expect, it } from 'vitest';
import { type StoresFactory, useStores } from './factory.ts';

const at = (iso: string) => new Date(iso);

export function contextContract(factory: StoresFactory): void {
  describe('conversation context port', () => {
    const stores = useStores(factory);

    it('gives back what was saved for the thread until it expires', async () => {
      const s = stores();
      const value = { step: 'guia-2017/1.2', intent: 'plazo', list: [1, 2], nested: { ok: true } };
      await s.context.save('T1', 'C1:1700.1', value, at('2026-03-02T18:00:00Z'));
      expect(await s.context.load('T1', 'C1:1700.1', at('2026-03-02T17:59:59Z'))).toEqual(value);
      expect(await s.context.load('T1', 'C1:1700.1', at('2026-03-02T18:00:00Z'))).toBeUndefined();
      expect(await s.context.load('T1', 'C1:nothing', at('2026-03-02T17:00:00Z'))).toBeUndefined();
    });

    it('keeps teams and threads apart and replaces a thread value', async () => {
      const s = stores();
      const until = at('2026-03-02T18:00:00Z');
      const now = at('2026-03-02T17:00:00Z');
      await s.context.save('T1', 'D1', { n: 1 }, until);
      await s.context.save('T2', 'D1', { n: 2 }, until);
      await s.context.save('T1', 'D2', { n: 3 }, until);
      await s.context.save('T1', 'D1', { n: 4 }, until);
      expect(await s.context.load('T1', 'D1', now)).toEqual({ n: 4 });
      expect(await s.context.load('T2', 'D1', now)).toEqual({ n: 2 });
      expect(await s.context.load('T1', 'D2', now)).toEqual({ n: 3 });
      // Keys such as `constructor` are data, not properties.
      await s.context.save('constructor', '__proto__', { n: 5 }, until);
      expect(await s.context.load('constructor', '__proto__', now)).toEqual({ n: 5 });
    });

    it('hands back a copy: changing the saved object later changes nothing stored', async () => {
      const s = stores();
      const value = { list: [1] };
      await s.context.save('T1', 'D1', value, at('2026-03-02T18:00:00Z'));
      value.list.push(2);
      const loaded = (await s.context.load('T1', 'D1', at('2026-03-02T17:00:00Z'))) as { list: number[] };
      expect(loaded).toEqual({ list: [1] });
      loaded.list.push(3);
      expect(await s.context.load('T1', 'D1', at('2026-03-02T17:00:00Z'))).toEqual({ list: [1] });
    });

    it('prunes expired values only, and says how many', async () => {
      const s = stores();
      await s.context.save('T1', 'old-1', 1, at('2026-03-02T10:00:00Z'));
      await s.context.save('T1', 'old-2', 2, at('2026-03-02T11:00:00Z'));
      await s.context.save('T1', 'live', 3, at('2026-03-02T20:00:00Z'));
      expect(await s.context.prune(at('2026-03-02T12:00:00Z'))).toBe(2);
      expect(await s.context.prune(at('2026-03-02T12:00:00Z'))).toBe(0);
      expect(await s.context.load('T1', 'live', at('2026-03-02T12:00:00Z'))).toBe(3);
    });
  });
}
