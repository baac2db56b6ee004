import { existsSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the bot talks to people: Slack over a WebSocket, Slack over HTTP, or a terminal chat. */
export type Mode = 'socket' | 'http' | 'local';

export interface SlackConfig {
  botToken: string;
  /** Only in socket mode. */
  appToken?: string;
  /** Required in HTTP mode; optional in socket mode. */
  signingSecret?: string;
  /** Base URL of the Web API, e.g. `http://127.0.0.1:9999/api/` (proxies and tests). */
  apiUrl?: string;
}

export interface Config {
  mode: Mode;
  /** Absent in local mode. */
  slack?: SlackConfig;
  port: number;
  contentDir: string;
  dbFile: string;
  timeZone: string;
  logLevel: LogLevel;
}

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
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/\S+\/$/.test(v), {
    message: 'debe ser una URL http(s) que termine en "/", p. ej. https://slack.com/api/',
  }),
  PORT: optionalText.default('3000').refine((v) => /^\d+$/.test(v ?? '') && Number(v) <= 65535, {
    message: 'debe ser un número de puerto entre 0 y 65535',
  }),
  GUIA_CONTENT_DIR: optionalText.default('content'),
  GUIA_DB: optionalText.default('./data/guia.db'),
  GUIA_TZ: optionalText.default('America/Mexico_City').refine((v) => IANAZone.isValidZone(v ?? ''), {
    message: 'debe ser una zona horaria IANA, p. ej. America/Mexico_City',
  }),
  LOG_LEVEL: optionalText.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), {
    message: `debe ser uno de: ${LOG_LEVELS.join(', ')}`,
  }),
});

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; message: string };

/** Validates the environment; every problem is listed, in Spanish, naming its variable. Pure. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${String(issue.path[0] ?? '?')}: ${issue.message}`);
    }
    return { ok: false, message: formatProblems(problems) };
  }
  const e = parsed.data;
  const bot = e.SLACK_BOT_TOKEN;
  const app = e.SLACK_APP_TOKEN;
  const secret = e.SLACK_SIGNING_SECRET;
  let mode: Mode = 'local';
  if (bot && app) mode = 'socket';
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
    contentDir: e.GUIA_CONTENT_DIR ?? 'content',
    dbFile: e.GUIA_DB ?? './data/guia.db',
    timeZone: e.GUIA_TZ ?? 'America/Mexico_City',
    // In the terminal chat, info lines would interleave with the conversation: only warnings by default.
    logLevel: (e.LOG_LEVEL ?? (mode === 'local' ? 'warn' : 'info')) as LogLevel,
  };
  if (mode !== 'local' && bot) {
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
  return `La configuración no es válida; revisa tu entorno o el archivo .env (ver .env.example):\n${problems
    .map((p) => `  - ${p}`)
    .join('\n')}`;
}

/**
 * Reads `.env` (when present; variables already set in the environment win) and validates the result once.
 * The only impure function here.
 */
export function loadConfig(envFile = '.env'): ConfigResult {
  if (existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch (error) {
      return {
        ok: false,
        message: `No pude leer ${envFile}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return parseConfig(process.env);
}
