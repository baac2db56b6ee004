/**
 * The wording of an answer (src/search/answerer.ts returns data): Slack mrkdwn, good on its own (message
 * fallback, terminal text). Spanish, or an English frame when the question was English; the guide's facts are
 * quoted in Spanish as published (there is no English edition, and the answer says so once). Guide text and
 * user text go through escapeMrkdwn so nothing can ping a channel.
 */
import { type Deadline, type Guide, type Recurrence, type Step, stepUrl } from '../content/model.ts';
import type { Answer, Intent } from '../search/answerer.ts';
import { INTENTS } from '../search/intents.ts';
import { escapeMrkdwn, escapeUserText } from './escape.ts';

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

/** How a list compares the days: "con plazo de menos de 90 días". */
const DAYS_COMPARE: Record<'lt' | 'le' | 'gt' | 'ge', Record<Language, string>> = {
  lt: { es: 'menos de ', en: 'less than ' },
  le: { es: 'hasta ', en: 'at most ' },
  gt: { es: 'más de ', en: 'more than ' },
  ge: { es: 'al menos ', en: 'at least ' },
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

/** The facet of one step an intent asks for, without heading or link. */
function facetText(step: Step, intent: Intent, language: Language): string[] {
  const l = LABELS[language];
  // By the facet the intent table names, so a new intent that shows an existing facet needs nothing here.
  const facet = Object.hasOwn(INTENTS, intent) ? INTENTS[intent as keyof typeof INTENTS].facet : 'summary';
  switch (facet) {
    case 'involved':
      return [`*${l.involved}:*\n${list(step.involved)}`];
    case 'deadline':
      return [deadlineLine(step, language)];
    case 'regulations':
      return [
        step.regulations.length > 0 ? `*${l.regulations}:*\n${list(step.regulations)}` : l.noRegulations,
      ];
    case 'activities':
      return [step.activities.length > 0 ? `*${l.activities}:*\n${list(step.activities)}` : l.noActivities];
    default: {
      const parts = [`*${l.phase}:* ${escapeMrkdwn(step.phase)}`];
      if (step.summary.trim()) parts.push(escapeMrkdwn(firstSentences(step.summary, 400)));
      parts.push(deadlineLine(step, language));
      if (step.activities.length > 0) parts.push(`*${l.activities}:*\n${list(step.activities)}`);
      return parts;
    }
  }
}

/** The answer to one intent about one step, ending with its link on datos.gob.mx. */
export function stepAnswerText(
  step: Step,
  intent: Intent,
  guide: Guide | undefined,
  language: Language,
): string {
  const l = LABELS[language];
  return [
    heading(step, guide, language),
    ...facetText(step, intent, language),
    `${l.more}: ${stepUrl(step)}`,
  ].join('\n');
}

type Guides = ReadonlyMap<string, Guide>;

/** A guide's year as people say it: its edition date's, else the one in its id ("guia-2017"). */
const yearOf = (id: string, guide: Guide | undefined): string =>
  guide?.editionDate?.slice(0, 4) ?? /\d{4}/.exec(id)?.[0] ?? id;

const editionOf = (step: Step, guides: Guides): string => yearOf(step.guide, guides.get(step.guide));

function choiceLine(step: Step, guides: Guides): string {
  return `• *${step.id}* ${escapeMrkdwn(step.title)} (${escapeMrkdwn(editionOf(step, guides))})`;
}

export function chooseText(steps: Step[], guides: Guides, language: Language, asksForSteps = false): string {
  const lines = steps.map((s) => choiceLine(s, guides)).join('\n');
  if (asksForSteps) {
    return language === 'en'
      ? `These steps are the closest to your question:\n${lines}\nAsk about one of them, e.g. “who is involved in step ${steps[0]?.id ?? '1.2'}?”.`
      : `Estos pasos son los más cercanos a tu pregunta:\n${lines}\nPregúntame por uno de ellos, por ejemplo: «¿quién participa en el paso ${steps[0]?.id ?? '1.2'}?».`;
  }
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
  const words = broadWords.map((w) => (language === 'en' ? `“${quote(w)}”` : `«${quote(w)}»`)).join(', ');
  return language === 'en'
    ? `${words} ${broadWords.length > 1 ? 'appear' : 'appears'} in almost every step of the guide. What about it? For example: “who takes part in the data inventory?” or “what is the deadline for the opening plan?”. Use \`/guia lista\` to see every step.`
    : `${words} ${broadWords.length > 1 ? 'aparecen' : 'aparece'} en casi todos los pasos de la guía. ¿Qué quieres saber? Por ejemplo: «¿quién participa en el inventario de datos?» o «¿cuál es el plazo del Plan de Apertura?». Usa \`/guia lista\` para ver todos los pasos.`;
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

/** "¿Cuál es el plazo?" with no step or topic: ask which step, with an example of the same kind. */
export function whichStepText(intent: Intent, language: Language): string {
  const example =
    intent in INTENTS
      ? INTENTS[intent as keyof typeof INTENTS].example[language]
      : INTENTS.plazo.example[language];
  return language === 'en'
    ? `Which step? Tell me its number or its topic, for example: “${example}”. Use \`/guia lista\` to see every step.`
    : `¿De qué paso? Dime su número o su tema, por ejemplo: «${example}». Usa \`/guia lista\` para ver todos los pasos.`;
}

/** Reply to a greeting or a bare "ayuda": what the bot answers, with examples. */
export function greetingText(language: Language): string {
  return language === 'en'
    ? 'Hi! I answer questions about the open data implementation guide: who takes part in a step, its deadline, its regulations, what to do, and what its terms mean. For example: “who is involved in step 1.2?”, “which steps are due in 90 days?” or “what is ADELA?”. Use `/guia lista` to see every step.'
    : '¡Hola! Respondo preguntas sobre la Guía de Implementación de la Política de Datos Abiertos: quién participa en cada paso, su plazo, su normatividad, qué hay que hacer y qué significan sus términos. Por ejemplo: «¿quién participa en el paso 1.2?», «¿qué pasos vencen en 90 días?» o «¿qué es ADELA?». Usa `/guia lista` para ver todos los pasos.';
}

const SMALL_TALK: Record<'thanks' | 'bye', Record<Language, string>> = {
  thanks: {
    es: '¡De nada! Si tienes otra duda sobre la guía, aquí estoy. Usa `/guia lista` para ver todos los pasos.',
    en: 'You’re welcome! Ask me anything else about the guide. Use `/guia lista` to see every step.',
  },
  bye: {
    es: '¡Hasta luego! Cuando quieras, pregúntame sobre la guía.',
    en: 'Goodbye! Ask me about the guide whenever you need.',
  },
};

const NAV_WORDS: Record<string, Record<Language, (id: string) => string>> = {
  next: { es: (id) => `Después del paso ${id} sigue:`, en: (id) => `After step ${id} comes:` },
  previous: { es: (id) => `Antes del paso ${id} va:`, en: (id) => `Before step ${id} comes:` },
  first: { es: () => 'El primer paso de la guía es:', en: () => 'The first step of the guide is:' },
  last: { es: () => 'El último paso de la guía es:', en: () => 'The last step of the guide is:' },
};

const PHASE_NAV: Record<'first' | 'last', Record<Language, (phase: string) => string>> = {
  first: {
    es: (p) => `El primer paso de la fase ${p} es:`,
    en: (p) => `The first step of the ${p} phase is:`,
  },
  last: {
    es: (p) => `El último paso de la fase ${p} es:`,
    en: (p) => `The last step of the ${p} phase is:`,
  },
};

function quotesText(answer: Answer, language: Language): string | undefined {
  if (answer.quotes.length === 0) return undefined;
  const label = language === 'en' ? 'What the guide says (in Spanish)' : 'Lo que dice la guía';
  return `*${label}:*\n${answer.quotes.map((q) => `• «${escapeMrkdwn(q.text)}»`).join('\n')}`;
}

/** What a list is of, e.g. "Pasos de la fase Perfecciona" or "Steps where «transparencia» takes part". */
function listTitle(answer: Answer, guides: Guides, language: Language): string {
  const f = answer.list;
  const guide = f ? guides.get(f.guide) : undefined;
  const en = language === 'en';
  const parts: string[] = [];
  if (f?.phases)
    parts.push(en ? `in the ${f.phases.join(' and ')} phases` : `de las fases ${f.phases.join(' y ')}`);
  else if (f?.phase) parts.push(en ? `in the ${f.phase} phase` : `de la fase ${f.phase}`);
  if (f?.days) {
    const kind = f.dayKind
      ? en
        ? f.dayKind === 'hábiles'
          ? ' working'
          : ' calendar'
        : ` ${f.dayKind}`
      : '';
    const than = f.daysCompare ? DAYS_COMPARE[f.daysCompare][language] : '';
    parts.push(
      en ? `with a deadline of ${than}${f.days}${kind} days` : `con plazo de ${than}${f.days} días${kind}`,
    );
  }
  if (f?.noDays) parts.push(en ? 'with no number of days' : 'sin número de días');
  const recurrences = f?.recurrences ?? (f?.recurrence ? [f.recurrence] : []);
  if (recurrences.length > 0)
    parts.push(
      en
        ? `repeated ${recurrences.map((r) => RECURRENCE[r].en).join(' or ')}`
        : `que se repiten ${recurrences.map((r) => RECURRENCE[r].es).join(' o ')}`,
    );
  if (f?.dependsOn)
    parts.push(
      en
        ? `whose deadline depends on «${escapeUserText(f.dependsOn)}»`
        : `cuyo plazo depende de «${escapeUserText(f.dependsOn)}»`,
    );
  if (f?.regulation)
    parts.push(
      en
        ? `that cite «${escapeUserText(f.regulation)}»`
        : `que dan cumplimiento a «${escapeUserText(f.regulation)}»`,
    );
  if (f?.regulations)
    parts.push(
      `${en ? 'that cite' : 'que dan cumplimiento a'} ${f.regulations
        .map((r) => `«${escapeUserText(r)}»`)
        .join(en ? ' or ' : ' o ')}`,
    );
  if (f?.roles) {
    const names = f.roles.names.map((r) => `«${escapeUserText(r)}»`);
    const join = f.roles.join === 'or' ? (en ? ' or ' : ' o ') : en ? ' and ' : ' y ';
    const both = f.roles.join === 'and' ? (en ? ' together' : ' a la vez') : '';
    parts.push(
      en ? `where ${names.join(join)} take part${both}` : `en los que participan${both} ${names.join(join)}`,
    );
  }
  if (f?.role)
    parts.push(
      en
        ? `where «${escapeUserText(f.role)}» takes part`
        : `en los que participa «${escapeUserText(f.role)}»`,
    );
  const years = (f?.editions ?? []).map((id) => yearOf(id, guides.get(id)));
  const of =
    years.length > 1
      ? en
        ? ` (editions ${years.join(' and ')})`
        : ` (ediciones ${years.join(' y ')})`
      : guide && !guide.isDefault
        ? ` (${escapeMrkdwn(guide.title)})`
        : '';
  if (parts.length === 0) return en ? `Every step of the guide${of}` : `Todos los pasos de la guía${of}`;
  return `${en ? 'Steps' : 'Pasos'} ${parts.join(en ? ', ' : ' y ')}${of}`;
}

function listText(answer: Answer, guides: Guides, language: Language): string {
  const title = listTitle(answer, guides, language);
  if (answer.steps.length === 0) {
    return language === 'en'
      ? `*${title}:* none. Use \`/guia lista\` to see every step.`
      : `*${title}:* ninguno. Usa \`/guia lista\` para ver todos los pasos.`;
  }
  const lines = answer.steps.map((s) => {
    // A step listed for a time limit its text sets (3.3's 30 days to answer) says which.
    const limit = answer.quotes.find((q) => q.step === s);
    const facet =
      answer.intent === 'plazo'
        ? ` — ${escapeMrkdwn(s.deadline.text)}${limit ? ` («${escapeMrkdwn(limit.text)}»)` : ''}`
        : answer.intent === 'involucrados'
          ? ` — ${escapeMrkdwn(s.involved.join('; '))}`
          : answer.intent === 'normatividad'
            ? ` — ${escapeMrkdwn(s.regulations.join('; '))}`
            : '';
    const year = answer.list?.editions ? ` (${escapeMrkdwn(editionOf(s, guides))})` : '';
    return `• *${s.id}*${year} ${escapeMrkdwn(s.title)}${facet}`;
  });
  return `*${title} (${answer.steps.length}):*\n${lines.join('\n')}`;
}

function severalText(answer: Answer, guides: Guides, language: Language): string {
  const intent = answer.intent ?? 'resumen';
  return answer.steps
    .map((s) => {
      const facet =
        intent === 'resumen'
          ? [deadlineLine(s, language), `*${LABELS[language].involved}:*\n${list(s.involved)}`]
          : facetText(s, intent, language);
      return [
        heading(s, guides.get(s.guide), language),
        ...facet,
        `${LABELS[language].more}: ${stepUrl(s)}`,
      ].join('\n');
    })
    .join('\n\n');
}

function definitionText(answer: Answer, language: Language): string {
  const term = answer.term;
  if (!term) return '';
  const steps = answer.steps
    .map((s) => `• ${LABELS[language].step} ${s.id} · ${escapeMrkdwn(s.title)}`)
    .join('\n');
  const where = steps
    ? `\n*${language === 'en' ? 'Where the guide handles it' : 'Dónde lo trata la guía'}:*\n${steps}`
    : '';
  const source = term.sourceUrl ? `\n${LABELS[language].more}: ${term.sourceUrl}` : '';
  return `*${escapeMrkdwn(term.term)}:* ${escapeMrkdwn(term.definition)}${where}${source}`;
}

/** The note an English answer carries once: the facts are quoted from the Spanish guide. */
const ENGLISH_NOTE = '_The guide is published only in Spanish: its facts are quoted as written._';

/** The whole answer as mrkdwn. */
export function answerMrkdwn(answer: Answer, guides: Guides): string {
  const { language } = answer;
  const body = answerBody(answer, guides);
  const withFacts = answer.steps.length > 0 || answer.term !== undefined;
  return language === 'en' && withFacts ? `${body}\n${ENGLISH_NOTE}` : body;
}

function answerBody(answer: Answer, guides: Guides): string {
  const { language } = answer;
  switch (answer.outcome) {
    case 'small_talk':
      return answer.smallTalk === 'thanks' || answer.smallTalk === 'bye'
        ? SMALL_TALK[answer.smallTalk][language]
        : greetingText(language);
    case 'empty':
      if (
        answer.reason === 'which_step' &&
        (answer.navigation === 'next' || answer.navigation === 'previous')
      ) {
        const after = answer.navigation === 'next';
        return language === 'en'
          ? `${after ? 'After' : 'Before'} which step? For example: “what comes ${after ? 'after' : 'before'} step 1.2?”. Use \`/guia lista\` to see every step.`
          : `¿${after ? 'Después' : 'Antes'} de qué paso? Por ejemplo: «¿qué va ${after ? 'después' : 'antes'} del paso 1.2?». Usa \`/guia lista\` para ver todos los pasos.`;
      }
      return answer.reason === 'which_step' && answer.intent
        ? whichStepText(answer.intent, language)
        : emptyText(language);
    case 'no_match':
      if (answer.reason === 'missing_step' && answer.missing)
        return missingStepText(answer.missing.id, answer.missing.edition, language);
      if (answer.reason === 'too_broad' && answer.broadWords)
        return tooBroadText(answer.broadWords, language);
      return noMatchText(answer.question, language);
    case 'choose':
      return chooseText(
        answer.alternatives.map((a) => a.step),
        guides,
        language,
        answer.reason === 'asks_for_steps',
      );
    case 'list':
      return answer.list ? listText(answer, guides, language) : severalText(answer, guides, language);
    case 'answered': {
      if (answer.intent === 'definicion') return definitionText(answer, language);
      if (!answer.step) return severalText(answer, guides, language);
      const step = answer.step;
      const parts: string[] = [];
      if (answer.fromProgress) {
        parts.push(
          language === 'en'
            ? 'The next open step in this channel:'
            : 'El siguiente paso pendiente en este canal:',
        );
      } else if (answer.navigation) {
        const from = answer.navigation === 'next' ? prevId(step, guides) : nextId(step, guides);
        const phase = answer.navigationPhase;
        parts.push(
          phase && (answer.navigation === 'first' || answer.navigation === 'last')
            ? PHASE_NAV[answer.navigation][language](phase)
            : (NAV_WORDS[answer.navigation]?.[language](from ?? '') ?? ''),
        );
      }
      parts.push(stepAnswerText(step, answer.intent ?? 'resumen', guides.get(step.guide), language));
      const quotes = quotesText(answer, language);
      if (quotes)
        parts.splice(parts.length - 1, 1, ...insertBeforeLink(parts[parts.length - 1] ?? '', quotes));
      return parts.join('\n');
    }
  }
}

/** Quotes go after the facet and before the "Más información" link. */
function insertBeforeLink(text: string, quotes: string): string[] {
  const at = text.lastIndexOf('\n');
  return at < 0 ? [text, quotes] : [text.slice(0, at), quotes, text.slice(at + 1)];
}

function neighbourId(step: Step, guides: Guides, offset: number): string | undefined {
  const steps = guides.get(step.guide)?.steps ?? [];
  const at = steps.findIndex((s) => s.id === step.id);
  return steps[at + offset]?.id;
}
const prevId = (step: Step, guides: Guides) => neighbourId(step, guides, -1);
const nextId = (step: Step, guides: Guides) => neighbourId(step, guides, 1);
