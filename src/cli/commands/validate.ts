import { deadlineWarning } from '../../content/deadline.ts';
import { loadAnswerContent } from '../../content/glossary.ts';
import type { ContentLoad } from '../../content/model.ts';
import { parseCliArgs, writeJson } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, commonOptions, jsonOption, loadContentFor } from '../content-option.ts';

const USAGE = `Uso: guia validate [--content DIR] [--json]
Revisa todas las guías y dice cada problema del contenido; termina con código 1 si hay alguno.
${CONTENT_USAGE}
  --json          imprime {"guides":[{"id","title","steps"}],"problems":[{"file","field","message"}]}`;

/**
 * Steps that load but whose deadline the bot cannot turn into a date: no due date, no reminders. Warnings,
 * not problems (the step is still answered), so they do not change the exit code.
 */
function deadlineWarnings(load: ContentLoad): Array<{ file: string; field: string; message: string }> {
  return load.guides.flatMap((guide) =>
    guide.steps.flatMap((step) => {
      const message = deadlineWarning(step.deadline);
      return message ? [{ file: step.sourcePath, field: 'Tiempo máximo', message }] : [];
    }),
  );
}

/** The `--json` shape, fixed by the issue: guides with step counts and every problem (and warnings, if any). */
function validationReport(load: ContentLoad) {
  const warnings = deadlineWarnings(load);
  return {
    guides: load.guides.map((guide) => ({ id: guide.id, title: guide.title, steps: guide.steps.length })),
    problems: load.problems.map(({ file, field, message }) => ({ file, field, message })),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Pure: the human report, a table of guides, the skipped files and every problem. */
function formatValidation(load: ContentLoad & { dir: string; glossaryTerms?: number }): string {
  const lines = [`Contenido: ${load.dir}`, ''];
  if (load.guides.length > 0) {
    const idWidth = Math.max(4, ...load.guides.map((g) => g.id.length + 2));
    lines.push(`${'Guía'.padEnd(idWidth)}  Pasos  Título`);
    for (const guide of load.guides) {
      const id = `${guide.id}${guide.isDefault ? ' *' : ''}`;
      lines.push(`${id.padEnd(idWidth)}  ${String(guide.steps.length).padStart(5)}  ${guide.title}`);
    }
    lines.push('(* guía predeterminada)', '');
  }
  if (load.skipped.length > 0) {
    lines.push(`Archivos omitidos, no son pasos (sin step_order): ${load.skipped.length}`);
    for (const file of load.skipped) lines.push(`  ${file}`);
    lines.push('');
  }
  if (load.glossaryTerms !== undefined) lines.push(`Glosario: ${load.glossaryTerms} términos`, '');
  const warnings = deadlineWarnings(load);
  if (warnings.length > 0) {
    lines.push(`Avisos: ${warnings.length}`);
    for (const w of warnings) lines.push(`  ${w.file} · ${w.field}: ${w.message}`);
    lines.push('');
  }
  if (load.problems.length === 0) {
    lines.push('Sin problemas.');
  } else {
    lines.push(`Problemas: ${load.problems.length}`);
    for (const p of load.problems) lines.push(`  ${p.file} · ${p.field}: ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}

const command: CliCommand = {
  description: 'revisa el contenido de las guías y lista cada problema',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: { ...commonOptions, json: jsonOption },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const steps = loadContentFor(values.content, io.env);
    // The glossary and the vocabulary files are checked with the steps they point to.
    const extras = loadAnswerContent(steps.dir, steps.guides);
    const load = { ...steps, problems: [...steps.problems, ...extras.problems] };
    if (values.json) writeJson(io, validationReport(load));
    else io.stdout.write(formatValidation({ ...load, glossaryTerms: extras.glossary.length }));
    return load.problems.length > 0 ? 1 : 0;
  },
};

export default command;
