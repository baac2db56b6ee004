/**
 * URLs with credentials (`https://user:password@proxy/api/`) lose them before any text reaches a message or
 * a log line: the user-info part becomes `***`. One pass: the scan after each `://` stops at the next
 * `/`, `?`, `#`, `@` or blank, so it never rescans.
 */
export function redactUrls(text: string): string {
  return text.replace(/:\/\/[^\s/?#@]*@/g, '://***@');
}

/** pino's options for every logger the bot builds: each line, whatever logged it, loses URL credentials. */
export const LOG_HOOKS = { streamWrite: redactUrls } as const;
