import { describe, expect, it } from 'vitest';
import { type StoresFactory, useStores } from './factory.ts';

export function feedbackContract(factory: StoresFactory): void {
  describe('feedback port', () => {
    const stores = useStores(factory);

    it('keeps votes and unanswered questions in the order they came, with their time', async () => {
      const s = stores();
      await s.feedback.recordFeedback(
        {
          teamId: 'T1',
          userId: 'U1',
          channelId: 'C1',
          vote: -1,
          question: '¿quién participa en el 2.1?',
          stepId: '2.1',
          guide: 'guia-2017',
          intent: 'involucrados',
        },
        new Date('2026-03-02T17:30:00Z'),
      );
      await s.feedback.recordFeedback(
        { teamId: 'T1', userId: 'U2', channelId: 'C1', vote: 1, question: 'plazo 1.1' },
        new Date('2026-03-02T17:31:00Z'),
      );
      await s.feedback.recordUnanswered(
        {
          teamId: 'T1',
          userId: 'U3',
          channelId: 'D1',
          source: 'dm',
          question: '¿y el presupuesto?',
          outcome: 'no_match',
          confidence: 0.25,
        },
        new Date('2026-03-02T17:32:00Z'),
      );
      expect(await s.feedback.listFeedback()).toEqual([
        {
          createdAt: '2026-03-02T17:30:00.000Z',
          teamId: 'T1',
          userId: 'U1',
          channelId: 'C1',
          vote: -1,
          question: '¿quién participa en el 2.1?',
          stepId: '2.1',
          guide: 'guia-2017',
          intent: 'involucrados',
        },
        {
          createdAt: '2026-03-02T17:31:00.000Z',
          teamId: 'T1',
          userId: 'U2',
          channelId: 'C1',
          vote: 1,
          question: 'plazo 1.1',
        },
      ]);
      expect(await s.feedback.listUnanswered()).toEqual([
        {
          createdAt: '2026-03-02T17:32:00.000Z',
          teamId: 'T1',
          userId: 'U3',
          channelId: 'D1',
          source: 'dm',
          question: '¿y el presupuesto?',
          outcome: 'no_match',
          confidence: 0.25,
        },
      ]);
    });

    it('stores hostile text as text', async () => {
      const s = stores();
      const question = "'); DROP TABLE feedback; -- <!channel> constructor 🙂";
      await s.feedback.recordUnanswered({
        teamId: 'T1',
        userId: 'U1',
        channelId: 'C1',
        source: 'mention',
        question,
        outcome: 'choose',
        confidence: 0.5,
      });
      expect((await s.feedback.listUnanswered()).map((q) => q.question)).toEqual([question]);
      expect(await s.feedback.listFeedback()).toEqual([]);
    });
  });
}
