import type { KnownBlock } from '@slack/types';
import type { Guide, Step } from '../content/model.ts';
import { escapeMrkdwn } from './escape.ts';
import { capBlocks, context, cut, header, LIMITS, section } from './limits.ts';
import { stepLink, stepsByPhase } from './step-card.ts';

const stepLine = (step: Step, withDeadline: boolean): string =>
  `• \`${step.id}\` ${escapeMrkdwn(step.title)}${withDeadline ? ` — _${escapeMrkdwn(step.deadline.text)}_` : ''}`;

/** One section per phase listing its steps (with their deadlines when asked). */
export function phaseSections(guide: Guide, withDeadline: boolean): KnownBlock[] {
  return stepsByPhase(guide.steps).map(({ phase, steps }) =>
    section(
      cut(
        `*${escapeMrkdwn(phase)}*\n${steps.map((s) => stepLine(s, withDeadline)).join('\n')}`,
        LIMITS.sectionText,
      ),
    ),
  );
}

/** `/guia lista`: every step of the guide by phase. */
export function guideListBlocks(guide: Guide, otherEditions: Guide[] = []): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Pasos de la guía · ${guide.title}`), ...phaseSections(guide, true)];
  const hint = ['Escribe `/guia 2.1` para ver la ficha de un paso.'];
  if (otherEditions.length > 0) {
    const others = otherEditions.map((g) => `${escapeMrkdwn(g.title)}: \`/guia lista ${g.id}\``);
    hint.push(`También hay: ${others.join(' · ')}.`);
  }
  blocks.push(context(...hint));
  return capBlocks(blocks, LIMITS.messageBlocks, 'La lista sigue en datos.gob.mx.');
}

export const guideListText = (guide: Guide): string =>
  `Pasos de la guía (${guide.title}): ${guide.steps.map((s) => s.id).join(', ')}`;

/** `/guia buscar …`: the best matches, best first. */
export function searchResultsBlocks(
  query: string,
  results: Array<{ step: Step; score: number }>,
  /** The edition's name for steps outside the default guide; undefined for the default one (not repeated). */
  otherEdition: (guideId: string) => string | undefined,
): KnownBlock[] {
  const q = escapeMrkdwn(cut(query, 200));
  if (results.length === 0) {
    return [
      section(`No encontré pasos para «${q}».`),
      context('Prueba con otras palabras, o `/guia lista` para ver todos los pasos.'),
    ];
  }
  const lines = results.map(({ step }) => {
    const edition = otherEdition(step.guide);
    const where = edition ? `${step.phase}, ${edition}` : step.phase;
    return `• \`${step.id}\` *${escapeMrkdwn(step.title)}* — ${escapeMrkdwn(where)} ${stepLink(step, 'ver')}`;
  });
  return [
    section(cut(`*Resultados para «${q}»*\n${lines.join('\n')}`, LIMITS.sectionText)),
    context('Escribe `/guia <número de paso>` para ver la ficha completa.'),
  ];
}
