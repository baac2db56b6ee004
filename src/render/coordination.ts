import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { type Light, type Overview, type OverviewRow, pageOf } from '../coordination/overview.ts';
import { progressBar, SOON_DAYS } from '../progress/summary.ts';
import { escapeMrkdwn } from './escape.ts';
import { ACTIONS, COMMANDS } from './ids.ts';
import { context, cut, header, LIMITS, section } from './limits.ts';

export const LIGHT_EMOJI: Record<Light, string> = { red: '🔴', yellow: '🟡', green: '🟢' };

/** Rows per message: one section each, plus header, totals, page note and the button (≤ 50 blocks). */
export const OVERVIEW_PAGE_SIZE = 20;
/** The Home tab shares its 100 blocks with the other sections: the riskiest few, then a pointer. */
export const HOME_ROWS = 10;

export const channelRef = (id: string): string => `<#${id.replace(/[^A-Z0-9]/gi, '')}>`;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "28 nov 2026" in the team's zone, or "sin actividad". */
export function activityText(iso: string | undefined, tz: string): string {
  if (!iso) return 'sin actividad';
  const d = DateTime.fromISO(iso, { zone: tz }).setLocale('es');
  return d.isValid ? d.toFormat('d LLL yyyy') : 'sin actividad';
}

export const institutionName = (row: Pick<OverviewRow, 'institution'>): string =>
  row.institution ? escapeMrkdwn(cut(row.institution, 80)) : '_sin institución_';

/** One tracker in two or three lines: who, how far, what is late or coming, last activity. */
export function overviewRowText(row: OverviewRow, tz: string): string {
  const phases = row.phases.map((p) => `${p.phase} ${p.completed}/${p.total}`).join(' · ');
  const risks: string[] = [];
  if (row.overdue > 0) {
    risks.push(
      `*${plural(row.overdue, 'vencido', 'vencidos')}* (el más atrasado: ${plural(row.maxDaysLate, 'día', 'días')})`,
    );
  }
  if (row.dueSoon > 0) risks.push(`${row.dueSoon} en ${SOON_DAYS} días`);
  if (row.blocked > 0) risks.push(plural(row.blocked, 'bloqueado', 'bloqueados'));
  if (risks.length === 0) risks.push('al día');
  return (
    `${LIGHT_EMOJI[row.light]} *${institutionName(row)}* · ${channelRef(row.channelId)} · ${escapeMrkdwn(cut(row.guideTitle, 60))}\n` +
    `\`${progressBar(row.completed, row.total)}\` *${row.percent} %* (${row.completed}/${row.total}) · ${phases}\n` +
    `${risks.join(' · ')} · última actividad: ${activityText(row.lastActivityAt, tz)}`
  );
}

export const lightsText = (o: Overview): string =>
  `${LIGHT_EMOJI.red} ${o.lights.red} con vencidos · ${LIGHT_EMOJI.yellow} ${o.lights.yellow} con pendientes ` +
  `próximos o bloqueos · ${LIGHT_EMOJI.green} ${o.lights.green} al día`;

/**
 * `/avance coordinacion`: every tracker of the workspace, riskiest first, `OVERVIEW_PAGE_SIZE` per message.
 * A page that is not the last ends with «Ver más» carrying the next page number, and always says which rows
 * it shows out of how many: nothing is cut without saying so.
 */
export function coordinationBlocks(
  overview: Overview,
  page: number,
  tz: string,
): { text: string; blocks: KnownBlock[] } {
  const total = overview.rows.length;
  const text =
    `Coordinación: ${plural(total, 'canal', 'canales')} · ${overview.lights.red} con vencidos, ` +
    `${overview.lights.yellow} con pendientes próximos o bloqueos, ${overview.lights.green} al día`;
  const blocks: KnownBlock[] = [header('Coordinación · avance de todas las instituciones')];
  if (total === 0) {
    blocks.push(
      section(
        `Todavía ningún canal de este espacio lleva el avance. Cada equipo lo empieza con \`${COMMANDS.avance}\` ` +
          `en su canal y nombra su institución con \`${COMMANDS.avance} institucion Nombre\`.`,
      ),
    );
    return { text, blocks };
  }
  const p = pageOf(overview.rows, page, OVERVIEW_PAGE_SIZE);
  blocks.push(
    section(
      `*${plural(total, 'canal', 'canales')}* de ${plural(overview.institutions, 'institución', 'instituciones')}\n${lightsText(overview)}`,
    ),
  );
  for (const row of p.items) blocks.push(section(overviewRowText(row, tz)));
  const shown = `Canales ${p.first + 1}–${p.first + p.items.length} de ${total}, los de más riesgo primero`;
  blocks.push(
    context(
      p.pages > 1 ? `${shown} · página ${p.page} de ${p.pages}` : shown,
      `\`${COMMANDS.avance} coordinacion exportar\` descarga el CSV de todos los pasos`,
    ),
  );
  if (p.page < p.pages) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.coordinationMore,
          text: { type: 'plain_text', text: `Ver más (${p.page + 1} de ${p.pages})`, emoji: true },
          value: JSON.stringify({ p: p.page + 1 }),
        },
      ],
    });
  }
  return { text: cut(text, LIMITS.fallbackText), blocks };
}

/** The page a «Ver más» button asks for; 1 for anything unreadable. */
export function pageFromButton(value: string | undefined): number {
  try {
    const v = JSON.parse(value ?? '') as { p?: unknown };
    if (typeof v.p === 'number' && Number.isInteger(v.p) && v.p >= 1) return v.p;
  } catch {
    // an old or forged button: first page
  }
  return 1;
}

/** Home tab section for the people who set the coordination channel: the riskiest rows and a pointer. */
export function homeCoordinationBlocks(
  overview: Overview,
  coordinationChannelId: string,
  tz: string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header('Coordinación'),
    section(
      `*${plural(overview.rows.length, 'canal', 'canales')}* de ${plural(overview.institutions, 'institución', 'instituciones')} · ${lightsText(overview)}`,
    ),
  ];
  for (const row of overview.rows.slice(0, HOME_ROWS)) blocks.push(section(overviewRowText(row, tz)));
  const rest = overview.rows.length - HOME_ROWS;
  blocks.push(
    context(
      rest > 0
        ? `Los ${HOME_ROWS} de más riesgo; ${plural(rest, 'canal más', 'canales más')} con \`${COMMANDS.avance} coordinacion\` en ${channelRef(coordinationChannelId)}`
        : `\`${COMMANDS.avance} coordinacion\` en ${channelRef(coordinationChannelId)} para el detalle y el CSV`,
    ),
  );
  return blocks;
}
