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
  const names = [...commands];
  const avance = names.includes('/avance')
    ? 'Para el avance del equipo: /avance, /avance asignar 1.2 @ana, /avance hecho 1.2 1, /avance ayuda. '
    : '';
  return (
    'Guía de Datos Abiertos · modo local (sin Slack).\n' +
    'Escribe una pregunta, p. ej. "¿quién participa en el paso 2.1?", o un comando como en Slack: ' +
    `/guia ayuda, /guia 4.1, /guia lista, /guia buscar <palabras> (comandos: ${names.join(', ')}). ` +
    avance +
    'Para salir: /salir o Ctrl+D.'
  );
}

/**
 * The terminal has no Slack users: `@ana` in a command names a local person. Each name gets a stable user id
 * ("ana" → ULANA, the same in every session, so her steps stay hers) and is written as Slack would send the
 * mention (`<@ULANA|ana>`), so `/avance asignar 1.2 @ana` works as in Slack. `names` remembers how to show it.
 */
export function localMentions(text: string, names: Map<string, string>): string {
  return text.replace(
    /(^|\s)@([\p{L}\p{N}][\p{L}\p{N}._-]{0,39})/gu,
    (whole, space: string, name: string) => {
      const id = localUserId(name);
      if (!id) return whole;
      names.set(id, name);
      return `${space}<@${id}|${name}>`;
    },
  );
}

/** "Ana" and "ana" are one person; accents are folded ("José" → ULJOSE). Undefined for a name of symbols. */
export function localUserId(name: string): string | undefined {
  const key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 20);
  return key ? `UL${key}` : undefined;
}

/** One line typed by the person → the reply, the same services Slack uses. */
async function replyToLine(
  line: string,
  deps: BotDeps,
  commands: ReadonlyMap<string, CommandHandler>,
  names: Map<string, string>,
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
    return handler({ ...base, text: localMentions(rest.join(' '), names) });
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
  const names = new Map<string, string>();
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
        reply = await replyToLine(line, opts.deps, opts.commands, names);
      } catch (error) {
        opts.onError?.(error);
        reply = errorReply();
      }
      const shown = blocksToPlainText(reply.blocks, {
        you: LOCAL_IDENTITY.userId,
        nameOf: (id) => names.get(id) ?? (id.startsWith('UL') ? id.slice(2).toLowerCase() : undefined),
      });
      output.write(`${shown}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  if (interactive) output.write('¡Hasta luego!\n');
}
