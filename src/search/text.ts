/**
 * Text preparation shared by the index and the questions: Slack markup, accents, tokens, stop words and
 * stems. Pure functions; the same pipeline must run on content and on questions or nothing matches.
 */
import snowball from 'snowball-stemmers';
import { eng, spa } from 'stopword';
import { fold } from '../content/deadline.ts';

/** A set of words written as one space-separated string (word lists read better that way). */
export const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Longest question we analyse; Slack allows far more, and nothing useful hides after this. */
export const MAX_QUESTION_CHARS = 1000;

/**
 * Replaces Slack markup with what a person would read: mentions and broadcasts disappear, links and
 * channel references keep their label. Also undoes Slack's own `&amp;`/`&lt;`/`&gt;` escaping.
 */
export function stripSlackMarkup(text: string): string {
  // `[^<>]`, not `[^>]`: Slack's markup never holds a `<`, and an unclosed `<` then stops at the next
  // one instead of rescanning the rest of the text (40,000 `<` took 6 s).
  return text
    .replace(/<[@!][^<>]*>/g, ' ')
    .replace(/<#[^<>|]*\|([^<>]*)>/g, ' $1 ')
    .replace(/<#[^<>]*>/g, ' ')
    .replace(/<[^<>|]*\|([^<>]*)>/g, ' $1 ')
    .replace(/<([^<>]*)>/g, ' $1 ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// One accent-folding rule for content and questions alike: the content parser's.
export { fold };

/**
 * Words in lower case, accents kept: the stemmer needs them. Letters and digits are split apart, so
 * "utf8" and "iso8601" in a question meet "UTF-8" and "ISO 8601" in the guide.
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
}

const stemmer = snowball.newStemmer('spanish');

/** Spanish verb endings (infinitives, plurals, gerunds, participles): more likely an everyday verb than a topic. */
export const VERB_FORM =
  /(?:ar|er|ir|an|en|amos|emos|imos|aron|ieron|aba|aban|ian|ando|iendo|ados?|idos?|adas?|idas?)$/;

/**
 * Nouns the stemmer folds into a verb of another meaning: «el documento» (step 1.3's plan is one) is not
 * «documentar» (step 2.4's metadata).
 */
const KEPT_APART: ReadonlyMap<string, string> = new Map([
  ['documento', 'documento'],
  ['documentos', 'documento'],
]);

/**
 * The index key of one word. Snowball Spanish only removes "-ación"/"-ición" when the accent is there, so
 * unaccented "-cion"/"-sion" endings get their accent back before stemming; accents are folded after.
 * Words seen in the content are resolved through the vocabulary first (see SearchIndex), which covers the
 * other accent-dependent endings ("ciudadanía").
 */
export function wordKey(word: string): string {
  // The kept words have no accents: lower case is enough, and cheaper than folding every word.
  const apart = KEPT_APART.get(word.toLowerCase());
  if (apart !== undefined) return apart;
  const restored = word.replace(/([cs])ion$/, '$1ión');
  return fold(stemmer.stem(restored));
}

/** The guide's own words ("datos abiertos", "institución"): every step has them, so they name no step. */
const GUIDE_WORDS = new Set(
  [
    'datos',
    'dato',
    'abiertos',
    'abierto',
    'data',
    'open',
    'institucion',
    'instituciones',
    'institucional',
    'institutional',
    'guia',
    'guide',
    'paso',
    'pasos',
    'step',
    'steps',
  ].map(fold),
);

/**
 * Words that carry no topic: the Spanish and English stop-word lists plus the guide's own ubiquitous
 * words, which would only add noise.
 */
const TOPIC_STOP_WORDS = new Set(
  [
    ...spa,
    ...eng,
    ...GUIDE_WORDS,
    'hay',
    'tengo',
    'tenemos',
    'debo',
    'debemos',
    'hacer',
    'hace',
    'hago',
    'do',
    'pa',
    'le',
    'entra',
    'toca',
    'oye',
    'bot',
    'favor',
    'porfa',
    'please',
    'gracias',
    'hola',
    'dime',
    'sabes',
    'need',
    'tell',
    'me',
    'cual',
    'cuales',
    // Question verbs that say nothing about the topic ("aplica" would match "aplicativos").
    'es',
    'son',
    'aplica',
    'aplican',
    'apply',
    'applies',
    'necesito',
    'necesitamos',
    'puedo',
    'podemos',
    'pasa',
    'pide',
    'piden',
    'habla',
    'hablan',
    'sirve',
    'significa',
    'tiene',
    'tienen',
    'tener',
    'dice',
    'edicion',
    'version',
    'edition',
    'estaban',
    'mis',
    'nuestros',
    'nuestras',
    'nuestro',
    'nuestra',
    // Demonstratives, "cada" and forms of "hacer"/"estar" the stop-word list lacks, and Slack fillers
    // ("¿se vale?", "¿qué onda con eso?", "nomás"): "esta" matched every "esta Guía", "vale" → "válido".
    'esta',
    'este',
    'estos',
    'estas',
    'estar',
    'esto',
    // Forms of «pedir» and «tocar» («¿qué pide la guía?», «me tocan») and «después» say how or when,
    // never what about: «¿cómo pido mis vacaciones?» shares no topic with the step that «pide» something.
    'pido',
    'pide',
    'piden',
    'pedimos',
    'pedir',
    'pidio',
    'toca',
    'tocan',
    'toco',
    'despues',
    // English auxiliaries the stop-word list lacks.
    'does',
    'did',
    // «de verdad», «de veras» insist; they name no topic.
    'verdad',
    'veras',
    'estoy',
    'estamos',
    'estaba',
    'estabamos',
    'cada',
    'hacen',
    'hacemos',
    'haces',
    'hizo',
    'bien',
    'vale',
    'onda',
    'nomas',
    'neta',
    'oigan',
    'alguien',
    'sabe',
    'saben',
    // Short forms of «ser» and «ir» no suffix gives away as verbs («¿cómo era en 2015?», «¿qué va antes?»).
    'era',
    'eran',
    'soy',
    'somos',
    'eres',
    'habia',
    'habian',
    'fue',
    'fueron',
    'va',
    'van',
    'iba',
    'iban',
    // Comparatives of a deadline («¿cuál tiene el plazo más largo?»); «largo» would be read as «cargo».
    'largo',
    'larga',
    'corto',
    'corta',
    // Adverbs and determiners the stop-word list lacks: they never name a topic ("detrás de un login").
    'detras',
    'arriba',
    'abajo',
    'afuera',
    'adentro',
    'ahi',
    'aqui',
    'alla',
    'alli',
    'cerca',
    'lejos',
    'unos',
    'unas',
    'buenos',
    'buenas',
    'bueno',
    'buena',
    'mucho',
    'muchos',
    'ya',
    'asi',
    'tambien',
    'siempre',
    'nunca',
    'ademas',
    'porque',
    'entonces',
    'igual',
  ].map(fold),
);

/**
 * Kinds of office the asker works at («en el instituto», «somos una paraestatal»): they say who asks, not
 * what about, so a question is neither refused for them nor bent toward a guide word that looks alike
 * («ayuntamiento» → «almacenamiento»). Only words the guide itself does not hold.
 */
const ASKER_PLACES = wordSet(
  'instituto institutos hospital hospitales universidad universidades empresa empresas paraestatal paraestatales entidad fideicomiso fideicomisos agencia agencias subdireccion gerencia gerencias departamento departamentos consejo procuraduria tribunal tribunales colegio escuela escuelas municipio municipios ayuntamiento ayuntamientos delegacion delegaciones subsecretaria clinica clinicas',
);

export function isAskerPlace(foldedWord: string): boolean {
  return ASKER_PLACES.has(foldedWord);
}

export function isStopWord(foldedWord: string): boolean {
  return TOPIC_STOP_WORDS.has(foldedWord);
}

/**
 * The guide's own words in `text` ("datos", "guía") when they are all it asks about, else []: such a
 * question matches every step, so it needs narrowing, not a "nothing found".
 */
export function onlyGuideWords(text: string): string[] {
  const all = words(text);
  const guideWords = all.filter((w) => GUIDE_WORDS.has(fold(w)));
  const rest = all.filter((w) => !TOPIC_STOP_WORDS.has(fold(w)));
  return rest.length === 0 ? [...new Set(guideWords)] : [];
}
