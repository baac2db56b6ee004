import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { createApp, openStores } from '../../src/app/wire.ts';
import { parseConfig } from '../../src/config/config.ts';
import { realGuides } from '../helpers/slack-app.ts';

const localConfig = (env: Record<string, string> = {}) => {
  const parsed = parseConfig({ GUIA_TZ: 'America/Mexico_City', ...env });
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.config.mode).toBe('local');
  return parsed.config;
};

async function chat(lines: string[], app: Awaited<ReturnType<typeof createApp>>): Promise<string> {
  if (!app.ok) throw new Error(app.message);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => {
    text += d.toString();
  });
  input.end(`${lines.join('\n')}\n`);
  await app.value.runLocalChat({ input, output, interactive: false });
  return text;
}

describe('createApp', () => {
  it('builds the terminal chat with team progress on the stores it is given, and no Slack app', async () => {
    const stores = createMemoryStores();
    const built = await createApp(localConfig(), {
      stores,
      guides: realGuides(),
      logger: pino({ level: 'silent' }),
      now: () => new Date('2026-02-10T16:00:00Z'),
    });
    const out = await chat(['/avance iniciar 1.1', 'zzxq plugh wibble'], built);
    expect(out).toContain('Paso 1.1 iniciado.');
    if (!built.ok) return;
    expect(built.value.slack).toBeUndefined();
    const tracker = await stores.trackers.getTracker('TLOCAL', 'DLOCAL');
    expect(tracker?.startDate).toBe('2026-02-10');
    expect((await stores.feedback.listUnanswered()).map((q) => q.source)).toEqual(['local']);
    await built.value.close();
  });

  it('refuses to start without a guide, naming GUIA_CONTENT_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guia-wire-'));
    try {
      const built = await createApp(localConfig({ GUIA_CONTENT_DIR: dir, GUIA_DB: join(dir, 'guia.db') }), {
        logger: pino({ level: 'silent' }),
      });
      expect(built).toMatchObject({ ok: false, message: expect.stringContaining('GUIA_CONTENT_DIR') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens GUIA_DB, reports it healthy, and closed it is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guia-wire-'));
    try {
      const built = await createApp(localConfig({ GUIA_DB: join(dir, 'data', 'guia.db') }), {
        guides: realGuides(),
        logger: pino({ level: 'silent' }),
      });
      if (!built.ok) throw new Error(built.message);
      const { stores } = built.value;
      expect(await stores.health()).toEqual({ ok: true });
      await built.value.close();
      await built.value.close();
      expect(await stores.health()).toMatchObject({ ok: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a database path that cannot be used is one Spanish sentence naming the variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guia-wire-'));
    try {
      const opened = await openStores(join(dir, 'no-such', '\0bad'), '--db');
      expect(opened).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^--db: no pude crear o abrir/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
