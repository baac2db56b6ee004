/**
 * Answers a question about the guide with DATA: the outcome, the intent, the steps, the facts and the guide's
 * own sentences, the glossary term, the language and a reason code. No wording here: src/render/ turns an
 * Answer into Slack blocks or terminal text, Spanish first, with an English frame for English questions.
 * Pure: built once from the loaded guides (and glossary), then every call is in-memory work with no I/O.
 */
import type { GlossaryEntry, StepRef, VocabularyEntry } from '../content/glossary.ts';
import { guideOfYear } from '../content/guides.ts';
import { type Guide, type Phase, type Step, stepUrl } from '../content/model.ts';
import { type ConversationContext, readContext } from './conversation.ts';
import {
  citedRegulation,
  filterByParts,
  filterSteps,
  guideWording,
  hasRole,
  type ListFilter,
  listForRole,
  type Navigation,
  navigate,
  nthAlone,
  nthStepOfPhase,
  readListRequest,
  readNavigation,
  readPhase,
  spansAllPhases,
  timeLimitSentence,
} from './facts.ts';
import { asksForSummary, detectIntent, type Intent, stripIntentPhrases } from './intents.ts';
import { mentionsOfficeMatter } from './office-matters.ts';
import { findQuotes, type Quote } from './passages.ts';
import { detectLanguage, type Language, type Reading, readQuestion, type SmallTalk } from './read.ts';
import { editionNamed } from './reference.ts';
import {
  type AnalyzedQuery,
  type Evidence,
  editDistance,
  type Hit,
  type QueryTerm,
  SearchIndex,
} from './search-index.ts';
import { smallTalkKind } from './small-talk.ts';
import {
  fold,
  MAX_QUESTION_CHARS,
  onlyGuideWords,
  stripSlackMarkup,
  VERB_FORM,
  wordSet,
  words,
} from './text.ts';

export type { ConversationContext } from './conversation.ts';
export type { Intent } from './intents.ts';
export type { Quote } from './passages.ts';
export type { Language } from './read.ts';

export type Outcome = 'answered' | 'list' | 'choose' | 'no_match' | 'empty' | 'small_talk';

/** Why an answer is not a plain step answer, for the renderer's wording. */
export type Reason =
  | 'empty_question'
  | 'which_step'
  | 'missing_step'
  | 'too_broad'
  | 'off_topic'
  | 'unsure'
  | 'asks_for_steps'
  | 'empty_list';

export interface Answer {
  outcome: Outcome;
  /** The part of the step asked about; `definicion` for a glossary answer; null for small talk. */
  intent: Intent | null;
  /** The main step of a one-step answer, else null. */
  step: Step | null;
  /** Every step the answer covers (all of them for a list or several steps). */
  steps: Step[];
  /** Up to 3 other candidates; for `choose`, the steps offered (step is then null). */
  alternatives: Array<{ step: Step; score: number }>;
  /** 0..1, from the gap between the first and second candidates (1 for an explicit reference). */
  confidence: number;
  language: Language;
  /** The guide's own sentences answering a specific question, per step id ("guide:id"). */
  quotes: Array<Quote & { step: Step }>;
  term?: GlossaryEntry;
  /** `editions`: the list runs over several editions («en ambas ediciones»), each step tagged with its own. */
  list?: ListFilter & { guide: string; everything: boolean; editions?: string[] };
  navigation?: Navigation;
  /** For first/last within a phase ("el último paso de Planea"). */
  navigationPhase?: Phase;
  smallTalk?: SmallTalk;
  reason?: Reason;
  /** For missing_step: the id asked and the edition named. */
  missing?: { id: string; edition?: string };
  /** For too_broad: the words found in (nearly) every step. */
  broadWords?: string[];
  /** True when the answer used the conversation's previous answer. */
  followUp: boolean;
  /** True when "¿qué sigue?" was answered with the channel's next open step. */
  fromProgress?: boolean;
  /** The question as the user wrote it (Slack markup read), for echoes: the renderer escapes it. */
  question: string;
  /** What to remember for the next turn of this conversation (null: keep nothing). */
  context: ConversationContext | null;
}

export interface AnswerOptions {
  guide?: string;
  /** The conversation's previous answer (as stored): a follow-up refers to it. */
  context?: unknown;
  /** The channel's next open step (team progress), for "¿qué sigue?" with nothing else to go on. */
  teamNext?: StepRef;
}

export interface Answerer {
  answer(question: string, opts?: AnswerOptions): Answer;
  search(query: string, limit?: number): Array<{ step: Step; score: number }>;
}

export interface AnswererContent {
  glossary?: readonly GlossaryEntry[];
  vocabulary?: readonly VocabularyEntry[];
}

/** A best score below this, with no title word matched, is a weak match (BM25F units, shipped guide). */
const WEAK_MATCH_SCORE = 1;
/** Below this confidence the answer offers choices instead of guessing. */
const MIN_CONFIDENCE = 0.12;
/** Score factor for steps outside the preferred guide, so near-ties go to the default edition. */
const OTHER_EDITION_FACTOR = 0.9;
/** A word held by at least this share of the steps is common: alone it links no question to a step. */
const COMMON_WORD_SHARE = 0.25;
/** A word held by at least this share of the steps names none of them. */
const BROAD_SHARE = 0.5;
/** A match outside the title counts this much against the question's foreign words. */
const OFF_TITLE_WEIGHT = 0.6;
/** The weight of a word foreign to the guide against the matched words' idf. */
const FOREIGN_WEIGHT = 1.2;
/** A foreign verb form ("caen", "recomiendan", "dejar"), or a foreign word in English, says little. */
const WEAK_FOREIGN = 0.25;
/** Cap on steps named in one question (ranges included). */
const MAX_NAMED_STEPS = 20;

/** "¿Qué pasos…?" / "which steps…?" without a fact to list by: offer the candidates. */
const ASKS_FOR_STEPS = /\b(que|cuales|en que|en cuales) pasos\b|\bwhich steps\b|\bwhat steps\b/;

/** "de toda la guía", "the whole guide": the guide itself, not the last list nor any narrower topic. */
const WHOLE_GUIDE =
  /\b(de (toda )?la guia|toda la guia|la guia completa|(of )?the whole guide|of the guide|(lista|listado|relacion) complet[oa])\b/;

/** The asker says they take part («participamos», «nos toca», «tenemos chamba»): their role is the one asked. */
const ASKER_TAKES_PART =
  /\b(?:participamos|participo|intervenimos|intervengo|nos tocan?|me tocan?|nos corresponden?|me corresponden?|tenemos (?:chamba|trabajo|que ver)|entramos)\b/;

/** Points into the last list: «de esos», «de ellos», «de la lista». */
const FROM_THOSE = /\b(de|d)\s+(esos|esas|estos|estas|ellos|ellas|la lista)\b/;

/** How far each half of a two-topic question must lead its runner-up (relative score gap). */
const BOTH_TOPICS_LEAD = 0.3;

/** Asks to compare what was just answered: «compáralos», «¿en qué se diferencian?», «los dos». */
const COMPARE_BACK =
  /\b(comparal[oa]s?|compararl[oa]s?|compara(r)? (los|las|ambos|ambas) ?(dos|pasos)?|en que se diferencian|que diferencias? (hay|tienen)|diferencias? entre (ellos|ambos|los dos)|(de|en|para) (los dos|ambos)|compare them)\b/;

/** "¿en qué paso…?", "which step…?": asks where, not what. */
const ASKS_WHICH_STEP = /\b(en )?(que|cual|cuales) pasos?\b|\bwhich steps?\b/;

/** "¿qué es X?", "¿qué significa X?", "what is X?": X. */
const DEFINITION =
  /^(?:y\s+)?(?:(?:que|q)\s+(?:es|son|era|eran|significa|significan|quiere decir|se entiende por)(?:\s+(?:exactamente|realmente|en realidad|bien))?|(?:a\s+)?que\s+se\s+refiere(?:n)?(?:\s+la\s+guia)?(?:\s+con)?|que\s+se\s+considera(?:n)?|a\s+que\s+(?:se\s+)?le(?:s)?\s+llama(?:n)?|que\s+(?:se\s+)?entiende(?:n)?\s+por|en\s+que\s+consiste(?:n)?|(?:el\s+)?significado\s+de|definicion\s+de|define|definir|what\s+(?:is|are|does)|what's|meaning\s+of|define)\s+(?:eso\s+de\s+)?(?:(?:el|la|los|las|lo|un|una|unos|unas|a|an|the)\s+)?(.+?)(?:\s+mean)?\s*$/;
/** A facet asked at the start of the phrase ("the deadline for…", "lo que hay que hacer"). */
const INTENT_AT_START =
  /^(?:deadline|plazo|fecha|who|quien|quienes|lo que hay que|what to do|regulations?|normatividad|ley|activities|actividades)\b/;
/** "¿quién es el Enlace de Comunicación Digital?": a role the glossary defines, named exactly. */
const WHO_IS =
  /^(?:y\s+)?(?:quien|quienes|who)\s+(?:es|son|is|are)\s+(?:(?:el|la|los|las|un|una|the|an?)\s+)?(.+?)\s*$/;
const DEFINITION_OF_LINK = /^(?:y\s+)?(?:(?:que|q)\s+(?:es|son|significa)|what\s+is|what's)$/;
const DEFINITION_AFTER =
  /^(.+?)\s*,?\s*(?:que es|que son|que significa|que quiere decir|a (?:que|quien) se refiere(?:n)?(?: la guia)?|what is it)$/;
/** What follows a term and only says where it was seen: «…que se menciona al priorizar», «…de la guía». */
const TERM_SEEN =
  /\s+(?:que\s+(?:se\s+)?(?:menciona|mencionan|nombra|nombran|cita|citan|aparece|aparecen|usa|usan)|(?:que|del que|de la que)\s+habla(?:n)?|de\s+la\s+guia|en\s+el\s+paso)\b.*$/;

/** Words that say where to go in the guide, not what about. */
const NAV_WORDS = wordSet(
  'primero primer primera ultimo ultima siguiente sigue anterior antes despues empiezo empezamos empezar empieza empiezan comienzo comienza comenzamos inicio inicia iniciamos inicial arranca arrancamos termina terminamos acaba cierra final next previous first last start',
);

/** Words of a list question that say "a list", not what it is about. */
const LIST_WORDS = wordSet(
  'lista listado listar enlista enlistas muestrame dame principio inicio fin final todo toda todos todas sus pasos paso guia guias fase fases etapa etapas edicion ediciones completa entera orden plazos plazo fechas hay tiene tienen son cuales que cuantos which what list show all steps step phase deadlines vencen vence duran dura tardan cada dias days naturales habiles anual anuales semestral semestrales bimestral continua continuos continuas continuamente',
);

const refOf = (s: Step): StepRef => ({ guide: s.guide, id: s.id });

export function createAnswerer(guides: Guide[], content: AnswererContent = {}): Answerer {
  const guideById = new Map(guides.map((g) => [g.id, g]));
  const defaultGuide = guides.find((g) => g.isDefault) ?? guides[0];
  const findStep = (ref: StepRef | undefined): Step | undefined =>
    ref ? guideById.get(ref.guide)?.steps.find((s) => s.id === ref.id) : undefined;
  const vocabularyText = new Map<Step, string>();
  for (const entry of content.vocabulary ?? [])
    for (const step of entry.steps.map(findStep))
      if (step) vocabularyText.set(step, `${vocabularyText.get(step) ?? ''} ${entry.phrases.join(' . ')}`);
  const index = new SearchIndex(
    guides.flatMap((g) => g.steps),
    vocabularyText,
  );
  const glossary = content.glossary ?? [];
  const vocabulary = (content.vocabulary ?? []).map((entry) => ({
    entry,
    patterns: entry.phrases.map(
      (p) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(p))}(?![\\p{L}\\p{N}])`, 'u'),
    ),
  }));
  const glossaryNames = glossary.flatMap((entry) =>
    [entry.term, ...entry.aliases].map((name) => ({ name: normalName(name), entry })),
  );
  // Longest first: "catálogo de datos abiertos" before "catálogo".
  glossaryNames.sort((a, b) => b.name.length - a.name.length);

  function preferredGuide(opts?: AnswerOptions): Guide | undefined {
    return (opts?.guide ? guideById.get(opts.guide) : undefined) ?? defaultGuide;
  }

  function rank(question: string, preferred: Guide | undefined, edition?: Guide, limit = 10) {
    const analysis = index.analyze(question);
    const boost = (step: Step) => {
      if (edition) return step.guide === edition.id ? 1 : 0.5;
      return step.guide === preferred?.id ? 1 : OTHER_EDITION_FACTOR;
    };
    const hits = index.score(analysis.keys, boost, limit);
    return { analysis, hits };
  }

  /**
   * THE decide rule (answer, or refuse), measured on the eval sets: whether the best step is linked to the
   * question well enough to answer. It runs on the question as read (openings, fillers, links and SMS
   * spellings already out), so a polite wrapper never counts. Refuse when:
   * - nothing links them, or only spelling guesses do while the question has words foreign to the guide;
   * - a single guide word links them and it is common (a quarter of the steps hold it) while the question
   *   has other topic words: one shared common stem cannot satisfy a question;
   * - a single guide word links them beside a foreign word ("¿cómo solicito mis vacaciones?");
   * - a Spanish question is mostly foreign (two or more foreign words, at least half its topic words);
   * - the matched words weigh less than the foreign ones (idf, a title match fully, others in part; a
   *   foreign word that reads as a verb form, or any foreign word of an English question, weighs little:
   *   the guide is Spanish and reaches English only through aliases). With two or more guide words
   *   matched, one everyday foreign word ("caen", "recomiendan", "dejar") cannot flip the answer.
   */
  function linked(evidence: Evidence, language: Language, score = Number.POSITIVE_INFINITY): boolean {
    const { matched, unknown, topicWords } = evidence;
    if (matched.length === 0) return false;
    if (unknown.length > 0 && matched.every((m) => m.corrected)) return false;
    // Everyday verbs the guide does not use ("eligen", "intervienen", "pasar") say how, not what about:
    // only foreign nouns and names veto (in Spanish; in English every foreign word is weak already).
    // A word read as a verb only by where it stands («se le manda») needs two guide words beside it: alone
    // with one («¿dónde me estaciono en la oficina?») it may be the whole topic.
    const verb = (w: string) => VERB_FORM.test(w) || (matched.length > 1 && evidence.verbs.includes(w));
    const heavy = language === 'es' ? unknown.filter((w) => !verb(w)) : unknown;
    const only = matched.length === 1 ? matched[0] : undefined;
    // A guide word standing as a verb that this step lacks is no topic it leaves unexplained.
    const verbsLacked = evidence.knownVerbs.filter((w) => !matched.some((m) => m.word === w)).length;
    const topics = topicWords - (unknown.length - heavy.length) - verbsLacked;
    if (only && topics > 1 && only.share >= COMMON_WORD_SHARE) return false;
    if (only && heavy.length > (language === 'es' ? 0 : 1)) return false;
    // A foreign noun beside a weak match that no title holds («el sistema de nómina marca error»): the
    // question is about something else that shares a couple of the guide's words.
    if (language === 'es' && heavy.length > 0 && score < WEAK_MATCH_SCORE && matched.every((m) => !m.inTitle))
      return false;
    // Mostly foreign, unless two title words of the step say what it is about.
    const titled = matched.filter((m) => m.inTitle).length;
    if (
      language === 'es' &&
      heavy.length >= 1 &&
      unknown.length >= 2 &&
      unknown.length * 2 >= topicWords &&
      titled < 2
    )
      return false;
    const support = matched.reduce((sum, m) => sum + m.idf * (m.inTitle ? 1 : OFF_TITLE_WEIGHT), 0);
    const against = unknown.reduce(
      (sum, w) => sum + FOREIGN_WEIGHT * (language === 'en' || verb(w) ? WEAK_FOREIGN : 1),
      0,
    );
    return support > against;
  }

  /**
   * The step a term is chiefly about, so "¿en qué paso se genera?" or "¿y el plazo?" after its definition
   * has one answer: the step whose title names it, else its only step, else the clear leader when its name
   * is searched among its steps. Undefined when none leads: the answer is then every step that handles it.
   */
  function mainStepOf(termName: string | undefined): Step | undefined {
    const entry = glossary.find((e) => e.term === termName);
    if (!entry) return undefined;
    const steps = entry.steps.map(findStep).filter((s): s is Step => s !== undefined);
    if (steps.length <= 1) return steps[0];
    const names = [entry.term, ...entry.aliases].map(contentWords).filter((n) => n.length > 0);
    const titled = steps.filter((s) => {
      const title = new Set(contentWords(s.title));
      return names.some((n) => n.every((w) => title.has(w)));
    });
    if (titled.length === 1) return titled[0];
    // The step page the glossary took the term from.
    const sourced = steps.find((s) => entry.sourceUrl !== undefined && stepUrl(s) === entry.sourceUrl);
    if (sourced && titled.length === 0) return sourced;
    const own = new Set(titled.length > 1 ? titled : steps);
    const [first, second] = index.score(index.analyze(entry.term).keys, (s) => (own.has(s) ? 1 : 0), 2);
    if (!first || first.score <= 0) return undefined;
    return !second || (first.score - second.score) / first.score >= MIN_CONFIDENCE ? first.step : undefined;
  }

  /**
   * The words of a question that only holds words found in (nearly) every step ("datos", "guía"): it
   * needs a narrower question, not "nothing found". Empty when the question has any word of its own.
   */
  function tooBroad(question: string, analysis: AnalyzedQuery): string[] {
    if (analysis.unknown.length > 0) return [];
    const terms = analysis.terms.filter((t) => t.keys.length > 0);
    const common = terms.filter((t) => t.keys.every((key) => index.share(key) >= BROAD_SHARE));
    if (common.length < terms.length) return [];
    return [...new Set([...onlyGuideWords(question), ...common.map((t) => t.word)])];
  }

  /**
   * The glossary term a question asks about: the whole question, or one of its sentences ("¿qué es ADELA?
   * me lo preguntaron en una reunión"); after a definition, "¿y el DCAT?" asks for another term.
   */
  function definitionTerm(reading: Reading, previous?: ConversationContext): GlossaryEntry | undefined {
    if (glossaryNames.length === 0) return undefined;
    if (previous?.intent === 'definicion' && reading.continues) {
      const name = normalName(reading.folded.replace(/^[\s¿¡]*(?:y|and|e)\s+(?:(?:lo de|eso de)\s+)?/, ''));
      const next = glossaryNames.find((g) => g.name === name);
      if (next) return next.entry;
    }
    // Sentences end at «?», «!» or a full stop before a space («…supiéramos. ¿Qué es ADELA?»).
    // So do «Para el área jurídica: …», «…; ¿qué es…?» and «Perdón la pregunta, pero ¿qué es…?».
    const sentences = reading.folded
      .split(/[?!:;]+|\.(?=\s)|,\s*pero\s+/)
      .filter((x) => /[\p{L}\p{N}]/u.test(x));
    for (const sentence of sentences.length > 1 ? [reading.folded, ...sentences] : [reading.folded]) {
      const found = termAskedIn(sentence, reading);
      if (found) return found;
    }
    // "…me pide accrualPeriodicity. ¿Qué es eso?": the term named in the sentence before.
    const last = sentences.length > 1 ? sentences[sentences.length - 1] : undefined;
    // «…del Consejo Institucional; ¿qué es ese consejo?»: the term before that holds the noun named.
    const back = last
      ? /^[\s¿¡]*(?:y\s+)?(?:que|q)\s+(?:es|son|significa)\s+(?:eso|esto|eso ultimo|(?:ese|esa|este|esta|esos|esas)\s+(\p{L}+))\s*$/u.exec(
          last,
        )
      : null;
    if (back) {
      const before = normalName(sentences.slice(0, -1).join(' '));
      const noun = back[1];
      return glossaryNames
        .filter(
          (g) =>
            g.name.length >= 3 &&
            (!noun || g.name.split(' ').includes(noun)) &&
            new RegExp(`(^| )${escapeRegExp(g.name)}( |$)`).test(before),
        )
        .sort((a, b) => b.name.length - a.name.length)[0]?.entry;
    }
    return undefined;
  }

  function termAskedIn(text: string, reading: Reading): GlossaryEntry | undefined {
    const folded = text
      .replace(/[¿?¡!"«»“”]|\.(?!\w)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // Some terms are addresses ("¿qué es datos.gob.mx?") that reading the question took out as links.
    const defined = DEFINITION.exec(folded)?.[1];
    const asked =
      defined ??
      DEFINITION_AFTER.exec(folded)?.[1] ??
      (DEFINITION_OF_LINK.test(folded) ? reading.links[0] : undefined);
    if (!asked) {
      // Only a whole glossary name: «¿quién es el responsable de ADELA?» asks who, not what ADELA is.
      const who = WHO_IS.exec(folded)?.[1]?.replace(TERM_SEEN, '');
      return who ? glossaryNames.find((g) => g.name === normalName(who))?.entry : undefined;
    }
    // "¿qué es una minuta en el contexto del grupo?", "¿qué es X según la guía?": the qualifier names no term.
    const phrase = normalName(asked)
      .replace(
        /\s+(?:en el contexto de(?:l)?|en lo de|en (?:el|la) (?:tema|parte|seccion) de(?:l)?|segun la guia|de acuerdo con la guia|en la guia|para la guia|dentro de la guia)\b.*$/,
        '',
      )
      .replace(TERM_SEEN, '');
    const exact = glossaryNames.find((g) => g.name === phrase) ?? misspeltName(phrase);
    if (exact) return exact.entry;
    // "¿qué es un recurso de datos, es lo mismo que un dataset?": the term is the first clause.
    const clause = normalName(asked.split(/[,;:]/)[0] ?? '');
    const byClause = glossaryNames.find((g) => g.name === clause);
    if (byClause) return byClause.entry;
    // "what's the deadline for the plan?", "what is the plan de apertura step about?": a step's facet or the
    // step itself is asked, not what a word means.
    if (/\b(paso|pasos|step|steps)\b/.test(phrase) || INTENT_AT_START.test(phrase)) return undefined;
    // The editors' words for a term ("¿qué es la plataforma?" → ADELA).
    const named = vocabulary.find((v) => v.entry.term && v.patterns.some((p) => p.test(folded)))?.entry.term;
    const byVocabulary = named
      ? glossary.find((g) => g.term.toLowerCase() === named.toLowerCase())
      : undefined;
    if (byVocabulary) return byVocabulary;
    // "¿qué es la herramienta ADELA de datos.gob.mx?": a short phrase holding one term; «Me mencionaron el
    // EIDA en una junta, ¿qué es?»: the term said before the question, in a phrase of any length.
    if (words(phrase).length > 6 && defined !== undefined) return undefined;
    const held = glossaryNames.filter((g) => new RegExp(`(^| )${escapeRegExp(g.name)}( |$)`).test(phrase));
    return held.sort((a, b) => b.name.length - a.name.length)[0]?.entry;
  }

  /**
   * A glossary name typed with one slip per long word («diccionaro de datos»): the same words in the same
   * order, each equal or one edit away when it has five letters or more.
   */
  function misspeltName(phrase: string): (typeof glossaryNames)[number] | undefined {
    const asked = phrase.split(' ');
    return glossaryNames.find(({ name }) => {
      const have = name.split(' ');
      return (
        have.length === asked.length &&
        have.some((w, i) => w !== asked[i]) &&
        have.every((w, i) => {
          const a = asked[i] ?? '';
          return w === a || (w.length >= 5 && Math.abs(w.length - a.length) <= 1 && editDistance(w, a) <= 1);
        })
      );
    });
  }

  /** Vocabulary entries (editors' words) the question holds. */
  function vocabularyHits(folded: string): VocabularyEntry[] {
    return vocabulary.filter((v) => v.patterns.some((p) => p.test(folded))).map((v) => v.entry);
  }

  function answer(rawQuestion: string, opts: AnswerOptions = {}): Answer {
    const answered = answerTurn(rawQuestion, opts);
    // A step picked from a list («¿quién participa en el primero?») keeps the list for the next pick.
    const previous = opts.context === undefined ? undefined : readContext(opts.context);
    const list = previous?.list ?? (previous && previous.steps.length > 1 ? previous.steps : undefined);
    const context = answered.context;
    if (!context || context === previous || context.steps.length !== 1) return answered;
    const kept = answered.followUp && list ? { list } : {};
    // Two one-step answers in a row can be compared next («compáralos en plazos»).
    const before = previous?.steps.length === 1 ? previous.steps[0] : undefined;
    const moved = before && (before.guide !== context.steps[0]?.guide || before.id !== context.steps[0]?.id);
    return { ...answered, context: { ...context, ...kept, ...(moved ? { earlier: before } : {}) } };
  }

  function answerTurn(rawQuestion: string, opts: AnswerOptions): Answer {
    const reading = readQuestion(rawQuestion);
    const { language } = reading;
    const previous = opts.context === undefined ? undefined : readContext(opts.context);
    const base = {
      alternatives: [] as Answer['alternatives'],
      confidence: 0,
      language,
      quotes: [] as Answer['quotes'],
      followUp: false,
      question: reading.original,
      steps: [] as Step[],
      step: null as Step | null,
    };
    // Nothing to answer keeps the conversation where it was.
    const keep = previous ?? null;
    if (!/[\p{L}\p{N}]/u.test(reading.original)) {
      return { ...base, outcome: 'empty', intent: null, reason: 'empty_question', context: keep };
    }
    const social =
      smallTalkKind(reading.original) ?? (/[\p{L}\p{N}]/u.test(reading.text) ? undefined : 'greeting');
    if (social) return { ...base, outcome: 'small_talk', intent: null, smallTalk: social, context: keep };

    const preferred = preferredGuide(opts);
    if (!preferred) return { ...base, outcome: 'no_match', intent: null, reason: 'off_topic', context: null };
    const { reference } = reading;
    const editions = reference.editionYears
      .map((year) => guideOfYear(guides, year))
      .filter((g): g is Guide => g !== undefined);
    const edition = editions[0];
    // Edition years and a facet's own row name ("tiempo de cumplimiento") name no topic.
    let searchText = stripIntentPhrases(reading.text);
    // «¿Cómo era en la edición 2015?»: the word that names the edition goes with its year.
    for (const year of reference.editionYears)
      searchText = searchText.replace(editionNamed(year), ' ').replaceAll(year, ' ');
    const { analysis, hits } = rank(searchText, preferred, edition);
    // Context first, question last («Soy de la Unidad de Transparencia… ¿qué plazo marca el paso 3.3?»):
    // the question's own cue decides; the context's words («Unidad», «área») only when it has none.
    const askedIntent = reading.asked !== reading.folded ? detectIntent(reading.asked) : 'resumen';
    const intent =
      askedIntent !== 'resumen' || (reading.asked !== reading.folded && asksForSummary(reading.asked))
        ? askedIntent
        : detectIntent(`${analysis.correctedText} ${reading.folded}`);
    const others = (step: Step | null, list: Hit[]) => list.filter((h) => h.step !== step).slice(0, 3);

    const summaryAsked = asksForSummary(reading.folded);
    // «toda la guía», and a range over every phase («de Planea a Promueve»).
    const wholeGuide = WHOLE_GUIDE.test(reading.folded) || spansAllPhases(reading.folded);
    const one = (step: Step, i: Intent, extra: Partial<Answer> = {}): Answer => {
      const quotes =
        i === 'definicion' ? [] : findQuotes(reading.text, step, i === 'plazo').map((q) => ({ ...q, step }));
      return {
        ...base,
        outcome: 'answered',
        intent: i,
        step,
        steps: [step],
        alternatives: others(step, hits),
        confidence: 1,
        quotes,
        context: { v: 1, steps: [refOf(step)], intent: i },
        ...extra,
      };
    };
    const several = (steps: Step[], i: Intent, extra: Partial<Answer> = {}): Answer => {
      const unique = [...new Set(steps)].slice(0, MAX_NAMED_STEPS);
      if (unique.length === 1 && unique[0]) return one(unique[0], i, extra);
      // Several steps are a list (each with the facet asked), not one answer: `step` stays null.
      return {
        ...base,
        outcome: 'list',
        intent: i,
        steps: unique,
        confidence: 1,
        context: { v: 1, steps: unique.map(refOf), intent: i },
        ...extra,
      };
    };

    // No word of the guide names a topic: only numbers and words that say where to go.
    const noTopicWord = (t: QueryTerm) =>
      t.keys.length === 0 || /^\d+$/.test(t.word) || NAV_WORDS.has(t.word);
    const noGuideTopic = analysis.terms.every(noTopicWord);
    // …or only guide words that stand as verbs («¿quién lo aprueba?» no, «¿en qué paso se genera?» yes).
    const onlyVerbTopic = analysis.terms.every((t) => noTopicWord(t) || analysis.knownVerbs.includes(t.word));
    const namesNothing = analysis.unknown.every((w) => NAV_WORDS.has(w)) && noGuideTopic;
    const onlyVerbs = analysis.unknown.every((w) => VERB_FORM.test(w) || analysis.verbs.includes(w));
    // «de esos, ¿cuál es bimestral?» asks for a list without saying «pasos»: the last list's.
    // Not «el último de esos», «el segundo de ellos»: a pick from the list (below).
    const fromThose =
      FROM_THOSE.test(reading.folded) &&
      (previous?.steps.length ?? 0) > 1 &&
      !readNavigation(reading.folded) &&
      nthAlone(reading.folded) === undefined;
    const listRead =
      readListRequest(reading.folded) ??
      (fromThose ? readListRequest(`que pasos ${reading.folded}`) : undefined);
    // "¿En qué paso se usa?" after a definition: the steps where the term is handled.
    const whereIsTerm =
      previous?.intent === 'definicion' &&
      ASKS_WHICH_STEP.test(reading.folded) &&
      onlyVerbTopic &&
      (onlyVerbs || analysis.unknown.length <= 1) &&
      listRead?.everything !== false;

    // 1. "¿Qué es ADELA?": the glossary.
    const term = definitionTerm(reading, previous);
    if (term) {
      const steps = term.steps.map(findStep).filter((s): s is Step => s !== undefined);
      return {
        ...base,
        outcome: 'answered',
        intent: 'definicion',
        term,
        steps,
        confidence: 1,
        context: { v: 1, steps: steps.map(refOf), intent: 'definicion', term: term.term },
      };
    }

    // 2. Steps named by number: one, several, a range, or one step in several editions.
    const inGuide = (g: Guide | undefined, id: string) => g?.steps.find((s) => s.id === id);
    const resolve = (id: string, g?: Guide): Step | undefined =>
      g
        ? inGuide(g, id)
        : (inGuide(preferred, id) ?? guides.map((x) => inGuide(x, id)).find((s) => s !== undefined));
    let ids = reference.stepIds.slice(0, MAX_NAMED_STEPS);
    if (reference.range) {
      const g = edition ?? preferred;
      const from = g?.steps.findIndex((s) => s.id === reference.range?.from) ?? -1;
      const to = g?.steps.findIndex((s) => s.id === reference.range?.to) ?? -1;
      if (g && from >= 0 && to >= from) ids = g.steps.slice(from, to + 1).map((s) => s.id);
    }
    const navigation = readNavigation(reading.folded);
    const navFrom = (from: Step, nav: Navigation, i: Intent): Answer | undefined => {
      const guide = guideById.get(from.guide);
      const target = guide && navigate(guide, nav, from);
      return target ? one(target, i, { navigation: nav }) : undefined;
    };
    if (ids.length > 0) {
      const pairs: Step[] = [];
      const sideBySide = reference.allEditions ? guides : editions;
      if (ids.length === 1 && sideBySide.length > 1) {
        for (const g of sideBySide) {
          const s = inGuide(g, ids[0] as string);
          if (s) pairs.push(s);
        }
      } else {
        // Several steps: the edition named after each one ("del 1.1 y del 4.1 de 2015"), else the default.
        const years = ids.length > 1 ? reference.stepYears : [];
        const anyYear = years.some((y) => y !== undefined);
        ids.forEach((id, i) => {
          const year = years[i];
          const named = anyYear
            ? year
              ? guideOfYear(guides, year)
              : undefined
            : editions.length > 1
              ? editions[Math.min(i, editions.length - 1)]
              : edition;
          // "el 1.1 de la edición 2015" is that step of that edition or none; a step with no edition of its
          // own comes from the default one.
          const s =
            resolve(id, named) ?? (editions.length > 1 || (anyYear && !year) ? resolve(id) : undefined);
          if (s) pairs.push(s);
        });
      }
      const first = pairs[0];
      if (first && pairs.length === 1 && (navigation === 'next' || navigation === 'previous')) {
        const nav = navFrom(first, navigation, intent);
        if (nav) return nav;
      }
      if (first) {
        // "¿y en el 2.3?" after "¿quién participa en el catálogo?": the step changes, the question stays.
        const onlyAStep =
          namesNothing && intent === 'resumen' && previous && previous.intent !== 'definicion';
        if (onlyAStep) return { ...several(pairs, previous.intent), followUp: true };
        return several(pairs, intent);
      }
      if (reference.namedAsStep || edition) {
        return {
          ...base,
          outcome: 'no_match',
          intent,
          alternatives: hits.slice(0, 3),
          reason: 'missing_step',
          missing: { id: ids[0] ?? '', ...(edition ? { edition: edition.title } : {}) },
          context: keep,
        };
      }
    }

    // 3. First or last step of a phase: "¿cuál es el último paso de Planea?"; "el segundo paso de Promueve".
    const phase = readPhase(reading.folded);
    const nth =
      phase && ids.length === 0 ? nthStepOfPhase(edition ?? preferred, phase, reading.folded) : undefined;
    if (nth) return one(nth, intent);
    if ((navigation === 'first' || navigation === 'last') && phase) {
      const g = edition ?? preferred;
      const target = g && navigate(g, navigation, undefined, phase);
      if (target) return one(target, intent, { navigation, navigationPhase: phase });
    }

    // 4. A list computed from the facts: a phase, a deadline, a recurrence, a role, an edition, everything.
    // "¿y los de Perfecciona?" after a list is the same list for another phase.
    const afterList = reading.continues && previous !== undefined && previous.steps.length > 1;
    const listFollowUp = afterList && phase !== undefined;
    // "¿y el OIC?" after a list of where a role takes part: the same list for that role.
    const roleFollowUp =
      afterList && previous.intent === 'involucrados' && ids.length === 0
        ? listForRole(reading.folded.replace(/^[\s¿¡]*(?:y|e|and)\s+/, ''))
        : undefined;
    // "Soy del OIC, ¿en qué pasos participamos?": the role is the one who introduced themselves.
    // «Soy de transparencia en FONATUR»: the office, not the institution it is at.
    const asker = ASKER_TAKES_PART.test(reading.folded)
      ? /\b(?:soy|somos)\s+(?:de|del|de la|de los|de las)\s+([^,.;?¿!:]{2,60})/
          .exec(fold(reading.original))?.[1]
          ?.replace(/\s+en\s+.*$/, '')
      : undefined;
    const askerList = asker ? listForRole(asker) : undefined;
    // A role read from elsewhere than the question counts only when some step has it.
    const someStepHas = (ask: typeof askerList) =>
      ask?.roleWords && (edition ?? preferred)?.steps.some((s) => hasRole(s, ask)) ? ask : undefined;
    // A role named in the question itself outranks a verb of the context before it («…nos toca apoyar.
    // ¿En qué pasos interviene la UT?»); the context may still name the phase («De la fase Publica, ¿…?»).
    const mergeRole = (asked: NonNullable<typeof listRead>, role: typeof askerList) =>
      role ? { ...role, filter: { ...asked.filter, ...role.filter } } : undefined;
    // «Dame los plazos de ambos» after two one-step answers compares those two, not every step's plazo.
    const comparesLastTwo =
      COMPARE_BACK.test(reading.folded) && previous?.earlier !== undefined && previous.steps.length === 1;
    const wholeList = whereIsTerm || (comparesLastTwo && listRead?.everything) ? undefined : listRead;
    const askedList =
      !whereIsTerm && reading.asked !== reading.folded ? readListRequest(reading.asked) : undefined;
    const direct = askedList?.roleWords
      ? { ...askedList, filter: { ...wholeList?.filter, ...askedList.filter } }
      : (wholeList ?? askedList);
    const list =
      // The asker's role narrows a list the question asked for («¿en qué pasos de Planea nos toca?»).
      ((direct && !direct.roleWords && mergeRole(direct, someStepHas(askerList))) || direct) ??
      (listFollowUp ? { filter: { phase }, intent: 'resumen' as const, everything: false } : undefined) ??
      someStepHas(roleFollowUp);
    if (list) {
      const topicWords = words(reading.folded).filter(
        (w) =>
          !LIST_WORDS.has(w) &&
          !/^\d+$/.test(w) &&
          analysis.terms.some((t) => t.word === w && t.keys.length > 0),
      );
      const g = edition ?? preferred;
      // «en ambas ediciones», «en 2015 y en 2017»: the same list in each edition, one after the other.
      const listGuides = reference.allEditions ? [...guides] : editions.length > 1 ? editions : g ? [g] : [];
      // A role the glossary knows counts under any of its names ("Enlace Institucional", "Enlace de Datos").
      if (list.roleWords) {
        const asked = list.roleWords.join(' ');
        const entry = glossaryNames.find((n) => contentWords(n.name).join(' ') === asked)?.entry;
        // A variant shorter than the name asked ("Administrador de Datos") would also find other roles
        // ("áreas administradoras de datos"): only as specific ones count.
        if (entry)
          list.roleVariants = [entry.term, ...entry.aliases]
            .map(contentWords)
            .filter((w) => w.length >= (list.roleWords?.length ?? 0));
      }
      const whole = listGuides.flatMap((x) => filterSteps(x.steps, list));
      // «los enlaces de comunicación digital o de participación ciudadana»: several roles (or regulations).
      const partsEach = listGuides.map((x) => filterByParts(x.steps, list));
      const byParts = partsEach.some((p) => p !== undefined)
        ? partsEach.flatMap((p, i) => p ?? filterSteps(listGuides[i]?.steps ?? [], list))
        : undefined;
      const matching = byParts ?? whole;
      if (byParts && list.roleParts) {
        const { parts, join } = list.roleParts;
        const names = parts.map(
          (r) =>
            byParts
              .flatMap((s) => s.involved)
              .map((item) => guideWording(item, r))
              .find(Boolean) ?? r.join(' '),
        );
        list.filter.roles = { names, join };
        delete list.filter.role;
      }
      if (byParts && list.regulationParts) {
        list.filter.regulations = list.regulationParts.map(
          (r) => byParts.map((s) => citedRegulation(s, r)).find(Boolean) ?? r.join(' '),
        );
        delete list.filter.regulation;
      }
      // The list names the regulation as the guide writes it, not as the question spelled it.
      const cited =
        !byParts && list.regulationWords && matching[0] && citedRegulation(matching[0], list.regulationWords);
      if (cited) list.filter.regulation = cited;
      // So do roles and what a deadline depends on: «Órgano Interno de Control», not «organo interno control».
      const top = matching[0];
      const role =
        top && list.roleWords && !byParts
          ? top.involved.map((item) => guideWording(item, list.roleWords ?? [])).find((w) => w !== undefined)
          : undefined;
      if (role) list.filter.role = role;
      const dependsOn = top && list.dependsOnWords && guideWording(top.deadline.text, list.dependsOnWords);
      if (dependsOn) list.filter.dependsOn = dependsOn;
      // "dame todos los pasos, soy nuevo en esto": words that link to no step do not narrow the list.
      const narrowed = () => {
        const top = hits[0];
        return top !== undefined && top.score > 0 && linked(index.evidence(analysis, top.step), language);
      };
      const byFacts =
        !list.everything || topicWords.length === 0 || (wholeGuide && !navigation) || !narrowed();
      if (g && byFacts && (matching.length > 0 || (!list.roleWords && !list.regulationWords))) {
        const i: Intent =
          list.intent === 'resumen' && intent !== 'resumen'
            ? intent
            : listFollowUp && list.intent === 'resumen' && previous.intent !== 'definicion'
              ? previous.intent
              : list.intent;
        // «De esos, ¿cuál es bimestral?», «¿y los plazos?» after a list: within that list.
        const prior =
          previous && previous.steps.length > 1
            ? previous.steps.map(findStep).filter((s): s is Step => s !== undefined)
            : [];
        const withinPrior =
          prior.length > 1 &&
          !edition &&
          !wholeGuide &&
          (FROM_THOSE.test(reading.folded) ||
            (reading.continues && list.everything && topicWords.length === 0));
        if (withinPrior) {
          const within = list.everything ? prior : matching.filter((s) => prior.includes(s));
          const [only] = within;
          if (within.length === 1 && only) return { ...one(only, i), followUp: true };
          if (within.length > 1) return { ...several(within, i), followUp: true };
        }
        return {
          ...base,
          outcome: 'list',
          intent: i,
          steps: matching,
          confidence: 1,
          list: {
            ...list.filter,
            guide: g.id,
            everything: list.everything,
            ...(listGuides.length > 1 ? { editions: listGuides.map((x) => x.id) } : {}),
          },
          quotes: matching.flatMap((step) => {
            const limit = timeLimitSentence(step, list.filter);
            return limit ? [{ text: limit.sentence, source: limit.source, step }] : [];
          }),
          ...(listFollowUp ? { followUp: true } : {}),
          ...(matching.length === 0 ? { reason: 'empty_list' as const } : {}),
          context: matching.length > 0 ? { v: 1, steps: matching.map(refOf), intent: i } : keep,
        };
      }
    }

    // 5. A follow-up: the question names no step and no topic of its own, so it is about the last answer.
    // After "¿y…", an everyday verb or a word the guide lacks ("¿y el plazo ahí cuál era?", "and the legal
    // basis?") names no topic either, as long as no word of the guide does.
    // So does a single word found only deep in some step ("¿y en cuánto tiempo hay que hacerlo?").
    const weakTopic = () => {
      const top = hits[0];
      if (!top || intent === 'resumen') return false;
      const { matched } = index.evidence(analysis, top.step);
      return matched.length <= 1 && matched.every((m) => !m.inTitle);
    };
    // A pronoun pointing back holds the last step against one guide word ("¿eso dónde se publica?"), and
    // a facet asked with only everyday verbs ("¿cuánto tiempo dan?") asks it of the last step.
    const oneWordAtMost = () => {
      const top = hits[0];
      return !top || index.evidence(analysis, top.step).matched.length <= 1;
    };
    const followsUp =
      namesNothing ||
      (reading.continues && analysis.unknown.length <= 2 && (noGuideTopic || weakTopic())) ||
      (reading.pointsBack && onlyVerbs && ids.length === 0 && oneWordAtMost()) ||
      (intent !== 'resumen' && onlyVerbTopic && onlyVerbs && ids.length === 0) ||
      // "¿de qué se trata?" after a step: that step, as a whole.
      (summaryAsked && noGuideTopic && onlyVerbs && ids.length === 0) ||
      whereIsTerm;
    const previousSteps = (previous?.steps ?? []).map(findStep).filter((s): s is Step => s !== undefined);
    if (previous && previousSteps.length > 0) {
      const last = previousSteps[previousSteps.length - 1] as Step;
      const carried: Intent =
        intent !== 'resumen' ? intent : previous.intent === 'definicion' ? 'resumen' : previous.intent;
      // "¿y el plazo del primero?" after a list: its first (or last) step.
      const fromList = previous.list?.map(findStep).filter((s): s is Step => s !== undefined);
      const listSteps = fromList && fromList.length > 1 ? fromList : previousSteps;
      if (
        (navigation === 'first' || navigation === 'last') &&
        listSteps.length > 1 &&
        (followsUp || FROM_THOSE.test(reading.folded)) &&
        !wholeGuide
      ) {
        const pick = navigation === 'first' ? listSteps[0] : listSteps[listSteps.length - 1];
        if (pick) return { ...one(pick, carried), followUp: true };
      }
      // «Compáralo con el de 2017»: the last step beside its namesake in that edition.
      const namesake = edition && previousSteps.length === 1 ? inGuide(edition, last.id) : undefined;
      if (namesake && namesake !== last && ids.length === 0 && COMPARE_BACK.test(reading.folded)) {
        return {
          ...several([last, namesake], intent === 'resumen' ? previous.intent : intent),
          followUp: true,
        };
      }
      // «Compáralos»: the last two steps answered, side by side.
      const earlier = findStep(previous.earlier);
      if (
        earlier &&
        previousSteps.length === 1 &&
        ids.length === 0 &&
        !reference.allEditions &&
        COMPARE_BACK.test(reading.folded) &&
        (oneWordAtMost() || noGuideTopic)
      ) {
        return { ...several([earlier, last], intent), followUp: true };
      }
      // "¿y el segundo?" after a list: its second step.
      const nth = nthAlone(reading.folded);
      const nthStep = nth && listSteps.length > 1 ? listSteps[nth - 1] : undefined;
      if (nthStep) return { ...one(nthStep, carried), followUp: true };
      if ((navigation === 'next' || navigation === 'previous') && (namesNothing || reading.continues)) {
        // "¿y la del paso siguiente?" after a question about regulations asks the same of the next step.
        const carry = intent === 'resumen' && reading.continues && !summaryAsked;
        const nav = navFrom(last, navigation, carry ? carried : intent);
        if (nav) return { ...nav, followUp: true };
      }
      if (edition && (namesNothing || followsUp)) {
        const moved = previousSteps
          .map((s) => inGuide(edition, s.id))
          .filter((s): s is Step => s !== undefined);
        if (moved.length > 0) return { ...several(moved, carried), followUp: true };
        return {
          ...base,
          outcome: 'no_match',
          intent: carried,
          reason: 'missing_step',
          missing: { id: last.id, edition: edition.title },
          followUp: true,
          context: keep,
        };
      }
      if (followsUp && (intent !== 'resumen' || reading.continues || whereIsTerm || summaryAsked)) {
        // After a definition, "¿en qué paso se genera?" (one step) and "¿y el plazo?" ask about the step
        // the term is chiefly about; "¿en qué pasos se usa?" asks for all of them.
        const main =
          previous.intent === 'definicion' && !(whereIsTerm && ASKS_FOR_STEPS.test(reading.folded))
            ? mainStepOf(previous.term)
            : undefined;
        if (main) return { ...one(main, intent), followUp: true };
        return { ...several(previousSteps, intent === 'resumen' ? 'resumen' : intent), followUp: true };
      }
    }

    // 6. "¿Qué sigue?" in a channel with a tracker: the team's next open step. First and last need nothing.
    const teamNext = findStep(opts.teamNext);
    if (navigation === 'next' && namesNothing && teamNext) {
      return one(teamNext, intent, { navigation: 'next', fromProgress: true });
    }
    if ((navigation === 'next' || navigation === 'previous') && namesNothing) {
      return { ...base, outcome: 'empty', intent, navigation, reason: 'which_step', context: keep };
    }
    if ((navigation === 'first' || navigation === 'last') && namesNothing && preferred) {
      const target = navigate(edition ?? preferred, navigation);
      if (target) return one(target, intent, { navigation });
    }

    // 7. Only "what kind of answer" words ("¿cuál es el plazo?", "who is involved?"): ask which step.
    if (intent !== 'resumen' && namesNothing) {
      return { ...base, outcome: 'empty', intent, reason: 'which_step', context: keep };
    }

    // 8. The editors' vocabulary: their words point straight to steps (or a term).
    const vocab = vocabularyHits(reading.folded);
    const vocabSteps = [...new Set(vocab.flatMap((v) => v.steps.map(findStep)))].filter(
      (s): s is Step => s !== undefined,
    );
    if (vocabSteps.length === 1 && vocabSteps[0]) return one(vocabSteps[0], intent);

    // 9. The search, and the decide rule.
    const [first, second] = hits;
    // «¿Quiénes participan en formar el equipo y en generar el Plan de Apertura?»: two topics joined by «y»,
    // each leading to its own step with confidence, are two steps.
    const topics = ids.length === 0 && !previous?.steps.length ? bothTopics(searchText) : undefined;
    if (topics) return several(topics, intent);
    // "¿Qué pasos…?" / "which steps…?" asks for a list: offer the candidates even when one leads.
    const wantsList = second !== undefined && ASKS_FOR_STEPS.test(reading.folded);
    const officeMatter = ids.length === 0 && mentionsOfficeMatter(reading.folded);
    if (
      !first ||
      first.score <= 0 ||
      officeMatter ||
      !linked(index.evidence(analysis, first.step), language, first.score)
    ) {
      if (vocabSteps.length > 1)
        return chooseFrom(
          vocabSteps.map((step) => ({ step, score: 0 })),
          0,
        );
      const broad = tooBroad(reading.text, analysis);
      return {
        ...base,
        outcome: 'no_match',
        intent,
        reason: broad.length > 0 ? 'too_broad' : 'off_topic',
        ...(broad.length > 0 ? { broadWords: broad } : {}),
        context: keep,
      };
    }
    // "¿y para datos geográficos?" after the formats step: a follow-up whose words the last step holds as
    // well as the leader does (in its title too, where the leader has them, unless the last step holds
    // more of them) stays on the last step.
    // Not after a definition: its steps are where the term appears, not where the conversation is.
    const place = previous && previous.intent !== 'definicion' && previous.steps.length <= 3;
    if (place && (reading.continues || reading.pointsBack) && !wantsList) {
      const lead = index.evidence(analysis, first.step).matched;
      const stays = previous.steps
        .map(findStep)
        .filter((s): s is Step => s !== undefined && s !== first.step)
        .find((s) => {
          const held = index.evidence(analysis, s).matched;
          const more = held.length > lead.length;
          return lead.every((m) => held.some((h) => h.word === m.word && (more || h.inTitle || !m.inTitle)));
        });
      if (stays) {
        const carried = reading.continues && intent === 'resumen' && previous.intent !== 'definicion';
        return { ...one(stays, carried ? previous.intent : intent), followUp: true };
      }
    }
    const confidence = second ? (first.score - second.score) / first.score : 1;
    function chooseFrom(choices: Array<{ step: Step; score: number }>, c: number): Answer {
      return {
        ...base,
        outcome: 'choose',
        intent,
        alternatives: choices,
        steps: choices.map((x) => x.step),
        confidence: c,
        reason: wantsList ? 'asks_for_steps' : 'unsure',
        context: keep,
      };
    }
    // A near tie is no tie when only the leader holds the question's words in its title (its own subject),
    // and the word is not one half the steps hold.
    const titleWord = (step: Step) =>
      index.evidence(analysis, step).matched.some((m) => m.inTitle && m.share < BROAD_SHARE);
    const titleLeads = !wantsList && second !== undefined && titleWord(first.step) && !titleWord(second.step);
    if ((confidence < MIN_CONFIDENCE && !titleLeads) || wantsList) {
      // "choose" offers only candidates linked to the question's own words.
      const choices = hits
        .slice(0, 3)
        .filter((h, i) => i === 0 || linked(index.evidence(analysis, h.step), language));
      if (choices.length > 1 || wantsList) return chooseFrom(choices, confidence);
    }
    if (navigation === 'next' || navigation === 'previous') {
      const nav = navFrom(first.step, navigation, intent);
      if (
        nav &&
        /\b(paso|step)\b.*\b(despues|antes|luego|previo|anterior|after|before)\b|\b(que|what) (sigue|comes)\b|\b(siguiente|proximo|next|previous) (paso|step)\b|\bpaso (siguiente|anterior|previo|sigue|viene)\b/.test(
          reading.folded,
        )
      )
        return nav;
    }
    // "¿y el del catálogo?" after a question about who takes part: a new step, the same question.
    const carry = reading.continues && intent === 'resumen' && previous && previous.intent !== 'definicion';
    const asked: Intent = carry ? previous.intent : intent;
    return {
      ...one(first.step, asked),
      confidence,
      alternatives: others(first.step, hits),
      ...(carry ? { followUp: true } : {}),
    };
  }

  /**
   * The two steps a question joining two topics asks about («el plazo de responder los reportes y el de
   * asegurar las URLs»), or undefined: each half must name its own step (linked, clearly ahead of the next
   * one) and the halves different steps.
   */
  function bothTopics(text: string): Step[] | undefined {
    // The second half repeats the first's frame («… en X y en Y», «el plazo de X y el de Y»); «sobre la
    // priorización y el plan» is one topic with two words.
    // So does a second question word («qué plazo tiene X y cuál el de Y», «qué hay que hacer en X y qué en Y»).
    const halves = fold(text).split(
      /\s+(?:y|e|and)\s+(?=(?:en|del|de|para|(?:el|la|los|las) del?|in|for|(?:que|cual|cuales|quien|quienes|what|which|who)\s+(?:(?:es|son|is|are)\s+)?(?:(?:el|la|los|las|the)\s+)?(?:en|de|del|para|of|in|for))\s)/,
    );
    if (halves.length !== 2) return undefined;
    const steps: Step[] = [];
    for (const half of halves) {
      if (words(half).length < 2) return undefined;
      const { analysis, hits } = rank(half, defaultGuide);
      const [lead, next] = hits;
      if (
        !lead ||
        lead.score <= 0 ||
        !linked(index.evidence(analysis, lead.step), detectLanguage(half), lead.score)
      )
        return undefined;
      const { matched } = index.evidence(analysis, lead.step);
      // Ahead by far, or by its own title (a title word the runner-up's title lacks).
      const titled = (s: Step) =>
        index
          .evidence(analysis, s)
          .matched.filter((m) => m.inTitle)
          .map((m) => m.word);
      const ownTitle = next && titled(lead.step).some((w) => !titled(next.step).includes(w));
      if (next && (lead.score - next.score) / lead.score < BOTH_TOPICS_LEAD && !ownTitle) return undefined;
      if (!matched.some((m) => m.share < COMMON_WORD_SHARE || m.inTitle)) return undefined;
      steps.push(lead.step);
    }
    return steps[0] !== steps[1] ? steps : undefined;
  }

  function search(query: string, limit = 10): Array<{ step: Step; score: number }> {
    const text = stripSlackMarkup(String(query ?? '')).slice(0, MAX_QUESTION_CHARS);
    const reading = readQuestion(text);
    const edition = reading.reference.editionYear
      ? guideOfYear(guides, reading.reference.editionYear)
      : undefined;
    return rank(reading.text, defaultGuide, edition, Math.max(0, limit)).hits;
  }

  // The first answers compile V8's regular expressions and fill the stemmer and sentence memos (30–50 ms
  // cold): pay that once here, at start-up, not on the first person's question.
  for (const q of WARM_UP) answer(q);
  return { answer, search };
}

/** One question per path of answer(): small talk, definition, step, list, navigation, quote, refusal. */
const WARM_UP = [
  'hola',
  '¿qué es un conjunto de datos?',
  'q ay q acer en el 1.2',
  '¿en qué pasos participa la Unidad de Transparencia?',
  '¿qué sigue después del 2.1?',
  '¿quién designa al administrador y en cuántos días?',
  '¿cómo pido mis vacaciones?',
  'what is the deadline for the catalog?',
];

/** Whether a question asks what comes next with nothing to go on (the bot may then look at team progress). */
export function asksWhatIsNext(question: string): boolean {
  const reading = readQuestion(question);
  return reading.reference.stepIds.length === 0 && readNavigation(reading.folded) === 'next';
}

/** A glossary name or an asked phrase, compared folded, without articles or punctuation. */
function normalName(text: string): string {
  return fold(text)
    .replace(/[¿?¡!.,;:"«»“”()]/g, ' ')
    .replace(/^\s*(el|la|los|las|lo|un|una|unos|unas|a|an|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name's words without articles and "de"/"y", folded: "la Unidad de Transparencia" → unidad transparencia. */
const contentWords = (name: string): string[] =>
  words(fold(name)).filter((w) => !/^(de|del|la|el|los|las|y)$/.test(w));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
