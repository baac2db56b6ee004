/**
 * The intents: which part of a step a question asks about. ONE table: adding an intent is one entry here
 * (its cue patterns, the words the search index must not score, the facet it answers with, an example for
 * "¿de qué paso?"); the renderer reads `facet` to know what to show.
 *
 * Cue patterns run on the folded question BEFORE stop words are removed: the Spanish stop-word lists drop
 * exactly the words that carry the intent ("quién", "cuándo", "qué").
 */

export type StepFacet = 'involved' | 'deadline' | 'regulations' | 'activities' | 'summary';

export interface IntentEntry {
  /** Cue patterns on the folded question; the earliest match in the question wins. */
  cues: RegExp;
  /** Words that only say which part of a step is wanted: recognised and typo-corrected, never scored. */
  words: readonly string[];
  /** The part of the step the answer shows. */
  facet: StepFacet;
  /** An example question of this kind, for "which step?" replies. */
  example: { es: string; en: string };
}

export const INTENTS = {
  involucrados: {
    cues: /\b(quien(es)?|responsables?|participa(n|r)?|participantes?|involucr\w*|intervien(e|en)|intervenir|colabora(n)?|areas?|encargad[oa]s?|a cargo|le entra(n)?|le toca|roles?|who|whom|involved|responsible|in charge|people|tak(e|es|ing) part|toma(n)? parte|miembros?|integrantes?|forma(n)? parte|unidad(es)? (que|participa)|que unidad(es)?)\b/,
    words: [
      'quién',
      'quiénes',
      'responsable',
      'responsables',
      'participa',
      'participan',
      'participar',
      'participantes',
      'involucrado',
      'involucrados',
      'involucradas',
      'involucra',
      'encargado',
      'encargados',
      'encarga',
      'áreas',
      'área',
      'interviene',
      'intervienen',
      'intervenir',
      'responsible',
      'involved',
      'who',
    ],
    facet: 'involved',
    example: { es: '¿quién participa en el paso 1.2?', en: 'who is involved in step 1.2?' },
  },
  plazo: {
    cues: /\b(plazos?|cuando|cuanto tiempo|cuantos dias|dias|fecha limite|que fecha|limite|vence|vencen|vencimiento|cada cuanto|cada (ano|anos|mes|meses|semana|semanas|semestre|bimestre|trimestre)|(una|solo una|una sola) vez|se repite(n)?|(hay que|se debe|se tiene que) repetir(se|la|lo)?|(anual|semestral|bimestral|trimestral|mensual)(es|mente)?|con que frecuencia|frecuencia|de manera continua|continuamente|periodicidad|tiempos? (para|de|maximo)( el)? cumplimiento|habiles|naturales|working days|calendar days|time ?frame|timeline|tiempo para|tiempo maximo|que tiempo (tenemos|tengo|tienen|tiene|hay|nos dan|dan)|deadlines?|when|how long|how often|how frequently|how many days|every (year|month|week|semester)|yearly|monthly|due)\b/,
    words: [
      'plazo',
      'plazos',
      'cuándo',
      'cuánto',
      'cuántos',
      'días',
      'día',
      'fecha',
      // "este año" dates a question, it names no topic ("¿cuántos días de vacaciones me tocan este año?").
      'año',
      'años',
      'límite',
      'vence',
      'vencen',
      'vencimiento',
      'frecuencia',
      'periodicidad',
      'tiempo',
      'máximo',
      'deadline',
      'long',
      'often',
      'many',
      'days',
      'due',
      'when',
    ],
    facet: 'deadline',
    example: {
      es: '¿cuál es el plazo del Plan de Apertura?',
      en: 'what is the deadline for the opening plan?',
    },
  },
  normatividad: {
    cues: /\b(ley(es)?|decretos?|normas?|normativ\w*|fundamento\w*|regulaci\w*|regula|legal(es)?|juridic\w*|reglamentos?|lineamientos?|regulations?|laws?|legal basis)\b/,
    words: [
      'normatividad',
      'normativa',
      'norma',
      'normas',
      'normativas',
      'decretos',
      'reglamentos',
      'regulaciones',
      'fundamentos',
      'decreto',
      'ley',
      'leyes',
      'fundamento',
      'fundamenta',
      'regulación',
      'reglamento',
      'lineamientos',
      'regulation',
      'regulations',
      'legal',
      'law',
      'laws',
    ],
    facet: 'regulations',
    example: { es: '¿qué normatividad aplica al paso 2.3?', en: 'which regulations does step 2.3 satisfy?' },
  },
  actividades: {
    cues: /\b(que (hay que|tengo que|tenemos que|tiene que|tienen que|debo|debemos|debe|deben|se debe|se tiene que|necesito|hago|hacemos|se hace|implica|toca|le toca|les toca) ?(hacer)?|actividad(es)?|tareas?|acciones|pasos a seguir|(pide|piden|requiere|requieren|exige|exigen)( la guia)? (hacer|que hagamos|que se haga)|como (cumplo|cumplimos|se cumple|le hago|le hacemos)|que procede|que se (le )?(contesta|responde)|what (do|should|must|shall) (i|we|they|(our|my|the|an?) \w+( \w+)?)( actually| really)? do\b|what (do|should|must) (i|we|they)|que (se )?(hacia|hacian|haciamos)|what to do|what needs to be done|(que|cuales) (son las )?obligaciones|obligations|activities|tasks|actions|to do)\b/,
    words: ['actividades', 'tareas', 'acciones', 'activities', 'tasks'],
    facet: 'activities',
    example: { es: '¿qué hay que hacer en el paso 2.4?', en: 'what do we have to do in step 2.4?' },
  },
} as const satisfies Record<string, IntentEntry>;

export type FacetIntent = keyof typeof INTENTS;
/** `resumen`: the step as a whole; `definicion`: what a term of the guide means (the glossary). */
export type Intent = FacetIntent | 'resumen' | 'definicion';

const ENTRIES = Object.entries(INTENTS) as Array<[FacetIntent, IntentEntry]>;

/** Every word any intent reserves, for the search index (recognised, never scored). */
export const INTENT_WORDS: readonly string[] = [
  ...new Set([...ENTRIES.flatMap(([, e]) => e.words), 'how', 'what', 'which']),
];

/**
 * Phrases that only ask for a facet: the guide's own row names ("Tiempo máximo para el cumplimiento"),
 * multiword cues ("takes part", "forma parte"), "what is it about" («de qué trata», «en qué consiste») and
 * the verb of «qué normatividad cumple» (the cue word stays), whose words would otherwise count as a topic.
 */
const INTENT_PHRASES =
  /\btak(?:e|es|ing)\s+part\b|\b(?:forma|forman|toma|toman)\s+parte\b|\btiempos?\s+(?:m[aá]ximo\s+)?(?:para|de)\s+(?:el\s+)?cumplimiento\b|\b[aá]reas\s+involucradas\b|\bresumen\s+de\s+acciones\b|\bnormatividad\s+a\s+la\s+que\s+se\s+da\s+cumplimiento\b|\bde\s+qu[eé]\s+(?:se\s+)?(?:trata|va|tratan|van)\b|\ben\s+qu[eé]\s+consiste(?:n)?\b|(?<=\b(?:normatividad|normas?|leyes|ley|regulaci[oó]n)\s+(?:que\s+)?(?:se\s+)?)(?:cumple|cumplen|atiende|atienden|aplica|aplican)\b|\ba\s+qu[eé]\s+se\s+refiere(?:n)?\b|\b(?:marco|base|sustento|respaldo)\s+(?:normativo|legal|jur[ií]dico)\b|(?<=\b(?:regulations?|laws?|rules?|norms?)\b[^?]*)\b(?:comply|complies|complied)(?:\s+with)?\b/giu;

export const stripIntentPhrases = (text: string): string => text.replace(INTENT_PHRASES, ' ');

/**
 * "What/which … must be done" with no other cue ("¿qué inventarios hay que publicar?") asks what to do. A
 * yes/no obligation ("¿tengo que usar UTF-8?") does not, nor does one with another cue ("¿cuándo hay que
 * publicar?" asks for a deadline), so this only breaks the tie with resumen. The window is a few words:
 * the question word must govern the obligation.
 */
const WEAK_ACTIVITIES =
  /\b(que|cuales|what|which)\s+(\w+\s+){0,3}(hay que|tengo que|tenemos que|tiene que|tienen que|debo|debemos|must|have to|need to)\b|\b(que|cuales?|what|which)\s+([\w.]+\s+){0,5}(pide|piden|requiere|requieren|exige|exigen|require|requires|toca|tocan|recomienda|recomiendan|sugiere|sugieren|recommend|recommends|suggest|suggests)\b/;

/** "¿en qué consiste…?", "de qué trata", "a summary of": the step as a whole is asked. */
const SUMMARY_CUES =
  /\b(en que consiste(n)?|de que (se )?(trata|va|iba|trataba)|resumen|resume(me)?|resumir(me|nos)?|explica(me|s)?|explicar(me|nos)?|hablame|que (busca|pretende|persigue)|(cual es )?(el )?(objetivo|proposito)|para que sirve|en (lo )?general|a grandes rasgos|grosso modo|summary|summarize|overview|in general|tell me about)\b|\babout\W*$/;

export const asksForSummary = (foldedQuestion: string): boolean => SUMMARY_CUES.test(foldedQuestion);

/** The intent whose first cue appears earliest in the question; `resumen` when nothing matches. */
export function detectIntent(foldedQuestion: string): FacetIntent | 'resumen' {
  let best: FacetIntent | 'resumen' = 'resumen';
  let bestAt = Number.POSITIVE_INFINITY;
  for (const [intent, entry] of ENTRIES) {
    const at = foldedQuestion.search(entry.cues);
    if (at >= 0 && at < bestAt) {
      best = intent;
      bestAt = at;
    }
  }
  if (best === 'resumen' && WEAK_ACTIVITIES.test(foldedQuestion) && !asksForSummary(foldedQuestion))
    return 'actividades';
  return best;
}
