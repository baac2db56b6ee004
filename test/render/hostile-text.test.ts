import { describe, expect, it } from 'vitest';
import { plainQuestion } from '../../src/bot/slack-text.ts';
import { escapeUserText } from '../../src/render/escape.ts';
import { cut, LIMITS } from '../../src/render/limits.ts';
import { decodeFeedback, decodeShare, encodeFeedback, encodeShare } from '../../src/render/reply.ts';

describe('text a user typed, on its way back to Slack', () => {
  it('a cut never leaves half an emoji', () => {
    for (let n = 1; n < 8; n++) {
      const out = cut(`${'x'.repeat(n)}${'😀'.repeat(50)}`, 20);
      expect(out.length).toBeLessThanOrEqual(20);
      expect(out.isWellFormed()).toBe(true);
    }
  });

  it.each([
    ['quotes and backslashes', '"\\'.repeat(1000)],
    ['control characters', '\u0003'.repeat(1500)],
    ['emoji', '😀'.repeat(1500)],
  ])('share and 👍/👎 button values stay within 2000 characters with %s, and still decode', (_n, text) => {
    const share = encodeShare({ command: '/guia', text });
    expect(share.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeShare(share)?.command).toBe('/guia');
    expect(share.isWellFormed()).toBe(true);
    const vote = encodeFeedback({ question: text, stepId: '1.2', guide: 'guia-2017', intent: 'plazo' });
    expect(vote.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeFeedback(vote)?.stepId).toBe('1.2');
  });

  it('a short button value is unchanged', () => {
    expect(decodeShare(encodeShare({ command: '/guia', text: 'plazo del paso 1.2' }))).toEqual({
      command: '/guia',
      text: 'plazo del paso 1.2',
    });
  });

  it('a typed ``` fence cannot open a code block; pings stay inert', () => {
    const out = escapeUserText('```x``` <!channel> & `uno`');
    expect(out).not.toContain('``');
    expect(out).toContain('&lt;!channel&gt; &amp; `uno`');
  });

  it('a question loses control characters, bidi overrides and zero-width marks, not its words', () => {
    expect(plainQuestion('\u202Eplazo\u200B del pa\u200Dso\uFEFF 1.2\u0007\u0001')).toBe(
      'plazo del paso 1.2',
    );
  });
});
