import type { KnownBlock } from '@slack/types';
import type { Guide } from '../content/model.ts';
import type { ProgressEvent } from '../ports/steps.ts';
import { formatDateEs, type IsoDate } from '../progress/calendar.ts';
import { type ProgressSummary, SOON_DAYS } from '../progress/summary.ts';
import { eventText, progressHeadline, summaryBlocks } from './avance.ts';
import { escapeMrkdwn } from './escape.ts';
import { COMMANDS } from './ids.ts';
import { context, cut, section } from './limits.ts';

const MAX_CHANGES = 15;

/**
 * The daily channel post: what changed since the last one, late and upcoming steps, progress. It mentions
 * only the owners of late steps; changes are told without their authors (see eventText).
 */
export function dailyPostBlocks(
  guide: Guide,
  today: IsoDate,
  changes: ProgressEvent[],
  summary: ProgressSummary,
  /** `/avance institucion …`, when the team named it. */
  institution?: string,
): { text: string; blocks: KnownBlock[] } {
  const who = institution ? ` · ${escapeMrkdwn(cut(institution, 120))}` : '';
  const blocks: KnownBlock[] = [section(`*Avance diario · ${formatDateEs(today)}*${who} · ${guide.title}`)];
  if (changes.length > 0) {
    const shown = changes.slice(0, MAX_CHANGES).map((e) => `• ${eventText(e, { actor: false })}`);
    if (changes.length > MAX_CHANGES) shown.push(`• … y ${changes.length - MAX_CHANGES} cambios más`);
    blocks.push(section(`*Desde el último resumen*\n${shown.join('\n')}`));
  }
  blocks.push(...summaryBlocks(summary, { owners: false }));
  blocks.push(
    context(
      `\`${COMMANDS.avance}\` para el detalle · \`${COMMANDS.avance} historial\` dice quién hizo cada cambio · ` +
        `\`${COMMANDS.avance} diario off\` para apagarlo`,
    ),
  );
  const parts = [progressHeadline(summary)];
  if (summary.overdue.length > 0) parts.push(`${summary.overdue.length} vencidos`);
  if (summary.dueSoon.length > 0) parts.push(`${summary.dueSoon.length} en los próximos ${SOON_DAYS} días`);
  return { text: `Avance diario: ${parts.join('; ')}`, blocks };
}

/** A day with no change and nothing due. */
export function quietLine(summary: ProgressSummary): { text: string; blocks: KnownBlock[] } {
  const text = `Sin novedades hoy · ${progressHeadline(summary)}`;
  return { text, blocks: [context(text)] };
}
