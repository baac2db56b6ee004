import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Every string Slack (or anyone signing as Slack) sends is made well-formed before a listener sees it: a
 * lone surrogate (`"\ud800"` in the JSON) becomes U+FFFD, so no reply, stored row or scheduled post can
 * echo half a character back. The one place replies are scrubbed: every exit (chat.postMessage,
 * response_url, views.publish) sends text built from this input, the parsed guide (made well-formed by
 * parse-step and front-matter) and cuts that keep whole characters (render/limits.ts). In place, because
 * Bolt's `event`, `command`, `action`… arguments are parts of this same body.
 */
export const wellFormedInput: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  scrub(body);
  await next();
};

function scrub(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof item === 'string') {
      const fixed = item.toWellFormed();
      if (fixed !== item) (value as Record<string | number, unknown>)[key] = fixed;
    } else {
      scrub(item);
    }
  }
}
