import type { Button, KnownBlock } from '@slack/types';
import type { Step } from '../content/model.ts';
import { formatDateEs } from '../progress/calendar.ts';
import type { Status } from '../progress/model.ts';
import type { ReminderKind } from '../progress/reminders.ts';
import { buttonValue } from './avance.ts';
import { escapeMrkdwn } from './escape.ts';
import { ACTIONS, COMMANDS } from './ids.ts';
import { context, cut, section } from './limits.ts';

const channel = (id: string): string => `<#${id.replace(/[^A-Z0-9]/gi, '')}>`;

const WHEN: Record<ReminderKind, (date: string, lead: number, onTheDay: boolean) => string> = {
  antes: (date, lead) => `vence en ${lead} ${lead === 1 ? 'día hábil' : 'días hábiles'}, el ${date}`,
  hoy: (date, _lead, onTheDay) =>
    onTheDay ? `vence hoy, ${date}` : `vence el ${date}, día inhábil: hoy es el último día hábil`,
  vencido: (date) => `venció el ${date}`,
};

/**
 * The DM to a step's owner: the step, its due date, the channel, and what to do from here. Buttons say
 * what they do («Marcar como iniciado» only while the step is not started).
 */
export function reminderBlocks(r: {
  trackerId: number;
  guideId: string;
  step: Step;
  status: Status;
  kind: ReminderKind;
  dueDate: string;
  /** The day it is sent. */
  day: string;
  leadDays: number;
  channelId: string;
}): { text: string; blocks: KnownBlock[] } {
  const when = WHEN[r.kind](formatDateEs(r.dueDate), r.leadDays, r.day === r.dueDate);
  const icon = r.kind === 'vencido' ? '⚠️' : '⏰';
  const title = `*Paso ${r.step.id}* · ${escapeMrkdwn(cut(r.step.title, 150))}`;
  const value = buttonValue({ t: r.trackerId, g: r.guideId, s: r.step.id });
  const button = (action_id: string, text: string, style?: 'primary'): Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text, emoji: true },
    value,
    ...(style ? { style } : {}),
  });
  const buttons: Button[] = [];
  if (r.status === 'pendiente' || r.status === 'bloqueado') {
    buttons.push(button(ACTIONS.avanceStart, 'Marcar como iniciado'));
  }
  buttons.push(button(ACTIONS.avanceComplete, 'Completar', 'primary'));
  buttons.push(button(ACTIONS.avanceMuteReminders, 'No recordarme este paso'));
  const text = `${icon} El paso ${r.step.id} ${when} (en ${channel(r.channelId)}). Eres responsable.`;
  return {
    text,
    blocks: [
      section(
        `${icon} ${title}\n${when.charAt(0).toUpperCase()}${when.slice(1)} · en ${channel(r.channelId)} · eres responsable.`,
      ),
      { type: 'actions', elements: buttons },
      context(
        `\`${COMMANDS.avance} ${r.step.id}\` en el canal para ver la ficha · ` +
          `\`${COMMANDS.avance} recordatorios off\` apaga los recordatorios del canal`,
      ),
    ],
  };
}
