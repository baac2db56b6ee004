import type { KnownBlock } from '@slack/types';
import type { Guide } from '../content/model.ts';
import { COMMANDS } from './ids.ts';
import { capBlocks, divider, header, LIMITS, section } from './limits.ts';
import { phaseSections } from './lists.ts';

/**
 * The App Home tab: how to use the bot, then the guide by phase with each step's deadline, then any extra
 * sections (e.g. the team's progress), capped at the 100 blocks Slack allows in a view.
 */
export function homeBlocks(guide: Guide | undefined, extra: KnownBlock[] = []): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header('Guía de Datos Abiertos'),
    section(
      'Pregúntame sobre la *Guía de Implementación de la Política de Datos Abiertos*: mencióname en un ' +
        `canal, escríbeme por mensaje directo o usa \`${COMMANDS.guia}\` (\`${COMMANDS.guia} ayuda\`).\n` +
        `Ejemplos: \`${COMMANDS.guia} 2.1\` · \`${COMMANDS.guia} ¿cuál es el plazo del paso 1.2?\` · ` +
        `\`${COMMANDS.guia} lista\``,
    ),
  ];
  if (extra.length > 0) blocks.push(divider(), ...extra);
  blocks.push(divider());
  if (guide) {
    blocks.push(header(`Pasos y plazos · ${guide.title}`), ...phaseSections(guide, true));
  } else {
    blocks.push(section('La guía todavía no está cargada.'));
  }
  return capBlocks(blocks, LIMITS.homeBlocks, 'Hay más contenido en `/guia lista`.');
}

export const homeView = (blocks: KnownBlock[]) => ({ type: 'home' as const, blocks });
