/**
 * Answers a question about the guide: which step, which part of it, how sure, and the reply text.
 * Pure: built once from the loaded guides, then every call is in-memory work with no I/O.
 */
import { guideOfYear } from '../content/guides.ts';
import type { Guide, Step } from '../content/model.ts';
import {
  chooseText,
  emptyText,
  greetingText,
  type Language,
  missingStepText,
  noMatchText,
  stepAnswerText,
  tooBroadText,
  whichStepText,
} from './answer-text.ts';
import { detectIntent, type Intent } from './intent.ts';
import { parseReference } from './reference.ts';
import { type AnalyzedQuery, type Hit, SearchIndex } from './search-index.ts';
import { isSmallTalk } from './small-talk.ts';
import { fold, MAX_QUESTION_CHARS, onlyGuideWords, stripSlackMarkup, words } from './text.ts';

export type { Intent } from './intent.ts';

export interface Answer {
  intent: Intent;
  step: Step | null;
  /** Up to 3 other candidates; for `choose`, the steps offered (step is then null). */
  alternatives: Array<{ step: Step; score: number }>;
  /** 0..1, from the gap between the first and second candidates (1 for an explicit reference). */
  confidence: number;
  outcome: 'answered' | 'choose' | 'no_match' | 'empty';
  language: Language;
  /** Slack mrkdwn; user text echoed only through escapeMrkdwn. */
  text: string;
}

export interface Answerer {
  answer(question: string, opts?: { guide?: string }): Answer;
  search(query: string, limit?: number): Array<{ step: Step; score: number }>;
}

/** Below this confidence the answer offers choices instead of guessing. */
const MIN_CONFIDENCE = 0.12;
/** Score factor for steps outside the preferred guide, so near-ties go to the default edition. */
const OTHER_EDITION_FACTOR = 0.9;
/** Below this share of the question explained by the best step, the answer is no_match. */
const MIN_STRENGTH = 0.12;
/**
 * A word held by at least this share of the steps is common: a match resting on it alone (with other
 * topic words in the question) is no answer.
 */
const COMMON_WORD_SHARE = 0.25;

const ENGLISH = new Set(
  'the what who whom which when where how is are does do to of for in on step steps deadline involved we my our should must need about hello hi thanks help please'.split(
    ' ',
  ),
);
const SPANISH = new Set(
  'el la los las de del que qué quién quien cuándo cuando cómo como es son en para por paso pasos un una al se hay hacer plazo y o lo le'.split(
    ' ',
  ),
);

/** A word held by at least this share of the steps names none of them. */
const BROAD_SHARE = 0.5;

/** A question about several steps ("¿qué pasos hablan de…?", "¿en cuáles pasos…?", "which steps…?"). */
const ASKS_FOR_STEPS = /\b(que|cuales|en que|en cuales) pasos\b|\bwhich steps\b|\bwhat steps\b/;

/**
 * English when its function words outnumber Spanish ones; Spanish otherwise (the bot's first language).
 * One-letter words are left out of the English list: "i" is as likely mrkdwn (`_i_`) or a typo.
 */
function detectLanguage(text: string): Language {
  let en = 0;
  let es = 0;
  for (const word of words(text)) {
    if (ENGLISH.has(word)) en++;
    if (SPANISH.has(word)) es++;
  }
  return en > es ? 'en' : 'es';
}

export function createAnswerer(guides: Guide[]): Answerer {
  const guideById = new Map(guides.map((g) => [g.id, g]));
  const defaultGuide = guides.find((g) => g.isDefault) ?? guides[0];
  const index = new SearchIndex(guides.flatMap((g) => g.steps));

  const guideForYear = (year: string) => guideOfYear(guides, year);

  function preferredGuide(opts?: { guide?: string }): Guide | undefined {
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
   * Heuristics for questions about something else, when no step is named: the best step explains almost
   * nothing of the question; most of its topic words are unknown to the guide even after spelling
   * correction ("¿cuál es el mejor equipo de fútbol de México?": two of four); or the best step shares
   * a single word with it, and a word that many steps hold; or only spelling corrections link the step to a
   * question that also has words unknown to the guide ("vacaciones me tocan" → "toman").
   */
  function offTopic(analysis: AnalyzedQuery, best: Hit, language: Language): boolean {
    if (index.strength(analysis, best.match) < MIN_STRENGTH) return true;
    const { topicWords, unknownWords, explained, explainedAsWritten, rarestShare } = index.explains(
      analysis,
      best.step,
    );
    // Half counts as most for a Spanish question with two or more unknown words: the guide is written
    // in Spanish, so an unknown Spanish word is telling, while English reaches it only through aliases.
    const mostlyUnknown =
      unknownWords * 2 > topicWords ||
      (language === 'es' && unknownWords >= 2 && unknownWords * 2 >= topicWords);
    const restsOnCommonWord = topicWords >= 2 && explained === 1 && rarestShare >= COMMON_WORD_SHARE;
    // Only spelling guesses link the step to a question that also holds words foreign to the guide.
    const restsOnGuesses = unknownWords > 0 && explainedAsWritten === 0;
    return mostlyUnknown || restsOnCommonWord || restsOnGuesses;
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

  function answer(rawQuestion: string, opts?: { guide?: string }): Answer {
    const question = stripSlackMarkup(String(rawQuestion ?? '')).slice(0, MAX_QUESTION_CHARS);
    const language = detectLanguage(question);
    const base: Pick<Answer, 'alternatives' | 'confidence' | 'language'> = {
      alternatives: [],
      confidence: 0,
      language,
    };
    if (!/[\p{L}\p{N}]/u.test(question)) {
      return { ...base, intent: 'resumen', step: null, outcome: 'empty', text: emptyText(language) };
    }
    if (isSmallTalk(question)) {
      return { ...base, intent: 'resumen', step: null, outcome: 'empty', text: greetingText(language) };
    }

    const preferred = preferredGuide(opts);
    const reference = parseReference(question);
    const edition = reference.editionYear ? guideForYear(reference.editionYear) : undefined;
    const { analysis, hits } = rank(question, preferred, edition);
    const folded = fold(question);
    const intent = detectIntent(`${analysis.correctedText} ${folded}`);
    const others = (step: Step | null, list: Hit[]) => list.filter((h) => h.step !== step).slice(0, 3);

    // An explicit step number wins over any search result.
    if (reference.stepIds.length > 0) {
      for (const id of reference.stepIds) {
        const inGuide = (g: Guide | undefined) => g?.steps.find((s) => s.id === id);
        const step = edition
          ? inGuide(edition)
          : (inGuide(preferred) ?? guides.map(inGuide).find((s) => s !== undefined));
        if (step) {
          return {
            intent,
            step,
            alternatives: others(step, hits),
            confidence: 1,
            outcome: 'answered',
            language,
            text: stepAnswerText(step, intent, guideById.get(step.guide), language),
          };
        }
      }
      if (reference.namedAsStep || edition) {
        const id = reference.stepIds[0] ?? '';
        return {
          ...base,
          intent,
          step: null,
          alternatives: hits.slice(0, 3),
          outcome: 'no_match',
          text: missingStepText(id, edition?.title, language),
        };
      }
    }

    // Only "what kind of answer" words ("¿cuál es el plazo?", "who is involved?"): ask which step.
    const namesNothing = reference.stepIds.length === 0 && analysis.keys.size === 0;
    if (intent !== 'resumen' && namesNothing && analysis.unknown.length === 0) {
      return { ...base, intent, step: null, outcome: 'empty', text: whichStepText(intent, language) };
    }
    const [first, second] = hits;
    if (!first || first.score <= 0 || offTopic(analysis, first, language)) {
      const broad = tooBroad(question, analysis);
      const text = broad.length > 0 ? tooBroadText(broad, language) : noMatchText(question, language);
      return { ...base, intent, step: null, outcome: 'no_match', text };
    }
    const confidence = second ? (first.score - second.score) / first.score : 1;
    // "¿Qué pasos…?" / "which steps…?" asks for a list: offer the candidates even when one leads.
    const wantsList = second !== undefined && ASKS_FOR_STEPS.test(folded);
    if (confidence < MIN_CONFIDENCE || wantsList) {
      const choices = hits.slice(0, 3);
      return {
        ...base,
        intent,
        step: null,
        alternatives: choices,
        confidence,
        outcome: 'choose',
        text: chooseText(
          choices.map((c) => c.step),
          guideById,
          language,
        ),
      };
    }
    return {
      intent,
      step: first.step,
      alternatives: others(first.step, hits),
      confidence,
      outcome: 'answered',
      language,
      text: stepAnswerText(first.step, intent, guideById.get(first.step.guide), language),
    };
  }

  function search(query: string, limit = 10): Array<{ step: Step; score: number }> {
    const text = stripSlackMarkup(String(query ?? '')).slice(0, MAX_QUESTION_CHARS);
    const reference = parseReference(text);
    const edition = reference.editionYear ? guideForYear(reference.editionYear) : undefined;
    return rank(text, defaultGuide, edition, Math.max(0, limit)).hits;
  }

  return { answer, search };
}
