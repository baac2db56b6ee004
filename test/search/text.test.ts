import { describe, expect, it } from 'vitest';
import { parseReference } from '../../src/search/reference.ts';
import { editDistance } from '../../src/search/search-index.ts';
import { fold, isStopWord, stripSlackMarkup, wordKey } from '../../src/search/text.ts';

describe('text preparation', () => {
  it('gives accented and unaccented words the same key', () => {
    const pairs: Array<[string, string]> = [
      ['participación', 'participacion'],
      ['publicación', 'publicacion'],
      ['Catálogo', 'catalogo'],
      ['priorización', 'priorizacion'],
    ];
    for (const [a, b] of pairs) {
      expect(wordKey(a.toLowerCase())).toBe(wordKey(b));
    }
  });

  it('stems word forms together («priorizar», «priorización»)', () => {
    expect(wordKey('priorizar')).toBe(wordKey('priorización'));
    expect(wordKey('formatos')).toBe(wordKey('formato'));
  });

  it('drops Spanish and English stop words but keeps topic words', () => {
    expect(isStopWord(fold('qué'))).toBe(true);
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('apertura')).toBe(false);
  });

  it('turns Slack markup into plain words', () => {
    expect(
      stripSlackMarkup('<@U123> hola <!channel> <https://x.mx|el plan> <#C1|canal> <https://y.mx>')
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(['hola', 'el', 'plan', 'canal', 'https://y.mx']);
  });

  it('counts a swap of two letters as one typo', () => {
    expect(editDistance('apertrua', 'apertura')).toBe(1);
    expect(editDistance('priorisar', 'priorizar')).toBe(1);
    expect(editDistance('tener', 'general')).toBeGreaterThan(2);
  });
});

describe('explicit references', () => {
  it.each([
    ['paso 1.2', ['1.2'], undefined],
    ['¿quién le entra al 1.2?', ['1.2'], undefined],
    ['step 2.3', ['2.3'], undefined],
    ['el 4.1 de la edición 2015', ['4.1'], '2015'],
    ['step 4.1 of the 2015 edition', ['4.1'], '2015'],
    ['paso 1-2', ['1.2'], undefined],
    ['compara el 1.2 con el 1.3', ['1.2', '1.3'], undefined],
    ['ISO 8601 y UTF-8', [], undefined],
    ['datos.gob.mx', [], undefined],
    ['pasos 1, 2 y 3', [], undefined],
  ])('«%s»', (text, ids, year) => {
    const reference = parseReference(text);
    expect(reference.stepIds).toEqual(ids);
    expect(reference.editionYear).toBe(year);
  });
});
