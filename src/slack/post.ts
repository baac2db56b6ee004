import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SlackDeps } from './deps.ts';
import { createResponder, type Responder } from './response-url.ts';
import { describeSlackError } from './web-api-errors.ts';

export interface PostTarget {
  channel: string;
  /** The person who asked: told privately when the public reply could not be posted. */
  user: string;
  threadTs?: string | undefined;
}

/**
 * Posts a reply; a Web API failure is logged and, where Slack lets us, the asker is told privately.
 * Never throws. (429s are retried by the Web API client after Retry-After before we get here.)
 */
export async function postReply(
  client: WebClient,
  target: PostTarget,
  message: { text: string; blocks: KnownBlock[] },
  log: Logger,
): Promise<boolean> {
  // No half character to scrub here: Slack's input is made well-formed where it comes in
  // (well-formed-input.ts), the guide when it is parsed, and our cuts keep whole characters.
  try {
    await client.chat.postMessage({
      channel: target.channel,
      text: message.text,
      blocks: message.blocks,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    });
    return true;
  } catch (error) {
    const failure = describeSlackError(error);
    log.warn({ reason: failure.reason, channel: target.channel }, 'could not post reply');
    if (failure.cannotPostHere) return false;
    try {
      await client.chat.postEphemeral({
        channel: target.channel,
        user: target.user,
        text:
          failure.reason === 'ratelimited'
            ? 'Slack me pidió esperar y no pude publicar la respuesta. Inténtalo de nuevo en un minuto.'
            : `No pude publicar la respuesta (${failure.reason}). Inténtalo de nuevo en un momento.`,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      });
    } catch (second) {
      log.warn({ reason: describeSlackError(second).reason }, 'could not tell the user either');
    }
    return false;
  }
}

/**
 * Answers through a response_url; a failure (expired url, network) is logged with Slack's reason and never
 * thrown, since there is nowhere else to tell the user. Returns whether it went out.
 */
export async function respondOrLog(
  respond: RespondFn,
  message: RespondArguments,
  log: Logger,
  failure: string,
): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (error) {
    log.warn({ reason: describeSlackError(error).reason }, failure);
    return false;
  }
}

/** The retrying responder for an interaction's response_url, with the app's monitored fetch. */
export function responderFor(deps: Pick<SlackDeps, 'respond'>, url: string, log: Logger): Responder {
  return createResponder(url, {
    fetch: deps.respond?.fetch ?? globalThis.fetch,
    log,
    ...(deps.respond?.baseDelayMs !== undefined ? { baseDelayMs: deps.respond.baseDelayMs } : {}),
  });
}
