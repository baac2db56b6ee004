/**
 * For the guide's editors: questions the bot could not answer (and answers voted 👎) grouped by the words
 * they share, most frequent first, so an editor sees what to add (a vocabulary phrase, a glossary term, a
 * step text). Pure.
 */
import { INTENT_WORDS } from './intents.ts';
import { readQuestion } from './read.ts';
import { fold, isStopWord, wordKey, words } from './text.ts';

export interface GroupInput {
  question: string;
  /** 'no_match', 'choose' or 'down' (a 👎 vote). */
  kind: string;
  /** For a 👎: the step that was answered. */
  stepId?: string | undefined;
}

export interface QuestionGroup {
  /** The words the group's questions share (as the first of them wrote them). */
  words: string[];
  count: number;
  kinds: Record<string, number>;
  /** Steps the bot answered with (👎 votes). */
  steps: string[];
  /** Up to 5 of its questions. */
  examples: string[];
}

const INTENT = new Set(INTENT_WORDS.map(fold));

/** The topic words of a question: read as the bot reads it, stop words and intent words out. */
function topic(question: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of words(readQuestion(question).text)) {
    const folded = fold(word);
    if (folded.length < 3 || isStopWord(folded) || INTENT.has(folded) || /^\d+$/.test(folded)) continue;
    const key = wordKey(word);
    if (!out.has(key)) out.set(key, folded);
  }
  return out;
}

/** Questions sharing at least half of their topic words (Jaccard ≥ 0.5) go together. */
export function groupQuestions(inputs: readonly GroupInput[]): QuestionGroup[] {
  const groups: Array<QuestionGroup & { keys: Set<string> }> = [];
  for (const input of inputs) {
    const t = topic(input.question);
    const keys = new Set(t.keys());
    let group = groups.find((g) => {
      if (keys.size === 0 && g.keys.size === 0) return true;
      const shared = [...keys].filter((k) => g.keys.has(k)).length;
      return shared > 0 && shared / new Set([...keys, ...g.keys]).size >= 0.5;
    });
    if (!group) {
      group = { keys, words: [...t.values()], count: 0, kinds: {}, steps: [], examples: [] };
      groups.push(group);
    }
    group.count++;
    group.kinds[input.kind] = (group.kinds[input.kind] ?? 0) + 1;
    if (input.stepId && !group.steps.includes(input.stepId)) group.steps.push(input.stepId);
    if (group.examples.length < 5 && !group.examples.includes(input.question))
      group.examples.push(input.question);
  }
  return groups.sort((a, b) => b.count - a.count).map(({ keys: _keys, ...g }) => g);
}
