import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loader.ts';

const content = fileURLToPath(new URL('../../content/', import.meta.url));

describe('the real content/ folder', () => {
  const load = loadContent(content);

  it('loads with no problems', () => {
    expect(load.problems).toEqual([]);
  });

  it('has the two editions, 2017 the default, with 15 steps in all', () => {
    expect(load.guides.map((g) => [g.id, g.steps.length, g.isDefault])).toEqual([
      ['guia-2015', 1, false],
      ['guia-2017', 14, true],
    ]);
  });

  it('reads the seed exactly', () => {
    const seed = load.guides.find((g) => g.id === 'guia-2015')?.steps[0];
    expect(seed).toMatchObject({
      id: '4.1',
      deadline: { days: 180 },
      regulations: ['Decreto de Datos Abiertos'],
    });
    expect(seed?.involved).toHaveLength(4);
    expect(seed?.activities).toHaveLength(3);
  });
});
