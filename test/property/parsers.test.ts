/**
 * Property suite (issue 9): every parser of user or content text, fed random and adversarial strings up
 * to 40,000 characters, returns (never throws), in well under 100 ms, and never hands back a lone
 * surrogate or a value taken from Object.prototype.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDays } from '../../src/bot/avance-parse.ts';
import { parseAvance } from '../../src/bot/avance-verbs.ts';
import { parseGuia } from '../../src/bot/guia-command.ts';
import { parseDeadline } from '../../src/content/deadline.ts';
import { readFrontMatter } from '../../src/content/front-matter.ts';
import { splitList, toPlainText } from '../../src/content/lists.ts';
import { loadContent, parseGuideYml } from '../../src/content/loader.ts';
import type { Problem } from '../../src/content/model.ts';
import { parseStepFile } from '../../src/content/parse-step.ts';
import { parseIsoDate } from '../../src/progress/calendar.ts';
import { answerText } from '../../src/render/answer.ts';
import { decodeFeedback, decodeShare } from '../../src/render/reply.ts';
import { createAnswerer } from '../../src/search/answerer.ts';
import {
  anyText,
  fragment,
  HUGE_RUNS,
  hostileText,
  hostileWords,
  hugeText,
  PROTOTYPE_KEYS,
  quickly,
  RUNS,
} from './adversarial.ts';

const guides = loadContent(fileURLToPath(new URL('../../content/', import.meta.url))).guides;
const rawAnswerer = createAnswerer(guides);
/** The answer with the text the bot would send, so the checks read what a user sees. */
const answerer = {
  answer: (q: string) => {
    const answer = rawAnswerer.answer(q);
    return { ...answer, text: answerText(answer, guides) };
  },
  search: (q: string) => rawAnswerer.search(q),
};
const NATIVE = /\[native code\]/;
/**
 * Nothing from Object.prototype leaks into a result: no function (nor its text) and no lone surrogate, in
 * any value or key at any depth. A walk, not JSON.stringify, which drops functions and escapes surrogates.
 */
const clean = (value: unknown, path = 'result', seen = new Set<object>()): void => {
  if (typeof value === 'function') expect.fail(`${path} is a function: ${String(value).slice(0, 80)}`);
  if (typeof value === 'string') {
    if (!value.isWellFormed()) expect.fail(`${path} has a lone surrogate: ${JSON.stringify(value)}`);
    if (NATIVE.test(value)) expect.fail(`${path} holds function text: ${value.slice(0, 80)}`);
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const entries: Array<[unknown, unknown]> =
    value instanceof Map || value instanceof Set ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    clean(key, `${path} key`, seen);
    clean(item, `${path}.${String(key)}`, seen);
  }
};

describe('question reading (the answerer)', () => {
  it('answers every Object.prototype key, alone and inside a question', () => {
    for (const key of PROTOTYPE_KEYS) {
      for (const question of [
        key,
        `¿qué es ${key}?`,
        `plazo del ${key}`,
        `${key} ${key}s paso 1.2`,
        `¿en qué pasos participa el ${key}?`,
      ]) {
        const answer = quickly(() => answerer.answer(question));
        expect(answer.text.isWellFormed()).toBe(true);
        clean(answer);
        clean(quickly(() => answerer.search(question)));
      }
    }
  });

  it('answers any text without throwing, in well under 100 ms', () => {
    fc.assert(
      fc.property(anyText, (question) => {
        const answer = quickly(() => answerer.answer(question));
        expect(typeof answer.text).toBe('string');
        quickly(() => answerer.search(question));
      }),
      RUNS,
    );
  });

  it('never makes half a character out of a well-formed question (Slack input is made well-formed first)', () => {
    fc.assert(
      fc.property(anyText, (question) => {
        expect(answerer.answer(question.toWellFormed()).text.isWellFormed()).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('/avance and /guia arguments', () => {
  const verbs = fc.constantFrom(
    '',
    'diario',
    'diario 09:00',
    'inicio',
    'iniciar',
    'completar',
    'bloquear 1.2',
    'asignar 1.2',
    'historial',
    'guia',
    'lista',
    'buscar',
    'paso',
  );
  const commandText = fc.oneof(
    anyText,
    fc.tuple(verbs, hostileWords).map(([verb, words]) => `${verb} ${words}`),
    fc.tuple(fc.constantFrom('lun', 'vie', 'lunes', 'l'), fragment).map(([a, b]) => `diario 09:00 ${a}-${b}`),
  );

  it('/avance diario with every Object.prototype key as a day refuses at once', () => {
    for (const key of PROTOTYPE_KEYS) {
      for (const days of [key, `lun-${key}`, `${key}-vie`, `${key},lun`, `lunes a ${key}`]) {
        const parsed = quickly(() => parseAvance(`diario 09:00 ${days}`));
        expect(parsed.kind).toBe('error');
        expect(quickly(() => parseDays(days))).toBeUndefined();
      }
    }
  });

  it('any /avance or /guia text parses to a request, quickly, with only real day numbers', () => {
    fc.assert(
      fc.property(commandText, (text) => {
        const avance = quickly(() => parseAvance(text));
        const days = (avance as { days?: unknown }).days;
        if (avance.kind === 'daily' && Array.isArray(days)) {
          for (const day of days) expect(day >= 1 && day <= 7 && Number.isInteger(day)).toBe(true);
        }
        quickly(() => parseGuia(text));
        // Echoes keep the user's words: clean once Slack input is made well-formed, as it always is first.
        const input = text.toWellFormed();
        clean(parseAvance(input));
        clean(parseGuia(input));
      }),
      RUNS,
    );
  });
});

describe('dates and deadlines', () => {
  it('a start date is a valid date or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ maxLength: 12 })), (text) => {
        const date = quickly(() => parseIsoDate(text));
        if (date) expect(date.isValid).toBe(true);
      }),
      RUNS,
    );
  });

  it('a deadline keeps its text and reads only positive day counts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const deadline = quickly(() => parseDeadline(text));
        if (deadline.days !== undefined) expect(Number.isInteger(deadline.days)).toBe(true);
        // A deadline keeps its text: clean once it is well-formed, as a step file's text is when parsed.
        clean(parseDeadline(text.toWellFormed()));
      }),
      RUNS,
    );
  });

  it('a deadline never takes an Object.prototype key for a unit or a number word', () => {
    for (const key of PROTOTYPE_KEYS) {
      for (const text of [`30 ${key}`, `treinta ${key}`, `${key} días`]) {
        const deadline = parseDeadline(text);
        expect(deadline.months).toBeUndefined();
        expect(deadline.days).toBeUndefined();
      }
    }
  });
});

describe('step files and guide.yml', () => {
  const head = (extra: string) =>
    `---\ntitle: Paso\nstep_order: 1.1\nsection_title: Planea\npermalink: /p\n${extra}\n---\n`;
  const facts = '#### Involucrados\n\nA\n\n#### Tiempo máximo para el cumplimiento\n\n30 días\n\n';
  const stepFile = fc.oneof(
    anyText,
    fc.tuple(anyText, anyText).map(([a, b]) => `${head('')}${a}\n${facts}${b}`),
    fc
      .tuple(fc.constantFrom(...PROTOTYPE_KEYS), hostileText)
      .map(([key, value]) => `${head(`${key}: ${JSON.stringify(value)}`)}${facts}`),
    fc
      .tuple(fc.constantFrom('---js', '---coffee', '---constructor', '---'), anyText)
      .map(([o, b]) => `${o}\n${b}`),
  );

  it('any step file gives a step, a skip or problems; never a throw, never half a character', () => {
    fc.assert(
      fc.property(stepFile, (raw) => {
        const result = quickly(() => parseStepFile(raw, { guide: 'g', sourcePath: 'g/planea/paso-1-1.md' }));
        expect(['step', 'skipped', 'invalid']).toContain(result.kind);
        if (result.kind === 'step') {
          for (const text of [result.step.title, result.step.summary, ...result.step.involved]) {
            expect(text.isWellFormed(), JSON.stringify(text)).toBe(true);
          }
        }
        clean(result);
      }),
      RUNS,
    );
  });

  it('content text helpers are quick on huge hostile input', () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        quickly(() => toPlainText(text));
        quickly(() => splitList(text));
        quickly(() => readFrontMatter(`---\n${text}\n---\n`));
      }),
      HUGE_RUNS,
    );
  });

  it('any guide.yml gives the guide facts or problems, never a throw', () => {
    const yml = fc.oneof(
      anyText,
      fc
        .tuple(
          fc.constantFrom(...PROTOTYPE_KEYS, 'title', 'default', 'edition_date', 'source_url'),
          hostileText,
        )
        .map(([key, value]) => `title: Guía\n${key}: ${JSON.stringify(value)}\n`),
      fc.constantFrom('a: &a [*a]', '[[[[[[[[[[', `${'- '.repeat(5000)}x`, 'title: !!js/function "x"'),
    );
    fc.assert(
      fc.property(yml, (text) => {
        const problems: Problem[] = [];
        const meta = quickly(() => parseGuideYml(text, 'guia-x', problems));
        expect(typeof meta.title).toBe('string');
        expect(typeof meta.isDefault).toBe('boolean');
        clean(meta);
      }),
      RUNS,
    );
  });
});

describe('button values', () => {
  const value = fc.oneof(
    anyText,
    fc.json(),
    fc
      .tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'c', 't', 'q', 's', 'g', 'i'), fc.jsonValue())
      .map(([key, v]) => JSON.stringify({ [key]: v })),
  );

  it('decode to a reference of strings or to nothing, quickly', () => {
    fc.assert(
      fc.property(value, (raw) => {
        const share = quickly(() => decodeShare(raw));
        if (share) expect([typeof share.command, typeof share.text]).toEqual(['string', 'string']);
        const feedback = quickly(() => decodeFeedback(raw));
        if (feedback) expect(typeof feedback.question).toBe('string');
        clean(share);
        clean(feedback);
      }),
      RUNS,
    );
  });
});
