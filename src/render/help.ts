import type { KnownBlock } from '@slack/types';
import { COMMANDS } from './ids.ts';
import { context, header, section } from './limits.ts';

/** `/guia ayuda`. `commands` are the registered slash commands, so help never mentions a missing one. */
export function helpBlocks(commands: readonly string[]): KnownBlock[] {
  const g = COMMANDS.guia;
  const lines = [
    `\`${g} <pregunta>\` responde sobre la guía, p. ej. \`${g} ¿quién participa en el paso 2.1?\``,
    `\`${g} 4.1\` muestra la ficha de un paso (todas las ediciones que lo tengan)`,
    `\`${g} lista\` muestra todos los pasos por fase, con sus plazos`,
    `\`${g} buscar <palabras>\` busca pasos, p. ej. \`${g} buscar inventario de datos\``,
    `\`${g} ayuda\` muestra este mensaje`,
  ];
  if (commands.includes(COMMANDS.avance)) {
    lines.push(
      `\`${COMMANDS.avance}\` muestra y registra el avance de tu equipo (\`${COMMANDS.avance} ayuda\`)`,
    );
  }
  return [
    header('Guía de Implementación de la Política de Datos Abiertos'),
    section(lines.map((l) => `• ${l}`).join('\n')),
    context('También puedes mencionarme en un canal o escribirme por mensaje directo, en español o inglés.'),
  ];
}

export const helpText = 'Ayuda de /guia: /guia <pregunta>, /guia 4.1, /guia lista, /guia buscar <palabras>.';
