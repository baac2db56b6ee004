import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loader.ts';
import { evaluate, FRESH_FILE, HOLDOUT_FILE, OFFTOPIC_FILE, readQuestions } from './evaluate.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const guides = loadContent(content).guides;

describe('answering the labelled questions on the shipped content', () => {
  const questions = readQuestions();
  const report = evaluate(guides, questions);
  const misses = report.misses.map((m) => `${m.kind}: «${m.question.q}» → ${m.got}`).join('\n');

  it('has at least 120 labelled questions of every kind', () => {
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(questions.filter((q) => q.expect === 'choose').length).toBeGreaterThan(0);
    expect(questions.filter((q) => q.expect === 'no_match').length).toBeGreaterThan(0);
    expect(questions.filter((q) => q.step?.startsWith('guia-2015/')).length).toBeGreaterThan(0);
  });

  it('picks the right step (or the right refusal) for at least 90 % of them', () => {
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the right intent for at least 90 % of them', () => {
    expect(report.intent, misses).toBeGreaterThanOrEqual(0.9);
  });
});

describe('answering held-out questions nobody tuned the scorer on', () => {
  const questions = readQuestions(HOLDOUT_FILE);
  const report = evaluate(guides, questions);
  const misses = report.misses.map((m) => `${m.kind}: «${m.question.q}» → ${m.got}`).join('\n');

  it('has at least 40 questions, refusals and greetings included', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.expect === 'no_match').length).toBeGreaterThan(0);
    expect(questions.filter((q) => q.expect === 'empty').length).toBeGreaterThan(0);
  });

  it('picks the right step (or the right refusal) for at least 85 % of them', () => {
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.85);
  });

  it('reads the right intent for at least 90 % of them', () => {
    expect(report.intent, misses).toBeGreaterThanOrEqual(0.9);
  });
});

describe('answering fresh Slack-style questions (short, misspelled, English, naming documents)', () => {
  const questions = readQuestions(FRESH_FILE);
  const report = evaluate(guides, questions);
  const misses = report.misses.map((m) => `${m.kind}: «${m.question.q}» → ${m.got}`).join('\n');

  it('has at least 60 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
  });

  // Measured at 88.3 % before any change and 96.7 % after the general fixes that followed; the bar
  // keeps a margin below both, since these questions have now been looked at.
  it('picks the right step (or the right refusal) for at least 85 % of them', () => {
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.85);
  });

  it('reads the right intent for at least 90 % of them', () => {
    expect(report.intent, misses).toBeGreaterThanOrEqual(0.9);
  });
});

describe('refusing questions about something else (sports, weather, payroll, vacations, recipes)', () => {
  const questions = readQuestions(OFFTOPIC_FILE);
  const report = evaluate(guides, questions);
  const misses = report.misses.map((m) => `${m.kind}: «${m.question.q}» → ${m.got}`).join('\n');

  it('has at least 12 of them, every one labelled no_match', () => {
    expect(questions.length).toBeGreaterThanOrEqual(12);
    expect(questions.every((q) => q.expect === 'no_match')).toBe(true);
  });

  // Written before they were run: 10 of 14 (71 %) refused before the off-topic rules, 11 of 14 after.
  // The rest share real guide words ("descargo mi recibo", "correr" read as "correo").
  it('says it has no answer for at least 75 % of them instead of guessing a step', () => {
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.75);
  });
});
