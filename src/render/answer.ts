import type { KnownBlock } from '@slack/types';
import { type Guide, type Step, stepUrl } from '../content/model.ts';
import type { Answer } from '../search/answerer.ts';
import { answerMrkdwn } from './answer-text.ts';
import { escapeMrkdwn } from './escape.ts';
import { context, cut, LIMITS, section } from './limits.ts';

/** What the blocks need: the answer's data and its (possibly decorated) mrkdwn text. */
export interface AnswerView {
  text: string;
  outcome: Answer['outcome'];
  step: Step | null;
  steps?: Step[];
  alternatives: Array<{ step: Step; score: number }>;
  language?: Answer['language'];
}

/**
 * Slack broadcast pings (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`) must never leave the bot,
 * even if some answer text echoed one: they become inert text.
 */
export const defuseBroadcasts = (mrkdwn: string): string =>
  mrkdwn.replace(/<!(channel|here|everyone|subteam\^[A-Z0-9]+)(\|[^>]*)?>/gi, (_m, name: string) =>
    escapeMrkdwn(`@${name.split('^')[0]}`),
  );

const FRAME = {
  es: {
    open: 'Ver el paso completo',
    card: (id: string) => `Ficha completa del paso ${id}: \`/guia ${id}\``,
    cards: 'Fichas completas',
    pick: 'Para ver un paso completo',
    tryList: 'Prueba `/guia lista` para ver todos los pasos o `/guia buscar <palabras>`.',
  },
  en: {
    open: 'Open the full step',
    card: (id: string) => `Full card of step ${id}: \`/guia ${id}\``,
    cards: 'Full cards',
    pick: 'To open a step',
    tryList: 'Try `/guia lista` to see every step, or `/guia buscar <words>`.',
  },
} as const;

/** The mrkdwn of an answer (data) as the bot says it. */
export function answerText(answer: Answer, guides: readonly Guide[]): string {
  return answerMrkdwn(answer, new Map(guides.map((g) => [g.id, g])));
}

export function answerBlocks(answer: AnswerView): KnownBlock[] {
  const f = FRAME[answer.language ?? 'es'];
  const link = answer.step ? ` <${stepUrl(answer.step)}|${f.open}>` : '';
  const blocks: KnownBlock[] = [section(cut(defuseBroadcasts(answer.text), LIMITS.sectionText, link))];
  const several = answer.steps ?? [];
  if (answer.outcome === 'answered' && answer.step) {
    blocks.push(context(f.card(answer.step.id)));
  } else if ((answer.outcome === 'answered' || answer.outcome === 'list') && several.length > 0) {
    const ids = [...new Set(several.map((s) => s.id))].slice(0, 8);
    blocks.push(context(`${f.cards}: ${ids.map((id) => `\`/guia ${id}\``).join(' · ')}`));
  } else if (answer.outcome === 'choose' && answer.alternatives.length > 0) {
    const options = answer.alternatives
      .slice(0, 5)
      .map((a) => `\`/guia ${a.step.id}\` ${escapeMrkdwn(a.step.title)}`)
      .join(' · ');
    blocks.push(context(`${f.pick}: ${options}`));
  } else if (
    (answer.outcome === 'no_match' || answer.outcome === 'empty') &&
    !answer.text.includes('/guia lista')
  ) {
    blocks.push(context(f.tryList));
  }
  return blocks;
}

/** Notification / fallback text: the answer without markup noise, short. */
export const fallbackText = (answer: Pick<AnswerView, 'text'>): string =>
  cut(defuseBroadcasts(answer.text), LIMITS.fallbackText);
