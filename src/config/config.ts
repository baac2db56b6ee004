import { existsSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { errorText } from '../error-text.ts';
import { redactUrls } from './redact.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the bot talks to people: Slack over a WebSocket, Slack over HTTP, or a terminal chat. */
export type Mode = 'socket' | 'http' | 'local';

/** Distribution mode: installed into many workspaces by OAuth (Bolt's InstallProvider). */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state (a JWT, 10 minutes): nothing is kept on the server, so any replica verifies it. */
  stateSecret: string;
  /** The public https URL of `/slack/oauth_redirect`, when the app's settings list more than one. */
  redirectUri?: string;
}

export interface SlackConfig {
  /** Single-workspace modes. Absent in distribution mode, where each workspace's token is in the database. */
  botToken?: string;
  /** Distribution mode (HTTP, no SLACK_BOT_TOKEN). */
  oauth?: OAuthConfig;
  /** Only in socket mode. */
  appToken?: string;
  /** Required in HTTP mode; optional in socket mode. */
  signingSecret?: string;
  /** Base URL of the Web API, e.g. `http://127.0.0.1:9999/api/` (proxies and tests). */
  apiUrl?: string;
}

/**
 * Where the stores live: the SQLite file at GUIA_DB (one team, `npm start`), or PostgreSQL at DATABASE_URL
 * (many workspaces, several replicas). DATABASE_URL wins when both are set.
 */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** DATABASE_POOL_SIZE: connections per process. */
      poolSize: number;
      /** DATABASE_SSL: off, require (TLS, certificate unchecked) or verify; absent = as the URL says. */
      ssl?: 'off' | 'require' | 'verify';
      /** DATABASE_STATEMENT_TIMEOUT_MS: server-side limit per statement; 0 = none. */
      statementTimeoutMs: number;
    };

export interface Config {
  mode: Mode;
  /** Absent in local mode. */
  slack?: SlackConfig;
  port: number;
  /**
   * Interface the HTTP server binds (Slack requests and /healthz). Default 0.0.0.0, every interface, which
   * a container needs; `127.0.0.1` behind a reverse proxy on the same machine.
   */
  host: string;
  contentDir: string;
  /** GUIA_DB (also when PostgreSQL is used: `guia db copy` reads it as the default source). */
  dbFile: string;
  database: DatabaseConfig;
  timeZone: string;
  logLevel: LogLevel;
}

const DEFAULT_DB = './data/guia.db';
const DEFAULT_TZ = 'America/Mexico_City';
const DEFAULT_HOST = '0.0.0.0';
/** IPv4, IPv6 or a host name: enough to refuse a URL or a typo with spaces before listen() does. */
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[?[0-9A-Fa-f:.]+\]?)$/;

// Empty values in .env files ("SLACK_APP_TOKEN=") mean "not set", not "set to nothing".
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
);

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'debe empezar con "xoxb-" (Bot User OAuth Token)',
  }),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'debe empezar con "xapp-" (App-Level Token con connections:write)',
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_CLIENT_ID: optionalText.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
    message: 'debe ser el Client ID de la app (Basic Information), p. ej. 1234567890.1234567890',
  }),
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.refine((v) => v === undefined || v.length >= 16, {
    message: 'debe tener al menos 16 caracteres (firma el estado de OAuth)',
  }),
  SLACK_REDIRECT_URI: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/\S+\/slack\/oauth_redirect$/.test(v),
    { message: 'debe ser una URL http(s) que termine en /slack/oauth_redirect' },
  ),
  SLACK_API_URL: optionalText
    .refine((v) => v === undefined || /^https?:\/\/\S+\/$/.test(v), {
      message: 'debe ser una URL http(s) que termine en "/", p. ej. https://slack.com/api/',
    })
    // fetch refuses such URLs anyway; say so at start instead of failing on the first call.
    .refine((v) => v === undefined || !/^[a-z]+:\/\/[^/]*@/i.test(v), {
      message: 'no puede llevar usuario ni contraseña (usuario:clave@…); quítalos de la URL',
    }),
  PORT: optionalText.default('3000').refine((v) => /^\d+$/.test(v ?? '') && Number(v) <= 65535, {
    message: 'debe ser un número de puerto entre 0 y 65535',
  }),
  HOST: optionalText.default(DEFAULT_HOST).refine((v) => HOST_PATTERN.test(v ?? ''), {
    message: 'debe ser una dirección IP o un nombre de máquina, p. ej. 0.0.0.0 o 127.0.0.1',
  }),
  GUIA_CONTENT_DIR: optionalText,
  GUIA_DB: optionalText.default(DEFAULT_DB),
  GUIA_TZ: optionalText.default(DEFAULT_TZ).refine((v) => IANAZone.isValidZone(v ?? ''), {
    message: 'debe ser una zona horaria IANA, p. ej. America/Mexico_City',
  }),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
    message:
      'debe ser una URL postgres://usuario:contraseña@servidor:5432/base (o quítala para usar SQLite en GUIA_DB)',
  }),
  DATABASE_POOL_SIZE: optionalText
    .default('10')
    .refine((v) => /^\d+$/.test(v ?? '') && Number(v) >= 1 && Number(v) <= 100, {
      message: 'debe ser un número entero de conexiones entre 1 y 100',
    }),
  DATABASE_SSL: optionalText.refine((v) => v === undefined || ['off', 'require', 'verify'].includes(v), {
    message: 'debe ser off, require (TLS sin revisar el certificado) o verify (TLS revisando el certificado)',
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: optionalText
    .default('15000')
    .refine((v) => /^\d+$/.test(v ?? '') && Number(v) <= 600_000, {
      message: 'debe ser un número de milisegundos entre 0 (sin límite) y 600000',
    }),
  LOG_LEVEL: optionalText.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), {
    message: `debe ser uno de: ${LOG_LEVELS.join(', ')}`,
  }),
});

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; message: string };

/**
 * The variables every entry point shares (the bot and the `guia` commands that talk to Slack or the
 * database), validated by the same schema as the bot's start-up but without choosing a mode.
 */
export interface SharedConfig {
  /** Set only when SLACK_BOT_TOKEN is. */
  botToken?: string;
  apiUrl?: string;
  /** Set only when GUIA_CONTENT_DIR is, so each entry point keeps its own default folder. */
  contentDir?: string;
  dbFile: string;
  database: DatabaseConfig;
  timeZone: string;
}

export type SharedConfigResult =
  | { ok: true; config: Readonly<SharedConfig> }
  | { ok: false; message: string };

type ParsedEnv = z.infer<typeof envSchema>;

function databaseOf(e: ParsedEnv): DatabaseConfig {
  if (!e.DATABASE_URL) return { kind: 'sqlite', file: e.GUIA_DB ?? DEFAULT_DB };
  return {
    kind: 'postgres',
    url: e.DATABASE_URL,
    poolSize: Number(e.DATABASE_POOL_SIZE),
    ...(e.DATABASE_SSL ? { ssl: e.DATABASE_SSL as 'off' | 'require' | 'verify' } : {}),
    statementTimeoutMs: Number(e.DATABASE_STATEMENT_TIMEOUT_MS),
  };
}

function parseEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: ParsedEnv } | { ok: false; message: string } {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { ok: true, env: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '?')}: ${issue.message}`);
  return { ok: false, message: formatProblems(problems) };
}

/** Validates the shared variables (same Spanish messages as parseConfig); no mode is required. Pure. */
export function parseSharedConfig(env: Record<string, string | undefined>): SharedConfigResult {
  const parsed = parseEnv(env);
  if (!parsed.ok) return parsed;
  const e = parsed.env;
  return {
    ok: true,
    config: Object.freeze({
      ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
      ...(e.GUIA_CONTENT_DIR ? { contentDir: e.GUIA_CONTENT_DIR } : {}),
      dbFile: e.GUIA_DB ?? DEFAULT_DB,
      database: Object.freeze(databaseOf(e)),
      timeZone: e.GUIA_TZ ?? DEFAULT_TZ,
    }),
  };
}

/** Validates the environment; every problem is listed, in Spanish, naming its variable. Pure. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = parseEnv(env);
  if (!parsed.ok) return parsed;
  const problems: string[] = [];
  const e = parsed.env;
  const bot = e.SLACK_BOT_TOKEN;
  const app = e.SLACK_APP_TOKEN;
  const secret = e.SLACK_SIGNING_SECRET;
  const oauthVars = {
    SLACK_CLIENT_ID: e.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: e.SLACK_STATE_SECRET,
  };
  const oauthSet = Object.entries(oauthVars).filter(([, v]) => v !== undefined);
  let mode: Mode = 'local';
  if (oauthSet.length > 0) {
    // Distribution mode: every workspace's token comes from its installation, none from the environment.
    mode = 'http';
    for (const [name, v] of Object.entries(oauthVars)) {
      if (v === undefined)
        problems.push(`${name}: falta para instalar en varios espacios de trabajo (OAuth)`);
    }
    if (!secret) problems.push('SLACK_SIGNING_SECRET: falta; el modo OAuth recibe a Slack por HTTP');
    if (bot) {
      problems.push(
        'SLACK_BOT_TOKEN: quítalo en el modo OAuth (SLACK_CLIENT_ID): cada espacio de trabajo usa el token de su instalación',
      );
    }
    if (app)
      problems.push('SLACK_APP_TOKEN: quítalo en el modo OAuth; Socket Mode es para una sola instalación');
  } else if (e.SLACK_REDIRECT_URI) {
    problems.push('SLACK_REDIRECT_URI: solo sirve en el modo OAuth (con SLACK_CLIENT_ID)');
  } else if (bot && app) mode = 'socket';
  else if (bot && secret) mode = 'http';
  else if (bot) {
    problems.push(
      'SLACK_APP_TOKEN o SLACK_SIGNING_SECRET: falta uno de los dos junto con SLACK_BOT_TOKEN ' +
        '(SLACK_APP_TOKEN para Socket Mode, SLACK_SIGNING_SECRET para HTTP)',
    );
  } else if (app || secret) {
    problems.push(
      `SLACK_BOT_TOKEN: falta; ${app ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} no sirve sin el token del bot ` +
        '(o quita ambas para usar el modo local en la terminal)',
    );
  }
  if (problems.length > 0) return { ok: false, message: formatProblems(problems) };

  const config: Config = {
    mode,
    port: Number(e.PORT),
    host: (e.HOST ?? DEFAULT_HOST).replace(/^\[|\]$/g, ''),
    contentDir: e.GUIA_CONTENT_DIR ?? 'content',
    dbFile: e.GUIA_DB ?? DEFAULT_DB,
    database: Object.freeze(databaseOf(e)),
    timeZone: e.GUIA_TZ ?? DEFAULT_TZ,
    // In the terminal chat, info lines would interleave with the conversation: only warnings by default.
    logLevel: (e.LOG_LEVEL ?? (mode === 'local' ? 'warn' : 'info')) as LogLevel,
  };
  if (mode === 'http' && !bot && e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET) {
    config.slack = Object.freeze({
      oauth: Object.freeze({
        clientId: e.SLACK_CLIENT_ID,
        clientSecret: e.SLACK_CLIENT_SECRET,
        stateSecret: e.SLACK_STATE_SECRET,
        ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
      }),
      ...(secret ? { signingSecret: secret } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    });
  } else if (mode !== 'local' && bot) {
    config.slack = Object.freeze({
      botToken: bot,
      ...(mode === 'socket' && app ? { appToken: app } : {}),
      ...(secret ? { signingSecret: secret } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    });
  }
  return { ok: true, config: Object.freeze(config) };
}

function formatProblems(problems: string[]): string {
  return redactUrls(
    `La configuración no es válida; revisa tu entorno o el archivo .env (ver .env.example):\n${problems
      .map((p) => `  - ${p}`)
      .join('\n')}`,
  );
}

/**
 * Reads `.env` into process.env when the file exists (variables already set in the environment win).
 * Shared by the bot and the `guia` CLI so both see the same settings.
 */
export function loadEnvFile(envFile = '.env'): { ok: true } | { ok: false; message: string } {
  if (!existsSync(envFile)) return { ok: true };
  try {
    process.loadEnvFile(envFile);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `No pude leer ${envFile}: ${errorText(error)}`,
    };
  }
}

/** Reads `.env` (when present) and validates the result once. The only impure functions here. */
export function loadConfig(envFile = '.env'): ConfigResult {
  const loaded = loadEnvFile(envFile);
  if (!loaded.ok) return loaded;
  return parseConfig(process.env);
}
