/**
 * Reading a question before anything else looks at it: Slack markup, URLs, e-mail addresses and @names out;
 * number words into digits ("paso uno punto dos" → "paso 1.2"); SMS Spanish into words ("q" → "que",
 * "xq" → "porque", "kien" → "quien"); polite openings and fillers ("buenos días", "quiero saber", "me
 * podrías decir", "por favor") out, so they can neither set an intent nor count as an unknown topic.
 * Pure; accents are kept (the stemmer needs them), patterns match with or without them.
 */
import { fold } from '../content/deadline.ts';
import { PHASES } from '../content/model.ts';
import { parseReference, type Reference } from './reference.ts';
import { MAX_QUESTION_CHARS, stripSlackMarkup, wordSet } from './text.ts';

export type Language = 'es' | 'en';
export type SmallTalk = 'greeting' | 'thanks' | 'bye' | 'help';

export interface Reading {
  /** The question as the person wrote it (Slack markup read), for echoes. */
  original: string;
  /** What the answerer reads: accents kept, wrappers, links and SMS spellings resolved. */
  text: string;
  /** `text` folded (lower case, no accents). */
  folded: string;
  language: Language;
  reference: Reference;
  /** Starts like a follow-up: "¿y el plazo?", "and who is involved?". */
  continues: boolean;
  /** Points back at the last answer with a pronoun: "¿eso dónde se publica?", "¿quién lo aprueba?". */
  pointsBack: boolean;
  /** The web addresses taken out of the question, folded ("datos.gob.mx"): a term may be one. */
  links: string[];
  /**
   * `folded`'s questions without the context told before them («Trabajo en la UT… ¿En qué pasos interviene
   * la UT?» → «¿en que pasos interviene la ut?»); `folded` itself when it is one sentence.
   */
  asked: string;
}

/** Letters, digits: a "word" boundary that knows accented letters (JS's \b does not). */
const L = '\\p{L}\\p{N}';

/** A folded pattern that also matches its accented spellings, as whole words. */
function loose(pattern: string, flags = 'giu'): RegExp {
  const accents: Record<string, string> = {
    a: '[aá]',
    e: '[eé]',
    i: '[ií]',
    o: '[oó]',
    u: '[uúü]',
    n: '[nñ]',
  };
  let body = '';
  let inClass = false;
  for (const c of pattern) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    body += inClass ? c : (accents[c] ?? c);
  }
  return new RegExp(`(?<![${L}])(?:${body})(?![${L}])`, flags);
}

const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:mx|com|org|net|gob|io)\b(?:\/[^\s<>]*)?/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const AT_NAME = /(?<![\w.])@[\w.-]+/g;

const NUMBER_WORDS: Record<string, string> = {
  uno: '1',
  una: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
  cero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  zero: '0',
};
const NUMBER = Object.keys(NUMBER_WORDS).join('|');
// "paso uno punto dos", "el tres.uno", "dos . cuatro".
const SPELLED_STEP = loose(`(${NUMBER}|[1-9])(?:\\s+(?:punto|point|dot)\\s+|\\s*\\.\\s*)(${NUMBER}|\\d)`);
// "paso cuatro uno": after «paso» two number words are a step id even without «punto».
// "en el dos uno": after an article, a phase number and a step number (the guide has 4 phases of ≤ 4 steps).
const SPELLED_AFTER_PASO = loose(
  `(paso|step)\\s+(${NUMBER})\\s+(${NUMBER})|(el|del|al)\\s+(uno|dos|tres|cuatro)\\s+(uno|dos|tres|cuatro)`,
);

/** SMS and chat spellings → the word (whole words only, so "quiero" and "x.com" are left alone). */
const SMS: Array<[RegExp, string]> = [
  [loose('q|k|ke|qe'), 'que'],
  [loose('xq|pq|xk|pk|porq|xque'), 'porque'],
  [loose('d'), 'de'],
  [loose('tb|tmb|tbn|tmbn'), 'también'],
  [loose('x'), 'por'],
  [loose('xfa|xfavor|plis|pls|porfis'), 'por favor'],
  [loose('tons|entons'), 'entonces'],
  [loose('ntp'), ''],
  [loose('cdo|qdo'), 'cuando'],
  [loose('msj'), 'mensaje'],
  [loose('info'), 'información'],
  [loose('tngo|tengoo'), 'tengo'],
  // A dropped h: "q ay q acer", "q se ase".
  [loose('ay|ai'), 'hay'],
  [loose('n'), 'en'],
  [loose('dspues|dsps|despues'), 'después'],
  [loose('qien|qienes'), 'quien'],
  [loose('trs'), 'tres'],
  [loose('acer|aser'), 'hacer'],
  [loose('ago'), 'hago'],
  [loose('ace|ase'), 'hace'],
  [loose('dl'), 'del'],
  [loose('l'), 'el'],
  [loose('dla'), 'de la'],
  [loose('signfica|sigifica|sinifica'), 'significa'],
  // «¿quién lo lleva a cabo?»: «llevar a cabo» is «hacer»; «cabo» alone would read as a topic.
  [loose('(lleva|llevan|llevar|llevamos|llevo) a cabo'), 'hace'],
  [loose('ls'), 'los'],
  [loose('max'), 'máximo'],
  [loose('ed'), 'edición'],
  [loose('stan'), 'están'],
  [loose('sta'), 'está'],
  [loose('stoy'), 'estoy'],
  [loose('stamos'), 'estamos'],
  [loose('xa'), 'para'],
  [loose('dnd|dnde'), 'dónde'],
  [loose('tmpo|tiemp'), 'tiempo'],
  // "kien", "kiero", "ekipo", "aki": a k before e/i stands for "qu" (Spanish has almost no words with "ke"/"ki").
  [/k(?=[eiéí])/giu, 'qu'],
];

/**
 * A word as it sounds in Mexican Spanish: «c»/«qu»/«k» before a, o, u are one sound, so are «c», «s», «z»
 * before e, i, «b» and «v», «y» and «ll»; «h» is silent and double letters sound single.
 */
function byEar(word: string): string {
  return fold(word)
    .replace(/cc/g, 'c')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[aou]|$|[^eih])/g, 'k')
    .replace(/c(?=[ei])|z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/(?<!c)h/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** The phases' names by ear: «perfeciona», «publika», «promuebe» are the phases, «publico» is not. */
const PHASE_BY_EAR: ReadonlyMap<string, string> = new Map(PHASES.map((phase) => [byEar(phase), phase]));

/** A misspelt phase name as the phase; any other word (a phase name as written included) as it is. */
function phaseByEar(word: string): string {
  const phase = PHASE_BY_EAR.get(byEar(word));
  return phase && fold(phase) !== fold(word) ? phase : word;
}

/**
 * Openings and wrappers around the real question, removed from its start (repeatedly: "hola, buenos días,
 * quisiera saber…"). Each leaves the question itself untouched.
 */
const OPENINGS = [
  'hola+|holi|(muy )?buen(os|as)? (dias|tardes|noches)|buen dia|(muy )?buenas|que tal|saludos|hey|hi|hello|good (morning|afternoon|evening)',
  // Apologies for asking come before the bare «disculpa»: the first alternative that matches wins.
  '(disculpa(me)?|disculpe|perdon|perdona|perdone)( (que|por) (te|le|les)? ?(moleste|molesto|molestar|pregunte|pregunto)| (la|por la|mi|por mi) (molestia|ignorancia|insistencia|pregunta)( tan (basica|tonta|sencilla|obvia))?)( otra vez| de nuevo| nuevamente)?',
  'muy amables?|que amable|tan amable',
  'oye|oiga|oigan|disculpa(me)?|disculpe|disculpen|perdon( por (la molestia|la insistencia|molestar|tanta pregunta))?|perdona|una pregunta|una duda|tengo una (duda|pregunta)|pregunta|consulta|estimad[oa]s?( asistente| bot| equipo)?|bot',
  '(me |nos )?(podrias|puedes|podria|pudieras|podrian|pueden|puede) (decir|indicar|explicar|ayudar|informar|confirmar|compartir|orientar|aclarar)(me|nos)?( con| a saber| sobre| acerca de)?',
  // «¿sería tan amable de indicarme…?»
  '(seria|serias|serian|eres|es) (tan|muy) amables? (de|para) (decir|indicar|explicar|compartir|informar|orientar|confirmar|aclarar)(me|nos)?',
  '(yo )?(quiero|quisiera|queria|quisieramos|queremos|necesito|necesitamos|me gustaria|nos gustaria) (saber|preguntar|conocer|entender|consultar|que me (digas|expliques|digan))',
  'alguien (me puede decir|sabe)|sabes|saben|sabe|me dices|dime|diganme|me ayudas( con| a saber)?|ayudame( con| a saber)?|me explicas|explicame',
  '(me |nos )?(recuerdas|recuerdan|confirmas|confirman|compartes|indicas|orientas|aclaras)|recuerdame|confirmame|aclarame|orientame',
  'otra cosa|otra pregunta|otra duda|otra|cambiando de tema|pasando a otra cosa|por cierto|ya por ultimo|por ultimo|para terminar|ahora( bien)?|una consulta|orale|ora|sale pues',
  // "Del jurídico: ¿qué son…?": who asks, then a colon.
  '(del|de la|desde el|desde la) [^,.?¿!:]{1,40}(?=:)',
  // "soy del área jurídica, …": who asks, not what; «área» would read as «who takes part». Before the
  // bare «soy nuevo», which would leave «en la Dirección de Planeación, …» behind.
  '(yo )?(soy|somos) [^,.;?¿!:]{1,80}(?=[,.:;])',
  'soy nuev[oa]( en esto| aqui| en el tema)?|apenas (empiezo|voy empezando)|gracias( por (la|tu) ayuda)?|(una )?ultima( pregunta| duda)?',
  "could you tell me|can you tell me|i'?d like to know|i want to know|please tell me|tell me|do you know|quick question|i have a question",
  'a ver|mira|bueno|ok|okay|va|sale|oigan|por favor|porfa|please|pero',
  // Acknowledging the last answer before the next question: «Perfecto. ¿Qué normas cumple?».
  'perfecto|excelente|muy bien|entendido|de acuerdo|genial|ya veo|claro|vale|listo',
  // «Trabajo en un órgano regulador. ¿…?»: where the asker works, not what they ask.
  // Never past a digit: «…y me pidieron ver lo del paso 4.1, ¿quiénes…?» keeps its step.
  // Not «estamos en…»: «Estamos en la fase Publica, ¿qué sigue?» tells where the team is in the guide.
  '(yo )?(trabajo|trabajamos|laboro|colaboro) (en|para) [^,.;?¿!:\\d]{1,80}(?=[,.:;])',
  '(les |le |te )?(escribo|escribimos) (de|desde|del) [^,.;?¿!:\\d]{1,80}(?=[,.:;])',
];
const OPENING = new RegExp(
  `^[\\s,.;:¿?¡!-]*(?:${OPENINGS.map((o) => loose(o).source).join('|')})(?:\\s+si(?![${L}]))?[\\s,.;:!-]*`,
  'iu',
);
const WHO_WRITES = /(^|[.!]\s+)(?:le|les|te)\s+(?:escribe|escribo|saluda|habla)\s+[^¿?!]{1,160}?(?=¿)/iu;

/** Fillers anywhere: they never carry the question. */
const FILLERS = loose(
  'por favor|porfa|please|de favor|si no es molestia|muchas gracias|gracias de antemano|gracias|thanks|thank you',
);

/** A follow-up starts with "y" / "and" / "también" / "entonces": "¿y el plazo?". */
const CONTINUES = loose('^[\\s¿¡]*(y|e|and|tambien|entonces|what about|y que hay de|y en|ok y|va y)', 'iu');
/** …or points back at the last answer: "¿qué normatividad tiene ese?", "¿cuándo hay que hacerlo?". */
const POINTS_BACK = loose(
  'ese|eso|esa|esos|esas|ese paso|este paso|dicho paso|ahi|ello|that|that step|that one|it|those|[a-z]+(ar|er|ir)(lo|la|los|las)|(quien|quienes|cuando|como|donde|a quien) (lo|la|los|las) [a-z]+',
  'iu',
);

const ENGLISH = wordSet(
  'the what who whom which when where how is are does do to of for in on step steps deadline involved we my our should must need about hello hi thanks help please list comes after before next previous first last mean',
);
const SPANISH = wordSet(
  'el la los las de del que qué quién quien cuándo cuando cómo como es son en para por paso pasos un una al se hay hacer plazo y o lo le sigue',
);

/**
 * English when its function words outnumber Spanish ones; Spanish otherwise (the bot's first language).
 * One-letter words are left out of the English list: "i" is as likely mrkdwn (`_i_`) or a typo.
 */
export function detectLanguage(text: string): Language {
  let en = 0;
  let es = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH.has(word)) en++;
    if (SPANISH.has(word)) es++;
  }
  return en > es ? 'en' : 'es';
}

/** The sentences that ask (end in «?» or open with «¿»), when the text has other sentences too. */
function questionsAsked(folded: string): string {
  const sentences = folded
    .split(/(?<=[?!])\s+|(?<=\.)\s+(?=\S)|\s+(?=¿)/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length < 2) return folded;
  const asking = sentences.filter((s) => s.includes('?') || s.startsWith('¿'));
  return asking.length > 0 ? asking.join(' ') : folded;
}

export function readQuestion(raw: unknown): Reading {
  const original = stripSlackMarkup(String(raw ?? ''))
    .replace(/\p{Cf}/gu, '')
    .slice(0, MAX_QUESTION_CHARS)
    .trim();
  const noEmail = original.replace(EMAIL, ' ');
  const links = (noEmail.match(URL) ?? []).map((l) =>
    fold(l)
      .replace(/^https?:\/\//, '')
      .replace(/[/.]+$/, ''),
  );
  let text = noEmail.replace(URL, ' ').replace(AT_NAME, ' ');
  const digit = (w: string) => NUMBER_WORDS[fold(w)] ?? w;
  text = text.replace(SPELLED_STEP, (_m, a: string, b: string) => `${digit(a)}.${digit(b)}`);
  text = text.replace(
    SPELLED_AFTER_PASO,
    (_m, p?: string, a?: string, b?: string, q?: string, c?: string, d?: string) =>
      `${p ?? q} ${digit(a ?? c ?? '')}.${digit(b ?? d ?? '')}`,
  );
  const language = detectLanguage(original);
  // SMS spellings are Spanish: "keeps" and "x" in English stay as written.
  if (language === 'es') for (const [pattern, word] of SMS) text = text.replace(pattern, word);
  // Every phase's name starts with «p»: only such words can be one spelt by ear.
  if (language === 'es') text = text.replace(/(?<![\p{L}])[pP][\p{L}]{5,}/gu, phaseByEar);
  const pointsBack = POINTS_BACK.test(text);
  const continues = CONTINUES.test(text) || pointsBack;
  // «Le escribe el Lic. Ramírez, de Planeación, desde Chihuahua. ¿…?»: who writes, up to the question.
  text = text.replace(WHO_WRITES, '$1');
  // Openings at the start of each sentence («Muy buenas. ¿Sería tan amable de decirme…?»), once the
  // fillers are out («…? gracias de antemano» must not leave «de antemano»).
  text = text
    .replace(FILLERS, ' ')
    .split(/(?<=[.!?])\s+(?=\S)|\s+(?=¿)/u)
    .map((sentence) => {
      let rest = sentence;
      for (let i = 0; i < 6; i++) {
        const next = rest.replace(OPENING, '');
        if (next === rest) break;
        rest = next;
      }
      return rest;
    })
    .filter((sentence) => sentence.trim() !== '')
    .join(' ');
  text = text.replace(FILLERS, ' ').replace(/\s+/g, ' ').trim();
  const folded = fold(text);
  return {
    original,
    text,
    folded,
    language,
    reference: parseReference(text),
    continues,
    pointsBack,
    asked: questionsAsked(folded),
    links,
  };
}
