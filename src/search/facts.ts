/**
 * Answers computed from the parsed facts of the steps, never from search hits: lists (a phase, a deadline,
 * a recurrence, a role, an edition, the whole guide), navigation (next, previous, first, last) and the
 * guide's own sentences that answer a specific question. Pure.
 */
import { compareStepIds } from '../content/guides.ts';
import type { Guide, Phase, Recurrence, Step } from '../content/model.ts';
import { fold, isStopWord, wordSet, words } from './text.ts';

export interface ListFilter {
  phase?: Phase;
  /** Two or more phases named together ("la fase 1 y la fase 4"). */
  phases?: Phase[];
  days?: number;
  /** "menos de 90 días", "hasta 30 días": the days compared, not equal. */
  daysCompare?: 'lt' | 'le' | 'gt' | 'ge';
  dayKind?: 'naturales' | 'hábiles';
  recurrence?: Recurrence;
  /** Two or more recurrences named together ("semestral o bimestral"): any of them. */
  recurrences?: Recurrence[];
  /** "solo de manera continua", "sin días fijos": steps whose deadline has no number of days. */
  noDays?: boolean;
  /** The role as the question names it ("la Unidad de Transparencia"). */
  role?: string;
  /** Several roles named together, as the guide words them: any of them (`or`), or all at once (`and`). */
  roles?: { names: string[]; join: 'or' | 'and' };
  /** The regulation as the question names it ("la Ley General de Transparencia"). */
  regulation?: string;
  /** Several regulations named with «o»: steps citing any of them. */
  regulations?: string[];
  /** What the deadline depends on, as the question names it ("el Plan de Apertura"). */
  dependsOn?: string;
  /**
   * "¿qué pasos tienen un plazo de 30 días?": a time limit the step's text sets (3.3's 30 days to answer a
   * report) counts too; not when the question asks what falls due («¿qué pasos vencen en 30 días?») or
   * compares deadlines («de menos de 60 días»).
   */
  anyTimeLimit?: boolean;
}

/** A question that asks for several steps at once. */
const ASKS_FOR_LIST = new RegExp(
  [
    '\\b(que|cuales|cuantos|en que|en cuales|de que|todos los|todas las|lista( de)?|listado( de)?|listar|muestrame( los)?|dame( los)?|enlista) pasos\\b',
    '\\b(lista|listado|relacion)( complet[oa]| entera)? de (los |todos los )?pasos\\b',
    '\\b(los|todos los) pasos (de|del|que)\\b',
    '^pasos\\b',
    '\\bpasos (de|en) la (fase|etapa|edicion|guia)\\b',
    '\\bque (plazos|fechas|vencimientos) hay\\b',
    '\\b(cuales son )?(todos )?los plazos\\b',
    '\\b(which|what|list( all)?( the)?|all( the)?) steps\\b',
    '\\b(what|which) are the steps\\b|\\bthe steps (of|in|where)\\b|\\bfull list\\b|\\blist of (all )?(the )?steps\\b',
    // "muéstrame la fase Perfecciona (completa)".
    '\\b(muestrame|dame|ensename|enlistame|listame|show me) (toda )?(la|the) (fase|etapa|phase)\\b|\\b(fase|etapa) \\w+ completa\\b',
    // What a phase holds: "¿qué incluye la fase Publica?", "¿cómo se compone la primera fase?"; the index.
    '\\b(que|como) (incluye|comprende|abarca|contiene|trae|tiene|se compone|se conforma|consta)\\b.*\\b(fase|etapa)\\b|\\b(fase|etapa)\\b.*\\b(que|cuales) pasos\\b|\\bindice\\b',
    // "¿dónde aparece el Grupo de Trabajo?": where a role takes part.
    '^[¿¡\\s]*(en )?donde (aparece|aparecen|participa|participan|interviene|intervienen|esta involucrad[oa])\\b',
    // A facet of a whole phase: "actividades de la fase Perfecciona", "plazos de Planea".
    '\\b(actividades|tareas|plazos|fechas|involucrados|participantes|normatividad|fundamentos?|tiempos? de cumplimiento) (de|en) (toda )?(la )?(fase|etapa)\\b',
    '\\bque hay en (la )?(fase|etapa)\\b',
    '\\b(list|show)( me)? (all )?the steps\\b',
    '\\bwhat deadlines\\b',
    // The whole guide: "toda la guía", "la guía completa", "las 4 fases y sus pasos"; a facet for each step.
    '\\btoda la guia\\b|\\bla guia completa\\b|\\blas (4|cuatro) fases\\b|\\b(the )?whole guide\\b',
    // "las fases de la guía y sus pasos", "phases and steps".
    '\\bfases( de la guia)? y (sus|los) pasos\\b|\\bphases and (their )?steps\\b',
    // "los de Perfecciona", "enlístame los de la fase 3": the steps, left unsaid.
    '\\b(los|las) (de|del) (la )?((fase|etapa) )?(planea|publica|perfecciona|promueve|\\d)\\b',
    '\\b(cada|todos los|all the|each) (paso|pasos|step|steps) (de|del|en|of|in)\\b',
  ].join('|'),
);

const PHASE_WORDS: Array<[RegExp, Phase]> = [
  // "la fase 3", "primera etapa": the phases by their number too.
  [
    /\b(fase|etapa|phase)\s+(de\s+)?planea(cion)?\b|\bplanea\b|\b(fase|etapa|phase)\s+(1|uno|one)\b|\bprimera (fase|etapa)\b|\b(plan|planning) phase\b|\bfirst phase\b/,
    'Planea',
  ],
  [
    /\b(fase|etapa|phase)\s+(de\s+)?publica(cion)?\b|(?<!\b(informacion|administracion|funcion|version|via|cuenta|deuda|salud|seguridad|obra|consulta|entidad|institucion|politica|opinion|audiencia|licitacion|educacion|fe) )\bpublica\b(?!\s+(el|la|los|las|en|un|una|datos))|\b(fase|etapa|phase)\s+(2|dos|two)\b|\bsegunda (fase|etapa)\b|\b(publish|publishing|publication) phase\b|\bsecond phase\b/,
    'Publica',
  ],
  [
    /\b(fase|etapa|phase)\s+(de\s+)?perfecciona(miento)?\b|\bperfecciona\b|\b(fase|etapa|phase)\s+(3|tres|three)\b|\btercera (fase|etapa)\b|\b(improve|improvement|perfect|refine) phase\b|\bthird phase\b/,
    'Perfecciona',
  ],
  [
    /\b(fase|etapa|phase)\s+(de\s+)?promueve\b|\b(fase|etapa|phase)\s+(de\s+)?promocion\b|\bpromueve\b|\b(fase|etapa|phase)\s+(4|cuatro|four)\b|\bcuarta (fase|etapa)\b|\b(promote|promotion) phase\b|\bfourth phase\b/,
    'Promueve',
  ],
];

const RECURRENCE_WORDS: Array<[RegExp, Recurrence]> = [
  // Not «el programa anual de trabajo»: a yearly document of the asker's, not a deadline.
  [
    /(?<!\b(programa|informe|reporte|plan|presupuesto|evaluacion) )\b(anual(es|mente)?|cada ano|una vez al ano|every year|yearly|annual(ly)?)\b/,
    'anual',
  ],
  [/\b(semestral(es|mente)?|cada (seis meses|semestre)|every six months)\b/, 'semestral'],
  [/\b(bimestral(es|mente)?|cada (dos meses|bimestre)|every two months)\b/, 'bimestral'],
  [/\b(trimestral(es|mente)?|cada (tres meses|trimestre)|quarterly)\b/, 'trimestral'],
  [/\b(mensual(es|mente)?|cada mes|monthly)\b/, 'mensual'],
  [/\b(continu[ao]s?|continuamente|permanentes?|continuous(ly)?|ongoing)\b/, 'continua'],
];

/** Short names people use for the guide's roles; the long forms are matched word by word. */
// A Map: a question word such as «valueOf» must not find Object.prototype's members.
const ROLE_ACRONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ut: 'unidad transparencia',
    oic: 'organo interno control',
    dgti: 'direccion general tecnologias informacion',
    ti: 'tecnologias informacion',
    gti: 'grupo trabajo',
    ada: 'administrador datos',
    admin: 'administrador',
    contraloria: 'organo interno control',
  }),
);

/** English words of role names, word by word: "the Transparency Unit" is the «Unidad de Transparencia». */
const ROLE_ENGLISH: ReadonlyMap<string, string> = new Map(
  Object.entries({
    transparency: 'transparencia',
    unit: 'unidad',
    units: 'unidad',
    internal: 'interno',
    body: 'organo',
    bodies: 'organo',
    organ: 'organo',
    organs: 'organo',
    liaison: 'enlace',
    liaisons: 'enlace',
    administrator: 'administrador',
    working: 'trabajo',
    group: 'grupo',
    head: 'titular',
    generating: 'generadoras',
    producing: 'generadoras',
    areas: 'area',
    area: 'area',
    citizen: 'ciudadana',
    participation: 'participacion',
    communication: 'comunicacion',
    digital: 'digital',
    coordination: 'coordinacion',
    // The guide's role nouns said as what the role does: «las áreas que generan o administran los datos».
    genera: 'generadoras',
    generan: 'generadoras',
    producen: 'generadoras',
    administra: 'administradoras',
    administran: 'administradoras',
    manejan: 'administradoras',
  }),
);

/** The guide's own words ("datos", "institucional") are part of role names: "Enlace Institucional". */
const ROLE_NAME_WORDS = new Set(['datos', 'abiertos', 'institucional', 'institucion']);

/** Words of a role phrase that say nothing about which role it is. */
const ROLE_NOISE = wordSet(
  'office offices algo dentro nosotros yo vez mismo tiempo ambos ambas tanto juntos juntas together both participa participan participe participar interviene intervienen intervenir colaborar apoyar hacer algo involucra involucrado involucrada involucrados esta estan aparece aparecen toca tocan le les me nos como entra entran the is are involved takes part take part does do in which what steps pasos paso que cuales en el la los las de del un una institucion tiene tienen cada fase etapa lista listado phase each every all planea publica perfecciona promueve planeacion publicacion perfeccionamiento promocion guia guide unico unica unicos unicas unicamente solo solamente nada mas exclusivamente only entre sale salen',
);

/** A role word's key, plural or singular alike ("Unidades" and "Unidad", "Órganos" and "Órgano"). */
// Singular, not stemmed: a stem would make «administradoras de datos» (the data areas) the «Administrador
// de Datos».
// «-es» after the consonants Spanish singulars end in («unidades», «órganos», «titulares»); «enlaces» and
// «responsables» only lose the «s».
const roleKey = (word: string) => {
  const w = fold(word);
  return w.length > 4 && /[dlnrjy]es$/.test(w)
    ? w.slice(0, -2)
    : w.length > 3 && w.endsWith('s')
      ? w.slice(0, -1)
      : w;
};

/**
 * The words of a list question that name its role, as written ("la ut o el oic"): after a verb of taking
 * part, before one in English ("in which steps does the OIC take part?"), or first in Spanish ("pasos donde
 * el administrador es el único involucrado"). The role ends at the first stop: "¿qué pasos me tocan como
 * OIC? lo necesito para…".
 */
function rolePhrase(folded: string): string {
  const m =
    /\b(participa|participan|interviene|intervienen|involucra\w*|aparece|aparecen|sale|salen|entra|entran|(?<!se )(?:hace|hacen|realiza|realizan)|se encargan?|atienden?|(?:le|les|me|nos) tocan?|(?:tiene|tienen|lleva|llevan|esta|estan) a (?:su )?cargo(?: de)?|a cargo de|tienen? que ver con|(?:tiene|tienen) que meterse|se mete|se meten|meterse|tienen? (?:al?|a la|a los|a las)|participamos|participo|intervenimos|figura|figuran|(?:es|son) (?:responsabilidad|tarea|chamba) (?:\w+ )?(?:de|del)|takes? part|is involved|are involved|involves?)\b(.*)$/.exec(
      folded,
    );
  const before =
    /\bsteps?\s+(?:does|do|is|are|where|in which|that)\s+(.+?)\s+(?:take part|takes part|involved|participate)\b/.exec(
      folded,
    )?.[1];
  const first =
    /\bpasos?\s+(?:(?:en (?:los )?que|donde|en donde|en (?:los )?cuales)\s+)?(.+?)\s+(?:es|son|esta|estan|aparece|aparecen|sale|salen|figura|figuran)\s+(?:(?:el|la|los|las)\s+)?(?:unic[oa]s?\s+)?(?:involucrad|participante|responsable)/.exec(
      folded,
    )?.[1];
  const names = (phrase: string | undefined) => {
    const rest = (phrase ?? '').split(/[?¿!.;,(]/)[0] ?? '';
    return words(rest).some((w) => !ROLE_NOISE.has(w) && !isStopWord(w)) ? rest : undefined;
  };
  // «¿en qué pasos de Perfecciona está involucrado el Enlace?»: before the verb only the phase.
  return names(first) ?? names(m?.[2]) ?? before ?? '';
}

/** The role a list question names, as folded words ("¿en qué pasos participa el OIC?" → organo interno control). */
function roleWords(folded: string): string[] | undefined {
  const tokens = roleTokens(rolePhrase(folded));
  return tokens.length > 0 ? tokens : undefined;
}

/** A role phrase's words, acronyms and English words read as the guide's. */
function roleTokens(phrase: string): string[] {
  // An acronym names the role by itself: "the Internal Control Body (OIC)" is the OIC.
  const acronym = words(phrase).find((w) => ROLE_ACRONYMS.has(w));
  return (acronym ? words(ROLE_ACRONYMS.get(acronym) ?? '') : words(phrase))
    .flatMap((w) => words(ROLE_ACRONYMS.get(w) ?? ROLE_ENGLISH.get(w) ?? w))
    .filter(
      (w) =>
        !ROLE_NOISE.has(w) && (!isStopWord(w) || ROLE_NAME_WORDS.has(w)) && w.length > 1 && !/^\d+$/.test(w),
    );
}

/**
 * Several roles in one phrase: "los enlaces de comunicación digital o de participación ciudadana" (any),
 * "a la vez las áreas generadoras y el OIC" (all). Undefined for one role. A role name holding «y» still
 * matches whole: filterByParts uses the parts only when each is a role of some step.
 */
function roleAlternatives(folded: string): { parts: string[][]; join: 'or' | 'and' } | undefined {
  const phrase = rolePhrase(folded);
  const pieces = phrase.split(/\s+(?:o|u|y|e|or|and|como)\s+/);
  if (pieces.length < 2) return undefined;
  const parts = pieces.map(roleTokens).filter((t) => t.length > 0);
  if (parts.length < 2) return undefined;
  const join =
    /\s(o|u|or)\s/.test(phrase) &&
    !/\b(a la vez|ambos|ambas|al mismo tiempo|tanto|both|juntos)\b/.test(folded)
      ? 'or'
      : 'and';
  return { parts, join };
}

/** The nouns a regulation's name starts with ("Ley General…", "Lineamientos…", "Norma Técnica…"). */
const REGULATION_NOUN =
  /\b(leyes|ley|normas?|lineamientos?|decretos?|reglamentos?|acuerdos?|estrategia|politica|norma tecnica|disposiciones|decree|law|guidelines)\b/;

/** English words of regulation names, word by word: "the Open Data Decree" is the «Decreto…de Datos Abiertos». */
const REGULATION_ENGLISH: ReadonlyMap<string, string> = new Map(
  Object.entries({
    decree: 'decreto',
    law: 'ley',
    guidelines: 'lineamientos',
    open: 'abiertos',
    data: 'datos',
    transparency: 'transparencia',
    access: 'acceso',
    information: 'informacion',
    general: 'general',
    federal: 'federal',
  }),
);

/** The regulation a list question names ("¿qué pasos citan la Ley General de Transparencia?"). */
function regulationWords(folded: string): string[] | undefined {
  const name = regulationName(folded);
  return name === undefined ? undefined : regulationTokens(name);
}

/** A regulation's name as asked: from its noun to the first stop or "sin…" ("el decreto…, sin otra norma"). */
function regulationName(folded: string): string | undefined {
  const at = folded.search(REGULATION_NOUN);
  if (at < 0) return undefined;
  // English names end in their noun ("the General Transparency Law"): start after the verb of citing.
  const verb =
    /\b(?:cite|cites|comply with|complies with|satisfy|satisfies|under|follow|follows)\s+(?:the\s+)?/.exec(
      folded.slice(0, at),
    );
  const from = verb ? verb.index + verb[0].length : at;
  return folded.slice(from).split(REGULATION_END)[0] ?? '';
}

/** Where a regulation's name ends: a stop, «sin…», «ni…», «y ninguna otra…». */
const REGULATION_END =
  /[?¿!.;,]|\bsin\b|\bni\b|\by (?:con )?(?:ningun|ninguna|no)\b|\b(?:and|but) (?:no|none)\b/;

/** "¿qué pasos cumplen con la LFTAIP?": a regulation by its acronym alone, after a verb of citing. */
function regulationAcronym(folded: string): string[] | undefined {
  const word =
    /\b(?:cumple|cumplen|citan?|aplican?|dan cumplimiento a|se basan en|se fundamentan en|se apoyan en)\s+(?:con\s+)?(?:(?:la|el|los|las)\s+)?([a-z]{4,8})\b(?:\s*[?¿!.;,]|\s*$)/.exec(
      folded,
    )?.[1];
  return word && !isStopWord(word) ? [word] : undefined;
}

function regulationTokens(name: string): string[] | undefined {
  const tokens = words(name)
    .map((w) => REGULATION_ENGLISH.get(w) ?? w)
    .filter(
      (w) =>
        (!isStopWord(w) || ROLE_NAME_WORDS.has(w)) &&
        !REGULATION_NOISE.has(w) &&
        w.length > 1 &&
        !/^\d+$/.test(w),
    );
  // A bare "ley" or "normas" names no regulation in particular; "el Decreto" is the guide's one decree.
  return tokens.length > 1 || tokens[0] === 'decreto' ? tokens : undefined;
}

/** "el acuerdo del EIDA o las disposiciones de la Ventanilla Única": regulation names split on «o». */
function regulationAlternatives(folded: string): string[][] | undefined {
  const parts = (regulationName(folded) ?? '')
    .split(/\s+(?:o|u|or)\s+/)
    .map(regulationTokens)
    .filter((t): t is string[] => t !== undefined);
  return parts.length > 1 ? parts : undefined;
}

/** "…cuyo plazo depende de lo que marque el Plan de Apertura": what the deadline is tied to. */
const DEPENDS_ON =
  /\b(?:depende(?:n)?\s+de(?:l)?|segun|conforme a(?:l)?|de acuerdo con|sujet[oa]s? a(?:l)?|depends on|according to)\s+(.*)$/;
const DEPENDS_NOISE = wordSet(
  'lo que marque marquen diga digan indique indiquen recomiende recomienden establezca sea sean despues posteriormente the what says',
);

function dependsOnWords(folded: string): string[] | undefined {
  const rest = DEPENDS_ON.exec(folded)?.[1]?.split(/[?¿!.;,]/)[0] ?? '';
  const tokens = words(rest).filter((w) => !isStopWord(w) && !DEPENDS_NOISE.has(w) && w.length > 1);
  return tokens.length > 0 ? tokens : undefined;
}

/** Words after a regulation's name that only say "its regulations" ("…en su normatividad"). */
const REGULATION_NOISE = wordSet(
  'normatividad normativa fundamento cumplimiento cumple cumplen unica unico solo solamente',
);

/** A word of the guide (`have`) stands for a word asked (`key`): the same, or the same first five letters. */
const sameWord = (have: string, key: string) =>
  have === key || (key.length >= 5 && have.startsWith(key.slice(0, 5)));

const cites = (item: string, keys: string[]) => {
  const have = words(item).map(roleKey);
  return keys.every((k) => have.some((h) => sameWord(h, k)) || spells(item, k));
};

/** Little words an acronym skips: «Esquema de Interoperabilidad y de Datos Abiertos» is the EIDA. */
const ACRONYM_SKIPS = wordSet('de del la el los las y e para en por a al que se');

/** Whether `key` (4 to 8 letters) is the initials of consecutive words of `item`. */
function spells(item: string, key: string): boolean {
  if (key.length < 4 || key.length > 8 || !/^[a-z]+$/.test(key)) return false;
  const initials = words(item)
    .filter((w) => !ACRONYM_SKIPS.has(w))
    .map((w) => w[0])
    .join('');
  return initials.includes(key);
}

/**
 * The guide's own wording for words a question named: the stretch of `text` from the first to the last of
 * them ("plan apertura" in a deadline → «Plan de Apertura»), or undefined when `text` lacks one.
 */
export function guideWording(text: string, wanted: string[]): string | undefined {
  const keys = wanted.map(roleKey);
  const found = [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => {
    const h = roleKey(m[0]);
    return keys.some((k) => sameWord(h, k));
  });
  const first = found[0];
  const last = found[found.length - 1];
  if (!first || !last || !cites(text, keys)) return undefined;
  return text.slice(first.index ?? 0, (last.index ?? 0) + last[0].length);
}

/** The first of the step's regulations that holds every word named (stems, or their first letters). */
export function citedRegulation(step: Step, wanted: string[]): string | undefined {
  const keys = wanted.map(roleKey);
  return step.regulations.find((item) => cites(item, keys));
}

/**
 * "solo", "únicamente", "nada más", "sin nadie más", "only": the list wants the steps where the role (or
 * regulation) named is the only one, not merely one of them.
 */
const EXCLUSIVE =
  /\b(unic[oa]s?|unicamente|solo|solamente|nada mas|exclusivamente|only|sin (nadie|otr[oa]s?|ningun[oa]?)|ningun[oa]? otr[oa]|no one else|nobody else)\b/;

/** Whether an Involucrados item holds every word of the role (singular forms compared). */
function itemIsRole(item: string, role: string[]): boolean {
  const keys = new Set(words(item).map(roleKey));
  return role.every((w) => keys.has(roleKey(w)));
}

export interface ListRequest {
  filter: ListFilter;
  /** Role words, when the list is "steps where X takes part". */
  roleWords?: string[];
  /** Other names of the same role (the glossary's variants): a step holding any of them counts. */
  roleVariants?: string[][];
  /** Regulation words, when the list is "steps that cite X". */
  regulationWords?: string[];
  /** Several roles named together, used when each is a role of some step (see filterByParts). */
  roleParts?: { parts: string[][]; join: 'or' | 'and' };
  /** Several regulations named with «o», used when each is cited by some step. */
  regulationParts?: string[][];
  /** "solo", "únicamente": the role or regulation is the step's only one. */
  exclusive?: boolean;
  /** Words the deadline must hold: "¿qué pasos tienen un plazo que depende del Plan de Apertura?". */
  dependsOnWords?: string[];
  /** The facet the list shows: the deadline for deadline lists, the role for role lists. */
  intent: 'plazo' | 'involucrados' | 'normatividad' | 'resumen';
  /** True when the question names no fact to filter by (a list of every step of the edition). */
  everything: boolean;
}

/**
 * The list of steps where a role named elsewhere takes part: after «¿y el OIC?» following a role list, or
 * the asker's own office («soy del OIC, ¿en qué pasos participamos?»). `phrase` is folded.
 */
export function listForRole(phrase: string): ListRequest | undefined {
  return readListRequest(`en que pasos participa ${phrase}`);
}

/** A list question and what it filters by, or undefined when the question does not ask for a list. */
export function readListRequest(folded: string): ListRequest | undefined {
  if (!ASKS_FOR_LIST.test(folded)) return undefined;
  const filter: ListFilter = {};
  const phase = readPhase(folded);
  if (phase) filter.phase = phase;
  const phases = readPhases(folded);
  if (phases.length > 1) filter.phases = phases;
  const days =
    /\b(\d{1,3})\s*(?:-?(calendar|working|business)\s+)?(?:dias?|days?)\b(?:\s+(naturales|habiles|calendar|working|business))?/.exec(
      folded,
    );
  if (days) {
    filter.days = Number(days[1]);
    const kind = days[2] ?? days[3];
    if (kind) filter.dayKind = kind === 'naturales' || kind === 'calendar' ? 'naturales' : 'hábiles';
    const before = folded.slice(0, days.index);
    const compare = DAYS_COMPARE.find(([pattern]) => pattern.test(before))?.[1];
    if (compare) filter.daysCompare = compare;
    if (!compare && !/\b(venc\w*|tiempo maximo|due)\b/.test(folded)) filter.anyTimeLimit = true;
  }
  const recurrences = RECURRENCE_WORDS.filter(([pattern]) => pattern.test(folded)).map(([, r]) => r);
  if (recurrences[0]) filter.recurrence = recurrences[0];
  if (recurrences.length > 1) filter.recurrences = recurrences;
  if (!days && NO_DAYS.test(folded)) filter.noDays = true;
  // "¿qué pasos atienden los Lineamientos…?": a regulation after a verb that could take a role.
  const roleAsked = roleWords(folded);
  const role = roleAsked && !REGULATION_NOUN.test(roleAsked[0] ?? '') ? roleAsked : undefined;
  const regulation = role ? undefined : (regulationWords(folded) ?? regulationAcronym(folded));
  const deadlineWords =
    /\b(plazos?|vencen?|vencimientos?|fechas?|duran?|tardan?|deadlines?|due|dias|cada (ano|anos|mes|meses|semana|semanas|semestre|bimestre|trimestre|cuanto))\b/.test(
      folded,
    );
  const intent = role
    ? 'involucrados'
    : regulation
      ? 'normatividad'
      : deadlineWords || filter.days || filter.recurrence
        ? 'plazo'
        : 'resumen';
  const request: ListRequest = {
    filter,
    intent,
    everything: !filter.phase && !filter.days && !filter.recurrence && !filter.noDays && !role && !regulation,
  };
  const roleParts = role ? roleAlternatives(folded) : undefined;
  if (roleParts) request.roleParts = roleParts;
  const regulationParts = regulation ? regulationAlternatives(folded) : undefined;
  if (regulationParts) request.regulationParts = regulationParts;
  if ((role || regulation) && EXCLUSIVE.test(folded)) request.exclusive = true;
  const dependsOn = role || regulation ? undefined : dependsOnWords(folded);
  if (dependsOn) {
    request.dependsOnWords = dependsOn;
    request.intent = 'plazo';
    request.everything = false;
    filter.dependsOn = dependsOn.join(' ');
  }
  if (regulation) {
    request.regulationWords = regulation;
    filter.regulation = regulation.join(' ');
  }
  if (role) {
    request.roleWords = role;
    filter.role = role.join(' ');
  }
  return request;
}

/** "menos de 90 días", "hasta 30 días", "más de 60 días": read just before the number. */
const DAYS_COMPARE: Array<[RegExp, NonNullable<ListFilter['daysCompare']>]> = [
  [/\b(menos de|menor(es)? (a|de|que)|antes de( los)?|less than|under|fewer than|before)\s*$/, 'lt'],
  // Not «tiempo máximo de 90 días»: that is the guide's own name for a deadline.
  [
    /\b(hasta|(?<!tiempo )maximo( de)?|a lo (mas|mucho)|no mas de|como maximo|at most|up to|within)\s*$/,
    'le',
  ],
  [/\b(mas de|mayor(es)? (a|de|que)|more than|over)\s*$/, 'gt'],
  [/\b(al menos|minimo( de)?|por lo menos|at least)\s*$/, 'ge'],
];

/** "solo de manera continua", "sin días fijos", "no tienen plazo inicial": no number of days at all. */
const NO_DAYS =
  /\b(no (traen|tienen|llevan|marcan) (un )?numero de dias|sin (dias|plazo|fecha)s? (fij[oa]s?|inicial(es)?|definid[oa]s?|concret[oa]s?)|no tienen? (un )?(plazo|fecha) (inicial|fij[oa])|sin numero de dias|(solo|unicamente|solamente|nada mas)\W+(de manera |en forma )?continu[oa]s?|sin (una )?primera iteracion|no fixed (days|deadline)|only ongoing)\b/;

function daysMatch(have: number | undefined, filter: ListFilter): boolean {
  if (filter.noDays) return have === undefined;
  if (filter.days === undefined) return true;
  if (have === undefined) return false;
  switch (filter.daysCompare) {
    case 'lt':
      return have < filter.days;
    case 'le':
      return have <= filter.days;
    case 'gt':
      return have > filter.days;
    case 'ge':
      return have >= filter.days;
    default:
      return have === filter.days;
  }
}

/** "El plazo de respuesta es de 30 (treinta) días": a time limit a step's text sets, and its days. */
const TIME_LIMIT = /\bplazo\b[^.;]*?\b(\d{1,3})\s*(?:\([\p{L}]+\)\s*)?d[ií]as\b/iu;
interface TimeLimit {
  days: number;
  sentence: string;
  source: 'summary' | 'activity';
}
const timeLimits = new WeakMap<Step, TimeLimit[]>();
function textTimeLimits(step: Step): TimeLimit[] {
  let found = timeLimits.get(step);
  if (!found) {
    const texts = [
      { text: step.summary, source: 'summary' as const },
      ...step.activities.map((text) => ({ text, source: 'activity' as const })),
    ];
    found = texts.flatMap(({ text, source }) =>
      text.split(/(?<=[.;])\s+/u).flatMap((sentence) => {
        const m = TIME_LIMIT.exec(sentence);
        return m ? [{ days: Number(m[1]), sentence: sentence.trim(), source }] : [];
      }),
    );
    timeLimits.set(step, found);
  }
  return found;
}

const ownDeadlineMatch = (s: Step, filter: ListFilter) =>
  daysMatch(s.deadline.days, filter) && (!filter.dayKind || s.deadline.dayKind === filter.dayKind);

function deadlineMatch(s: Step, filter: ListFilter): boolean {
  return ownDeadlineMatch(s, filter) || timeLimitSentence(s, filter) !== undefined;
}

/** The sentence of a step's text whose time limit put it in a deadline list its own deadline does not. */
export function timeLimitSentence(s: Step, filter: ListFilter): TimeLimit | undefined {
  if (!filter.anyTimeLimit || ownDeadlineMatch(s, filter)) return undefined;
  return textTimeLimits(s).find((t) => daysMatch(t.days, filter));
}

export function filterSteps(steps: readonly Step[], request: ListRequest): Step[] {
  const { filter } = request;
  const recurrences = filter.recurrences ?? (filter.recurrence ? [filter.recurrence] : undefined);
  return steps.filter(
    (s) =>
      (filter.phases ? filter.phases.includes(s.phase) : !filter.phase || s.phase === filter.phase) &&
      deadlineMatch(s, filter) &&
      (!recurrences ||
        (s.deadline.recurrence !== undefined && recurrences.includes(s.deadline.recurrence))) &&
      (!request.roleWords || hasRole(s, request)) &&
      (!request.regulationWords || hasRegulation(s, request.regulationWords, request.exclusive === true)) &&
      (!request.dependsOnWords || cites(s.deadline.text, request.dependsOnWords.map(roleKey))),
  );
}

export function hasRole(step: Step, request: ListRequest): boolean {
  const names = [request.roleWords ?? [], ...(request.roleVariants ?? [])];
  const isIt = (item: string) => names.some((r) => itemIsRole(item, r));
  return request.exclusive ? step.involved.every(isIt) : step.involved.some(isIt);
}

/**
 * The same list with the role or regulation read as several («o»: any; «y», «a la vez»: all); undefined
 * when the question named only one, or when a part is no role of any step (then «y» was inside one
 * role's name, as in «Unidad de Transparencia y Acceso…»).
 */
export function filterByParts(steps: readonly Step[], request: ListRequest): Step[] | undefined {
  const { roleParts, regulationParts } = request;
  if (roleParts) {
    const holds = (s: Step, role: string[]) => s.involved.some((item) => itemIsRole(item, role));
    if (!roleParts.parts.every((r) => steps.some((s) => holds(s, r)))) return undefined;
    const rest = filterSteps(steps, { ...request, roleWords: undefined, roleVariants: undefined });
    // «solo participan el administrador y las áreas generadoras»: nobody else, besides.
    const onlyThem = (s: Step) =>
      !request.exclusive || s.involved.every((item) => roleParts.parts.some((r) => itemIsRole(item, r)));
    return rest.filter(
      (s) =>
        onlyThem(s) &&
        (roleParts.join === 'or'
          ? roleParts.parts.some((r) => holds(s, r))
          : roleParts.parts.every((r) => holds(s, r))),
    );
  }
  if (regulationParts) {
    if (!regulationParts.every((r) => steps.some((s) => hasRegulation(s, r, false)))) return undefined;
    const rest = filterSteps(steps, { ...request, regulationWords: undefined });
    return rest.filter((s) => regulationParts.some((r) => hasRegulation(s, r, false)));
  }
  return undefined;
}

function hasRegulation(step: Step, wanted: string[], exclusive: boolean): boolean {
  const keys = wanted.map(roleKey);
  const isIt = (item: string) => cites(item, keys);
  return exclusive
    ? step.regulations.length > 0 && step.regulations.every(isIt)
    : step.regulations.some(isIt);
}

export type Navigation = 'next' | 'previous' | 'first' | 'last';

const NAVIGATION: Array<[RegExp, Navigation]> = [
  [
    /\b(que|cual) (paso )?(sigue|viene|toca)\b|\b(a )?(que|cual) paso (le )?(sigo|seguimos)\b|\b(que|cual) paso (nos|me|le|les) toca (ahora|despues|luego|enseguida)\b|\bque (nos|me|le|les) toca (despues|luego|enseguida)\b|\bque (sigue|viene|hacemos|hago) (despues|luego|enseguida)\b|\b(siguiente|proximo) paso\b|\bel siguiente\b|\bdespues del?\b|\bluego del?\b|\bsiguiente\b|\bwhat('?s| is)? next\b|\bnext step\b|\bcomes after\b|\bafter step\b|\bwhat'?s after\b|\bafter (step )?\d|\bnext\b/,
    'next',
  ],
  [
    /\b(paso )?anterior\b|\bantes del?\b|\b(va|viene|esta|queda|toca|hay|iba) antes\b|\bprevio al?\b|\bpaso previo\b|\bprevious\b|\bbefore step\b|\bcomes before\b|\bwhat'?s before\b|\bbefore (step )?\d/,
    'previous',
  ],
  [
    /\b(que hago|que hacemos|que se hace|por donde empiezo|por donde empezamos|por donde (se )?empieza|como empiezo|como empezamos) primero\b|\bprimer paso\b|\b(el|del) primero\b|\b(hacer|hago|hacemos|empezar|empezamos) primero\b|\bpor donde (empiezo|empezamos|empezar|se empieza|comienzo)\b|\bcon (que|cual) (paso )?(se )?(empiezo|empezamos|empieza|comienzo|comenzamos|comienza|inicio|iniciamos|inicia|arranco|arrancamos|arranca)\b|\bpaso (inicial|de inicio)\b|\bpor (que|cual) paso (se )?(empieza|empiezo|empezamos|comienza|comienzo|arranca|arrancamos|inicia)\b|\bfirst step\b|\bwhere do (i|we) start\b/,
    'first',
  ],
  [
    /\b(ultimo paso|(el|del|al) ultimo|paso final|last step|final step|con (que|cual) (paso )?(termina|terminamos|acaba|cierra)|en (que|cual) paso (termina|acaba|cierra|concluye))\b/,
    'last',
  ],
];

/** "¿qué viene antes del 2.2?": a word that says "before" outranks "viene", which alone means next. */
const BEFORE_WORDS = /\b(antes|anterior|previo|previa|before|previous)\b/;

export function readNavigation(folded: string): Navigation | undefined {
  const order = BEFORE_WORDS.test(folded)
    ? [...NAVIGATION.filter(([, n]) => n === 'previous'), ...NAVIGATION.filter(([, n]) => n !== 'previous')]
    : NAVIGATION;
  for (const [pattern, nav] of order) if (pattern.test(folded)) return nav;
  return undefined;
}

/** The phase a question names ("fase Publica", "Perfecciona"), if any. */
export function readPhase(folded: string): Phase | undefined {
  const phases = readPhases(folded);
  return phases[phases.length - 1];
}

const PHASE_RANGE =
  /\b(de|desde|from)\s+(la\s+|the\s+)?((fase|etapa|phase)\s+)?\w+\s+(hasta|a|al|to|through)\s+(la\s+|the\s+)?((fase|etapa|phase)\s+)?\w+\b/;

/** Every phase a question names, in the guide's order ("pasos de Perfecciona y Promueve"). */
function readPhases(folded: string): Phase[] {
  const span = phaseSpan(folded);
  return span.all ? [] : span.phases;
}

/** «de Planea a Promueve», «desde la fase 1 hasta la 4»: a range over every phase, the whole guide. */
export const spansAllPhases = (folded: string): boolean => phaseSpan(folded).all;

/** The phases a question names, with the ones in between of a range; `all` when that is every phase. */
function phaseSpan(folded: string): { phases: Phase[]; all: boolean } {
  // "las fases 3 y 4", "fases 1, 2 y 3": each number is a phase; "la 3a fase" is the third.
  const each = folded
    .replace(/\b(fases|etapas|phases)\s+(\d(?:\s*(?:,|y|e|and|&)\s*\d)+)\b/g, (_m, _w, list: string) =>
      list.replace(/\d/g, 'fase $&'),
    )
    .replace(/\b([1-4])\s*(?:a|ra|era|er|o|nd|rd|th)\s+(fase|etapa|phase)\b/g, 'fase $1');
  const named = PHASE_WORDS.filter(([pattern]) => pattern.test(each)).map(([, p]) => p);
  // «de Planea hasta Promueve», «desde la fase 2 a la 4»: the phases in between too.
  const order = PHASE_WORDS.map(([, p]) => p);
  const [from, to] = named;
  if (named.length === 2 && from && to && PHASE_RANGE.test(each)) {
    const between = order.slice(order.indexOf(from), order.indexOf(to) + 1);
    return { phases: between, all: between.length === order.length };
  }
  return { phases: named, all: false };
}

/**
 * The step `nav` leads to from `from` inside its guide, by step order (not by the site's links); first and
 * last within one phase when `phase` is given ("¿cuál es el último paso de Planea?").
 */
export function navigate(guide: Guide, nav: Navigation, from?: Step, phase?: Phase): Step | undefined {
  const ordered = inOrder(guide, nav === 'next' || nav === 'previous' ? undefined : phase);
  if (nav === 'first') return ordered[0];
  if (nav === 'last') return ordered[ordered.length - 1];
  if (!from) return undefined;
  const at = ordered.findIndex((s) => s.id === from.id);
  if (at < 0) return undefined;
  return ordered[nav === 'next' ? at + 1 : at - 1];
}

/** A guide's steps in step order, or one phase's. */
function inOrder(guide: Guide, phase?: Phase): Step[] {
  return guide.steps.filter((s) => !phase || s.phase === phase).sort((a, b) => compareStepIds(a.id, b.id));
}

/** "el segundo paso de …": the nth step of a phase (first and last are navigation). */
const ORDINAL_STEP = /\b(segundo|tercer|tercero|cuarto|second|third|fourth)\s+(?:paso|step)\b/;
const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['segundo', 2],
  ['second', 2],
  ['tercer', 3],
  ['tercero', 3],
  ['third', 3],
  ['cuarto', 4],
  ['fourth', 4],
]);

/** "¿y el segundo?", "and the third one?": the place of a step in the last list, alone. */
const NTH_ALONE =
  /^[\s¿¡]*(?:(?:y|and)\s+)?(?:(?:el|del|en el|the)\s+)?(segundo|tercer|tercero|cuarto|second|third|fourth)(?:\s+(?:paso|step|one))?\s*\??\s*$|\b(?:el|del|en el)\s+(segundo|tercer|tercero|cuarto)\s+(?:de (?:ellos|esos|estos|la lista))\b|\b(?:el|del|al|en el|the)\s+(segundo|tercero|cuarto|second|third|fourth)(?:\s+(?:paso|step|one))?(?![\s,]*[a-z0-9])/;

/** The place (2, 3, 4) a bare ordinal follow-up names, or undefined. */
export function nthAlone(folded: string): number | undefined {
  const m = NTH_ALONE.exec(folded);
  return ORDINALS.get(m?.[1] ?? m?.[2] ?? m?.[3] ?? '');
}

/** The step a question names by its place in a phase ("¿cuál es el tercer paso de Perfecciona?"). */
export function nthStepOfPhase(guide: Guide, phase: Phase, folded: string): Step | undefined {
  const n = ORDINALS.get(ORDINAL_STEP.exec(folded)?.[1] ?? '');
  return n ? inOrder(guide, phase)[n - 1] : undefined;
}
