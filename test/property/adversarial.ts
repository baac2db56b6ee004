/**
 * Strings chosen to hurt parsers: every Object.prototype key, lone surrogates, mrkdwn and HTML, Slack
 * markup, huge repeats up to 40,000 characters, and random unicode. Shared by the property suites.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** constructor, __proto__, toString, hasOwnProperty, valueOf… and their look-alikes. */
export const PROTOTYPE_KEYS = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'prototype',
  'then',
  'length',
];

const FRAGMENTS = [
  ...PROTOTYPE_KEYS,
  '\uD800',
  '\uDC00',
  '\uD83D',
  '😀',
  '👍🏽',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '*',
  '_',
  '~',
  '`',
  '```',
  '>',
  '<',
  '&',
  '&lt;',
  '&#x110000;',
  '&#xD800;',
  '&constructor;',
  '<!channel>',
  '<!here>',
  '<@U123|ana>',
  '<#C1|canal>',
  '<https://x.example|y>',
  '<table',
  '<ul',
  '<li>',
  '</td>',
  '<!--',
  '{{',
  '{%',
  '---',
  '---js',
  '|',
  '| a | b |\n',
  '\n',
  '\r\n',
  '\t',
  ' ',
  ',',
  ';',
  ':',
  '-',
  '.',
  '1.2',
  '01.02',
  '99.99',
  '1,2',
  '2026-02-30',
  '9999-12-31',
  '25:00',
  '09:00',
  'lun',
  'lun-',
  '-vie',
  'a',
  'y',
  'paso',
  'plazo',
  '¿quién?',
  'días hábiles',
  '180 días',
  'de manera continua',
  "'; DROP TABLE progress_steps; --",
  '"\\',
  '%s',
  '$' + '{x}',
];

/** One adversarial fragment. */
export const fragment = fc.constantFrom(...FRAGMENTS);

/** Random unicode (any code point, surrogate halves included) mixed with the fragments. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ maxLength: 8 })), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

/** A piece repeated up to 40,000 characters: where super-linear patterns show. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fragment, hostileText), fc.integer({ min: 1_000, max: 40_000 }))
  .filter(([unit]) => unit.length > 0)
  .map(([unit, size]) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size));

/** Words as a command's arguments: small hostile tokens joined by spaces. */
export const hostileWords: fc.Arbitrary<string> = fc
  .array(fc.oneof(fragment, hostileText), { minLength: 1, maxLength: 6 })
  .map((words) => words.join(' '));

export const anyText = fc.oneof(hostileText, hostileWords, hugeText);

/**
 * Runs `fn`, failing if it throws or takes longer than `limitMs` (one call, not the whole property). A slow
 * call is timed once more: a parser that is really slow on the input fails both times, while a moment when
 * another process had the CPU (CI on 2 cores) does not fail the suite.
 */
export function quickly<T>(fn: () => T, limitMs = 100): T {
  let started = performance.now();
  let result = fn();
  let took = performance.now() - started;
  if (took >= limitMs) {
    started = performance.now();
    result = fn();
    took = performance.now() - started;
  }
  expect(took, `took ${took.toFixed(0)} ms (twice)`).toBeLessThan(limitMs);
  return result;
}

/** The same for async calls (the /avance service). */
export async function quicklyAsync<T>(fn: () => Promise<T>, limitMs = 100): Promise<T> {
  const started = performance.now();
  const result = await fn();
  const took = performance.now() - started;
  expect(took, `took ${took.toFixed(0)} ms`).toBeLessThan(limitMs);
  return result;
}

/** Few runs per property: the suite must stay at a few seconds on a shared 2-core machine. */
export const RUNS = { numRuns: 60 } as const;
export const HUGE_RUNS = { numRuns: 15 } as const;
