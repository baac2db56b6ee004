/**
 * The answer as Slack mrkdwn text: good on its own (message fallback, terminal output). Spanish, or
 * English labels when the question was English; the guide's facts are quoted in Spanish as published.
 * Guide text and user text go through escapeMrkdwn so nothing can ping a channel.
 */
import { type Deadline, type Guide, type Recurrence, type Step, stepUrl } from '../content/model.ts';
import { escapeMrkdwn, escapeUserText } from '../render/escape.ts';
import type { Intent } from './intent.ts';

export type Language = 'es' | 'en';

const RECURRENCE: Record<Recurrence, { es: string; en: string }> = {
  continua: { es: 'de forma continua', en: 'continuously' },
  mensual: { es: 'cada mes', en: 'every month' },
  bimestral: { es: 'cada dos meses', en: 'every two months' },
  trimestral: { es: 'cada tres meses', en: 'every three months' },
  semestral: { es: 'cada seis meses', en: 'every six months' },
  anual: { es: 'cada año', en: 'every year' },
};

const DEADLINE_WORDS: Record<
  Language,
  {
    kind: Record<'hábiles' | 'naturales' | 'none', string>;
    unspecified: string;
    firstThen: (days: string, again: string) => string;
    /** No number of days; `after`: the wording says first something else, then the recurrence. */
    noDays: (again: string, after: boolean) => string;
    seeWording: string;
  }
> = {
  es: {
    kind: {
      hábiles: 'días hábiles (sin contar fines de semana ni días de descanso)',
      naturales: 'días naturales (de calendario)',
      none: 'días',
    },
    unspecified:
      ' (la guía no precisa si son naturales o hábiles; para las fechas de vencimiento el bot los cuenta como naturales)',
    firstThen: (days, again) => `${days} para la primera iteración y después ${again}`,
    noDays: (again, after) => `sin número de días; ${after ? 'después, ' : 'se hace '}${again}`,
    seeWording: 'consulta el texto del plazo',
  },
  en: {
    kind: { hábiles: 'working days', naturales: 'calendar days', none: 'days' },
    unspecified:
      ' (the guide does not say whether calendar or working days; the bot counts calendar days for due dates)',
    firstThen: (days, again) => `${days} the first time, then ${again}`,
    noDays: (again, after) => `no number of days; ${after ? 'then ' : ''}${again}`,
    seeWording: 'see the wording above',
  },
};

/** Wording that puts something before the recurrence ("según los tiempos … y posteriormente semestral"). */
const THEN = /\b(posteriormente|despu[eé]s|luego|a partir de|then|after)\b/i;

/**
 * What a deadline means in plain words, e.g. "90 días naturales para la primera iteración y después de
 * forma continua". A count with no kind ("180 días") is not read as either kind: the guide does not say,
 * so the answer says so, and says how the bot counts it for due dates (calendar days, as
 * src/progress/due.ts does).
 */
export function explainDeadline(deadline: Deadline, language: Language): string {
  const w = DEADLINE_WORDS[language];
  const again = deadline.recurrence ? RECURRENCE[deadline.recurrence][language] : undefined;
  if (deadline.days) {
    const days = `${deadline.days} ${w.kind[deadline.dayKind ?? 'none']}`;
    const note = deadline.dayKind === undefined ? w.unspecified : '';
    return (again ? w.firstThen(days, again) : days) + note;
  }
  return again ? w.noDays(again, THEN.test(deadline.text)) : w.seeWording;
}

const LABELS = {
  es: {
    step: 'Paso',
    involved: 'Involucrados',
    deadline: 'Plazo',
    meaning: 'es decir',
    regulations: 'Normatividad',
    noRegulations: 'La guía no cita normatividad específica para este paso.',
    activities: 'Actividades',
    noActivities: 'La guía no lista actividades para este paso.',
    phase: 'Fase',
    edition: 'Edición',
    more: 'Más información',
  },
  en: {
    step: 'Step',
    involved: 'Who is involved',
    deadline: 'Deadline',
    meaning: 'that is',
    regulations: 'Regulations',
    noRegulations: 'The guide cites no specific regulation for this step.',
    activities: 'Activities',
    noActivities: 'The guide lists no activities for this step.',
    phase: 'Phase',
    edition: 'Edition',
    more: 'More information',
  },
} as const;

const list = (items: string[]): string => items.map((item) => `• ${escapeMrkdwn(item)}`).join('\n');

function firstSentences(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const end = cut.lastIndexOf('. ');
  return end > max / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function heading(step: Step, guide: Guide | undefined, language: Language): string {
  const l = LABELS[language];
  const edition = guide && !guide.isDefault ? ` — _${l.edition}: ${escapeMrkdwn(guide.title)}_` : '';
  return `*${l.step} ${step.id} · ${escapeMrkdwn(step.title)}*${edition}`;
}

function deadlineLine(step: Step, language: Language): string {
  const l = LABELS[language];
  return `*${l.deadline}:* «${escapeMrkdwn(step.deadline.text)}» — ${l.meaning}, ${escapeMrkdwn(explainDeadline(step.deadline, language))}.`;
}

/** The answer to one intent about one step, ending with its link on datos.gob.mx. */
export function stepAnswerText(
  step: Step,
  intent: Intent,
  guide: Guide | undefined,
  language: Language,
): string {
  const l = LABELS[language];
  const parts = [heading(step, guide, language)];
  switch (intent) {
    case 'involucrados':
      parts.push(`*${l.involved}:*\n${list(step.involved)}`);
      break;
    case 'plazo':
      parts.push(deadlineLine(step, language));
      break;
    case 'normatividad':
      parts.push(
        step.regulations.length > 0 ? `*${l.regulations}:*\n${list(step.regulations)}` : l.noRegulations,
      );
      break;
    case 'actividades':
      parts.push(
        step.activities.length > 0 ? `*${l.activities}:*\n${list(step.activities)}` : l.noActivities,
      );
      break;
    case 'resumen': {
      parts.push(`*${l.phase}:* ${escapeMrkdwn(step.phase)}`);
      if (step.summary.trim()) parts.push(escapeMrkdwn(firstSentences(step.summary, 400)));
      parts.push(deadlineLine(step, language));
      if (step.activities.length > 0) parts.push(`*${l.activities}:*\n${list(step.activities)}`);
      break;
    }
  }
  parts.push(`${l.more}: ${stepUrl(step)}`);
  return parts.join('\n');
}

function choiceLine(step: Step, guides: Map<string, Guide>): string {
  const guide = guides.get(step.guide);
  const edition = guide ? (guide.editionDate?.slice(0, 4) ?? guide.id) : step.guide;
  return `• *${step.id}* ${escapeMrkdwn(step.title)} (${escapeMrkdwn(edition)})`;
}

export function chooseText(steps: Step[], guides: Map<string, Guide>, language: Language): string {
  const lines = steps.map((s) => choiceLine(s, guides)).join('\n');
  return language === 'en'
    ? `I’m not sure which step you mean. Is it one of these?\n${lines}\nAsk again with the step number, e.g. “who is involved in step 1.2?”.`
    : `No estoy seguro de a qué paso te refieres. ¿Es alguno de estos?\n${lines}\nPregúntame de nuevo con el número de paso, por ejemplo: «¿quién participa en el paso 1.2?».`;
}

/** Echo of the user's words: escaped and short. */
function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  // User words: a ``` fence in them must not open a code block over the rest of the reply.
  // The cut never keeps half of an emoji (a lone surrogate cannot be sent).
  return escapeUserText(clean.length > 80 ? `${clean.slice(0, 80).replace(/[\uD800-\uDBFF]$/, '')}…` : clean);
}

export function noMatchText(question: string, language: Language): string {
  return language === 'en'
    ? `I couldn’t find a step of the guide about “${quote(question)}”. Try other words, or use \`/guia lista\` to see every step.`
    : `No encontré un paso de la guía sobre «${quote(question)}». Prueba con otras palabras o usa \`/guia lista\` para ver todos los pasos.`;
}

/** A question whose words are in (nearly) every step: ask for the topic instead of saying nothing matched. */
export function tooBroadText(broadWords: string[], language: Language): string {
  const list = broadWords.map((w) => (language === 'en' ? `“${quote(w)}”` : `«${quote(w)}»`)).join(', ');
  return language === 'en'
    ? `${list} ${broadWords.length > 1 ? 'appear' : 'appears'} in almost every step of the guide. What about it? For example: “who takes part in the data inventory?” or “what is the deadline for the opening plan?”. Use \`/guia lista\` to see every step.`
    : `${list} ${broadWords.length > 1 ? 'aparecen' : 'aparece'} en casi todos los pasos de la guía. ¿Qué quieres saber? Por ejemplo: «¿quién participa en el inventario de datos?» o «¿cuál es el plazo del Plan de Apertura?». Usa \`/guia lista\` para ver todos los pasos.`;
}

export function missingStepText(stepId: string, editionName: string | undefined, language: Language): string {
  const where = editionName ? ` ${language === 'en' ? 'in' : 'en la'} ${escapeMrkdwn(editionName)}` : '';
  return language === 'en'
    ? `There is no step ${escapeMrkdwn(stepId)}${where}. Use \`/guia lista\` to see every step.`
    : `No existe el paso ${escapeMrkdwn(stepId)}${where}. Usa \`/guia lista\` para ver todos los pasos.`;
}

export function emptyText(language: Language): string {
  return language === 'en'
    ? 'Ask me about the guide, for example: “who is involved in step 1.2?” or “what is the deadline for the opening plan?”. Use `/guia lista` to see every step.'
    : 'Escríbeme una pregunta sobre la guía, por ejemplo: «¿quién participa en el paso 1.2?» o «¿cuál es el plazo del Plan de Apertura?». Usa `/guia lista` para ver todos los pasos.';
}

const WHICH_STEP_EXAMPLE: Record<Exclude<Intent, 'resumen'>, Record<Language, string>> = {
  involucrados: { es: '¿quién participa en el paso 1.2?', en: 'who is involved in step 1.2?' },
  plazo: { es: '¿cuál es el plazo del Plan de Apertura?', en: 'what is the deadline for the opening plan?' },
  normatividad: {
    es: '¿qué normatividad aplica al paso 2.3?',
    en: 'which regulations does step 2.3 satisfy?',
  },
  actividades: { es: '¿qué hay que hacer en el paso 2.4?', en: 'what do we have to do in step 2.4?' },
};

/** "¿Cuál es el plazo?" with no step or topic: ask which step, with an example of the same kind. */
export function whichStepText(intent: Exclude<Intent, 'resumen'>, language: Language): string {
  const example = WHICH_STEP_EXAMPLE[intent][language];
  return language === 'en'
    ? `Which step? Tell me its number or its topic, for example: “${example}”. Use \`/guia lista\` to see every step.`
    : `¿De qué paso? Dime su número o su tema, por ejemplo: «${example}». Usa \`/guia lista\` para ver todos los pasos.`;
}

/** Reply to a greeting, thanks or a bare "ayuda": what the bot answers, with examples. */
export function greetingText(language: Language): string {
  return language === 'en'
    ? 'Hi! I answer questions about the open data implementation guide: who takes part in a step, its deadline, its regulations and what to do. For example: “who is involved in step 1.2?” or “what is the deadline for the opening plan?”. Use `/guia lista` to see every step.'
    : '¡Hola! Respondo preguntas sobre la Guía de Implementación de la Política de Datos Abiertos: quién participa en cada paso, su plazo, su normatividad y qué hay que hacer. Por ejemplo: «¿quién participa en el paso 1.2?» o «¿cuál es el plazo del Plan de Apertura?». Usa `/guia lista` para ver todos los pasos.';
}
