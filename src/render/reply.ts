import type { KnownBlock } from '@slack/types';
import { ACTIONS, BLOCK_IDS } from './ids.ts';
import { LIMITS, sliceWhole } from './limits.ts';

/** What a "Compartir en el canal" button carries: the command to run again and post publicly. */
export interface ShareRef {
  command: string;
  text: string;
}

/** What a 👍/👎 button carries, so the vote can be stored with its question. */
export interface FeedbackRef {
  question: string;
  stepId?: string;
  guide?: string;
  intent?: string;
}

/** The buttons under a reply; null when there are none. */
export function replyActionsBlock(opts: { share?: ShareRef; feedback?: FeedbackRef }): KnownBlock | null {
  const elements: Array<{
    type: 'button';
    action_id: string;
    text: { type: 'plain_text'; text: string; emoji: true };
    value: string;
    style?: 'primary';
  }> = [];
  if (opts.share) {
    elements.push({
      type: 'button',
      action_id: ACTIONS.share,
      text: { type: 'plain_text', text: 'Compartir en el canal', emoji: true },
      value: encodeShare(opts.share),
      style: 'primary',
    });
  }
  if (opts.feedback) {
    const value = encodeFeedback(opts.feedback);
    elements.push(
      {
        type: 'button',
        action_id: ACTIONS.feedbackUp,
        text: { type: 'plain_text', text: '👍 Me sirvió', emoji: true },
        value,
      },
      {
        type: 'button',
        action_id: ACTIONS.feedbackDown,
        text: { type: 'plain_text', text: '👎 No me sirvió', emoji: true },
        value,
      },
    );
  }
  if (elements.length === 0) return null;
  return { type: 'actions', block_id: BLOCK_IDS.replyActions, elements };
}

/** "Compartido por @ana" on top of a reply someone posted to the channel. */
export const sharedByBlock = (userId: string): KnownBlock => ({
  type: 'context',
  block_id: BLOCK_IDS.sharedBy,
  elements: [{ type: 'mrkdwn', text: `Compartido por <@${userId.replace(/[^A-Z0-9]/gi, '')}>` }],
});

/**
 * Button values are limited to 2000 characters, and JSON escaping can make a value longer than its text
 * (`"` → `\"`, a control character → `\u0001`): shrink the text until the encoded value fits.
 */
function fitJson(build: (max: number) => unknown, max: number): string {
  let room = max;
  for (;;) {
    const out = JSON.stringify(build(room));
    if (out.length <= LIMITS.buttonValue || room === 0) return out;
    room = Math.floor(room / 2);
  }
}

export function encodeShare(ref: ShareRef): string {
  return fitJson((max) => ({ c: sliceWhole(ref.command, 32), t: sliceWhole(ref.text, max) }), 1500);
}

export function decodeShare(value: string | undefined): ShareRef | null {
  const v = parseObject(value);
  if (!v || typeof v.c !== 'string' || typeof v.t !== 'string') return null;
  return { command: v.c, text: v.t };
}

export function encodeFeedback(ref: FeedbackRef): string {
  return fitJson(
    (max) => ({ q: sliceWhole(ref.question, max), s: ref.stepId, g: ref.guide, i: ref.intent }),
    1500,
  );
}

export function decodeFeedback(value: string | undefined): FeedbackRef | null {
  const v = parseObject(value);
  if (!v || typeof v.q !== 'string') return null;
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const ref: FeedbackRef = { question: v.q };
  const stepId = str(v.s);
  const guide = str(v.g);
  const intent = str(v.i);
  if (stepId) ref.stepId = stepId;
  if (guide) ref.guide = guide;
  if (intent) ref.intent = intent;
  return ref;
}

function parseObject(value: string | undefined): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const v: unknown = JSON.parse(value);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
