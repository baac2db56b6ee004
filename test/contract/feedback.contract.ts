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

    it('keeps one vote per person per answer: the last one counts', async () => {
      const s = stores();
      const vote = (userId: string, v: 1 | -1, answerKey: string | undefined, minute: number) =>
        s.feedback.recordFeedback(
          { teamId: 'T1', userId, channelId: 'C1', vote: v, question: 'plazo 1.1', answerKey },
          new Date(`2026-03-02T17:${String(minute).padStart(2, '0')}:00Z`),
        );
      await vote('U1', 1, 'C1:1700.1', 1);
      await vote('U1', 1, 'C1:1700.1', 2);
      await vote('U2', 1, 'C1:1700.1', 3);
      await vote('U1', -1, 'C1:1700.1', 4);
      await vote('U1', 1, 'C1:1700.2', 5);
      // Without an answer key (older buttons) every vote is kept.
      await vote('U3', 1, undefined, 6);
      await vote('U3', 1, undefined, 7);
      const rows = await s.feedback.listFeedback();
      expect(rows.map((r) => [r.userId, r.vote, r.answerKey, r.createdAt.slice(11, 16)])).toEqual([
        ['U1', -1, 'C1:1700.1', '17:04'],
        ['U2', 1, 'C1:1700.1', '17:03'],
        ['U1', 1, 'C1:1700.2', '17:05'],
        ['U3', 1, undefined, '17:06'],
        ['U3', 1, undefined, '17:07'],
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
