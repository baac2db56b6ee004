import { describe, expect, it } from 'vitest';
import type { Guide } from '../../src/content/model.ts';
import { answerText } from '../../src/render/answer.ts';
import { explainDeadline } from '../../src/render/answer-text.ts';
import { createAnswerer as createCore } from '../../src/search/answerer.ts';
import { sampleGuides, step } from './guides.ts';

/** The core's answer with its rendered wording, as the bot shows it. */
function createAnswerer(guides: Guide[]) {
  const core = createCore(guides);
  return {
    answer: (q: string, opts?: { guide?: string }) => {
      const a = core.answer(q, opts);
      return { ...a, text: answerText(a, guides) };
    },
    search: core.search,
  };
}

const answerer = createAnswerer(sampleGuides());
const ask = (q: string, opts?: { guide?: string }) => answerer.answer(q, opts);
const where = (q: string) => {
  const a = ask(q);
  return a.step ? `${a.step.guide}/${a.step.id}` : a.outcome;
};

describe('which part of the step the user asks about', () => {
  it.each([
    ['¿Quién participa en el paso 1.2?', 'involucrados'],
    ['¿quiénes son los responsables del 1.2?', 'involucrados'],
    ['who is involved in step 1.2?', 'involucrados'],
    ['¿Cuál es el plazo del 1.2?', 'plazo'],
    ['¿cada cuánto se hace el 1.2?', 'plazo'],
    ['¿Cuántos días hay para el 1.2?', 'plazo'],
    ['deadline for step 1.2', 'plazo'],
    ['¿qué ley aplica al 1.2?', 'normatividad'],
    ['fundamento del paso 1.2', 'normatividad'],
    ['¿qué hay que hacer en el 1.2?', 'actividades'],
    ['actividades del 1.2', 'actividades'],
    ['what to do in step 1.2', 'actividades'],
    ['paso 1.2', 'resumen'],
    ['¿Cuándo vence y quién participa en el 1.2?', 'plazo'],
  ])('«%s» → %s', (q, intent) => {
    expect(ask(q).intent).toBe(intent);
  });

  it.each([
    ['¿qué reportes hay que responder?', 'actividades'],
    ['priorizacion de datos, ¿es cada año?', 'plazo'],
    ['¿el plan de apertura es anual?', 'plazo'],
  ])('«%s» → %s (obligations and frequencies without the usual cue words)', (q, intent) => {
    expect(ask(q).intent).toBe(intent);
  });

  it('does not take a yes/no obligation for a question about activities', () => {
    expect(ask('¿tengo que priorizar los datos?').intent).toBe('resumen');
    expect(ask('¿cuándo hay que priorizar los datos?').intent).toBe('plazo');
  });

  it('reads the intent even when the cue word is misspelled («involucardo»)', () => {
    expect(ask('¿quién está involucardo en el 1.2?').intent).toBe('involucrados');
    expect(ask('involucardos en priorizar datos').intent).toBe('involucrados');
  });
});

describe('explicit step references win', () => {
  it.each([
    ['paso 1.2', 'guia-2017/1.2'],
    ['1.3', 'guia-2017/1.3'],
    ['step 2.3', 'guia-2017/2.3'],
    ['¿quién le entra al 1.2?', 'guia-2017/1.2'],
    ['el paso 1,2', 'guia-2017/1.2'],
    // 4.1 exists in both editions: the default edition unless the question names another one.
    ['4.1', 'guia-2017/4.1'],
    ['el 4.1 de la edición 2015', 'guia-2015/4.1'],
    ['step 4.1 of the 2015 edition', 'guia-2015/4.1'],
    ['paso 4.1 guía 2015', 'guia-2015/4.1'],
    // The step number beats words that point elsewhere.
    ['plan de apertura paso 1.2', 'guia-2017/1.2'],
  ])('«%s» → %s', (q, expected) => {
    const answer = ask(q);
    expect(where(q)).toBe(expected);
    expect(answer.confidence).toBe(1);
  });

  it('says a named step does not exist, and suggests /guia lista', () => {
    const answer = ask('¿quién participa en el paso 7.3?');
    expect(answer.outcome).toBe('no_match');
    expect(answer.text).toContain('No existe el paso 7.3');
    expect(answer.text).toContain('/guia lista');
  });

  it('says a step is missing from the edition the question names', () => {
    const answer = ask('paso 1.2 de la edición 2015');
    expect(answer.outcome).toBe('no_match');
    expect(answer.text).toContain('Guía (2015)');
  });

  it('does not take numbers inside standards for step ids («ISO 8601», «UTF-8», «1.2.1»)', () => {
    expect(ask('¿usamos ISO 8601 o UTF-8?').step?.id).not.toBe('8.6');
    // Step 1.2 exists: a version number must not be read as a reference to it.
    const version = ask('¿aplica la versión 1.2.1 del esquema?');
    expect(version.step?.id).not.toBe('1.2');
    expect(version.confidence).not.toBe(1);
  });

  it('uses the guide the caller prefers for ids present in several editions', () => {
    expect(ask('4.1', { guide: 'guia-2015' }).step?.guide).toBe('guia-2015');
  });
});

describe('finding the step from its topic', () => {
  it.each([
    ['¿cuándo hay que tener el plan de apertura?', 'guia-2017/1.3'],
    ['plan de apertrua', 'guia-2017/1.3'],
    ['como priorisar los datos de valor', 'guia-2017/1.2'],
    ['priorizacion de datos', 'guia-2017/1.2'],
    ['PRIORIZACIÓN DE DATOS', 'guia-2017/1.2'],
    ['formar el equipo de trabajo', 'guia-2017/1.1'],
    ['reportes ciudadanos', 'guia-2017/3.3'],
    ['How long do we have to prioritize valuable data?', 'guia-2017/1.2'],
    ['who answers citizen reports?', 'guia-2017/3.3'],
    // Any letter may be the wrong one, the first included.
    ['xriorizar los datos de valor', 'guia-2017/1.2'],
    ['plan de aoertura', 'guia-2017/1.3'],
    // Inflected English words reach the alias of their base form.
    ['forming?', 'guia-2017/1.1'],
    // "promoción" and "promover" stem apart; the word-family list joins them.
    ['promoción de los datos', 'guia-2015/4.1'],
    ['historia de éxito', 'guia-2015/4.1'],
  ])('«%s» → %s', (q, expected) => {
    expect(where(q)).toBe(expected);
  });

  it('names the edition when the answer comes from a guide that is not the default', () => {
    const answer = ask('historia de éxito');
    expect(answer.text).toContain('Edición: Guía (2015)');
    expect(ask('plan de apertura').text).not.toContain('Edición');
  });

  it('offers the top candidates instead of guessing when two steps fit equally', () => {
    const answer = ask('disponibilidad de las URL');
    expect(answer.outcome).toBe('choose');
    expect(answer.step).toBeNull();
    expect(answer.alternatives.map((a) => a.step.id).sort()).toEqual(expect.arrayContaining(['2.3', '3.1']));
    expect(answer.text).toContain('No estoy seguro');
    expect(answer.text).toMatch(/\*2\.3\* Mejorar la disponibilidad/);
  });

  it('offers the candidates when the question asks which steps («¿qué pasos…?»)', () => {
    const answer = ask('¿qué pasos hablan de la disponibilidad de las URL?');
    expect(answer.outcome).toBe('choose');
    expect(answer.alternatives.map((a) => a.step.id)).toEqual(expect.arrayContaining(['2.3', '3.1']));
    expect(where('¿en qué paso se prioriza?')).toBe('guia-2017/1.2');
  });

  it('says when nothing matches and suggests /guia lista', () => {
    const answer = ask('¿Cuál es la capital de Francia?');
    expect(answer.outcome).toBe('no_match');
    expect(answer.step).toBeNull();
    expect(answer.text).toContain('/guia lista');
  });

  it.each([
    // Two of the four topic words are unknown to the guide; "equipo" alone matched step 1.1.
    '¿Cuál es el mejor equipo de fútbol de México?',
    '¿Quién ganó la final de la Liga MX?',
    'the best football team in Mexico',
    // The only shared word is one nearly every step has.
    '¿cómo se publica la nómina?',
  ])('says it has no answer for an off-topic question that shares a word with a step: «%s»', (q) => {
    const answer = ask(q);
    expect(answer.outcome).toBe('no_match');
    expect(answer.step).toBeNull();
    expect(answer.text).toContain('/guia lista');
  });

  it.each([
    // "tocan" was read as "toman", a word of one step, and "año" named that step's deadline.
    '¿Cuántos días de vacaciones me tocan este año?',
    // "correr" was read as "correo"; "equipo" alone then matched the step that forms a team.
    '¿Cuál es el mejor equipo para correr un maratón?',
  ])('says it has no answer when only intent words or spelling guesses match a step: «%s»', (q) => {
    // The words the real guide has: 1.2 says "se toman decisiones" and "cada año"; 2.4 mentions "correo".
    const g = 'guia-2017';
    const guide = {
      id: g,
      title: 'Guía',
      isDefault: true,
      steps: [
        step(g, '1.1', { title: 'Formar un Equipo de Trabajo', summary: 'El mejor equipo posible.' }),
        step(g, '1.2', { title: 'Priorizar', summary: 'Se toman decisiones cada año.' }),
        step(g, '2.4', { title: 'Publicar', summary: 'Avisa por correo electrónico.' }),
      ],
    };
    const answer = createAnswerer([guide]).answer(q);
    expect(answer.outcome).toBe('no_match');
    expect(answer.text).toContain('No encontré');
  });

  it.each([
    ['datos', '«datos» aparece en casi todos los pasos'],
    ['datos abiertos', '«datos», «abiertos» aparecen en casi todos los pasos'],
  ])(
    'asks for a narrower question when «%s» is in every step, instead of saying nothing was found',
    (q, says) => {
      const answer = ask(q);
      expect(answer.text).toContain(says);
      expect(answer.text).not.toContain('No encontré');
      expect(answer.step).toBeNull();
    },
  );

  it("still answers questions with an unknown word or two next to the step's own words", () => {
    expect(where('¿cómo se usan los servicios web?')).toBe('guia-2017/2.3');
    expect(where('publicar el plan')).toBe('guia-2017/1.3');
    // English reaches the guide through a short alias list, so unknown English words weigh less.
    expect(ask('who handles the URL availability checks?').outcome).toBe('choose');
  });

  it('answers an off-topic question that names a step with that step', () => {
    expect(where('¿el mejor equipo de fútbol sale en el paso 1.1?')).toBe('guia-2017/1.1');
  });

  it('gives at most 3 alternatives, never the answer itself', () => {
    const answer = ask('publicar los datos abiertos en datos.gob.mx plan de apertura');
    expect(answer.alternatives.length).toBeLessThanOrEqual(3);
    expect(answer.alternatives.map((a) => a.step)).not.toContain(answer.step);
  });
});

describe('the answer text', () => {
  it('lists the people involved and ends with the link to the step', () => {
    const { text } = ask('¿quién participa en el 1.2?');
    expect(text).toContain('*Involucrados:*\n• Enlace Institucional\n• Unidad de Transparencia');
    expect(text.trim().endsWith('https://datos.gob.mx/guia/planea/paso-1-2.html')).toBe(true);
  });

  it('quotes the deadline and says what it means in plain words', () => {
    expect(ask('plazo del 1.3').text).toContain(
      '«90 días naturales para la primera iteración, y de manera continua» — es decir, 90 días naturales (de calendario) para la primera iteración y después de forma continua.',
    );
    expect(ask('plazo del 1.2').text).toContain('y después cada año');
    expect(ask('plazo del 3.3').text).toContain('30 días hábiles (sin contar fines de semana');
    expect(ask('plazo del 4.1').text).toContain('sin número de días; se hace de forma continua');
  });

  it('explains a deadline with no days that comes first from other steps, then every six months (3.4)', () => {
    const deadline = {
      text: 'Según los tiempos específicos marcados por esta Guía y posteriormente de manera semestral.',
      recurrence: 'semestral' as const,
    };
    expect(explainDeadline(deadline, 'es')).toBe('sin número de días; después, cada seis meses');
    expect(explainDeadline(deadline, 'en')).toBe('no number of days; then every six months');
  });

  it('does not claim a kind of days the guide does not give («180 días»), and says how due dates count them', () => {
    const es = ask('¿cuál es el plazo del 4.1 de la edición 2015?').text;
    expect(es).toContain(
      '«180 días» — es decir, 180 días (la guía no precisa si son naturales o hábiles; para las fechas de vencimiento el bot los cuenta como naturales).',
    );
    expect(es).not.toContain('de calendario');
    const en = ask('what is the deadline of step 4.1 of the 2015 edition?').text;
    expect(en).toContain(
      '«180 días» — that is, 180 days (the guide does not say whether calendar or working days; the bot counts calendar days for due dates).',
    );
    expect(en).not.toContain('180 calendar days');
  });

  it('says «calendar days» and «working days» in English when the guide gives the kind', () => {
    expect(ask('what is the deadline of step 1.3?').text).toContain('90 calendar days the first time');
    expect(ask('what is the deadline of step 3.3?').text).toContain('30 working days');
    expect(ask('what is the deadline of step 1.3?').text).not.toContain('does not say');
  });

  it('quotes the regulations, or says the step cites none', () => {
    expect(ask('normatividad del 1.2').text).toContain(
      '• Decreto por el que se establece la regulación en materia de Datos Abiertos',
    );
    expect(ask('normatividad del 1.3').text).toContain('no cita normatividad');
  });

  it('lists the activities', () => {
    expect(ask('actividades del 1.1').text).toContain(
      '*Actividades:*\n• Designar al Enlace Institucional y Administrador de Datos\n• Sesionar el Grupo de Trabajo',
    );
  });

  it('answers English questions with English labels', () => {
    const answer = ask('who is involved in step 1.2?');
    expect(answer.language).toBe('en');
    expect(answer.text).toContain('*Who is involved:*');
    expect(answer.text).toContain('More information: https://datos.gob.mx/guia/planea/paso-1-2.html');
    expect(ask('¿quién participa en el 1.2?').language).toBe('es');
  });
});

describe('bad input never throws and never pings anyone', () => {
  it.each(['', '   ', '¿?¡!...', '🙂🙂🙂', '\n\t'])('«%s» gets a helpful hint', (q) => {
    const answer = ask(q);
    expect(answer.outcome).toBe('empty');
    expect(answer.text).toContain('/guia lista');
  });

  it.each(['hola', 'Buenos días', 'ayuda', 'help', '¿En qué me puedes ayudar?', '<@U123> hola'])(
    '«%s» gets a friendly explanation of what the bot answers',
    (q) => {
      const answer = ask(q);
      expect(answer.outcome).toBe('small_talk');
      expect(answer.intent).toBeNull();
      expect(answer.text).toMatch(/Hola|Hi/);
      expect(answer.text).toContain('/guia lista');
    },
  );

  it.each([
    ['¡Gracias!', 'thanks', '¡De nada!'],
    ['muchas gracias, bot', 'thanks', '¡De nada!'],
    ['gracias, me sirvió mucho', 'thanks', '¡De nada!'],
    ['adiós', 'bye', '¡Hasta luego!'],
    ['thanks a lot', 'thanks', 'You’re welcome'],
  ])('«%s» is small talk (%s), answered as such, not with the greeting', (q, kind, words) => {
    const answer = ask(q);
    expect(answer).toMatchObject({ outcome: 'small_talk', smallTalk: kind, steps: [] });
    expect(answer.text).toContain(words);
  });

  it('answers the question that follows a greeting', () => {
    expect(where('hola, ¿quién participa en priorizar los datos?')).toBe('guia-2017/1.2');
    expect(where('ayuda con el plan de apertura')).toBe('guia-2017/1.3');
  });

  it('strips Slack mentions and broadcasts before reading the question', () => {
    const answer = ask('<@U123> <!channel> ¿quién participa en el paso 1.2?');
    expect(answer.step?.id).toBe('1.2');
    expect(answer.intent).toBe('involucrados');
  });

  it('reads link and channel labels as words', () => {
    expect(ask('<https://datos.gob.mx|plan de apertura> <#C1|canal>').step?.id).toBe('1.3');
  });

  it('never echoes a raw <!channel> or <!here>', () => {
    for (const q of ['<!channel>', '<!here> pozole', '&lt;!channel&gt; pozole con <!everyone>']) {
      const { text } = ask(q);
      expect(text).not.toMatch(/<!(channel|here|everyone)/);
    }
  });

  it('escapes user text that is echoed back (Slack sends &, < and > already escaped)', () => {
    const { text } = ask('pozole &amp; tamales &lt;b&gt; &lt;!here&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('pozole &amp; tamales &lt;b&gt;');
  });

  it('answers a 10,000-character question quickly and without throwing', () => {
    const long = `¿quién participa en el paso 1.2? ${'bla '.repeat(2500)}`;
    const started = performance.now();
    const answer = ask(long);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer.step?.id).toBe('1.2');
    expect(answer.text.length).toBeLessThan(3000);
  });

  it('treats fuse operators in user text as plain words', () => {
    expect(() => ask("!plazo =apertura ^plan | 'priorizar")).not.toThrow();
    // The same answer as the bare words: the operators are neither obeyed nor counted.
    const plain = ask('plazo apertura plan priorizar');
    expect(ask("!plazo =apertura ^plan | 'priorizar")).toMatchObject({
      outcome: plain.outcome,
      step: plain.step,
      confidence: plain.confidence,
    });
    expect(ask('!plazo del 1.2').intent).toBe('plazo');
  });

  it('reads «constructor» or «toString» as plain words, in a question or in a step', () => {
    // Word lists are looked up by the user's word: Object's own properties must not answer.
    expect(ask('constructor').outcome).toBe('no_match');
    expect(ask('¿quién es el constructors?').outcome).toBe('no_match');
    const g = 'guia-2017';
    const guide = {
      id: g,
      title: 'Guía',
      isDefault: true,
      steps: [step(g, '1.1', { summary: 'El constructor valueOf del plan.' })],
    };
    expect(createAnswerer([guide]).answer('constructor del plan').step?.id).toBe('1.1');
  });

  it('copes with non-string input from untyped callers', () => {
    expect(ask(undefined as unknown as string).outcome).toBe('empty');
  });

  it('works with no guides at all', () => {
    const empty = createAnswerer([]);
    expect(empty.answer('¿quién participa en el 1.2?').outcome).toBe('no_match');
    expect(empty.search('plan')).toEqual([]);
  });
});

describe('search for /guia buscar', () => {
  it('returns steps best first, with scores, limited', () => {
    const results = answerer.search('plan de apertura', 2);
    expect(results).toHaveLength(2);
    expect(results[0]?.step.id).toBe('1.3');
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? 0);
  });

  it('finds nothing for an empty query', () => {
    expect(answerer.search('')).toEqual([]);
  });
});

describe('questions made only of formatting', () => {
  const answerer = createAnswerer(sampleGuides());
  it('get a Spanish reply whose echo cannot open a code block', () => {
    const answer = answerer.answer('*bold* ~x~ _i_ `code` ```block``` > cita');
    expect(answer.language).toBe('es');
    expect(answer.text).not.toContain('```');
  });
});

describe('questions that name no step or topic', () => {
  const answerer = createAnswerer(sampleGuides());
  it('ask which step, with an example of the same kind of question', () => {
    const deadline = answerer.answer('¿cuál es el plazo?');
    expect(deadline).toMatchObject({ outcome: 'empty', step: null, intent: 'plazo' });
    expect(deadline.text).toContain('¿De qué paso?');
    expect(deadline.text).toContain('plazo');
    expect(answerer.answer('who is involved?').text).toContain('Which step?');
  });
});
