import type { KnownBlock } from '@slack/types';
import { LIMITS } from '../render/limits.ts';
import { type FeedbackRef, replyActionsBlock, type ShareRef, sharedByBlock } from '../render/reply.ts';
import type { CommandHandler, Reply, Request } from './types.ts';

/** The final blocks of a reply: content, then its buttons (share only where the transport can share). */
export function withActions(reply: Reply, opts: { share: boolean; sharedBy?: string }): KnownBlock[] {
  const actions = replyActionsBlock({
    ...(opts.share && reply.share ? { share: reply.share } : {}),
    ...(reply.feedback ? { feedback: reply.feedback } : {}),
  });
  const head = opts.sharedBy ? [sharedByBlock(opts.sharedBy)] : [];
  const room = LIMITS.messageBlocks - head.length - (actions ? 1 : 0);
  return [...head, ...reply.blocks.slice(0, room), ...(actions ? [actions] : [])];
}

/**
 * "Compartir en el canal": runs the same command again and returns the public version, or null when the
 * command is unknown (an old button after a command was removed).
 */
export async function sharedReply(
  ref: ShareRef,
  request: Omit<Request, 'text' | 'source' | 'replay'>,
  commands: ReadonlyMap<string, CommandHandler>,
): Promise<Reply | null> {
  const handler = commands.get(ref.command);
  if (!handler) return null;
  const reply = await handler({ ...request, text: ref.text, source: 'command', replay: true });
  return { ...reply, visibility: 'public', text: `Compartido: ${reply.text}` };
}

export type { FeedbackRef };
