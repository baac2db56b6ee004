import type { KnownBlock } from '@slack/types';
import { type Guide, PHASES, SITE_URL, type Step, stepUrl } from '../content/model.ts';
import { escapeMrkdwn } from './escape.ts';
import { context, cut, divider, header, section } from './limits.ts';

/**
 * Budget per card, well under the 3000-character section limit: two editions side by side must stay
 * below the ~13k characters where Slack starts answering msg_blocks_too_long.
 */
const CARD_BUDGET = { list: 1500, summary: 700 } as const;

export const stepLink = (step: Step, label = 'Ver el paso completo'): string => `<${stepUrl(step)}|${label}>`;

export const bullets = (items: string[]): string => items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n');

/** "Paso 4.1 · Title" — the words used everywhere a step is named. */
export const stepName = (step: Step): string => `Paso ${step.id} · ${step.title}`;

/** The full card of one step; cut sections end with a link to the step on datos.gob.mx. */
export function stepCardBlocks(step: Step, guide?: Pick<Guide, 'title' | 'isDefault'>): KnownBlock[] {
  const more = ` ${stepLink(step)}`;
  const blocks: KnownBlock[] = [
    header(stepName(step)),
    context(
      `*Fase:* ${escapeMrkdwn(step.phase)}`,
      `*Edición:* ${escapeMrkdwn(guide?.title ?? step.guide)}${guide && !guide.isDefault ? ' (anterior)' : ''}`,
    ),
    section(`*Involucrados*\n${cut(bullets(step.involved), CARD_BUDGET.list, more)}`),
    section(`*Plazo*\n${escapeMrkdwn(step.deadline.text)}`),
  ];
  if (step.regulations.length > 0) {
    blocks.push(section(`*Normatividad*\n${cut(bullets(step.regulations), CARD_BUDGET.list, more)}`));
  }
  if (step.activities.length > 0) {
    const numbered = step.activities.map((a, i) => `${i + 1}. ${escapeMrkdwn(a)}`).join('\n');
    blocks.push(section(`*Actividades*\n${cut(numbered, CARD_BUDGET.list, more)}`));
  }
  if (step.summary.trim())
    blocks.push(section(cut(escapeMrkdwn(step.summary.trim()), CARD_BUDGET.summary, more)));
  const nav = [stepLink(step, 'Ver en datos.gob.mx')];
  if (step.prev) nav.push(neighbour('Anterior', step.prev));
  if (step.next) nav.push(neighbour('Siguiente', step.next));
  blocks.push(context(...nav));
  return blocks;
}

/** prev/next are step ids ("3.4") or site paths ("/guia/perfecciona/paso-3-4.html"). */
function neighbour(label: string, ref: string): string {
  if (/^\d+\.\d+$/.test(ref)) return `${label}: \`/guia ${ref}\``;
  if (ref.startsWith('/')) return `<${SITE_URL}${encodeURI(ref)}|${label}>`;
  return `${label}: ${escapeMrkdwn(ref)}`;
}

/** Several editions of the same step id, the default edition first, separated by dividers. */
export function stepCardsBlocks(
  steps: Array<{ step: Step; guide?: Pick<Guide, 'title' | 'isDefault'> }>,
): KnownBlock[] {
  return steps.flatMap(({ step, guide }, i) => [
    ...(i > 0 ? [divider()] : []),
    ...stepCardBlocks(step, guide),
  ]);
}

/** A sentence ending: no second period after text that already has one ("de manera continua."). */
const sentence = (text: string): string => `${text.trim().replace(/[.。]+$/, '')}.`;

export const stepCardText = (step: Step): string =>
  `${stepName(step)} — Plazo: ${sentence(step.deadline.text)} Involucrados: ${sentence(step.involved.join(', '))}`;

/** Steps of a guide grouped by phase, in the guide's phase order. */
export function stepsByPhase(steps: Step[]): Array<{ phase: Step['phase']; steps: Step[] }> {
  return PHASES.map((phase) => ({ phase, steps: steps.filter((s) => s.phase === phase) })).filter(
    (g) => g.steps.length > 0,
  );
}
