import { defaultGuide, findGuide, findStep, guideOfYear, stepIds } from '../content/guides.ts';
import type { Guide, Step } from '../content/model.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { helpBlocks, helpText } from '../render/help.ts';
import { COMMANDS } from '../render/ids.ts';
import { context, cut, section } from '../render/limits.ts';
import { guideListBlocks, guideListText, searchResultsBlocks } from '../render/lists.ts';
import { stepCardsBlocks, stepCardText } from '../render/step-card.ts';
import { tooBroadText } from '../search/answer-text.ts';
import { onlyGuideWords } from '../search/text.ts';
import { answerQuestion } from './answer-question.ts';
import { plainQuestion } from './slack-text.ts';
import type { BotDeps, Reply, Request } from './types.ts';

/** What `/guia <text>` asks for. Pure, so the grammar is tested on its own. */
export type GuiaRequest =
  | { kind: 'help' }
  | { kind: 'step'; id: string }
  /** `guide`: what the user wrote after `lista` ("guia-2015", "2015", "edición 2015"), if anything. */
  | { kind: 'list'; guide?: string }
  | { kind: 'search'; query: string }
  | { kind: 'question'; question: string };

export function parseGuia(text: string): GuiaRequest {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (t === '' || ['ayuda', 'help', '?', '¿?'].includes(lower)) return { kind: 'help' };
  const step = /^(?:paso\s+|step\s+)?(\d{1,2}\.\d{1,2})$/i.exec(t);
  if (step?.[1]) return { kind: 'step', id: step[1] };
  if (['lista', 'list', 'pasos', 'todos'].includes(lower)) return { kind: 'list' };
  const listOf = /^(?:lista|list)\s+(?:de\s+(?:la\s+)?)?(.+)$/is.exec(t);
  if (listOf?.[1]) return { kind: 'list', guide: listOf[1].trim() };
  const search = /^(?:buscar|busca|search)(?:\s+(.*))?$/is.exec(t);
  if (search) return { kind: 'search', query: (search[1] ?? '').trim() };
  return { kind: 'question', question: t };
}

/**
 * The guide a user names after `lista`: its id ("guia-2015", any case) or its year ("2015", "edición 2015",
 * "guía 2015"), from the id or the edition date.
 */
function guideNamed(guides: readonly Guide[], name: string): Guide | undefined {
  const wanted = name.trim().toLowerCase();
  const byId = guides.find((g) => g.id.toLowerCase() === wanted);
  if (byId) return byId;
  const year =
    /^(?:(?:la\s+)?(?:edici[oó]n|gu[ií]a|versi[oó]n|actualizaci[oó]n)(?:\s+de(?:l)?)?[\s-]*)?((?:19|20)\d\d)$/i.exec(
      wanted,
    )?.[1];
  return year ? guideOfYear(guides, year) : undefined;
}

/** Every edition that has step `id`, default edition first, with its guide (for the edition label). */
function stepEditions(guides: Guide[], id: string): Array<{ step: Step; guide?: Guide }> {
  return findStep(guides, id).map((step) => {
    const guide = findGuide(guides, step.guide);
    return guide ? { step, guide } : { step };
  });
}

/** `/guia`: help, a step card, the list, a search or an answer. Always ephemeral and shareable. */
export async function handleGuia(
  request: Request,
  deps: BotDeps,
  commandNames: readonly string[],
): Promise<Reply> {
  const text = plainQuestion(request.text);
  // Re-encoded as Slack sent it, so the button value holds no live `<!channel>` and replays to the same text.
  const share = { command: COMMANDS.guia, text: escapeMrkdwn(text) };
  const parsed = parseGuia(text);
  switch (parsed.kind) {
    case 'help':
      return { text: helpText, blocks: helpBlocks(commandNames), visibility: 'ephemeral' };
    case 'step': {
      const editions = stepEditions(deps.guides, parsed.id);
      if (editions.length === 0) {
        const ids = stepIds(deps.guides);
        const range = ids.length > 0 ? ` Los pasos van del ${ids[0]} al ${ids[ids.length - 1]}.` : '';
        const msg = `No encontré el paso ${escapeMrkdwn(parsed.id)} en la guía.${range}`;
        return {
          text: msg,
          blocks: [section(msg), context('Escribe `/guia lista` para ver todos los pasos.')],
          visibility: 'ephemeral',
        };
      }
      const first = editions[0];
      return {
        text: first ? stepCardText(first.step) : parsed.id,
        blocks: stepCardsBlocks(editions),
        visibility: 'ephemeral',
        share,
      };
    }
    case 'list': {
      const guide =
        parsed.guide === undefined ? defaultGuide(deps.guides) : guideNamed(deps.guides, parsed.guide);
      if (!guide && parsed.guide !== undefined && deps.guides.length > 0) {
        const ids = deps.guides.map((g) => `\`${g.id}\``).join(', ');
        const msg = `No conozco la guía «${escapeMrkdwn(cut(parsed.guide, 80))}». Las guías son: ${ids}.`;
        const example = deps.guides.find((g) => !g.isDefault) ?? deps.guides[0];
        return {
          text: msg,
          blocks: [section(msg), context(`Escribe \`/guia lista ${example?.id ?? ''}\` para ver sus pasos.`)],
          visibility: 'ephemeral',
        };
      }
      if (!guide) return noGuide();
      return {
        text: guideListText(guide),
        blocks: guideListBlocks(
          guide,
          deps.guides.filter((g) => g !== guide),
        ),
        visibility: 'ephemeral',
        share,
      };
    }
    case 'search': {
      if (!parsed.query) {
        const msg = '¿Qué busco? Escribe las palabras después de `buscar`, p. ej. `/guia buscar inventario`.';
        return { text: msg, blocks: [section(msg)], visibility: 'ephemeral' };
      }
      const results = deps.answerer.search(parsed.query, 5);
      const broad = results.length === 0 ? onlyGuideWords(parsed.query) : [];
      if (broad.length > 0) {
        const msg = tooBroadText(broad, 'es');
        return { text: msg, blocks: [section(msg)], visibility: 'ephemeral' };
      }
      const otherEdition = (id: string) => {
        const guide = deps.guides.find((g) => g.id === id);
        return guide?.isDefault ? undefined : (guide?.title ?? id);
      };
      return {
        text: `Resultados para «${escapeMrkdwn(cut(parsed.query, 100))}»: ${results.map((r) => r.step.id).join(', ') || 'ninguno'}`,
        blocks: searchResultsBlocks(parsed.query, results, otherEdition),
        visibility: 'ephemeral',
        ...(results.length > 0 ? { share } : {}),
      };
    }
    case 'question': {
      const reply = await answerQuestion({ ...request, text: parsed.question }, deps, 'ephemeral');
      return reply.feedback ? { ...reply, share } : reply;
    }
  }
}

function noGuide(): Reply {
  const msg = 'La guía todavía no está cargada; avisa a quien administra el bot.';
  return { text: msg, blocks: [section(msg)], visibility: 'ephemeral' };
}
