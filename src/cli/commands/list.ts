import { describeDeadline } from '../../content/deadline.ts';
import { allSteps, guidesDefaultFirst } from '../../content/guides.ts';
import { type Guide, PHASES } from '../../content/model.ts';
import { parseCliArgs, writeJson } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, guideCommandOptions, loadGuidesFor } from '../content-option.ts';

const USAGE = `Uso: guia list [--guide ID] [--content DIR] [--json]
Lista los pasos de cada guía por fase, con sus plazos.
  --guide ID      solo esa guía, p. ej. guia-2017
${CONTENT_USAGE}
  --json          imprime un arreglo JSON con todos los pasos`;

/** Pure: the steps of each guide, grouped by phase, with a short reading of each deadline. */
function formatList(guides: readonly Guide[]): string {
  const lines: string[] = [];
  for (const guide of guidesDefaultFirst(guides)) {
    lines.push(`${guide.title} (${guide.id})${guide.isDefault ? ' · predeterminada' : ''}`);
    for (const phase of PHASES) {
      const steps = guide.steps.filter((step) => step.phase === phase);
      if (steps.length === 0) continue;
      lines.push(`  ${phase}`);
      for (const step of steps) {
        lines.push(`    ${step.id.padEnd(5)} ${step.title}`);
        lines.push(`          Plazo: ${describeDeadline(step.deadline)}`);
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

const command: CliCommand = {
  description: 'lista los pasos por fase con sus plazos',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: guideCommandOptions,
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const guides = loadGuidesFor(values, io)?.selected;
    if (!guides) return 1;
    if (values.json) writeJson(io, allSteps(guides));
    else io.stdout.write(formatList(guides));
    return 0;
  },
};

export default command;
