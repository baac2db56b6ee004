import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { answerBlocks, defuseBroadcasts } from '../../src/render/answer.ts';
import { helpBlocks } from '../../src/render/help.ts';
import { homeBlocks } from '../../src/render/home.ts';
import { ACTIONS, COMMANDS } from '../../src/render/ids.ts';
import { LIMITS, section } from '../../src/render/limits.ts';
import { guideListBlocks, searchResultsBlocks } from '../../src/render/lists.ts';
import { blocksToPlainText, mrkdwnToPlain } from '../../src/render/plain-text.ts';
import {
  decodeFeedback,
  decodeShare,
  encodeFeedback,
  encodeShare,
  replyActionsBlock,
} from '../../src/render/reply.ts';
import { stepCardBlocks, stepCardsBlocks, stepCardText } from '../../src/render/step-card.ts';
import { makeGuide, makeStep } from './steps.ts';

/** Every section/header text in the blocks, for limit checks. */
function texts(blocks: KnownBlock[]): Array<{ type: string; text: string }> {
  return blocks.flatMap((b) => {
    if (b.type === 'section' && b.text) return [{ type: 'section', text: b.text.text }];
    if (b.type === 'header') return [{ type: 'header', text: b.text.text }];
    return [];
  });
}

function withinLimits(blocks: KnownBlock[], maxBlocks: number = LIMITS.messageBlocks): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const t of texts(blocks)) {
    expect(t.text.length).toBeLessThanOrEqual(t.type === 'header' ? LIMITS.headerText : LIMITS.sectionText);
  }
}

describe('step card', () => {
  it('shows title, phase, edition, involved, deadline, regulations, activities and a link', () => {
    const blocks = stepCardBlocks(makeStep(), { title: 'Guía 2017', isDefault: true });
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Paso 1.1 · Designar responsables', emoji: true },
    });
    const all = JSON.stringify(blocks);
    for (const part of [
      '*Fase:* Planea',
      '*Edición:* Guía 2017',
      '• Titular de la institución',
      '*Plazo*\\n15 días hábiles',
      '• Decreto de Datos Abiertos',
      '1. Designar al Administrador',
      '<https://datos.gob.mx/guia/planea/paso-1-1.html|Ver en datos.gob.mx>',
    ]) {
      expect(all).toContain(part);
    }
  });

  it('cuts a very long step within Slack limits, ending with a link to the full step', () => {
    const long = makeStep({
      title: 'T'.repeat(400),
      activities: Array.from({ length: 200 }, (_, i) => `Actividad ${i} ${'x'.repeat(80)}`),
      summary: 's '.repeat(5000),
      involved: Array.from({ length: 100 }, (_, i) => `Rol ${i} ${'y'.repeat(40)}`),
    });
    const blocks = stepCardBlocks(long);
    withinLimits(blocks);
    const activities = texts(blocks).find((t) => t.text.startsWith('*Actividades*'));
    expect(activities?.text).toMatch(
      /…\s<https:\/\/datos\.gob\.mx\/guia\/planea\/paso-1-1\.html\|Ver el paso completo>$/,
    );
    expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
  });

  it('escapes content so a "<" in the guide cannot become a Slack link or ping', () => {
    const blocks = stepCardBlocks(makeStep({ phase: 'Planea', title: 'A <b>', involved: ['<!here> & co'] }));
    // Headers are plain_text (never parsed); every mrkdwn text must be escaped.
    const mrkdwn = JSON.stringify(blocks.filter((b) => b.type !== 'header'));
    expect(mrkdwn).not.toMatch(/<!here>/);
    expect(mrkdwn).toContain('• &lt;!here&gt; &amp; co');
  });

  it('puts both editions of a step in one message, separated by a divider', () => {
    const blocks = stepCardsBlocks([
      { step: makeStep(), guide: { title: 'Guía 2017', isDefault: true } },
      { step: makeStep({ guide: 'guia-2015' }), guide: { title: 'Guía 2015', isDefault: false } },
    ]);
    expect(blocks.filter((b) => b.type === 'header')).toHaveLength(2);
    expect(blocks.some((b) => b.type === 'divider')).toBe(true);
    expect(JSON.stringify(blocks)).toContain('Guía 2015 (anterior)');
    withinLimits(blocks);
  });

  it('links prev/next given as site paths and names prev/next given as ids', () => {
    const byPath = JSON.stringify(stepCardBlocks(makeStep({ next: '/guia/planea/paso-1-2.html' })));
    expect(byPath).toContain('<https://datos.gob.mx/guia/planea/paso-1-2.html|Siguiente>');
    const byId = JSON.stringify(stepCardBlocks(makeStep({ next: '1.2' })));
    expect(byId).toContain('Siguiente: `/guia 1.2`');
  });
});

describe('answer', () => {
  const step = makeStep();
  it('an answered question shows the text and how to open the step', () => {
    expect(answerBlocks({ text: 'Participan: *A*', outcome: 'answered', step, alternatives: [] })).toEqual([
      section('Participan: *A*'),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Ficha completa del paso 1.1: `/guia 1.1`' }],
      },
    ]);
  });

  it('a question with no match suggests /guia lista once, not twice', () => {
    const said = (text: string) =>
      JSON.stringify(answerBlocks({ text, outcome: 'no_match', step: null, alternatives: [] })).split(
        '/guia lista',
      ).length - 1;
    expect(said('No encontré nada. Usa `/guia lista`.')).toBe(1);
    expect(said('No encontré nada.')).toBe(1);
  });

  it('a choice lists the candidate steps as commands', () => {
    const blocks = answerBlocks({
      text: '¿Cuál de estos?',
      outcome: 'choose',
      step: null,
      alternatives: [
        { step, score: 1 },
        { step: makeStep({ id: '1.2', title: 'Priorizar' }), score: 0.9 },
      ],
    });
    expect(JSON.stringify(blocks[1])).toContain('`/guia 1.1` Designar responsables · `/guia 1.2` Priorizar');
  });

  it('defuses broadcast pings even if an answer text contained one', () => {
    expect(defuseBroadcasts('hola <!channel> y <!here|here> y <!subteam^S123|@equipo>')).toBe(
      'hola @channel y @here y @subteam',
    );
  });

  it('a long answer is cut within the section limit with a link to the step', () => {
    const [first] = answerBlocks({ text: 'x'.repeat(5000), outcome: 'answered', step, alternatives: [] });
    const text = first?.type === 'section' ? (first.text?.text ?? '') : '';
    expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(text).toMatch(/Ver el paso completo>$/);
  });
});

describe('buttons', () => {
  it('share and feedback buttons carry values that decode back, under 2000 characters', () => {
    const block = replyActionsBlock({
      share: { command: '/guia', text: 'q'.repeat(5000) },
      feedback: { question: 'p'.repeat(5000), stepId: '1.1', guide: 'guia-2017', intent: 'plazo' },
    });
    expect(block?.type).toBe('actions');
    const elements = block && block.type === 'actions' ? block.elements : [];
    expect(elements.map((e) => ('action_id' in e ? e.action_id : ''))).toEqual([
      ACTIONS.share,
      ACTIONS.feedbackUp,
      ACTIONS.feedbackDown,
    ]);
    for (const e of elements) expect(('value' in e ? (e.value ?? '') : '').length).toBeLessThanOrEqual(2000);
    expect(decodeShare(encodeShare({ command: '/guia', text: '4.1' }))).toEqual({
      command: '/guia',
      text: '4.1',
    });
    expect(decodeFeedback(encodeFeedback({ question: '¿plazo?', stepId: '1.1' }))).toEqual({
      question: '¿plazo?',
      stepId: '1.1',
    });
  });

  it('unreadable button values decode to null instead of throwing', () => {
    expect(decodeShare('not json')).toBeNull();
    expect(decodeShare('{"c":1}')).toBeNull();
    expect(decodeFeedback(undefined)).toBeNull();
    expect(replyActionsBlock({})).toBeNull();
  });
});

describe('lists, help and Home', () => {
  const guide = makeGuide([
    makeStep(),
    makeStep({ id: '2.1', phase: 'Publica', title: 'Convertir', deadline: { text: '30 días' } }),
  ]);

  it('/guia lista groups steps by phase with their deadlines', () => {
    const blocks = guideListBlocks(guide);
    expect(blocks[1]).toEqual(section('*Planea*\n• `1.1` Designar responsables — _15 días hábiles_'));
    expect(blocks[2]).toEqual(section('*Publica*\n• `2.1` Convertir — _30 días_'));
  });

  it('search results name the edition only for steps outside the default guide', () => {
    const found = searchResultsBlocks('datos', [{ step: makeStep(), score: 1 }], () => 'Guía 2015');
    expect(JSON.stringify(found)).toContain('`1.1` *Designar responsables* — Planea, Guía 2015 <');
    const inDefault = searchResultsBlocks('datos', [{ step: makeStep(), score: 1 }], () => undefined);
    expect(JSON.stringify(inDefault)).toContain('`1.1` *Designar responsables* — Planea <');
  });

  it('an empty search says so in Spanish', () => {
    expect(JSON.stringify(searchResultsBlocks('<!channel>', [], () => undefined))).toContain(
      'No encontré pasos para «&lt;!channel&gt;»',
    );
  });

  it('help mentions /avance only when it is registered', () => {
    expect(JSON.stringify(helpBlocks([COMMANDS.guia]))).not.toContain('/avance');
    expect(JSON.stringify(helpBlocks([COMMANDS.guia, COMMANDS.avance]))).toContain('/avance');
  });

  it('the Home tab stays within 100 blocks however many extra sections there are', () => {
    const extra = Array.from({ length: 150 }, (_, i) => section(`progreso ${i}`));
    const blocks = homeBlocks(guide, extra);
    withinLimits(blocks, LIMITS.homeBlocks);
    expect(blocks).toHaveLength(100);
  });

  it('the Home tab shows the guide by phase after the extra sections', () => {
    const blocks = homeBlocks(guide, [section('*Avance del equipo*')]);
    const all = JSON.stringify(blocks);
    expect(all.indexOf('Avance del equipo')).toBeLessThan(all.indexOf('Pasos y plazos'));
    expect(all).toContain('15 días hábiles');
  });
});

describe('step card notification text', () => {
  it('ends the deadline sentence with one period even when the guide already put one (4.1)', () => {
    const step = makeStep({
      id: '4.1',
      deadline: { text: '90 días naturales para la primera iteración, y de manera continua.', days: 90 },
      involved: ['Administrador de Datos Abiertos'],
    });
    expect(stepCardText(step)).toBe(
      'Paso 4.1 · Designar responsables — Plazo: 90 días naturales para la primera iteración, y de manera continua. Involucrados: Administrador de Datos Abiertos.',
    );
  });
});

describe('terminal rendering', () => {
  it('turns mrkdwn into readable text', () => {
    expect(
      mrkdwnToPlain('*Plazo* de _15 días_: <https://x.mx/a|ver> &lt;b&gt; &amp; <@U1|ana> <!here>'),
    ).toBe('Plazo de 15 días: ver (https://x.mx/a) <b> & @ana @here');
  });

  it('shows inline code without backticks and a code block on lines of its own, as written', () => {
    expect(mrkdwnToPlain('Ficha completa del paso 1.2: `/guia 1.2`')).toBe(
      'Ficha completa del paso 1.2: /guia 1.2',
    );
    expect(mrkdwnToPlain('`███░░░░░░░` Planea · `1.2` *listo*')).toBe('███░░░░░░░ Planea · 1.2 listo');
    expect(mrkdwnToPlain('Aquí está el CSV:\n```paso,titulo\n1.1,*a*_b_ &amp; c```')).toBe(
      'Aquí está el CSV:\n\npaso,titulo\n1.1,*a*_b_ & c',
    );
  });

  it('drops bold and italic marks next to Spanish quotes and bullets', () => {
    expect(mrkdwnToPlain('«*Plazo:*» •*Paso 1.2 · Priorizar*\n_(2015)_')).toBe(
      '«Plazo:» •Paso 1.2 · Priorizar\n(2015)',
    );
  });

  it('calls the person at the terminal «tú» and everyone else by name', () => {
    const text = blocksToPlainText([section('Responsable: <@ULOCAL> · <@ULANA> lo revisó · <@UX9>')], {
      you: 'ULOCAL',
      nameOf: (id) => (id === 'ULANA' ? 'ana' : undefined),
    });
    expect(text).toBe('Responsable: tú · @ana lo revisó · @UX9');
  });

  it('renders headers, sections, context and dividers and drops buttons', () => {
    const text = blocksToPlainText([
      { type: 'header', text: { type: 'plain_text', text: 'Paso 1.1' } },
      section('*Plazo*\n15 días'),
      { type: 'divider' },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'a' },
          { type: 'mrkdwn', text: 'b' },
        ],
      },
      replyActionsBlock({ feedback: { question: 'q' } }) as KnownBlock,
    ]);
    expect(text).toBe('Paso 1.1\n────────\nPlazo\n15 días\n────────\na · b');
  });
});
