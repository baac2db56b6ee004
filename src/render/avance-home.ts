import type { KnownBlock } from '@slack/types';
import type { Guide } from '../content/model.ts';
import type { Tracker } from '../progress/model.ts';
import { type ProgressSummary, progressBar, type StepLine } from '../progress/summary.ts';
import { buttonValue, dateText, statusText } from './avance.ts';
import { escapeMrkdwn } from './escape.ts';
import { ACTIONS, COMMANDS } from './ids.ts';
import { context, cut, header, section } from './limits.ts';

export interface OwnedLine {
  tracker: Tracker;
  guideId: string;
  line: StepLine;
}

export interface HomeTracker {
  tracker: Tracker;
  guide: Guide;
  summary: ProgressSummary;
}

/** Keeps the Home tab well inside its 100 blocks, next to the guide overview. */
const MAX_OWNED = 15;
const MAX_TRACKERS = 20;

const channel = (id: string): string => `<#${id.replace(/[^A-Z0-9]/gi, '')}>`;

export function homeProgressBlocks(owned: OwnedLine[], trackers: HomeTracker[]): KnownBlock[] {
  const blocks: KnownBlock[] = [header('Tus pasos asignados')];
  if (owned.length === 0) {
    blocks.push(
      context(`No tienes pasos abiertos. Se asignan con \`${COMMANDS.avance} asignar 1.2 @persona\`.`),
    );
  }
  for (const { tracker, guideId, line } of owned.slice(0, MAX_OWNED)) {
    const value = (action: string) => ({
      type: 'button' as const,
      action_id: action,
      text: { type: 'plain_text' as const, text: action === ACTIONS.avanceStart ? 'Iniciar' : 'Completar' },
      value: buttonValue({ t: tracker.id, g: guideId, s: line.step.id }),
    });
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          `*Paso ${line.step.id}* · ${escapeMrkdwn(cut(line.step.title, 120))} · ${channel(tracker.channelId)}\n` +
          `${statusText(line.state)} · ${dateText(line)}`,
      },
    });
    const buttons = [
      ...(line.state.status === 'pendiente' || line.state.status === 'bloqueado'
        ? [value(ACTIONS.avanceStart)]
        : []),
      { ...value(ACTIONS.avanceComplete), style: 'primary' as const },
    ];
    blocks.push({ type: 'actions', elements: buttons });
  }
  if (owned.length > MAX_OWNED) blocks.push(context(`… y ${owned.length - MAX_OWNED} más.`));
  if (trackers.length > 0) {
    const lines = trackers
      .slice(0, MAX_TRACKERS)
      .map(
        ({ tracker, guide, summary }) =>
          `${channel(tracker.channelId)} \`${progressBar(summary.completed, summary.total)}\` ` +
          `${summary.percent} % · ${summary.completed} de ${summary.total} pasos · ${escapeMrkdwn(guide.title)}` +
          (summary.overdue.length > 0 ? ` · ${summary.overdue.length} vencidos` : ''),
      );
    blocks.push(header('Avance por canal'), section(lines.join('\n')));
  }
  return blocks;
}
