import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/bot/answer-question.ts';
import { createCommands } from '../../src/bot/commands.ts';
import { parseGuia } from '../../src/bot/guia-command.ts';
import { buildHome } from '../../src/bot/home.ts';
import { sharedReply } from '../../src/bot/share.ts';
import { plainQuestion } from '../../src/bot/slack-text.ts';
import type { Answer, BotDeps, Reply, Request } from '../../src/bot/types.ts';
import { COMMANDS } from '../../src/render/ids.ts';
import { section } from '../../src/render/limits.ts';
import { createAnswerer } from '../../src/search/answerer.ts';
import { makeGuide, makeStep } from '../render/steps.ts';

const guides = [
  makeGuide([makeStep(), makeStep({ id: '1.2', title: 'Priorizar los datos de valor' })]),
  makeGuide([makeStep({ guide: 'guia-2015', title: 'Designar (2015)' })], {
    id: 'guia-2015',
    title: 'Guía 2015',
    isDefault: false,
  }),
];
const request = (text: string): Request => ({
  text,
  userId: 'U1',
  teamId: 'T1',
  channelId: 'C1',
  source: 'command',
});
const deps = (extra: Partial<BotDeps> = {}): BotDeps => ({
  guides,
  answerer: createAnswerer(guides),
  ...extra,
});
const run = async (text: string, d = deps()): Promise<Reply> => {
  const handler = createCommands(d).get(COMMANDS.guia);
  if (!handler) throw new Error('no /guia');
  return handler(request(text));
};
const all = (r: Reply) => JSON.stringify(r.blocks);

describe('/guia grammar', () => {
  it.each([
    ['', { kind: 'help' }],
    ['ayuda', { kind: 'help' }],
    ['4.1', { kind: 'step', id: '4.1' }],
    ['paso 2.1', { kind: 'step', id: '2.1' }],
    ['lista', { kind: 'list' }],
    ['lista guia-2015', { kind: 'list', guide: 'guia-2015' }],
    ['lista de la edición 2015', { kind: 'list', guide: 'edición 2015' }],
    ['buscar inventario de datos', { kind: 'search', query: 'inventario de datos' }],
    ['buscar', { kind: 'search', query: '' }],
    ['¿quién participa en el 2.1?', { kind: 'question', question: '¿quién participa en el 2.1?' }],
  ])('%j → %j', (text, expected) => {
    expect(parseGuia(text)).toEqual(expected);
  });
});

describe('/guia replies', () => {
  it('a step id shows every edition, the default first, shareable', async () => {
    const reply = await run('1.1');
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.share).toEqual({ command: '/guia', text: '1.1' });
    expect(all(reply).indexOf('Designar responsables')).toBeLessThan(all(reply).indexOf('Designar (2015)'));
  });

  it('an unknown step says which steps exist, in Spanish', async () => {
    const reply = await run('9.9');
    expect(reply.text).toBe('No encontré el paso 9.9 en la guía. Los pasos van del 1.1 al 1.2.');
    expect(reply.share).toBeUndefined();
  });

  it.each(['lista guia-2015', 'lista GUIA-2015', 'lista 2015', 'lista edición 2015', 'list guía 2015'])(
    '«/guia %s» lists the 2015 guide, not an answer about a 2017 step',
    async (text) => {
      const reply = await run(text);
      expect(reply.text).toContain('Pasos de la guía (Guía 2015)');
      expect(all(reply)).toContain('Designar (2015)');
      expect(all(reply)).toContain('/guia lista guia-2017');
    },
  );

  it('the list of the default guide says how to list the other one', async () => {
    const reply = await run('lista');
    expect(all(reply)).toContain('También hay: Guía 2015: `/guia lista guia-2015`');
  });

  it('an unknown guide after «lista» says which guides exist, in Spanish', async () => {
    const reply = await run('lista guia-2099');
    expect(reply.text).toBe('No conozco la guía «guia-2099». Las guías son: `guia-2017`, `guia-2015`.');
    expect(all(reply)).toContain('/guia lista guia-2015');
  });

  it.each(['datos', 'buscar datos'])(
    '«/guia %s» says the word is in nearly every step instead of «No encontré»',
    async (text) => {
      const reply = await run(text);
      expect(reply.text).toContain('«datos» aparece en casi todos los pasos');
      expect(reply.text).not.toContain('No encontré');
    },
  );

  it('"buscar" with no words asks what to search', async () => {
    expect((await run('buscar')).text).toContain('¿Qué busco?');
  });

  it('a Slack-formatted command text is read as plain words', () => {
    expect(
      plainQuestion('<@UBOT> <!channel> plazo del <https://x.mx|paso> 1.1 &amp; <#C1|general>', 'UBOT'),
    ).toBe('plazo del paso 1.1 & #general');
  });
});

describe('extension points for other features', () => {
  it('extra commands are dispatched and appear in the help', async () => {
    const d = deps({
      extraCommands: { [COMMANDS.avance]: () => ({ text: 'avance', blocks: [], visibility: 'ephemeral' }) },
    });
    const commands = createCommands(d);
    expect([...commands.keys()]).toEqual(['/guia', '/avance']);
    expect((await commands.get('/avance')?.(request('')))?.text).toBe('avance');
    expect(all(await run('ayuda', d))).toContain('/avance');
  });

  it('decorateAnswer can change every answer before it is rendered', async () => {
    const d = deps({
      decorateAnswer: (a: Answer) => ({ ...a, text: `${a.text}\nTu equipo vence el 3 de marzo.` }),
    });
    const reply = await answerQuestion({ ...request('plazo del paso 1.1'), source: 'dm' }, d, 'public');
    expect(reply.text).toContain('Tu equipo vence el 3 de marzo.');
  });

  it('a failing Home section is left out and reported; the others stay', async () => {
    const errors: unknown[] = [];
    const d = deps({
      homeSections: [
        () => {
          throw new Error('boom');
        },
        async () => [section('*Avance del equipo*')],
      ],
    });
    const blocks = await buildHome('U1', 'T1', d, (e) => errors.push(e));
    expect(JSON.stringify(blocks)).toContain('Avance del equipo');
    expect(errors).toHaveLength(1);
  });

  it('unanswered questions are logged with where they were asked', async () => {
    const logged: unknown[] = [];
    await answerQuestion(
      { ...request('zzxq plugh'), source: 'dm' },
      deps({ questions: { recordUnanswered: async (e) => void logged.push(e) } }),
      'public',
    );
    expect(logged).toMatchObject([{ source: 'dm', question: 'zzxq plugh', outcome: 'no_match' }]);
  });

  it('sharing an answer again does not log its question a second time', async () => {
    const logged: unknown[] = [];
    const d = deps({ questions: { recordUnanswered: async (e) => void logged.push(e) } });
    const commands = createCommands(d);
    await commands.get(COMMANDS.guia)?.(request('zzxq plugh'));
    const shared = await sharedReply(
      { command: '/guia', text: 'zzxq plugh' },
      { userId: 'U2', teamId: 'T1', channelId: 'C1' },
      commands,
    );
    expect(shared?.visibility).toBe('public');
    expect(logged).toHaveLength(1);
  });
});
