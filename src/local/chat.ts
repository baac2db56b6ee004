import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerQuestion, errorReply } from '../bot/answer-question.ts';
import type { BotDeps, CommandHandler, Reply, Request } from '../bot/types.ts';
import { blocksToPlainText } from '../render/plain-text.ts';

export interface LocalChatOptions {
  input: Readable;
  output: Writable;
  /** A person at a terminal: show a prompt. Otherwise read lines until EOF and answer each. */
  interactive: boolean;
  deps: BotDeps;
  commands: ReadonlyMap<string, CommandHandler>;
  /** Reported to logs; the chat goes on. */
  onError?: (error: unknown) => void;
}

/** Who "you" are in the terminal, for commands that keep per-team state. */
export const LOCAL_IDENTITY = { userId: 'ULOCAL', teamId: 'TLOCAL', channelId: 'DLOCAL' } as const;

/** The terminal chat is one conversation: follow-ups refer to the last answer. */
export const LOCAL_THREAD = 'terminal';

const EXIT_WORDS = new Set(['/salir', 'salir', '/exit', 'exit', '/quit']);

function welcomeText(commands: Iterable<string>): string {
  const names = [...commands].join(', ');
  return (
    'Guía de Datos Abiertos · modo local (sin Slack).\n' +
    'Escribe una pregunta, p. ej. "¿quién participa en el paso 2.1?", o un comando como en Slack: ' +
    `/guia ayuda, /guia 4.1, /guia lista, /guia buscar <palabras> (comandos: ${names}). ` +
    'Para salir: /salir o Ctrl+D.'
  );
}

/** One line typed by the person → the reply, the same services Slack uses. */
async function replyToLine(
  line: string,
  deps: BotDeps,
  commands: ReadonlyMap<string, CommandHandler>,
): Promise<Reply> {
  const base: Omit<Request, 'text'> = { ...LOCAL_IDENTITY, source: 'local' };
  if (line.startsWith('/')) {
    const [name = '', ...rest] = line.split(/\s+/);
    const handler = commands.get(name.toLowerCase());
    if (!handler) {
      const text = `No conozco el comando ${name}. Comandos: ${[...commands.keys()].join(', ')}. O escribe tu pregunta.`;
      return {
        text,
        blocks: [{ type: 'section', text: { type: 'plain_text', text } }],
        visibility: 'ephemeral',
      };
    }
    return handler({ ...base, text: rest.join(' ') });
  }
  return answerQuestion({ ...base, text: line, threadKey: LOCAL_THREAD }, deps, 'public');
}

/** The terminal chat. Resolves when the input ends or the person types /salir. */
export async function runLocalChat(opts: LocalChatOptions): Promise<void> {
  const { output, interactive } = opts;
  const rl = createInterface({
    input: opts.input,
    ...(interactive ? { output, terminal: true } : {}),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  output.write(`${welcomeText(opts.commands.keys())}\n\n`);
  if (interactive) {
    rl.setPrompt('tú> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (EXIT_WORDS.has(line.toLowerCase())) break;
    if (line) {
      if (!interactive) output.write(`> ${line}\n`);
      let reply: Reply;
      try {
        reply = await replyToLine(line, opts.deps, opts.commands);
      } catch (error) {
        opts.onError?.(error);
        reply = errorReply();
      }
      output.write(`${blocksToPlainText(reply.blocks, { you: LOCAL_IDENTITY.userId })}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  if (interactive) output.write('¡Hasta luego!\n');
}
