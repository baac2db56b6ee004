/**
 * The daily post cannot switch itself off in silence (issue 10, point 2), end to end: signed slash commands
 * and events to the real HTTP app, the fake Slack Web API, and the daily job as the scheduler runs it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDaily } from '../../src/schedule/daily.ts';
import { dailyDepsFor, slashCommand, startAvanceTestApp } from '../helpers/avance-app.ts';
import { FAKE_BOT } from '../helpers/fake-slack.ts';
import { eventEnvelope, postEvent } from '../helpers/signed-request.ts';
import type { TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startAvanceTestApp());
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => t.fake.reset());

const at = (local: string) => new Date(`${local}-06:00`);
const avance = async (text: string) => JSON.stringify(await slashCommand(t, '/avance', text));
const daily = async (now: Date) => runDaily(await dailyDepsFor(t), now);
const tracker = () =>
  t.db.prepare("SELECT daily_enabled, removed_at FROM progress_trackers WHERE channel_id = 'C0001'").get() as
    | { daily_enabled: number; removed_at: string | null }
    | undefined;

describe('the daily post in a channel without the bot', () => {
  it('is refused when set, with how to invite the bot, and nothing changes', async () => {
    t.fake.respondWith('conversations.info', { channel: { id: 'C0001', is_member: false } });
    const reply = await avance('diario 09:00');
    expect(reply).toContain('No puedo publicar en este canal: el bot no es miembro');
    expect(reply).toContain('/invite @guia');
    expect(t.fake.callsTo('conversations.info')[0]?.params.channel).toBe('C0001');
    expect(tracker()?.daily_enabled ?? 0).toBe(0);
  });

  it('stops when Slack refuses it for good: a DM to whoever set it, a note in /avance; the invitation restores it', async () => {
    t.fake.respondWith('conversations.info', { channel: { id: 'C0001', is_member: true } });
    expect(await avance('diario 09:00')).toContain('Resumen diario de este canal: 09:00');
    t.fake.reset();
    t.fake.fail('chat.postMessage', { error: 'not_in_channel' });
    const run = await daily(at('2026-02-11T09:00:00'));
    expect(run.removed).toHaveLength(1);
    expect(tracker()?.removed_at).toBeTruthy();
    // The DM to U0001, who set the daily post.
    expect(t.fake.callsTo('conversations.open')[0]?.params.users).toBe('U0001');
    const dm = t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DU0001');
    expect(JSON.stringify(dm?.params)).toContain(
      'No pude publicar el resumen diario en <#C0001> (not_in_channel)',
    );

    // `/avance` in the channel says so too.
    const overview = await avance('');
    expect(overview).toContain('El resumen diario se detuvo el 11 de febrero de 2026');
    expect(overview).toContain('/invite @guia');

    // It fails again the next day (the bot is still out), then the bot is invited back.
    t.fake.reset();
    t.fake.fail('chat.postMessage', { error: 'not_in_channel' });
    expect((await daily(at('2026-02-12T09:00:00'))).removed).toHaveLength(1);
    t.fake.reset();
    await postEvent(
      t.target,
      eventEnvelope({
        type: 'member_joined_channel',
        user: FAKE_BOT.userId,
        channel: 'C0001',
        channel_type: 'C',
        team: 'T0001',
        event_ts: '1700000100.000100',
      }),
    );
    const told = await t.fake.waitFor(() =>
      t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0001'),
    );
    expect(String(told.params.text)).toContain('¡Gracias por invitarme de nuevo!');
    expect(String(told.params.text)).toContain('El resumen diario vuelve a publicarse: 09:00 (lun-vie)');
    expect(tracker()?.removed_at).toBeNull();
    const history = await avance('historial');
    expect(history).toContain('volvió a activar el avance');
    t.fake.reset();
    const next = await daily(at('2026-02-13T09:00:00'));
    expect([...next.posted, ...next.quiet]).toHaveLength(1);
    expect(t.fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C0001']);
    expect(await avance('')).not.toContain('se detuvo');
  });

  it('someone else joining the channel changes nothing', async () => {
    const before = tracker();
    await postEvent(
      t.target,
      eventEnvelope({ type: 'member_joined_channel', user: 'U0009', channel: 'C0001', event_ts: '1.2' }),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(tracker()).toEqual(before);
  });
});
