import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { avanceUsageHint, parseAvance } from '../../src/bot/avance-verbs.ts';
import { parseConfig } from '../../src/config/config.ts';
import { COMMANDS } from '../../src/render/ids.ts';
import { BOT_SCOPES } from '../../src/slack/oauth.ts';

const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

interface Manifest {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: Array<{
      command: string;
      description: string;
      usage_hint: string;
      should_escape: boolean;
    }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

describe('manifest.yml', () => {
  const text = read('manifest.yml');
  const manifest = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Manifest;

  it('points editors to the manifest schema', () => {
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/.*manifest-schema/);
  });

  it('declares exactly the slash commands the bot registers, /avance escaped', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const c of commands) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.usage_hint.length).toBeGreaterThan(0);
    }
    expect(commands.find((c) => c.command === COMMANDS.avance)?.should_escape).toBe(true);
  });

  it('shows /avance usage examples that the command understands', () => {
    const hint =
      manifest.features.slash_commands.find((c) => c.command === COMMANDS.avance)?.usage_hint ?? '';
    const examples = hint
      .replace(/^\[|\]$/g, '')
      .split('|')
      .map((e) => e.trim().replace('@persona', '<@U123|ana>').replace('AAAA-MM-DD', '2026-01-15'));
    expect(examples.length).toBeGreaterThan(3);
    for (const example of examples) expect(parseAvance(example).kind, example).not.toBe('error');
  });

  it('takes the /avance usage hint from the verb table, so help and manifest cannot drift', () => {
    const hint = manifest.features.slash_commands.find((c) => c.command === COMMANDS.avance)?.usage_hint;
    expect(hint).toBe(avanceUsageHint());
  });

  it('has the events, Home tab, interactivity and Socket Mode the bot needs', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'member_joined_channel',
      'message.im',
      'tokens_revoked',
    ]);
    // The bot scopes: the test below holds them equal to BOT_SCOPES, the one list.
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for the same bot scopes as the OAuth install link', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('documents the distribution settings in comments: redirect URL, token rotation, org installs', () => {
    expect(text).toMatch(/^\s*#\s+- https:\/\/YOUR-HOST\/slack\/oauth_redirect$/m);
    expect(text).toMatch(/#.*token_rotation_enabled: true/);
    expect(text).toMatch(/#.*org_deploy_enabled: true/);
    expect(text).toMatch(/#.*\/slack\/install/);
    // The header's distribution paragraph alone: SLACK_SIGNING_SECRET is also named in the HTTP one above
    // it, so a search of the whole file could not tell that distribution mode forgot it.
    const distribution = /^# Many workspaces[^\n]*\n(?:#[^\n]*\n)*/m.exec(text)?.[0] ?? '';
    expect(distribution).not.toBe('');
    for (const name of [
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'SLACK_SIGNING_SECRET',
    ]) {
      expect(distribution).toContain(name);
    }
  });
});

describe('.env.example', () => {
  it('documents every variable the configuration reads, and as shipped means local mode', () => {
    const env = parseEnv(read('.env.example'));
    expect(Object.keys(env).sort()).toEqual(
      [
        'DATABASE_POOL_SIZE',
        'DATABASE_SSL',
        'DATABASE_STATEMENT_TIMEOUT_MS',
        'DATABASE_URL',
        'GUIA_CONTENT_DIR',
        'GUIA_DB',
        'GUIA_TZ',
        'HOST',
        'LOG_LEVEL',
        'PORT',
        'SLACK_API_URL',
        'SLACK_APP_TOKEN',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
        'SLACK_CLIENT_ID',
        'SLACK_CLIENT_SECRET',
        'SLACK_STATE_SECRET',
        'SLACK_REDIRECT_URI',
      ].sort(),
    );
    const parsed = parseConfig(env);
    expect(parsed.ok && parsed.config.mode).toBe('local');
  });
});
