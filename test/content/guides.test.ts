import { describe, expect, it } from 'vitest';
import {
  allSteps,
  compareStepIds,
  defaultGuide,
  findGuide,
  findStep,
  stepIds,
} from '../../src/content/guides.ts';
import type { Guide, Step } from '../../src/content/model.ts';

const step = (guide: string, id: string): Step => ({
  guide,
  id,
  phase: 'Planea',
  title: `Paso ${id}`,
  involved: ['A'],
  deadline: { text: '5 días', days: 5 },
  regulations: [],
  activities: [],
  summary: '',
  permalink: '/p',
  sourcePath: `${guide}/p.md`,
});
const guide = (id: string, isDefault: boolean, ids: string[]): Guide => ({
  id,
  title: id,
  isDefault,
  steps: ids.map((s) => step(id, s)),
});
const guides = [guide('guia-2015', false, ['4.1']), guide('guia-2017', true, ['1.1', '4.1'])];

describe('guide helpers', () => {
  it('sorts ids as numbers: 1.9 < 1.10 < 2.1', () => {
    expect(['2.1', '1.10', '1.9'].sort(compareStepIds)).toEqual(['1.9', '1.10', '2.1']);
  });

  it('finds the default guide and a guide by id', () => {
    expect(defaultGuide(guides)?.id).toBe('guia-2017');
    expect(findGuide(guides, 'guia-2015')?.id).toBe('guia-2015');
    expect(findGuide(guides, 'guia-1999')).toBeUndefined();
  });

  it('finds a step in every edition, default first, or only in the named one', () => {
    expect(findStep(guides, '4.1').map((s) => s.guide)).toEqual(['guia-2017', 'guia-2015']);
    expect(findStep(guides, '4.1', 'guia-2015').map((s) => s.guide)).toEqual(['guia-2015']);
    expect(findStep(guides, '9.9')).toEqual([]);
  });

  it('lists all steps default guide first and the distinct ids', () => {
    expect(allSteps(guides).map((s) => `${s.guide}:${s.id}`)).toEqual([
      'guia-2017:1.1',
      'guia-2017:4.1',
      'guia-2015:4.1',
    ]);
    expect(stepIds(guides)).toEqual(['1.1', '4.1']);
  });
});
