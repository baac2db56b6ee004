import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../../src/search/question-groups.ts';

describe('grouping unanswered and 👎 questions for the editors', () => {
  it('puts questions about the same thing together, most asked first, whatever the wording', () => {
    const groups = groupQuestions([
      { question: 'hola, ¿cuál es el presupuesto para datos abiertos?', kind: 'no_match' },
      { question: 'buenos días, ¿quién vigila el presupuesto?', kind: 'no_match' },
      { question: '¿y el presupuesto?', kind: 'choose' },
      { question: '¿qué es un hackatón?', kind: 'down', stepId: '4.2' },
    ]);
    expect(groups.map((g) => [g.words, g.count])).toEqual([
      [['presupuesto'], 3],
      [['hackaton'], 1],
    ]);
    expect(groups[0]?.kinds).toEqual({ no_match: 2, choose: 1 });
    expect(groups[1]?.steps).toEqual(['4.2']);
  });
});
