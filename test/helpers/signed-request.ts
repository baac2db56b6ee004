/**
 * Requests as Slack sends them to `/slack/events`: signed with v0 HMAC-SHA256 of `v0:timestamp:body`.
 * Commands and actions are form bodies sent as a STRING with content-type exactly
 * `application/x-www-form-urlencoded` (Bolt answers 400 when fetch adds `; charset=utf-8`).
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(
  secret: string,
  body: string,
  contentType: string,
  opts: SignOptions = {},
): Record<string, string> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(opts.secret ?? secret, timestamp, body),
  };
}

export interface SlackTarget {
  /** e.g. http://127.0.0.1:1234/slack/events */
  url: string;
  signingSecret: string;
}

/** An Events API envelope around `event`. */
export function eventEnvelope(
  event: Record<string, unknown>,
  opts: { eventId?: string; teamId?: string } = {},
): Record<string, unknown> & { event_id: string } {
  const teamId = opts.teamId ?? 'T0001';
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true }],
    event,
  };
}

export async function postEvent(
  target: SlackTarget,
  envelope: Record<string, unknown>,
  opts: SignOptions & { retryNum?: number } = {},
): Promise<Response> {
  const body = JSON.stringify(envelope);
  const headers = signedHeaders(target.signingSecret, body, 'application/json', opts);
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(target.url, { method: 'POST', headers, body });
}

export async function postForm(
  target: SlackTarget,
  fields: Record<string, string>,
  opts: SignOptions = {},
): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  return fetch(target.url, {
    method: 'POST',
    headers: signedHeaders(target.signingSecret, body, 'application/x-www-form-urlencoded', opts),
    body,
  });
}

/** A slash command as Slack posts it. */
export function postCommand(
  target: SlackTarget,
  command: { command: string; text: string; response_url: string } & Partial<Record<string, string>>,
  opts: SignOptions = {},
): Promise<Response> {
  const fields: Record<string, string> = {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'dependencia',
    channel_id: 'C0001',
    channel_name: 'datos-abiertos',
    user_id: 'U0001',
    user_name: 'ana',
    api_app_id: 'A0001',
    trigger_id: '1.2.3',
    ...Object.fromEntries(Object.entries(command).filter((e): e is [string, string] => e[1] !== undefined)),
  };
  return postForm(target, fields, opts);
}

/** An interactivity payload (`block_actions` with one button), as Slack posts it. */
export function postBlockAction(
  target: SlackTarget,
  action: { action_id: string; value: string; response_url: string; userId?: string; channelId?: string },
  opts: SignOptions = {},
): Promise<Response> {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'dependencia' },
    user: { id: action.userId ?? 'U0001', username: 'ana', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: '1.2.3',
    channel: { id: action.channelId ?? 'C0001', name: 'datos-abiertos' },
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: action.channelId ?? 'C0001',
      is_ephemeral: true,
    },
    response_url: action.response_url,
    actions: [
      {
        type: 'button',
        action_id: action.action_id,
        block_id: 'guia_reply_actions',
        value: action.value,
        action_ts: String(Date.now() / 1000),
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  };
  return postForm(target, { payload: JSON.stringify(payload) }, opts);
}
