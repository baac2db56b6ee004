/**
 * How officials really ask, on the shipped guide and glossary, through the pure core (no processes): lists by
 * regulation or by any name of a role, a phase's first and last step, list follow-ups, both editions, SMS
 * and number forms, everyday verbs that must not refuse an answer, definitions of addresses, and the guide's
 * own clause for a specific question. The questions are written from the guide, not taken from an eval set.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAnswerContent } from '../../src/content/glossary.ts';
import { loadContent } from '../../src/content/loader.ts';
import { answerText } from '../../src/render/answer.ts';
import { mrkdwnToPlain } from '../../src/render/plain-text.ts';
import { type Answer, createAnswerer } from '../../src/search/answerer.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const { guides } = loadContent(content);
const answerer = createAnswerer(guides, loadAnswerContent(content, guides));
const ask = (q: string, context?: unknown) => answerer.answer(q, context === undefined ? {} : { context });
const ref = (a: Answer) => (a.step ? `${a.step.guide}:${a.step.id}` : null);
const ids = (a: Answer) => a.steps.map((s) => `${s.guide}:${s.id}`).sort();
const text = (a: Answer) => mrkdwnToPlain(answerText(a, guides));
const y = (...list: string[]) => list.map((id) => `guia-2017:${id}`).sort();
/** A chain of turns, each with the context the one before left. */
const chat = (...turns: string[]): Answer[] => {
  const out: Answer[] = [];
  for (const q of turns) out.push(ask(q, out[out.length - 1]?.context ?? undefined));
  return out;
};

describe('lists people ask for', () => {
  it('lists the steps that cite a regulation, named as the guide writes it', () => {
    const a = ask('¿en qué pasos se cumple la Ley General de Transparencia?');
    expect(a).toMatchObject({ outcome: 'list', intent: 'normatividad' });
    expect(ids(a)).toEqual(y('1.1', '1.2'));
    expect(text(a)).toContain('Ley General de Transparencia y Acceso a la Información Pública');
  });

  it('finds a role under any of its glossary names, never under a looser one', () => {
    const enlace = ask('¿en qué pasos participa el Enlace Institucional?');
    // Step 3.4 names it «Enlace de Datos Abiertos».
    expect(ids(enlace)).toContain('guia-2017:3.4');
    const admin = ask('¿en qué pasos participa el Administrador de Datos Abiertos?');
    // «áreas administradoras de datos» (step 1.2) is another role.
    expect(ids(admin)).not.toContain('guia-2017:1.2');
  });

  it('reads an English role question whose role comes before the verb', () => {
    const a = ask('in which steps does the Unidad de Transparencia take part?');
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa la Unidad de Transparencia?')));
  });

  it('shows each step of a phase with the facet asked', () => {
    const a = ask('¿quiénes participan en cada paso de Perfecciona?');
    expect(a).toMatchObject({ outcome: 'list', intent: 'involucrados' });
    expect(ids(a)).toEqual(y('3.1', '3.2', '3.3', '3.4'));
    expect(text(a)).toContain('Administrador de Datos Abiertos');
  });

  it('lists the whole guide even when the person adds words of their own', () => {
    const a = ask('pásame todos los pasos de la guía, apenas voy empezando');
    expect(a.outcome).toBe('list');
    expect(a.steps).toHaveLength(14);
  });

  it('«¿y los de Publica?» after a list is the same list for that phase', () => {
    const first = ask('plazos de la fase Planea');
    const next = ask('¿y los de Publica?', first.context);
    expect(next).toMatchObject({ outcome: 'list', intent: 'plazo', followUp: true });
    expect(ids(next)).toEqual(y('2.1', '2.2', '2.3', '2.4'));
  });

  it('«¿y el plazo del primero?» after a list is the first listed step', () => {
    const list = ask('pasos de la fase Promueve');
    const next = ask('¿y el plazo del primero?', list.context);
    expect(next).toMatchObject({ outcome: 'answered', intent: 'plazo' });
    expect(ref(next)).toBe('guia-2017:4.1');
  });
});

describe('navigation within a phase and both editions', () => {
  it.each([
    ['¿cuál es el primer paso de Perfecciona?', '3.1'],
    ['¿y el último paso de la fase Publica?', '2.4'],
    ['¿con qué paso se inicia?', '1.1'],
    ["what's after 3.3?", '3.4'],
  ])('«%s» → step %s', (q, id) => {
    expect(ref(ask(q))).toBe(`guia-2017:${id}`);
  });

  it('says which phase it means', () => {
    expect(text(ask('¿cuál es el primer paso de Perfecciona?'))).toContain(
      'El primer paso de la fase Perfecciona',
    );
  });

  it.each(['el 4.1 en ambas ediciones', 'plazo del 4.1 2015 vs 2017'])(
    '«%s» puts both editions side by side',
    (q) => {
      const a = ask(q);
      expect(a.outcome).toBe('list');
      expect(ids(a)).toEqual(['guia-2015:4.1', 'guia-2017:4.1']);
    },
  );

  it('«¿y en el de 2015?» moves the last answer to that edition', () => {
    const first = ask('¿quién participa en el 4.1?');
    expect(ref(ask('¿y en el de 2015?', first.context))).toBe('guia-2015:4.1');
  });
});

describe('SMS Spanish and number forms', () => {
  it.each([
    ['q ay q acer en el 2.4', '2.4', 'actividades'],
    ['tiempo max d cumplimiento dl 3.2', '3.2', 'plazo'],
    ['plazo del 1-3', '1.3', 'plazo'],
    ['d q se trata el cuatro.dos', '4.2', 'resumen'],
    ['kienes stan en el ekipo de trabajo', '1.1', 'involucrados'],
  ])('«%s» → step %s, %s', (q, id, intent) => {
    const a = ask(q);
    expect(ref(a)).toBe(`guia-2017:${id}`);
    expect(a.intent).toBe(intent);
  });
});

describe('everyday words do not refuse an answer', () => {
  it('an everyday verb the guide lacks does not turn a right answer into a refusal', () => {
    const a = ask('¿qué áreas intervienen cuando se escogen los datos de valor?');
    expect(a.outcome).toBe('answered');
    expect(ref(a)).toBe('guia-2017:1.2');
  });

  it('office words for the guide’s own («de verdad», «liberar», «homologar», «bolita») reach the step', () => {
    expect(ref(ask('¿quién verifica que de veras estemos cumpliendo con la política?'))).toBe(
      'guia-2017:3.4',
    );
    expect(ref(ask('¿cómo homologamos las fechas en los archivos?'))).toBe('guia-2017:2.2');
    expect(ref(ask('¿quiénes forman la bolita de trabajo de datos abiertos?'))).toBe('guia-2017:1.1');
  });

  it('everyday verbs for what a step does («escoger», «postear», «describir») reach that step', () => {
    expect(ref(ask('¿cómo escogemos los datos que conviene abrir?'))).toBe('guia-2017:1.2');
    expect(ref(ask('¿cada cuánto hay que postear sobre los datos?'))).toBe('guia-2017:4.3');
    expect(ref(ask('¿cómo describimos cada conjunto que publicamos?'))).toBe('guia-2017:2.4');
  });

  it('while a foreign noun still refuses, verbs or not', () => {
    expect(ask('¿cuál es el mejor equipo para correr un maratón?').outcome).toBe('no_match');
    expect(ask('¿cómo solicito mis vacaciones?').outcome).toBe('no_match');
  });

  it('«el documento» with the opening dates is the plan (1.3), not «documentar» metadata (2.4)', () => {
    expect(ref(ask('¿quién hace el documento con las fechas en que abriremos cada base?'))).toBe(
      'guia-2017:1.3',
    );
  });

  it('links that «se caen» are the monitoring of step 3.1, not the distribution of 2.3', () => {
    expect(ref(ask('¿quién revisa que las URLs no se caigan?'))).toBe('guia-2017:3.1');
  });

  it('pay, leave and IT support are refused even when they share a word with a step', () => {
    expect(ask('¿qué formato uso para pedir mis días económicos?').outcome).toBe('no_match');
    expect(ask('olvidé la contraseña de mi correo, ¿quién me ayuda?').outcome).toBe('no_match');
    expect(ask('¿dónde consulto mi recibo de nómina en el sistema?').outcome).toBe('no_match');
  });

  it('a step named outright is answered even beside an office matter', () => {
    expect(ref(ask('antes de irme de vacaciones: ¿qué plazo tiene el paso 1.1?'))).toBe('guia-2017:1.1');
  });

  it('formal openings («Estimado asistente, ¿sería tan amable de indicarme…?») are read past', () => {
    expect(ref(ask('Estimado asistente, ¿sería tan amable de indicarme quiénes priorizan los datos?'))).toBe(
      'guia-2017:1.2',
    );
    expect(
      ref(ask('¿me podrías orientar sobre qué actividades implica convertir los datos a formatos abiertos?')),
    ).toBe('guia-2017:2.1');
  });

  it('«¿cómo estás?» is small talk', () => {
    expect(ask('¿cómo estás?').outcome).toBe('small_talk');
  });
});

describe('definitions', () => {
  it('defines a term that is also a web address', () => {
    expect(ask('¿qué es datos.gob.mx?')).toMatchObject({ outcome: 'answered', intent: 'definicion' });
    expect(ask('¿qué es datos.gob.mx?').term?.term).toBe('datos.gob.mx');
  });

  it('reads the term in the first clause of a longer question', () => {
    expect(ask('¿qué es un recurso de datos, es igual que un archivo?').term?.term).toBe('Recurso de datos');
  });

  it('a facet or a step asked with «what is» is no definition', () => {
    const a = ask("what's the deadline for the opening plan?");
    expect(a).toMatchObject({ outcome: 'answered', intent: 'plazo' });
    expect(ref(a)).toBe('guia-2017:1.3');
  });
});

describe('the guide’s own clause for a specific question', () => {
  it.each([
    ['¿se puede usar una dirección IP en las URL de descarga?', '3.1', 'nombre de dominio'],
    ['¿qué formatos sirven para datos geográficos?', '2.1', 'GeoJSON'],
    ['¿además del CSV puedo subir un excel?', '2.1', 'XLS o XLSX'],
    ['¿qué debe decir la minuta de las sesiones del grupo?', '1.1', 'tiempo, modo y lugar'],
  ])('«%s» quotes step %s: «%s»', (q, id, words) => {
    const a = ask(q);
    expect(ref(a)).toBe(`guia-2017:${id}`);
    expect(a.quotes.map((x) => x.text).join(' ')).toContain(words);
  });
});

describe('more ways of naming phases, roles and the last answer', () => {
  it('reads a phase by its number', () => {
    expect(ids(ask('¿qué pasos trae la fase 2?'))).toEqual(y('2.1', '2.2', '2.3', '2.4'));
    expect(ref(ask('¿con qué paso arranca la cuarta fase?'))).toBe('guia-2017:4.1');
  });

  it('ends the role at the first stop, so the rest of the message does not change it', () => {
    const a = ask('¿qué pasos me tocan como UT? es para un informe');
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa la Unidad de Transparencia?')));
  });

  it('«¿qué normatividad tiene ese?» and «¿cuándo hay que hacerlo?» refer to the last answer', () => {
    const first = ask('¿quién participa en el 2.3?');
    expect(ask('¿qué normatividad tiene ese?', first.context)).toMatchObject({
      intent: 'normatividad',
      followUp: true,
    });
    expect(ref(ask('¿y en cuántos días hay que hacerlo?', first.context))).toBe('guia-2017:2.3');
  });
});

describe('phases in English, what a phase holds, «before» and bare years', () => {
  it.each([
    ['list the steps of the Publish phase', y('2.1', '2.2', '2.3', '2.4')],
    ['what are the steps of the Promote phase?', y('4.1', '4.2', '4.3')],
    ['¿qué incluye la fase Perfecciona?', y('3.1', '3.2', '3.3', '3.4')],
    ['¿cómo se compone la primera fase?', y('1.1', '1.2', '1.3')],
  ])('«%s» lists the phase', (q, want) => {
    const a = ask(q);
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(want);
  });

  it('«¿qué viene antes del 3.2?» goes back, though «viene» alone means next', () => {
    expect(ref(ask('¿qué viene antes del 3.2?'))).toBe('guia-2017:3.1');
    expect(ref(ask('¿qué viene después del 3.2?'))).toBe('guia-2017:3.3');
  });

  it('«¿y en 2015?» after a step moves it to that edition; «¿y el del de 2017?» back', () => {
    const first = ask('¿de qué trata el 4.1?');
    const old = ask('¿y en 2015?', first.context);
    expect(ref(old)).toBe('guia-2015:4.1');
    expect(ref(ask('¿y el plazo del de 2017?', old.context))).toBe('guia-2017:4.1');
  });

  it('a step named with one edition is that edition’s or none; the next step needs none', () => {
    expect(ask('¿cuál es el plazo del paso 1.1 de la edición 2015?').outcome).toBe('no_match');
    expect(ids(ask('involucrados del 4.1 de 2015 y del 4.3'))).toEqual(['guia-2015:4.1', 'guia-2017:4.3']);
  });

  it('«mil gracias, muy útil» is small talk; «¿qué es X según la guía?» defines X', () => {
    expect(ask('mil gracias, muy útil').outcome).toBe('small_talk');
    expect(ask('¿qué es la Minuta según la guía?').term?.term).toBe('Minuta');
  });
});

describe('«solo», «únicamente»: the only role or regulation of a step', () => {
  it('lists the steps where the Administrador de Datos Abiertos takes part alone', () => {
    const a = ask('¿qué pasos hace únicamente el Administrador de Datos Abiertos, sin nadie más?');
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(y('2.3', '2.4', '3.1'));
    // Without «únicamente» it is every step where the role takes part.
    expect(ask('¿en qué pasos participa el Administrador de Datos Abiertos?').steps.length).toBeGreaterThan(
      3,
    );
  });

  it('lists the steps whose only regulation is the Decreto', () => {
    const only = ids(ask('¿qué pasos cumplen solo con el Decreto de Datos Abiertos?'));
    const any = ids(ask('¿qué pasos citan el Decreto de Datos Abiertos?'));
    expect(only.length).toBeGreaterThan(0);
    expect(only.length).toBeLessThan(any.length);
    for (const id of only) expect(any).toContain(id);
  });

  it('the data areas («administradoras de datos») are not the Administrador de Datos', () => {
    expect(ids(ask('¿qué pasos le tocan solo al administrador de datos?'))).toEqual(y('2.3', '2.4', '3.1'));
  });
});

describe('steps by what their deadline depends on, and «qué pide hacer»', () => {
  it('lists the steps whose deadline follows the Plan de Apertura', () => {
    const a = ask('¿qué pasos tienen un plazo que depende de lo que marque el Plan de Apertura?');
    expect(a).toMatchObject({ outcome: 'list', intent: 'plazo' });
    expect(a.steps.length).toBeGreaterThan(0);
    for (const s of a.steps) expect(s.deadline.text).toContain('Plan de Apertura');
    expect(a.steps.length).toBeLessThan(14);
  });

  it('«¿qué pide hacer el 2.4?» asks for the activities', () => {
    expect(ask('¿qué pide hacer el 2.4?').intent).toBe('actividades');
  });
});

describe('a quote never stops halfway through the answer', () => {
  it('quotes the whole enumeration when the question asks for what it lists', () => {
    const a = ask('¿qué medios de distribución puede usar la institución?');
    const quoted = a.quotes.map((x) => x.text).join(' ');
    expect(quoted).toContain('servicios web o API');
    expect(quoted).toContain('alimentadores de noticias');
  });

  it('quotes the other branch of a condition («Si es negativa…»)', () => {
    const a = ask('si el reporte del ciudadano no procede, ¿con qué le contesto?');
    expect(a.quotes.map((x) => x.text).join(' ')).toContain('fundamento jurídico');
  });

  it('a deadline question quotes the sentence with the number of days', () => {
    const a = ask('¿en cuánto tiempo hay que contestar un reporte ciudadano?');
    expect(a).toMatchObject({ intent: 'plazo' });
    expect(a.quotes.map((x) => x.text).join(' ')).toContain('30 (treinta) días');
  });
});

describe('more everyday forms', () => {
  it('reads the edition named after each step', () => {
    expect(ids(ask('normatividad del 1.1 y del 4.1 de 2015'))).toEqual(['guia-2015:4.1', 'guia-2017:1.1']);
    expect(ids(ask('involucrados del 4.1, 2015 vs 2017'))).toEqual(['guia-2015:4.1', 'guia-2017:4.1']);
  });

  it('lists several phases named together', () => {
    expect(ids(ask('pasos de la fase 2 y de la fase 3'))).toEqual(
      y('2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4'),
    );
  });

  it('an acronym names the role in English too', () => {
    const a = ask('which steps does the Transparency Unit (UT) take part in?');
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa la UT?')));
  });

  it.each([
    ['oye, perdona, ¿qué es DCAT? me lo preguntaron ayer', 'DCAT'],
    ['perdón por la insistencia, ¿qué significa CSV?', 'CSV'],
  ])('«%s» defines %s', (q, term) => {
    expect(ask(q).term?.term).toBe(term);
  });

  it('«¿y el JSON?» after a definition defines the next term', () => {
    const first = ask('¿qué es CSV?');
    expect(ask('¿y el JSON?', first.context).term?.term).toBe('JSON');
  });

  it.each(['que tengas buen día, bye', 'qué tal, ¿cómo vas?', 'ok muchas gracias, eso era'])(
    '«%s» is small talk',
    (q) => {
      expect(ask(q).outcome).toBe('small_talk');
    },
  );

  it.each([
    ['actividades dl paso cuatro dos', '4.2', 'actividades'],
    ['k ai q acer n el dos.uno', '2.1', 'actividades'],
    ['soy del área jurídica, ¿cuál es el fundamento del 2.2?', '2.2', 'normatividad'],
    ['tiempos de cumplimiento del 3.1', '3.1', 'plazo'],
  ])('«%s» → step %s, %s', (q, id, intent) => {
    const a = ask(q);
    expect(ref(a)).toBe(`guia-2017:${id}`);
    expect(a.intent).toBe(intent);
  });
});

describe('tables, «qué paso sigue» and the nth step of a phase', () => {
  it('«tablas» and «tabular data» are the guide’s «datos tabulares»', () => {
    for (const q of ['¿qué formato abierto se recomienda para tablas?', 'which format for tabular data?']) {
      const a = ask(q);
      expect(ref(a)).toBe('guia-2017:2.1');
      expect(a.quotes.map((x) => x.text).join(' ')).toContain('CSV para datos tabulares');
    }
  });

  it('«ya publicamos el catálogo, ¿qué paso sigue?» is the step after it', () => {
    expect(ref(ask('ya publicamos el catálogo de datos, ¿qué paso sigue?'))).toBe('guia-2017:3.1');
  });

  it('«el tercer paso de Perfecciona» is 3.3', () => {
    expect(ref(ask('¿cuál es el tercer paso de Perfecciona?'))).toBe('guia-2017:3.3');
  });
});

describe('openings, SMS and lists people type in a hurry', () => {
  it.each([
    ['perdón, una consulta, ¿qué es el catálogo de datos abiertos?', 'Catálogo de Datos Abiertos'],
    ['gracias por la ayuda, última: ¿qué es ADELA?', 'ADELA'],
    ['q signfica DCAT', 'DCAT'],
  ])('«%s» defines %s', (q, term) => {
    expect(ask(q).term?.term).toBe(term);
  });

  it('«hola, soy nueva en esto, ¿de qué trata el primer paso?» is step 1.1', () => {
    expect(ref(ask('hola, soy nueva en esto, ¿de qué trata el primer paso?'))).toBe('guia-2017:1.1');
  });

  it('«elaborar» or «armar» the plan is generating it (step 1.3)', () => {
    expect(ref(ask('¿quiénes participan en elaborar el plan de apertura?'))).toBe('guia-2017:1.3');
  });

  it.each([
    ['enlístame la fase publica porfa', y('2.1', '2.2', '2.3', '2.4')],
    ['actividades de toda la fase promueve', y('4.1', '4.2', '4.3')],
    ['¿en cuáles pasos aparece la unidad de transparencia entre los involucrados?', y('1.1', '1.2', '3.2')],
  ])('«%s» is a list', (q, want) => {
    const a = ask(q);
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(want);
  });

  it('«dame todos los pasos en orden» lists the whole guide', () => {
    expect(ask('dame todos los pasos de la guía en orden').steps).toHaveLength(14);
  });
});

describe('office questions that share a couple of the guide’s words', () => {
  it.each([
    'el sistema de nómina marca error al bajar mi recibo',
    'necesito la plantilla de oficio para solicitar vacaciones',
    'cómo actualizo mis datos personales en el ISSSTE',
  ])('«%s» is refused', (q) => {
    expect(ask(q).outcome).toBe('no_match');
  });

  it('while a question the guide answers with words deep in a step is still answered', () => {
    expect(ref(ask('qué se anota en la minuta de cada sesión del grupo'))).toBe('guia-2017:1.1');
    expect(ref(ask('¿en los montos pongo el signo de pesos?'))).toBe('guia-2017:2.2');
  });
});

describe('who is asking is not what is asked', () => {
  it.each([
    ['soy auditora del OIC, ¿qué normatividad tiene el 3.4?', '3.4', 'normatividad'],
    ['somos una paraestatal de energía, ¿qué tenemos que hacer primero?', '1.1', 'actividades'],
  ])('«%s» → step %s', (q, id, intent) => {
    const a = ask(q);
    expect(ref(a)).toBe(`guia-2017:${id}`);
    expect(a.intent).toBe(intent);
  });

  it('«hola! soy practicante, ¿qué es un CSV?» defines CSV', () => {
    expect(ask('hola! soy practicante, ¿qué es un CSV?').term?.term).toBe('CSV');
  });

  it('follow-ups that point back without «y»: «¿quiénes lo elaboran?», «who is in charge of that?»', () => {
    const first = ask('¿cuál es el plazo del 2.3?');
    expect(ask('¿quiénes lo elaboran?', first.context)).toMatchObject({
      intent: 'involucrados',
      followUp: true,
    });
    expect(ref(ask("who's in charge of that?", first.context))).toBe('guia-2017:2.3');
  });

  it('«mil grasias!!» is small talk', () => {
    expect(ask('mil grasias!!').outcome).toBe('small_talk');
  });
});

describe('a list names what it lists as the guide writes it', () => {
  it.each([
    ['¿qué pasos dependen del plan de apertura?', '«Plan de Apertura»'],
    ['¿en qué pasos participa el oic?', '«Órganos Internos de Control»'],
  ])('«%s» → %s', (q, title) => {
    expect(text(ask(q)).split('\n')[0]).toContain(title);
  });
});

describe('verbs the guide does not use, and the asker’s own office', () => {
  it('a verb that changes its stem («atiende») meets the guide’s «atender»', () => {
    const a = ask('¿quién atiende las recomendaciones de disponibilidad de las URL?');
    expect(a).toMatchObject({ outcome: 'answered', intent: 'involucrados' });
    expect(ref(a)).toBe('guia-2017:3.1');
  });

  it('a word in a verb’s place («que manda la gente») does not refuse the answer', () => {
    // «checa» and «manda» end like nouns; they stand where verbs do.
    const a = ask('¿quién checa los reportes que manda la gente?');
    expect(a).toMatchObject({ outcome: 'answered', intent: 'involucrados' });
  });

  it('naming the kind of office one works at does not refuse the answer', () => {
    const a = ask('¿cuánto tiempo tiene el ayuntamiento para priorizar sus datos?');
    expect(a).toMatchObject({ outcome: 'answered', intent: 'plazo' });
    expect(ref(a)).toBe('guia-2017:1.2');
  });

  it('an apology for asking is an opening, not the topic', () => {
    const a = ask('perdón por mi ignorancia, ¿qué significa DCAT?');
    expect(a).toMatchObject({ outcome: 'answered', intent: 'definicion' });
    expect(a.term?.term).toBe('DCAT');
    expect(ask('disculpa que te moleste de nuevo, ¿quién participa en el paso 2.1?').outcome).toBe(
      'answered',
    );
  });

  it('a verb that is the whole topic beside one incidental guide word is still refused', () => {
    expect(ask('¿dónde me estaciono en la oficina?').outcome).toBe('no_match');
  });
});

describe('lists by several facts at once', () => {
  it('reads a phase’s name spelt by ear, and not a word that only looks like one', () => {
    expect(ids(ask('pasos de la fase perfeciona'))).toEqual(y('3.1', '3.2', '3.3', '3.4'));
    expect(ids(ask('q pasos tiene la fase publika'))).toEqual(y('2.1', '2.2', '2.3', '2.4'));
    expect(ask('¿qué pasos hablan de información de interés publico?').list?.phase).toBeUndefined();
  });

  it('«los de Planea» and «las fases y sus pasos» are lists', () => {
    expect(ids(ask('¿cuáles son los de Planea?'))).toEqual(y('1.1', '1.2', '1.3'));
    expect(ask('¿cuáles son las fases de la guía y sus pasos?').steps).toHaveLength(14);
  });

  it('compares days, joins recurrences and finds deadlines with no number of days', () => {
    const under = ask('¿qué pasos tienen un plazo de menos de 60 días?');
    expect(ids(under)).toEqual(y('1.1'));
    expect(text(under)).toContain('menos de 60 días');
    // «tiempo máximo» is the guide’s name for the deadline, not «at most».
    expect(ids(ask('¿qué pasos tienen un tiempo máximo de 70 días naturales?'))).toEqual(y('1.2'));
    expect(ids(ask('¿qué pasos se repiten cada año o cada semestre?'))).toEqual(y('1.2', '3.4'));
    expect(ids(ask('¿qué pasos no tienen un plazo fijo, solo de manera continua?'))).toEqual(
      y('2.1', '3.3', '4.2'),
    );
  });

  it('two roles with «o» are either, with «tanto… como» both, each named as the guide writes it', () => {
    const either = ask('¿en qué pasos participa la UT o el OIC?');
    expect(ids(either)).toEqual(y('1.1', '1.2', '3.2', '3.3', '3.4'));
    const both = ask('¿en qué pasos participan tanto la UT como el OIC?');
    expect(ids(both)).toEqual(y('1.1', '3.2'));
    expect(text(both)).toMatch(/Unidad de Transparencia.*Órgano/s);
  });

  it('«solo» with two roles: steps where nobody else takes part', () => {
    const a = ask('¿en qué pasos solo participan el Administrador de Datos y las áreas generadoras?');
    expect(ids(a)).toEqual(y('2.1', '2.2', '4.1'));
  });

  it('two regulations with «o», and a regulation by its acronym', () => {
    expect(
      ids(ask('¿qué pasos cumplen el acuerdo del EIDA o las disposiciones de la Ventanilla Única?')),
    ).toEqual(y('1.1', '2.3'));
    expect(ids(ask('¿qué pasos cumplen el acuerdo del EIDA?'))).toEqual(y('2.3'));
  });

  it('a role named in English is the guide’s role', () => {
    const a = ask('which steps involve the Transparency Unit?');
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(y('1.1', '1.2', '3.2'));
  });
});

describe('follow-ups without «y», roles defined, and what a step is about', () => {
  it('a pronoun pointing back keeps the last step against one guide word', () => {
    const first = ask('¿quién participa en el paso 1.2?');
    const a = ask('¿eso dónde se publica?', first.context);
    expect(a).toMatchObject({ outcome: 'answered', followUp: true });
    expect(ref(a)).toBe('guia-2017:1.2');
  });

  it('a facet asked with everyday verbs only asks it of the last step', () => {
    const first = ask('¿qué hay que hacer en el paso 3.2?');
    const a = ask('¿cuánto tiempo dan?', first.context);
    expect(a).toMatchObject({ outcome: 'answered', intent: 'plazo' });
    expect(ref(a)).toBe('guia-2017:3.2');
  });

  it('a pronoun beside a foreign noun is a new question, not a follow-up', () => {
    const first = ask('¿qué formatos pide el paso 2.1?');
    expect(ask('¿y el formato de las vacaciones dónde lo encuentro?', first.context).outcome).toBe(
      'no_match',
    );
  });

  it('«¿quién es…?» with a role the glossary defines is its definition; with other words it asks who', () => {
    const role = ask('¿quién es el Enlace de Comunicación Digital?');
    expect(role).toMatchObject({ outcome: 'answered', intent: 'definicion' });
    expect(role.term?.term).toBe('Enlace de Comunicación Digital');
    expect(ask('¿quién es el responsable de ADELA?').intent).toBe('involucrados');
  });

  it('a qualifier after the term («en lo de…») names no term', () => {
    expect(ask('¿qué significa RSS en lo de los medios de distribución?').term?.term).toBe('RSS');
  });

  it('«de qué trata…» asks about the step named, not about a step that says «trata»', () => {
    expect(ref(ask('¿de qué trata el Plan de Apertura Institucional?'))).toBe('guia-2017:1.3');
  });

  it('«qué tiempo tenemos» asks for the deadline and «qué obligaciones hay» for the activities', () => {
    expect(ask('¿qué tiempo tenemos para formar el equipo de trabajo?').intent).toBe('plazo');
    expect(ask('¿qué obligaciones hay con los datos de nuestras aplicaciones?').intent).toBe('actividades');
  });

  it('«los pasos que tiene a cargo X» is a role list', () => {
    const a = ask('¿qué pasos tiene a cargo el Órgano Interno de Control?');
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa el Órgano Interno de Control?')));
  });

  it('the shipped vocabulary sends everyday phrases to their step', () => {
    expect(ref(ask('¿qué hacemos con los enlaces caídos de nuestros recursos?'))).toBe('guia-2017:3.1');
    expect(ref(ask('¿cómo organizamos un datatón?'))).toBe('guia-2017:4.2');
  });
});

describe('phases by number, roles named first, and misspelt terms', () => {
  it('«las fases 1 y 3» and «la 2a fase» name phases by number', () => {
    expect(ids(ask('pasos de las fases 1 y 3'))).toEqual(y('1.1', '1.2', '1.3', '3.1', '3.2', '3.3', '3.4'));
    expect(ids(ask('pasos de la 2a fase'))).toEqual(y('2.1', '2.2', '2.3', '2.4'));
    expect(ids(ask('¿qué hay en la fase de promoción?'))).toEqual(y('4.1', '4.2', '4.3'));
  });

  it('the deadlines of a whole phase, by the guide’s row name', () => {
    const a = ask('tiempos de cumplimiento de toda la fase Planea');
    expect(a).toMatchObject({ outcome: 'list', intent: 'plazo' });
    expect(ids(a)).toEqual(y('1.1', '1.2', '1.3'));
  });

  it('reads a role however the list question places it', () => {
    const ut = ids(ask('¿en qué pasos participa la Unidad de Transparencia?'));
    expect(ids(ask('¿en qué pasos sale la Unidad de Transparencia?'))).toEqual(ut);
    expect(ids(ask('¿en qué pasos le toca algo a la UT?'))).toEqual(ut);
    expect(ids(ask('¿en qué pasos el Administrador de Datos Abiertos es el único involucrado?'))).toEqual(
      y('2.3', '2.4', '3.1'),
    );
  });

  it('steps whose deadline brings no number of days', () => {
    expect(ids(ask('¿qué pasos no traen un número de días en su plazo?'))).toEqual(
      y('2.1', '3.3', '3.4', '4.2', '4.3'),
    );
  });

  it('«¿en qué paso cierra la fase Publica?» is its last step', () => {
    expect(ref(ask('¿en qué paso cierra la fase Publica?'))).toBe('guia-2017:2.4');
  });

  it('self-deprecating and grateful openings are not the topic', () => {
    expect(ref(ask('perdón por la pregunta tan básica, ¿cuál es el primer paso?'))).toBe('guia-2017:1.1');
    expect(ask('muy amable, ¿qué es el Enlace Institucional?').term?.term).toBe('Enlace Institucional');
  });

  it('a glossary name with one slip per word is still defined', () => {
    expect(ask('q es un diccionaro d datos').term?.term).toBe('Diccionario de datos');
    // Two slips in a short word are another word.
    expect(ask('¿qué es un CVS?').term?.term).not.toBe('CSV');
  });

  it('«¿y el OIC?» after a role list is the same list for that role', () => {
    const first = ask('¿en qué pasos participa la Unidad de Transparencia?');
    const a = ask('¿y el OIC?', first.context);
    expect(a.outcome).toBe('list');
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa el OIC?')));
  });
});

describe('more ways officials name roles, regulations, terms and steps', () => {
  it('a role list by «tienen que ver con», «tiene que meterse», «tienen al»', () => {
    const ut = ids(ask('¿en qué pasos participa la Unidad de Transparencia?'));
    expect(ids(ask('¿qué pasos tienen que ver con la Unidad de Transparencia?'))).toEqual(ut);
    expect(ids(ask('¿en cuáles pasos tiene que meterse transparencia?'))).toEqual(ut);
    expect(ids(ask('¿qué pasos de Publica tienen al Administrador de Datos Abiertos?'))).toEqual(
      y('2.1', '2.2', '2.3', '2.4'),
    );
  });

  it('«soy del OIC, ¿en qué pasos participamos?» lists the asker’s role', () => {
    const a = ask('soy del OIC, ¿en qué pasos participamos?');
    expect(a).toMatchObject({ outcome: 'list', intent: 'involucrados' });
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa el OIC?')));
  });

  it('«información pública» in a law’s name is not the phase Publica', () => {
    const a = ask('¿qué pasos cumplen la Ley Federal de Transparencia y Acceso a la Información Pública?');
    expect(a.list?.phase).toBeUndefined();
    expect(ids(a)).toEqual(y('1.1', '1.2'));
  });

  it('a regulation by its acronym alone, and «ninguna otra»', () => {
    expect(ids(ask('¿qué pasos cumplen con la LGTAIP?'))).toEqual(y('1.1', '1.2'));
    expect(ids(ask('¿qué pasos citan solo el Decreto y ninguna otra norma?'))).toEqual(
      y('3.1', '3.2', '3.3', '4.1', '4.3'),
    );
  });

  it('«a qué se refieren con», «en qué consiste» and «por cierto» ask for a definition', () => {
    expect(ask('¿a qué se refieren con conjunto de datos?').term?.term).toBe('Conjunto de datos');
    expect(ask('por cierto, ¿en qué consiste el principio de permanencia?').term?.term).toBe(
      'Principio de permanencia',
    );
    // A step is still a step.
    expect(ask('¿en qué consiste el paso 1.2?')).toMatchObject({ intent: 'resumen' });
    expect(ref(ask('¿en qué consiste el paso 1.2?'))).toBe('guia-2017:1.2');
  });

  it('«¿en qué pasos aparece?» after a definition lists the term’s steps', () => {
    const first = ask('¿qué es un conjunto de datos?');
    const a = ask('¿en qué pasos aparece?', first.context);
    expect(a.steps.map((s) => `${s.guide}:${s.id}`).sort()).toEqual(
      [...(first.term?.steps ?? [])].map((s) => `${s.guide}:${s.id}`).sort(),
    );
    // A list with its own role is that list.
    expect(ask('¿en qué pasos participa la UT?', first.context).outcome).toBe('list');
  });

  it('«¿y el segundo?» after a list is its second step', () => {
    const first = ask('¿cuál es el plazo de los pasos de Planea?');
    const a = ask('¿y el segundo?', first.context);
    expect(a).toMatchObject({ outcome: 'answered', intent: 'plazo' });
    expect(ref(a)).toBe('guia-2017:1.2');
  });

  it('«el dos uno» and «a qué paso le sigo»', () => {
    expect(ref(ask('quien participa en el dos uno'))).toBe('guia-2017:2.1');
    expect(ref(ask('ya acabé el 2.2, ¿a qué paso le sigo?'))).toBe('guia-2017:2.3');
  });

  it('goodbyes and thanks with a comment are small talk', () => {
    for (const q of ['gracias, muy claro', 'hasta luego, buen fin de semana', 'saludos a todo el equipo'])
      expect(ask(q).outcome).toBe('small_talk');
  });

  it('everyday verbs beside two guide words do not refuse the question', () => {
    expect(ask('¿qué hacemos para que no se rompan los links de lo que ya subimos?').outcome).toBe(
      'answered',
    );
  });
});

describe('context told first, the question last', () => {
  it('the question’s own cue sets the facet, not a word of the context', () => {
    const a = ask(
      'Buenas tardes. Soy del área de informática y nos llegó un reporte ciudadano. ¿Qué plazo marca el paso 3.3?',
    );
    expect(a).toMatchObject({ outcome: 'answered', intent: 'plazo' });
    expect(ask('Soy nueva en el área de TI. ¿Me explicas en qué consiste el paso 1.1?').intent).toBe(
      'resumen',
    );
  });

  it('a role named in the question outranks a verb in the context before it', () => {
    const a = ask('Trabajo en la UT y me dijeron que nos toca apoyar. ¿En qué pasos interviene la UT?');
    expect(ids(a)).toEqual(ids(ask('¿en qué pasos participa la Unidad de Transparencia?')));
  });

  it('a term asked after a sentence of context, or as «eso» after naming it', () => {
    expect(ask('En la junta mencionaron ADELA como si todos supiéramos. ¿Qué es ADELA?').term?.term).toBe(
      'ADELA',
    );
    expect(ask('El formulario me pide el campo DCAT. ¿Qué es eso?').term?.term).toBe('DCAT');
  });

  it('where to start and what comes after a finished step, however it is asked', () => {
    expect(ref(ask('¿Por qué paso se empieza?'))).toBe('guia-2017:1.1');
    expect(ref(ask('Ya terminamos el 2.4, ¿qué paso nos toca ahora?'))).toBe('guia-2017:3.1');
    expect(ref(ask('q actividades tiene l 3-2'))).toBe('guia-2017:3.2');
  });
});

describe('«¿qué normatividad cumple?» after a step', () => {
  it('asks the last step’s regulations; «cumple» is the question’s verb, not a step’s topic', () => {
    const first = ask('¿qué hay que hacer en el paso 3.1?');
    const a = ask('¿qué normatividad cumple?', first.context);
    expect(a).toMatchObject({ outcome: 'answered', intent: 'normatividad' });
    expect(ref(a)).toBe('guia-2017:3.1');
  });
});

describe('follow-ups that keep the facet, pick from a list or ask what it is about', () => {
  it('«¿y la del paso siguiente?» asks the same facet of the next step', () => {
    const first = ask('¿qué normatividad cumple el paso 2.1?');
    const a = ask('¿y la del paso siguiente?', first.context);
    expect(a).toMatchObject({ outcome: 'answered', intent: 'normatividad' });
    expect(ref(a)).toBe('guia-2017:2.2');
    expect(ask('¿y el paso anterior de qué trata?', first.context).intent).toBe('resumen');
  });

  it('«el segundo de ellos» after a list, and «el último paso de la guía» is the guide’s', () => {
    const first = ask('¿qué pasos tiene Publica?');
    expect(ref(ask('¿y qué se hace en el segundo de ellos?', first.context))).toBe('guia-2017:2.2');
    expect(ref(ask('ya por último, ¿cuál es el último paso de la guía?', first.context))).toBe(
      'guia-2017:4.3',
    );
  });

  it('«¿de qué se trata?» after a step is that step as a whole', () => {
    const first = ask('¿quién participa en el paso 4.2?');
    const a = ask('¿de qué se trata?', first.context);
    expect(a).toMatchObject({ outcome: 'answered', intent: 'resumen' });
    expect(ref(a)).toBe('guia-2017:4.2');
  });

  it('«antes de los 90 días» compares, and «todos los plazos de la guía» is the whole guide', () => {
    expect(ids(ask('¿qué pasos vencen antes de los 90 días?'))).toEqual(y('1.1', '1.2'));
    const all = ask('necesito todos los plazos de la guía para el programa anual de trabajo');
    expect(all).toMatchObject({ outcome: 'list', intent: 'plazo' });
    expect(all.steps).toHaveLength(14);
  });

  it('greetings from somewhere are small talk unless a question follows', () => {
    expect(ask('saludos desde la oficina de Monterrey').outcome).toBe('small_talk');
    expect(ref(ask('saludos desde planeación, ¿qué normatividad aplica al paso 2.3?'))).toBe('guia-2017:2.3');
  });
});

describe('conversations that keep their place', () => {
  it('«el tercero» and «el último» pick from the last list, even after one pick', () => {
    const [, third, last, second] = chat(
      '¿cuáles son los pasos de Promueve?',
      '¿quién participa en el tercero?',
      '¿y el plazo del último?',
      '¿y el segundo?',
    );
    expect([ref(third as Answer), third?.intent]).toEqual(['guia-2017:4.3', 'involucrados']);
    expect([ref(last as Answer), last?.intent]).toEqual(['guia-2017:4.3', 'plazo']);
    expect([ref(second as Answer), second?.intent]).toEqual(['guia-2017:4.2', 'plazo']);
  });

  it('after a definition, «¿en qué paso se hace?» and «¿y el plazo?» are about the step the term is about', () => {
    const [, where, when] = chat('¿qué es el Plan de Apertura?', '¿en qué paso se elabora?', '¿y el plazo?');
    expect(ref(where as Answer)).toBe('guia-2017:1.3');
    expect([ref(when as Answer), when?.intent]).toEqual(['guia-2017:1.3', 'plazo']);
    // Plural asks for every step that handles it.
    const [, all] = chat('¿qué es el Plan de Apertura?', '¿en qué pasos se menciona?');
    expect(all?.steps.length).toBeGreaterThan(3);
  });

  it('«compáralos» after two steps lists both with the facet asked', () => {
    const [, , both] = chat('¿quién participa en el 2.3?', '¿y en el 2.4?', 'compáralos en plazos');
    expect(both).toMatchObject({ outcome: 'list', intent: 'plazo' });
    expect(ids(both as Answer)).toEqual(y('2.3', '2.4'));
  });

  it('a facet with only a verb («¿qué normas cumple?») asks it of the last step', () => {
    const [, norms] = chat('¿quién es responsable del paso 2.3?', '¿qué normas cumple?');
    expect([ref(norms as Answer), norms?.intent]).toEqual(['guia-2017:2.3', 'normatividad']);
  });

  it('«¿y para …?» stays on the last step when it holds those words as well as any other', () => {
    const [, geo] = chat('¿qué formatos abiertos recomienda la guía?', '¿y para datos geográficos?');
    expect(ref(geo as Answer)).toBe('guia-2017:2.1');
    // A word in another step's title still moves the conversation there.
    const [, catalog] = chat('¿quién participa en el 1.1?', '¿y en el catálogo?');
    expect(ref(catalog as Answer)).toBe('guia-2017:2.4');
  });

  it('a self-introduction of any length is who asks, not what', () => {
    const a = ask(
      'Soy nueva en la Dirección de Planeación de la Secretaría de Turismo, ¿qué es el Plan de Apertura?',
    );
    expect(a.term?.term).toBe('Plan de Apertura Institucional');
    const b = ask('Estoy viendo lo del Plan de Apertura, ¿cuánto tiempo hay para hacerlo?');
    expect([ref(b), b.intent]).toEqual(['guia-2017:1.3', 'plazo']);
  });

  it('«¿qué pide el paso…?» asks what to do; «¿de qué trata?» stays a summary', () => {
    const asks = ask('¿qué pide el paso 4.3?');
    expect([ref(asks), asks.intent]).toEqual(['guia-2017:4.3', 'actividades']);
    expect(ask('what does step 2.3 require?').intent).toBe('actividades');
    expect(ask('¿de qué trata el paso 4.3?').intent).toBe('resumen');
  });

  it('«ya terminamos el 3.4, ¿qué nos toca después?» is the step after it', () => {
    expect(ref(ask('Ya acabamos el 2.2, ¿qué nos toca después?'))).toBe('guia-2017:2.3');
  });

  it('who introduces themselves with an office at an institution gets that office’s steps, in the phase asked', () => {
    const ut = ids(ask('¿en qué pasos participa la Unidad de Transparencia?'));
    expect(
      ids(ask('Soy de transparencia en la Comisión del Agua, ¿en qué pasos me toca intervenir?')),
    ).toEqual(ut);
    const planea = ask('Somos del OIC en un fideicomiso, ¿en qué pasos de Perfecciona tenemos chamba?');
    expect(planea).toMatchObject({ outcome: 'list', intent: 'involucrados' });
    expect(ids(planea).every((id) => id.startsWith('guia-2017:3.'))).toBe(true);
  });

  it('two topics joined by «y … en …» are both steps; one topic with two words stays one', () => {
    const both = ask('¿quién participa en priorizar los datos de valor y en documentar el catálogo?');
    expect(both).toMatchObject({ outcome: 'list', intent: 'involucrados' });
    expect(ids(both)).toEqual(y('1.2', '2.4'));
    expect(ask('¿qué hay que hacer para formar el grupo y designar al enlace?').outcome).toBe('answered');
  });

  it('«¿qué se considera…?» and «¿a qué le llaman…?» ask for a definition; a warm goodbye is small talk', () => {
    expect(ask('¿qué se considera un conjunto de datos?').term?.term).toBe('Conjunto de datos');
    expect(ask('¿a qué le llaman datos abiertos?').intent).toBe('definicion');
    expect(ask('Mil gracias por tu ayuda, que estés bien').outcome).toBe('small_talk');
  });

  it('«de esos, ¿cuál…?» and «¿y los plazos?» stay within the last list', () => {
    const [, monthly] = chat('¿qué pasos tiene Promueve?', 'de esos, ¿cuál es bimestral?');
    expect([ref(monthly as Answer), monthly?.intent]).toEqual(['guia-2017:4.3', 'plazo']);
    const [, deadlines] = chat('¿quién participa en el 1.2 y en el 2.4?', '¿y los plazos?');
    expect(deadlines).toMatchObject({ outcome: 'list', intent: 'plazo' });
    expect(ids(deadlines as Answer)).toEqual(y('1.2', '2.4'));
    const [, firstOne] = chat('¿en qué pasos participa la UT?', 'y del primero de esos, ¿cuál es el plazo?');
    expect(ref(firstOne as Answer)).toBe('guia-2017:1.1');
  });

  it('«compáralo con el de 2017» puts both editions side by side; «¿y el plazo en 2015?» goes back', () => {
    const [, both, back] = chat(
      '¿qué había que hacer en el 4.1 de la edición 2015?',
      'compáralo con el de 2017',
      '¿y cuál era el plazo en 2015?',
    );
    expect(both?.steps.map((s) => `${s.guide}:${s.id}`).sort()).toEqual(['guia-2015:4.1', 'guia-2017:4.1']);
    expect([ref(back as Answer), back?.intent]).toEqual(['guia-2015:4.1', 'plazo']);
  });

  it('«paso 1 3», «comply with», «el último de la edición 2015» and a greeting before a question', () => {
    expect(ref(ask('q se ase en el paso 2 4'))).toBe('guia-2017:2.4');
    const norms = ask('Which regulations does the catalog step comply with?');
    expect([ref(norms), norms.intent]).toEqual(['guia-2017:2.4', 'normatividad']);
    expect(ref(ask('Who checks that the institution complies with the policy?'))).toBe('guia-2017:3.4');
    expect(ref(ask('¿Cuál es el último paso de la edición 2015?'))).toBe('guia-2015:4.1');
    expect(ref(ask('Saludos desde Mérida. Quisiera saber qué se hace en el paso 2.2.'))).toBe(
      'guia-2017:2.2',
    );
  });

  it('office matters that only borrow a verb of the guide are refused', () => {
    expect(ask('¿Cómo pido mis vacaciones en el sistema de Recursos Humanos?').outcome).toBe('no_match');
    expect(ask('¿Cuántos días de vacaciones me tocan después de un año de servicio?').outcome).toBe(
      'no_match',
    );
  });
});

describe('lists read from how officials word them', () => {
  it('reads the role after «figura» or «está involucrado», with the phase named before it', () => {
    const admin = ask('¿en qué pasos de Publica figura el Administrador de Datos?');
    expect(admin).toMatchObject({ outcome: 'list', intent: 'involucrados' });
    expect(ids(admin)).toEqual(y('2.1', '2.2', '2.3', '2.4'));
    expect(ids(ask('¿en qué pasos de Perfecciona está involucrado el OIC?'))).toEqual(y('3.2', '3.3', '3.4'));
    expect(ids(ask('¿qué pasos son responsabilidad del OIC?'))).toEqual(y('1.1', '3.2', '3.3', '3.4'));
  });

  it('a plural role name is the singular the guide writes («los enlaces» is «Enlace»)', () => {
    expect(ids(ask('¿en qué pasos participan los enlaces de comunicación digital?'))).toEqual(y('4.3'));
  });

  it('«de Publica hasta Perfecciona» is every phase in between; «de Planea a Promueve» the whole guide', () => {
    expect(ids(ask('pasos desde Publica hasta Perfecciona'))).toEqual(
      y('2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4'),
    );
    expect(ask('la lista completa de pasos, de Planea a Promueve').steps).toHaveLength(14);
  });

  it('«en ambas ediciones» lists each edition’s steps, each tagged with its year', () => {
    const both = ask('en ambas ediciones, ¿qué pasos tiene la fase Promueve?');
    expect(both.steps.map((s) => `${s.guide}:${s.id}`).sort()).toEqual([
      'guia-2015:4.1',
      'guia-2017:4.1',
      'guia-2017:4.2',
      'guia-2017:4.3',
    ]);
    expect(text(both)).toContain('ediciones 2015 y 2017');
    expect(text(both)).toMatch(/4\.1 \(2015\)/);
  });

  it('a time limit the step’s text sets counts as a plazo, quoted, but not as what falls due', () => {
    const thirty = ask('¿qué pasos tienen un plazo de 30 días?');
    expect(ids(thirty)).toEqual(y('1.1', '3.3'));
    expect(text(thirty)).toContain('El plazo de respuesta es de 30 (treinta) días');
    expect(ids(ask('¿qué pasos vencen en 30 días?'))).toEqual(y('1.1'));
  });

  it('reads English regulation names, whose noun comes last', () => {
    expect(ids(ask('which steps cite the General Transparency Law?'))).toEqual(y('1.1', '1.2'));
    expect(ids(ask('which steps only cite the Open Data Decree and no other regulation?'))).toEqual(
      y('3.1', '3.2', '3.3', '4.1', '4.3'),
    );
  });

  it('two questions joined by a second question word answer both steps', () => {
    const two = ask('¿quién participa en asegurar las URLs y quién en responder los reportes ciudadanos?');
    expect(two).toMatchObject({ outcome: 'list', intent: 'involucrados' });
    expect(ids(two)).toEqual(y('3.1', '3.3'));
  });

  it('«la actualización 2017» names the 2017 edition beside the 2015 one', () => {
    const a = ask('compara el 4.1 de la guía 2015 con el 4.1 de la actualización 2017');
    expect(a.steps.map((s) => s.guide).sort()).toEqual(['guia-2015', 'guia-2017']);
  });

  it('a misspelling that sounds the same is read as the word it sounds like («plasos»)', () => {
    expect(ask('plasos del 1.2')).toMatchObject({ intent: 'plazo', step: { id: '1.2' } });
  });
});

describe('follow-ups people write without a cue word', () => {
  it('«¿cómo era en la edición 2015?» is the same step and facet in that edition', () => {
    const [, before, who] = chat(
      '¿cuál es el plazo del 4.1?',
      '¿Cómo era en la edición 2015?',
      '¿quiénes participaban?',
    );
    expect([ref(before as Answer), before?.intent]).toEqual(['guia-2015:4.1', 'plazo']);
    expect([ref(who as Answer), who?.intent]).toEqual(['guia-2015:4.1', 'involucrados']);
  });

  it('«¿qué paso va antes?» goes back from the last step', () => {
    const [, back] = chat('¿quién participa en el 3.2?', '¿qué paso va antes?');
    expect(ref(back as Answer)).toBe('guia-2017:3.1');
  });

  it('an acknowledgement before the next question is no topic («Perfecto. ¿Qué normas cumple?»)', () => {
    const [, norms] = chat('¿quién participa en el 2.2?', 'Perfecto. ¿Qué normas cumple?');
    expect([ref(norms as Answer), norms?.intent]).toEqual(['guia-2017:2.2', 'normatividad']);
  });

  it('«¿quién lo lleva a cabo?» asks who does the last step', () => {
    const [, who] = chat('¿qué actividades tiene el 4.2?', '¿Quién lo lleva a cabo?');
    expect([ref(who as Answer), who?.intent]).toEqual(['guia-2017:4.2', 'involucrados']);
  });

  it('«los plazos de ambos» compares the last two steps, even with a comparative', () => {
    const [, , both] = chat(
      '¿qué pide el 4.1?',
      '¿y en 2015?',
      '¿Cuál de los dos tiene el plazo más corto? Dame los plazos de ambos.',
    );
    expect(both?.outcome).toBe('list');
    expect(both?.steps.map((s) => `${s.guide}:${s.id}`).sort()).toEqual(['guia-2015:4.1', 'guia-2017:4.1']);
  });

  it('after a definition, «¿en qué paso se habla de organizarlos?» is the step the glossary took it from', () => {
    const [, where] = chat('¿qué es un datatón?', '¿en qué paso se habla de organizarlos?');
    expect(ref(where as Answer)).toBe('guia-2017:4.2');
  });
});

describe('where the asker works is not what they ask', () => {
  it('«Trabajo en un órgano regulador.» does not pull the answer towards the OIC or the work group', () => {
    const a = ask(
      'Trabajo en un órgano regulador. ¿Quiénes participan en la estrategia de comunicación digital?',
    );
    expect([a.outcome, ref(a)]).toEqual(['answered', 'guia-2017:4.3']);
  });

  it('«Estamos en la fase Publica» tells where the team is in the guide, and is kept', () => {
    expect(ref(ask('Estamos en la fase Publica, ¿cuál es el último paso?'))).toBe('guia-2017:2.4');
  });

  it('keeps a step number said in the same breath', () => {
    const a = ask('Trabajo en el organismo de agua y me pidieron ver lo del paso 4.1, ¿quiénes participan?');
    expect([ref(a), a.intent]).toEqual(['guia-2017:4.1', 'involucrados']);
  });

  it('«¿qué procede?» and «¿qué se le contesta?» ask what to do', () => {
    expect(ask('si el reporte ciudadano no procede, ¿qué se le contesta?')).toMatchObject({
      intent: 'actividades',
      step: { id: '3.3' },
    });
  });

  it('«es todo por hoy» closes the conversation', () => {
    expect(ask('va, gracias, es todo por hoy').outcome).toBe('small_talk');
  });
});

describe('definitions asked the long way round', () => {
  const term = (q: string) => ask(q).term?.term;

  it('the term said first, the question after («Me hablaron del EIDA, ¿qué es?»)', () => {
    expect(term('Me hablaron del EIDA en una reunión, ¿qué es?')).toBe('EIDA');
  });

  it('«¿a qué se refiere X?», «¿a quién se refiere?» and who a role of the guide is', () => {
    expect(term('¿A qué se refiere la anonimización?')).toBe('Anonimización');
    expect(term('Cuando la guía dice «la Coordinación», ¿a quién se refiere?')).toBe(
      'Coordinación de Estrategia Digital Nacional',
    );
    expect(term('¿Quién es la Coordinación que menciona la guía?')).toBe(
      'Coordinación de Estrategia Digital Nacional',
    );
  });

  it('who it is for, an apology or where it was seen do not hide the term', () => {
    expect(term('Para el jurídico: ¿qué es el principio de permanencia?')).toBe('Principio de permanencia');
    expect(term('Perdón la pregunta tan básica, pero ¿qué es un conjunto de datos?')).toBe(
      'Conjunto de datos',
    );
    expect(term('¿Qué es la Infraestructura de Datos Abiertos que se menciona en el paso 1.2?')).toBe('IEDA');
  });

  it('«¿qué es ese consejo?» is the term named just before that holds the noun', () => {
    expect(term('La guía 2015 habla del Consejo Institucional de Datos Abiertos; ¿qué es ese consejo?')).toBe(
      'Grupo de Trabajo Institucional de Datos Abiertos',
    );
  });
});

describe('what to do, said every way', () => {
  it('«¿qué formatos recomienda la guía?» asks what to do, in Spanish and English', () => {
    expect(ask('¿qué formatos recomienda la guía para mapas?')).toMatchObject({ intent: 'actividades' });
    expect(ask('Which formats does the guide recommend for maps?')).toMatchObject({ intent: 'actividades' });
  });

  it('SMS «q ago», «k se hacia» and «what should our team do» ask for the activities', () => {
    expect(ask('q ago con las urls caidas')).toMatchObject({ intent: 'actividades', step: { id: '3.1' } });
    expect(ask('en la guia 2015 k se hacia en el 4.1')).toMatchObject({
      intent: 'actividades',
      step: { guide: 'guia-2015', id: '4.1' },
    });
    expect(ask('what should our office do for step 2.4?')).toMatchObject({ intent: 'actividades' });
  });

  it('closings and greetings in regional Spanish are small talk', () => {
    for (const q of [
      'arre, gracias',
      'q onda bot',
      'Niltze, ¿cómo estás?',
      'Muchas gracias, me fue muy útil',
    ])
      expect(ask(q).outcome, q).toBe('small_talk');
  });
});

describe('letters with greetings, signatures and personal errands', () => {
  it('«Muy buenas.» and «Le escribe el Lic. …» before the question do not hide it', () => {
    const a = ask(
      'Muy buenos días. Le escribe la Mtra. López, de Finanzas, desde Oaxaca. ¿Me podría indicar quién participa en el catálogo institucional?',
    );
    expect([a.outcome, ref(a), a.intent]).toEqual(['answered', 'guia-2017:2.4', 'involucrados']);
    expect(ask('Muy buenas. ¿Sería tan amable de decirme el plazo del plan de apertura?')).toMatchObject({
      intent: 'plazo',
      step: { id: '1.3' },
    });
  });

  it('thanks after the question leave nothing behind', () => {
    expect(ask('una duda: quien nombra al administrador de datos? gracias de antemano')).toMatchObject({
      outcome: 'answered',
      step: { id: '1.1' },
    });
  });

  it('a passport or an appeal of one’s own is no step of the guide', () => {
    expect(ask('¿Cuál es el procedimiento para tramitar el pasaporte?').outcome).toBe('no_match');
    expect(ask('¿cuántos días hábiles tengo para un recurso de revisión?').outcome).toBe('no_match');
  });
});

describe('everyday verbs for publishing and watching', () => {
  it('«lo que ya subimos» is what was published; «subir» alone is anything one uploads', () => {
    expect(
      ask('qué hay que hacer pa estar vigilando que no se caigan las ligas de lo que ya subimos'),
    ).toMatchObject({
      outcome: 'answered',
      step: { id: '3.1' },
    });
    expect(ask('plazo para subir las facturas del mes en el sistema de contabilidad').outcome).toBe(
      'no_match',
    );
  });

  it('«allá arriba», «habían» name no topic', () => {
    expect(
      ask('cuántos días hay para atender las recomendaciones sobre la info que ya está arriba'),
    ).toMatchObject({
      outcome: 'answered',
      intent: 'plazo',
      step: { id: '3.2' },
    });
  });
});
