import { describe, expect, it } from 'vitest';
import { parseConfig, parseSharedConfig } from '../../src/config/config.ts';

const ok = (env: Record<string, string>) => {
  const r = parseConfig(env);
  if (!r.ok) throw new Error(r.message);
  return r.config;
};
const problem = (env: Record<string, string>) => {
  const r = parseConfig(env);
  if (r.ok) throw new Error('expected an invalid configuration');
  return r.message;
};

describe('start-up configuration', () => {
  it('with no Slack variables runs the terminal chat with the documented defaults', () => {
    expect(ok({})).toEqual({
      mode: 'local',
      port: 3000,
      host: '0.0.0.0',
      contentDir: 'content',
      dbFile: './data/guia.db',
      database: { kind: 'sqlite', file: './data/guia.db' },
      timeZone: 'America/Mexico_City',
      // Only warnings, so log lines do not interleave with the chat.
      logLevel: 'warn',
    });
  });

  it('logs at info by default when connected to Slack, and as told by LOG_LEVEL', () => {
    expect(ok({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).logLevel).toBe('info');
    expect(ok({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('treats empty values from a .env file as unset', () => {
    expect(ok({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', SLACK_SIGNING_SECRET: '' }).mode).toBe('local');
  });

  it('bot + app token → Socket Mode', () => {
    const c = ok({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(c.mode).toBe('socket');
    expect(c.slack).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1' });
  });

  it('bot token + signing secret → HTTP on PORT, with the API URL for proxies', () => {
    const c = ok({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's3cret',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(c).toMatchObject({ mode: 'http', port: 8080 });
    expect(c.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's3cret',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(ok({}))).toBe(true);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN o SLACK_SIGNING_SECRET'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN: falta'],
    [{ SLACK_SIGNING_SECRET: 'x' }, 'SLACK_BOT_TOKEN: falta'],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_BOT_TOKEN: debe empezar con "xoxb-"',
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN: debe empezar con "xapp-"'],
    [{ PORT: 'ochenta' }, 'PORT: debe ser un número de puerto'],
    [{ PORT: '70000' }, 'PORT: debe ser un número de puerto'],
    [{ GUIA_TZ: 'Mexico/Nowhere' }, 'GUIA_TZ: debe ser una zona horaria IANA'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: debe ser uno de'],
    [{ SLACK_API_URL: 'slack.com/api' }, 'SLACK_API_URL: debe ser una URL'],
  ])('rejects %j naming the variable in Spanish', (env, expected) => {
    const message = problem(env);
    expect(message).toContain('La configuración no es válida');
    expect(message).toContain(expected);
  });

  it('lists every invalid variable at once', () => {
    const message = problem({ PORT: 'x', GUIA_TZ: 'Nope/Nope', LOG_LEVEL: 'loud' });
    expect(message).toContain('PORT');
    expect(message).toContain('GUIA_TZ');
    expect(message).toContain('LOG_LEVEL');
  });
});

describe('the database', () => {
  it('is the SQLite file at GUIA_DB unless DATABASE_URL names a PostgreSQL server', () => {
    expect(ok({ GUIA_DB: '/tmp/x.db' }).database).toEqual({ kind: 'sqlite', file: '/tmp/x.db' });
    expect(ok({ GUIA_DB: '/tmp/x.db', DATABASE_URL: 'postgres://u:p@db:5432/guia' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/guia',
      poolSize: 10,
      statementTimeoutMs: 15_000,
    });
    expect(ok({ DATABASE_URL: ' ' }).database.kind).toBe('sqlite');
  });

  it('takes the pool size, TLS and statement timeout for PostgreSQL', () => {
    const db = ok({
      DATABASE_URL: 'postgresql://db/guia',
      DATABASE_POOL_SIZE: '25',
      DATABASE_SSL: 'verify',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
    }).database;
    expect(db).toEqual({
      kind: 'postgres',
      url: 'postgresql://db/guia',
      poolSize: 25,
      ssl: 'verify',
      statementTimeoutMs: 0,
    });
  });

  it('refuses bad database values in Spanish, naming each variable', () => {
    const message = problem({
      DATABASE_URL: 'mysql://db/guia',
      DATABASE_POOL_SIZE: '0',
      DATABASE_SSL: 'yes',
      DATABASE_STATEMENT_TIMEOUT_MS: '-5',
    });
    expect(message).toContain('DATABASE_URL: debe ser una URL postgres://');
    expect(message).toContain('DATABASE_POOL_SIZE: debe ser un número entero de conexiones');
    expect(message).toContain('DATABASE_SSL: debe ser off, require');
    expect(message).toContain('DATABASE_STATEMENT_TIMEOUT_MS: debe ser un número de milisegundos');
    expect(parseSharedConfig({ DATABASE_POOL_SIZE: 'constructor' })).toMatchObject({ ok: false });
  });
});

describe('shared configuration for the guia commands', () => {
  it('takes the bot token alone (no mode needed) and keeps the documented defaults', () => {
    const r = parseSharedConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(r).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1',
        dbFile: './data/guia.db',
        database: { kind: 'sqlite', file: './data/guia.db' },
        timeZone: 'America/Mexico_City',
      },
    });
  });

  it('rejects a bad value with the same Spanish message as the bot', () => {
    const env = { GUIA_TZ: 'Marte/Olimpo' };
    const shared = parseSharedConfig(env);
    const bot = parseConfig(env);
    expect(shared.ok || bot.ok).toBe(false);
    if (!shared.ok && !bot.ok) expect(shared.message).toBe(bot.message);
  });
});

describe('distribution mode (many workspaces by OAuth)', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'cs',
    SLACK_STATE_SECRET: 'a-long-state-secret',
    SLACK_SIGNING_SECRET: 'ss',
  };

  it('client id, client secret, state secret and signing secret → HTTP with OAuth and no bot token', () => {
    const c = ok({ ...oauth, SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(c.mode).toBe('http');
    expect(c.slack).toEqual({
      oauth: { clientId: '1234.5678', clientSecret: 'cs', stateSecret: 'a-long-state-secret' },
      signingSecret: 'ss',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    const withRedirect = ok({ ...oauth, SLACK_REDIRECT_URI: 'https://bot.example.mx/slack/oauth_redirect' });
    expect(withRedirect.slack?.oauth?.redirectUri).toBe('https://bot.example.mx/slack/oauth_redirect');
  });

  it.each([
    [{ ...oauth, SLACK_CLIENT_SECRET: '' }, 'SLACK_CLIENT_SECRET: falta'],
    [{ ...oauth, SLACK_STATE_SECRET: '' }, 'SLACK_STATE_SECRET: falta'],
    [{ ...oauth, SLACK_CLIENT_ID: '' }, 'SLACK_CLIENT_ID: falta'],
    [{ ...oauth, SLACK_SIGNING_SECRET: '' }, 'SLACK_SIGNING_SECRET: falta'],
    [{ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN: quítalo en el modo OAuth'],
    [{ ...oauth, SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN: quítalo en el modo OAuth'],
    [{ ...oauth, SLACK_STATE_SECRET: 'corto' }, 'SLACK_STATE_SECRET: debe tener al menos 16'],
    [{ ...oauth, SLACK_CLIENT_ID: 'abc' }, 'SLACK_CLIENT_ID: debe ser el Client ID'],
    [{ ...oauth, SLACK_REDIRECT_URI: 'https://x.mx/otra' }, 'SLACK_REDIRECT_URI: debe ser una URL'],
    [{ SLACK_REDIRECT_URI: 'https://x.mx/slack/oauth_redirect' }, 'SLACK_REDIRECT_URI: solo sirve'],
  ])('rejects %j naming the variable in Spanish', (env, expected) => {
    expect(problem(env)).toContain(expected);
  });
});
