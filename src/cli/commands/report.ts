import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openStores } from '../../app/wire.ts';
import type { FeedbackRow, UnansweredRow } from '../../ports/feedback.ts';
import { parseCliArgs, usageError, writeJson } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { commonOptions, jsonOption } from '../content-option.ts';
import { sharedConfigOrExit } from '../shared-config.ts';

const USAGE = `Uso: guia report feedback [--db ARCHIVO] [--json] [--content DIR]
Muestra, para quien edita la guía, las opiniones (👍/👎) sobre las respuestas del bot y las preguntas que
no supo responder.
  --db ARCHIVO    la base de datos del bot (por omisión: $GUIA_DB o ./data/guia.db)
  --json          imprime { feedback, unanswered } en JSON
  --content DIR   se acepta como en los demás comandos; el informe no lee la guía`;

const oneLine = (s: string, max = 120) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function formatReport(feedback: FeedbackRow[], unanswered: UnansweredRow[]): string {
  const up = feedback.filter((f) => f.vote === 1).length;
  const lines = [
    `Opiniones sobre las respuestas: ${feedback.length} (👍 ${up} · 👎 ${feedback.length - up})`,
  ];
  for (const f of feedback) {
    const step = f.stepId ? `paso ${f.stepId}${f.guide ? ` (${f.guide})` : ''}` : 'sin paso';
    lines.push(
      `  ${when(f.createdAt)}  ${f.vote === 1 ? '👍' : '👎'}  ${step}  «${oneLine(f.question)}»  ${f.userId}`,
    );
  }
  lines.push('', `Preguntas sin respuesta clara: ${unanswered.length}`);
  for (const q of unanswered) {
    const kind = q.outcome === 'choose' ? 'dudosa' : 'sin coincidencia';
    lines.push(`  ${when(q.createdAt)}  ${kind}  «${oneLine(q.question)}»  (${q.source}, ${q.userId})`);
  }
  return `${lines.join('\n')}\n`;
}

const command: CliCommand = {
  description: 'opiniones (👍/👎) y preguntas sin respuesta, para quien edita la guía: guia report feedback',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      options: {
        ...commonOptions,
        db: { type: 'string' },
        json: jsonOption,
      },
      allowPositionals: true,
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals[0] !== 'feedback' || positionals.length > 1) {
      return usageError(
        io,
        USAGE,
        positionals[0] ? `informe desconocido: ${positionals.join(' ')}` : 'falta el informe',
      );
    }
    const config = sharedConfigOrExit(io);
    if (typeof config === 'number') return config;
    const usePostgres = values.db === undefined && config.database.kind === 'postgres';
    const file = resolve(values.db ?? config.dbFile);
    // Do not create an empty database by asking for a report.
    if (!usePostgres && !existsSync(file)) {
      io.stderr.write(`No existe la base de datos ${file}; ¿el bot ya se usó? (revisa --db o GUIA_DB)\n`);
      return 1;
    }
    const opened = usePostgres
      ? await openStores(config.database)
      : await openStores(file, values.db === undefined ? 'GUIA_DB' : '--db');
    if (!opened.ok) {
      io.stderr.write(`${opened.message}\n`);
      return 1;
    }
    const stores = opened.value;
    try {
      const feedback = await stores.feedback.listFeedback();
      const unanswered = await stores.feedback.listUnanswered();
      if (values.json) writeJson(io, { feedback, unanswered });
      else io.stdout.write(formatReport(feedback, unanswered));
      return 0;
    } finally {
      await stores.close();
    }
  },
};

export default command;
