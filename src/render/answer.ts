import type { KnownBlock } from '@slack/types';
import { type Step, stepUrl } from '../content/model.ts';
import { escapeMrkdwn } from './escape.ts';
import { context, cut, LIMITS, section } from './limits.ts';

/** The parts of an answer the renderer needs (structurally the answerer's `Answer`). */
export interface AnswerView {
  text: string;
  outcome: 'answered' | 'choose' | 'no_match' | 'empty';
  step: Step | null;
  alternatives: Array<{ step: Step; score: number }>;
}

/**
 * Slack broadcast pings (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`) must never leave the bot,
 * even if some answer text echoed one: they become inert text.
 */
export const defuseBroadcasts = (mrkdwn: string): string =>
  mrkdwn.replace(/<!(channel|here|everyone|subteam\^[A-Z0-9]+)(\|[^>]*)?>/gi, (_m, name: string) =>
    escapeMrkdwn(`@${name.split('^')[0]}`),
  );

export function answerBlocks(answer: AnswerView): KnownBlock[] {
  const link = answer.step ? ` <${stepUrl(answer.step)}|Ver el paso completo>` : '';
  const blocks: KnownBlock[] = [section(cut(defuseBroadcasts(answer.text), LIMITS.sectionText, link))];
  if (answer.outcome === 'answered' && answer.step) {
    blocks.push(context(`Ficha completa del paso ${answer.step.id}: \`/guia ${answer.step.id}\``));
  } else if (answer.outcome === 'choose' && answer.alternatives.length > 0) {
    const options = answer.alternatives
      .slice(0, 5)
      .map((a) => `\`/guia ${a.step.id}\` ${escapeMrkdwn(a.step.title)}`)
      .join(' · ');
    blocks.push(context(`Para ver un paso completo: ${options}`));
  } else if (
    (answer.outcome === 'no_match' || answer.outcome === 'empty') &&
    !answer.text.includes('/guia lista')
  ) {
    blocks.push(context('Prueba `/guia lista` para ver todos los pasos o `/guia buscar <palabras>`.'));
  }
  return blocks;
}

/** Notification / fallback text: the answer without markup noise, short. */
export const answerText = (answer: AnswerView): string =>
  cut(defuseBroadcasts(answer.text), LIMITS.fallbackText);
