import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Slack's own requests are small: a message event is at most 40,000 characters (≈240 KB escaped), and
 * commands and button payloads far less. Anything bigger is not Slack.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Slack's documented replay window, applied both ways: a timestamp from the future is no better. */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface GuardOptions {
  /** Paths Bolt receives events on (`/slack/events`); other routes (/healthz) pass untouched. */
  paths: readonly string[];
  maxBodyBytes?: number;
  maxSkewSeconds?: number;
  /** Seconds since the epoch (tests move the clock). */
  now?: () => number;
}

/**
 * In front of Bolt's HTTP receiver: refuses, before Bolt reads anything, a body over the cap (413, read no
 * further), a timestamp more than five minutes away in either direction (401), and a body that is not a
 * JSON object where Bolt expects one (`null`, `[]`, `1`, broken JSON: 400, which Bolt would crash on). Each
 * refusal closes the connection. A body that passes is handed to Bolt already read (`rawBody`), and Bolt
 * still checks the signature.
 */
export function guardSlackRequests(next: RequestListener, options: GuardOptions): RequestListener {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxSkew = options.maxSkewSeconds ?? MAX_SKEW_SECONDS;
  const now = options.now ?? (() => Date.now() / 1000);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'POST' || !options.paths.includes(path)) {
      next(req, res);
      return;
    }
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    // Without a usable timestamp Bolt answers 401 itself, after its signature check.
    if (Number.isFinite(timestamp) && Math.abs(now() - timestamp) > maxSkew) {
      refuse(req, res, 401, 'la marca de tiempo de la solicitud no es de ahora');
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      refuse(req, res, 413, 'la solicitud es demasiado grande');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        refuse(req, res, 413, 'la solicitud es demasiado grande');
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      refused = true;
    });
    req.on('end', () => {
      if (refused) return;
      const raw = Buffer.concat(chunks);
      if (!hasObjectBody(raw.toString('utf8'), req.headers['content-type'])) {
        refuse(req, res, 400, 'el cuerpo de la solicitud no es un objeto JSON');
        return;
      }
      // Bolt's receiver uses a body already read instead of reading the stream again.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      next(req, res);
    });
  };
}

/** As Bolt reads bodies: an exact form content type is a form (its `payload` must be a JSON object), else JSON. */
function hasObjectBody(text: string, contentType: string | undefined): boolean {
  if (contentType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(text).get('payload');
    return payload === null || isJsonObject(payload);
  }
  return isJsonObject(text);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  }
  // Stop reading whatever the client still sends once the answer is out.
  res.end(text, () => req.destroy());
}
