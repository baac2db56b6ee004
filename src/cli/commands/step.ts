import { findGuide, findStep, stepIds } from '../../content/guides.ts';
import { type Guide, type Step, stepUrl } from '../../content/model.ts';
import { parseCliArgs, usageError, writeJson } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, guideCommandOptions, loadGuidesFor } from '../content-option.ts';

const USAGE = `Uso: guia step <N.N> [--guide ID] [--content DIR] [--json]
Muestra los datos de un paso (por omisión, de la guía predeterminada).
  --guide ID      la guía a consultar, p. ej. guia-2015
${CONTENT_USAGE}
  --json          imprime el paso como objeto JSON`;

/** "4.1", "4,1", "4-1" and "paso 4.1" all mean step 4.1. */
function normalizeStepId(text: string): string {
  return text
    .trim()
    .replace(/^paso\s*/i, '')
    .replace(/[,-]/, '.');
}

const bullets = (items: string[], none: string) =>
  items.length > 0 ? items.map((item) => `  • ${item}`) : [`  (${none})`];

/** Pure: a step's facts in readable Spanish. */
function formatStep(step: Step, guide: Pick<Guide, 'id' | 'title'>): string {
  const lines = [
    `Paso ${step.id} · ${step.phase}: ${step.title}`,
    `Guía: ${guide.title} — ${guide.id}`,
    '',
    // The guide's own words only: a summary in parentheses would say the same thing twice.
    `Plazo: ${step.deadline.text}`,
    '',
    'Involucrados:',
    ...bullets(step.involved, 'ninguno'),
    '',
    'Normatividad:',
    ...bullets(step.regulations, 'el paso no nombra ninguna'),
    '',
    'Actividades:',
    ...(step.activities.length > 0
      ? step.activities.map((activity, i) => `  ${i + 1}. ${activity}`)
      : ['  (el paso no lista actividades)']),
    '',
    `Más información: ${stepUrl(step)}`,
  ];
  return `${lines.join('\n')}\n`;
}

const command: CliCommand = {
  description: 'muestra los datos de un paso, p. ej. guia step 4.1',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      allowPositionals: true,
      options: guideCommandOptions,
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      return usageError(
        io,
        USAGE,
        positionals.length === 0 ? 'falta el número de paso' : 'indica un solo paso',
      );
    }
    const id = normalizeStepId(positionals[0] ?? '');

    const guides = loadGuidesFor(values, io)?.selected;
    if (!guides) return 1;

    const [step, ...others] = findStep(guides, id);
    if (!step) {
      const where = values.guide ? ` en la guía ${values.guide}` : '';
      io.stderr.write(`No existe el paso «${id}»${where}. Pasos válidos: ${stepIds(guides).join(', ')}\n`);
      return 1;
    }
    if (values.json) {
      writeJson(io, step);
      return 0;
    }
    const guide = findGuide(guides, step.guide) ?? { id: step.guide, title: step.guide };
    io.stdout.write(formatStep(step, guide));
    for (const other of others) {
      io.stdout.write(`También en ${other.guide}: guia step ${id} --guide ${other.guide}\n`);
    }
    return 0;
  },
};

export default command;
