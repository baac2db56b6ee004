import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/ports/steps.ts';
import { summarize } from '../../src/progress/summary.ts';
import { eventText, progressHeadline } from '../../src/render/avance.ts';
import { dailyPostBlocks } from '../../src/render/avance-daily.ts';
import { homeProgressBlocks } from '../../src/render/avance-home.ts';
import { makeGuide, makeStep } from '../progress/steps.ts';

const event = (over: Partial<ProgressEvent>): ProgressEvent => ({
  id: 1,
  trackerId: 1,
  at: '2026-02-12T16:00:00Z',
  userId: 'UANA',
  source: '/avance',
  kind: 'step.owner',
  stepId: '1.2',
  before: {},
  after: {},
  ...over,
});

describe('Spanish agreement in what the bot writes', () => {
  it('«1 de 1 paso completado» and «1 de 6 pasos completados»', () => {
    const one = { ...makeGuide(), steps: [makeStep('4.1', { days: 30 })] };
    expect(progressHeadline(summarize(one, new Map(), '2026-01-01', '2026-01-02'))).toBe(
      '0 % · 0 de 1 paso completado',
    );
    expect(progressHeadline(summarize(makeGuide(), new Map(), '2026-01-01', '2026-01-02'))).toBe(
      '0 % · 0 de 6 pasos completados',
    );
  });

  it('«1 vencido» in the daily post and the Home tab, «2 vencidos» for two', () => {
    // 1.1 (30 días naturales) is late on 1 March from a 1 January start; 1.2 (10 hábiles) too.
    const guide = { ...makeGuide(), steps: [makeStep('1.1', { days: 30, dayKind: 'naturales' })] };
    const late = summarize(guide, new Map(), '2026-01-01', '2026-03-01');
    expect(dailyPostBlocks(guide, '2026-03-01', [], late).text).toContain('; 1 vencido');
    const tracker = { id: 1, channelId: 'C1' } as never;
    const home = JSON.stringify(homeProgressBlocks([], [{ tracker, guide, summary: late }]));
    expect(home).toContain('· 1 vencido');
    expect(home).toContain('0 de 1 paso ·');
    const two = summarize(makeGuide(), new Map(), '2025-01-01', '2026-03-01');
    expect(dailyPostBlocks(makeGuide(), '2026-03-01', [], two).text).toMatch(/; \d+ vencidos/);
  });

  it('«del paso», never «de el paso»', () => {
    const texts = [
      eventText(event({ kind: 'step.owner', before: { ownerUserId: 'U2' }, after: {} })),
      eventText(
        event({
          kind: 'step.activity',
          before: { checkedActivities: [] },
          after: { checkedActivities: [0] },
        }),
      ),
      eventText(
        event({
          kind: 'step.status',
          before: { status: 'bloqueado', blockedReason: 'a' },
          after: { status: 'bloqueado', blockedReason: 'b' },
        }),
      ),
    ];
    expect(texts).toEqual([
      '<@UANA> quitó al responsable del paso `1.2`',
      '<@UANA> marcó la actividad 1 del paso `1.2`',
      '<@UANA> actualizó el motivo del bloqueo del paso `1.2`: _b_',
    ]);
    for (const text of texts) expect(text).not.toContain('de el ');
  });

  it('the reader’s own changes read «tú»', () => {
    const e = event({
      kind: 'step.status',
      before: { status: 'pendiente' },
      after: { status: 'completado' },
    });
    expect(eventText(e, { you: 'UANA' })).toBe('Tú completaste el paso `1.2`');
    expect(eventText(e, { you: 'UBETO' })).toBe('<@UANA> completó el paso `1.2`');
    const assigned = event({ kind: 'step.owner', userId: 'UBETO', after: { ownerUserId: 'UANA' } });
    expect(eventText(assigned, { you: 'UANA' })).toBe('<@UBETO> te asignó el paso `1.2`');
  });
});
