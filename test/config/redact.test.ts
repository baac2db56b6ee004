import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseConfig, parseSharedConfig } from '../../src/config/config.ts';
import { LOG_HOOKS, redactUrls } from '../../src/config/redact.ts';
import { describeStartError } from '../../src/slack/start-error.ts';

const WITH_PASSWORD = 'https://ana:clave-secreta@proxy.example/api/';

describe('URLs with credentials', () => {
  it('lose their user and password wherever they appear in a text', () => {
    expect(redactUrls(`fallo en ${WITH_PASSWORD} y en postgres://u:p@db:5432/x`)).toBe(
      'fallo en https://***@proxy.example/api/ y en postgres://***@db:5432/x',
    );
    expect(redactUrls('https://slack.com/api/ sin credenciales')).toBe(
      'https://slack.com/api/ sin credenciales',
    );
  });

  it('as SLACK_API_URL stop start-up naming the variable, without printing them', () => {
    for (const result of [
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: WITH_PASSWORD }),
      parseSharedConfig({ SLACK_API_URL: WITH_PASSWORD }),
    ]) {
      expect(result.ok).toBe(false);
      const message = result.ok ? '' : result.message;
      expect(message).toContain('SLACK_API_URL: no puede llevar usuario ni contraseña');
      expect(message).not.toContain('clave-secreta');
    }
  });

  it('are redacted in the start-up error that names SLACK_API_URL', () => {
    const error = Object.assign(new Error('fetch failed'), {
      code: 'slack_webapi_request_error',
      original: { cause: { message: `connect ECONNREFUSED ${WITH_PASSWORD}` } },
    });
    const text = describeStartError(error, WITH_PASSWORD);
    expect(text).toContain('SLACK_API_URL=https://***@proxy.example/api/');
    expect(text).not.toContain('clave-secreta');
  });

  it('are redacted from every log line by the hook the bot gives pino', () => {
    const lines: string[] = [];
    const logger = pino({ hooks: LOG_HOOKS }, { write: (line: string) => void lines.push(line) });
    logger.warn({ url: WITH_PASSWORD }, `no pude llamar a ${WITH_PASSWORD}`);
    expect(lines.join('')).not.toContain('clave-secreta');
    expect(lines.join('')).toContain('https://***@proxy.example/api/');
  });
});
