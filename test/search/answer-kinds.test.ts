/**
 * The kinds of answer of issue 8, on the shipped guide, through the pure core (no processes): reading the
 * question, lists, several steps, navigation, definitions, the guide's own sentences, follow-ups, the decide
 * rule, small talk and English. Examples are written from the guide (several come from issue 8 itself).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAnswerContent } from '../../src/content/glossary.ts';
import { loadContent } from '../../src/content/loader.ts';
import { answerText } from '../../src/render/answer.ts';
import { mrkdwnToPlain } from '../../src/render/plain-text.ts';
import { type Answer, createAnswerer } from '../../src/search/answerer.ts';
import { INTENT_WORDS, INTENTS } from '../../src/search/intents.ts';
import { readQuestion } from '../../src/search/read.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/answer-content/good', import.meta.url));
const { guides } = loadContent(content);
const answerer = createAnswerer(guides, loadAnswerContent(fixtures, guides));
const ask = (q: string, context?: unknown) => answerer.answer(q, context === undefined ? {} : { context });
const ref = (a: Answer) => (a.step ? `${a.step.guide}:${a.step.id}` : null);
const refs = (a: Answer) => a.steps.map((s) => `${s.guide}:${s.id}`);
const text = (a: Answer) => mrkdwnToPlain(answerText(a, guides));

/** A conversation: each turn answered with the previous turn's context. */
function converse(...turns: string[]): Answer[] {
  const out: Answer[] = [];
  let context: unknown;
  for (const q of turns) {
    const a = ask(q, context);
    if (a.context) context = a.context;
    out.push(a);
  }
  return out;
}

describe('reading the question before anything else', () => {
  it.each([
    'quiero saber quien participa en el catalogo',
    'buenos días, ¿quién participa en el catálogo?',
    'Hola, disculpa, me podrías decir quién participa en el catálogo por favor',
    'oigan, una pregunta: quien participa en el catalogo?',
  ])('a polite opening does not stop the answer: «%s» → 2.4, who takes part', (q) => {
    expect(ask(q)).toMatchObject({ outcome: 'answered', intent: 'involucrados', step: { id: '2.4' } });
  });

  it.each([
    ['q hay q hacer en el paso 2.2', 'actividades', '2.2'],
    ['kien participa en la priorisacion', 'involucrados', '1.2'],
    ['plazo d el paso 1-2', 'plazo', '1.2'],
    ['xq tengo q priorizar los datos cada año', 'plazo', '1.2'],
  ])('reads SMS Spanish and combined typos: «%s»', (q, intent, id) => {
    expect(ask(q)).toMatchObject({ outcome: 'answered', intent, step: { id } });
  });

  it.each([
    ['paso tres punto uno', '3.1'],
    ['paso uno punto dos', '1.2'],
    ['step two point one', '2.1'],
    ['el paso 1,2', '1.2'],
    ['paso 4-3', '4.3'],
  ])('reads a step number in any form: «%s» → %s', (q, id) => {
    expect(ask(q).step?.id).toBe(id);
  });

  it('removes URLs, e-mail addresses and @names before reading the intent', () => {
    const reading = readQuestion(
      'mira https://datos.gob.mx/participa y ana@participa.mx @quien: ¿plazo del 2.3?',
    );
    expect(reading.text).not.toMatch(/participa|quien|http|@/);
    expect(ask('mira https://datos.gob.mx/guia/participa, ¿cuál es el plazo del 2.3?')).toMatchObject({
      intent: 'plazo',
      step: { id: '2.3' },
    });
  });

  it('reads the guide’s own row name «tiempo de cumplimiento» as a question about the deadline', () => {
    expect(ask('tiempo de cumplimiento del plan de apertura')).toMatchObject({
      intent: 'plazo',
      step: { id: '1.3' },
    });
  });
});

describe('intents are one table', () => {
  it('every intent has cue words, an example and a facet, and its words are never scored', () => {
    for (const [name, entry] of Object.entries(INTENTS)) {
      expect(entry.example.es.length, name).toBeGreaterThan(5);
      expect(entry.words.length, name).toBeGreaterThan(0);
      for (const w of entry.words) expect(INTENT_WORDS).toContain(w);
    }
  });

  it('asking «¿de qué paso?» uses the intent’s own example', () => {
    const a = ask('¿cuál es la normatividad?');
    expect(a).toMatchObject({ outcome: 'empty', reason: 'which_step', intent: 'normatividad' });
    expect(text(a)).toContain(INTENTS.normatividad.example.es);
  });
});

describe('lists computed from the facts', () => {
  it('«lista de pasos» lists every step of the default edition', () => {
    const a = ask('lista de pasos');
    expect(a.outcome).toBe('list');
    expect(refs(a)).toHaveLength(14);
  });

  it('steps by phase, by number of days, by recurrence, by edition', () => {
    expect(refs(ask('pasos de la fase Perfecciona'))).toEqual([
      'guia-2017:3.1',
      'guia-2017:3.2',
      'guia-2017:3.3',
      'guia-2017:3.4',
    ]);
    expect(refs(ask('¿qué pasos vencen en 30 días?'))).toEqual(['guia-2017:1.1']);
    expect(refs(ask('¿qué pasos se hacen cada año?'))).toEqual(['guia-2017:1.2']);
    expect(refs(ask('pasos de la edición 2015'))).toEqual(['guia-2015:4.1']);
  });

  it('steps where a role takes part, by any of its names', () => {
    const oic = ['guia-2017:1.1', 'guia-2017:3.2', 'guia-2017:3.3', 'guia-2017:3.4'];
    expect(refs(ask('¿en qué pasos participa el Órgano Interno de Control?'))).toEqual(oic);
    expect(refs(ask('¿en qué pasos participa el OIC?'))).toEqual(oic);
    const ut = ['guia-2017:1.1', 'guia-2017:1.2', 'guia-2017:3.2'];
    expect(refs(ask('¿en qué pasos participa la Unidad de Transparencia?'))).toEqual(ut);
    expect(refs(ask('en que pasos participa transparencia'))).toEqual(ut);
    expect(refs(ask('¿en qué pasos participa la UT?'))).toEqual(ut);
  });

  it('«¿qué plazos hay?» lists the steps with their deadlines instead of asking which step', () => {
    const a = ask('¿qué plazos hay?');
    expect(a).toMatchObject({ outcome: 'list', intent: 'plazo' });
    expect(text(a)).toContain('30 días naturales');
    expect(text(a)).toContain('De manera bimestral');
  });
});

describe('several steps, and two editions side by side', () => {
  it('the asked facet for each named step', () => {
    const a = ask('¿quién participa en los pasos 1.1 y 1.2?');
    expect(a).toMatchObject({ outcome: 'list', intent: 'involucrados', step: null });
    expect(refs(a)).toEqual(['guia-2017:1.1', 'guia-2017:1.2']);
    expect(refs(ask('plazos del 1.1 al 1.3'))).toEqual(['guia-2017:1.1', 'guia-2017:1.2', 'guia-2017:1.3']);
  });

  it('each named step in the edition named after it', () => {
    expect(refs(ask('plazo del 4.1 de 2015 y del 1.1 de 2017'))).toEqual(['guia-2015:4.1', 'guia-2017:1.1']);
  });

  it('«el 4.1 de 2015 y el de 2017» shows both editions', () => {
    const a = ask('¿qué diferencia hay entre el 4.1 de 2015 y el de 2017?');
    expect(refs(a)).toEqual(['guia-2015:4.1', 'guia-2017:4.1']);
    expect(text(a)).toContain('180 días');
    expect(text(a)).toContain('90 días naturales');
  });
});

describe('navigation', () => {
  it.each([
    ['¿qué sigue después del paso 1.2?', '1.3'],
    ['¿qué paso va antes del 2.1?', '1.3'],
    ['¿qué hago primero?', '1.1'],
    ['¿cuál es el último paso?', '4.3'],
    ['what comes after step 3.4?', '4.1'],
  ])('«%s» → %s', (q, id) => {
    expect(ask(q)).toMatchObject({ outcome: 'answered', step: { id } });
  });
});

describe('definitions from the glossary', () => {
  it.each([
    ['¿qué es ADELA?', 'ADELA'],
    ['¿qué es un conjunto de datos?', 'Conjunto de datos'],
    ['¿qué significa DCAT?', 'DCAT'],
    ['what is CSV?', 'CSV'],
    ['ADELA, ¿qué es?', 'ADELA'],
  ])('«%s» → the definition of %s and the steps where it is handled', (q, term) => {
    const a = ask(q);
    expect(a).toMatchObject({ outcome: 'answered', intent: 'definicion', term: { term } });
    expect(a.steps.length).toBeGreaterThan(0);
    expect(text(a)).toContain(a.term?.definition ?? '?');
  });

  it('a word that is not in the glossary gets the usual answer, not an invented definition', () => {
    const a = ask('¿qué es el plan de apertura?');
    expect(a.intent).not.toBe('definicion');
    expect(a.step?.id).toBe('1.3');
  });
});

describe('the guide’s own sentence for a specific question', () => {
  it('«¿quién designa al Administrador…?» quotes the sentence that says who', () => {
    const a = ask('¿quién designa al Administrador de Datos Abiertos?');
    expect(a.step?.id).toBe('1.1');
    expect(a.quotes.map((q) => q.text).join(' ')).toContain('Titular');
    for (const q of a.quotes) expect(`${a.step?.summary} ${a.step?.activities.join(' ')}`).toContain(q.text);
  });

  it('«¿en cuántos días hay que responder un reporte ciudadano?» quotes the 30 days, not only «continua»', () => {
    const a = ask('¿en cuántos días hay que responder un reporte ciudadano?');
    expect(a.step?.id).toBe('3.3');
    expect(text(a)).toContain('30 (treinta) días');
  });

  it('a plain facet question gets no quotes', () => {
    expect(ask('¿quién participa en el paso 1.1?').quotes).toEqual([]);
  });
});

describe('follow-ups refer to the last answer', () => {
  it('«¿y cuál es el plazo?» after a question about 1.1, then «¿y el siguiente?»', () => {
    const [first, second, third] = converse(
      '¿quién participa en el paso 1.1?',
      '¿y cuál es el plazo?',
      '¿y el siguiente?',
    );
    expect(ref(first as Answer)).toBe('guia-2017:1.1');
    expect(second).toMatchObject({ intent: 'plazo', step: { id: '1.1' }, followUp: true });
    expect(third).toMatchObject({ step: { id: '1.2' }, followUp: true });
  });

  it('«¿y en la edición 2015?» keeps the step and the intent', () => {
    const [, second] = converse('plazo del paso 4.1', '¿y en la edición 2015?');
    expect(second).toMatchObject({ intent: 'plazo', step: { guide: 'guia-2015', id: '4.1' } });
  });

  it('«¿y en el 2.3?» keeps the intent; a new topic replaces the context', () => {
    const turns = converse(
      '¿quién participa en el catálogo?',
      '¿y en el 2.3?',
      '¿qué ley aplica a la calidad de los datos?',
      '¿y quiénes participan?',
    );
    expect(turns.map(ref)).toEqual(['guia-2017:2.4', 'guia-2017:2.3', 'guia-2017:3.2', 'guia-2017:3.2']);
    expect(turns.map((t) => t.intent)).toEqual([
      'involucrados',
      'involucrados',
      'normatividad',
      'involucrados',
    ]);
  });

  it('«¿y el del catálogo?» asks the same question about another topic', () => {
    const [, second] = converse('¿cuál es el plazo del plan de apertura?', '¿y el del catálogo?');
    expect(second).toMatchObject({ intent: 'plazo', step: { id: '2.4' }, followUp: true });
  });

  it('a stored context that is not ours is ignored, never trusted', () => {
    for (const bad of [
      { v: 2 },
      'x',
      { v: 1, steps: [{ guide: 'guia-2017', id: '<b>' }], intent: 'plazo' },
    ]) {
      expect(ask('¿y cuál es el plazo?', bad)).toMatchObject({ outcome: 'empty', reason: 'which_step' });
    }
  });
});

describe('deciding to answer, choose or refuse', () => {
  it.each([
    '¿cómo solicito mis vacaciones?',
    '¿dónde como unos buenos tacos cerca de la oficina?',
    '¿cuándo pagan la quincena?',
    '¿Cuál es el mejor equipo de fútbol de México?',
  ])('refuses «%s» although it shares a stem with a step', (q) => {
    expect(ask(q).outcome).toBe('no_match');
  });

  it.each([
    ['¿qué pasa si se caen las ligas de descarga de los datos?', ['3.1', '2.3']],
    ['Buenas tardes, quisiera saber qué formatos abiertos recomiendan para publicar', ['2.1']],
  ])('one everyday word does not turn «%s» into a refusal', (q, ids) => {
    const a = ask(q);
    expect(a.outcome).not.toBe('no_match');
    expect([a.step?.id, ...a.alternatives.map((x) => x.step.id)]).toContain(ids[0]);
  });
});

describe('small talk and English', () => {
  it('«gracias» and «adiós» are small talk, not the greeting', () => {
    expect(ask('gracias')).toMatchObject({ outcome: 'small_talk', smallTalk: 'thanks' });
    expect(ask('adiós')).toMatchObject({ outcome: 'small_talk', smallTalk: 'bye' });
  });

  it('English «institutional» names no step, as «institucional» does not', () => {
    expect(ask('what is the deadline of the institutional opening plan?').step?.id).toBe('1.3');
  });

  it('English «approve» and «remove» reach the approval the plan step asks for', () => {
    expect(ask('who must approve removing a published data resource?').step?.id).toBe('1.3');
  });

  it('an English question gets an English frame and is told once that the facts are Spanish', () => {
    const a = ask('who is involved in step 2.3?');
    const t = text(a);
    expect(t).toContain('Who is involved');
    expect(t).toContain('Administrador de Datos Abiertos');
    expect(t.match(/published only in Spanish/g)).toHaveLength(1);
  });
});

describe('the editors’ vocabulary', () => {
  it('an editor’s phrase points to its step', () => {
    expect(ask('¿quién arma la chamba de datos?').step?.id).toBe('1.1');
  });

  it('a word of an editor’s phrase, written in another sentence, still leads to its step', () => {
    expect(ask('¿cuál es el plazo para la chamba?')).toMatchObject({
      outcome: 'answered',
      step: { id: '1.1' },
    });
  });

  it('an editor’s phrase for a glossary term gets its definition', () => {
    expect(ask('¿qué es la plataforma?')).toMatchObject({ intent: 'definicion', term: { term: 'ADELA' } });
  });
});
