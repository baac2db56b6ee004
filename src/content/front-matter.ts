import yaml from 'js-yaml';
import { wellFormedDeep } from './well-formed.ts';

/**
 * A step file's front matter, read without evaluating anything: only YAML (an opening `---` or `---yaml`),
 * parsed with js-yaml's CORE schema (strings, numbers, booleans, null, lists, maps: no dates, no
 * `!!js/function`, no custom tags). Any other front-matter language (`---js`, `---coffee`, `---json`…) is
 * refused, never run. The split is one linear pass; gray-matter, which this replaces, was quadratic in
 * its own blank-line handling (27 s for 200 KB of blank lines) and looked engines up by the file's word.
 */
export type FrontMatter =
  | {
      ok: true;
      /** Parsed YAML, strings well-formed, objects without a prototype; {} when there is none. */
      data: unknown;
      /** The raw YAML text, starting with the newline after the opening `---`. */
      matter: string;
      /** The body after the closing `---`. */
      content: string;
    }
  | { ok: false; problem: 'language'; language: string }
  | { ok: false; problem: 'yaml'; error: unknown };

const OPEN = '---';
const CLOSE = '\n---';

export function readFrontMatter(raw: string): FrontMatter {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  // `----…` is a rule, not front matter.
  if (!text.startsWith(OPEN) || text.charAt(OPEN.length) === '-') {
    return { ok: true, data: {}, matter: '', content: text };
  }
  const afterOpen = text.slice(OPEN.length);
  const lineEnd = afterOpen.search(/\r?\n/);
  const languageRaw = lineEnd < 0 ? afterOpen : afterOpen.slice(0, lineEnd);
  const language = languageRaw.trim();
  if (language !== '' && !['yaml', 'yml'].includes(language.toLowerCase())) {
    return { ok: false, problem: 'language', language: language.slice(0, 40) };
  }
  const rest = afterOpen.slice(languageRaw.length);
  const close = rest.indexOf(CLOSE);
  const matter = close < 0 ? rest : rest.slice(0, close);
  const content = close < 0 ? '' : rest.slice(close + CLOSE.length).replace(/^\r?\n?/, '');
  const parsed = parseYaml(matter);
  return parsed.ok ? { ok: true, data: parsed.data, matter, content } : parsed;
}

/** YAML text (a front matter block or guide.yml) → data, or the js-yaml error. Never evaluates anything. */
export function parseYaml(
  text: string,
): { ok: true; data: unknown } | { ok: false; problem: 'yaml'; error: unknown } {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    // js-yaml's YAMLException, or a RangeError from absurdly deep nesting: both are a bad header.
    return { ok: false, problem: 'yaml', error };
  }
  return { ok: true, data: wellFormedDeep(data ?? {}) };
}
