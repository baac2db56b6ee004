import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { answerQuestion } from '../../src/bot/answer-question.ts';
import { createBot } from '../../src/bot/build.ts';
import type { Request } from '../../src/bot/types.ts';
import { progressPorts } from '../../src/ports/index.ts';
import { realGuides } from '../helpers/slack-app.ts';

const at = (channelId: string, text: string): Request => ({
  text,
  userId: 'U1',
  teamId: 'T1',
  channelId,
  source: 'mention',
  threadKey: `${channelId}:${text}`,
});

describe('«¿qué sigue?» in a channel that tracks its progress', () => {
  it('answers with the channel’s next open step; elsewhere it asks which step', async () => {
    const guides = realGuides();
    const stores = createMemoryStores();
    const { deps, commands } = createBot(guides, {
      context: stores.context,
      avance: {
        guides,
        ...progressPorts(stores),
        tz: 'America/Mexico_City',
        now: () => new Date('2026-02-12T16:00:00Z'),
      },
    });
    const avance = commands.get('/avance');
    await avance?.({ ...at('C1', 'inicio 2026-01-15'), text: 'inicio 2026-01-15', source: 'command' });
    await avance?.({ ...at('C1', 'completar 1.1'), text: 'completar 1.1', source: 'command' });
    await avance?.({ ...at('C1', 'completar 1.2'), text: 'completar 1.2', source: 'command' });
    const tracked = await answerQuestion(at('C1', '¿qué sigue?'), deps, 'public');
    expect(tracked.text).toContain('siguiente paso pendiente');
    expect(tracked.text).toContain('Paso 1.3');
    const untracked = await answerQuestion(at('C2', '¿qué sigue?'), deps, 'public');
    expect(untracked.text).toContain('¿Después de qué paso?');
  });
});
