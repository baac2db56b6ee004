/**
 * Property suite (issue 9): `/avance` refusals and stale or forged buttons, through the service on a real
 * SQLite file, answer in well under 100 ms and leave every table exactly as it was.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleAvance, handleAvanceAction } from '../../src/bot/avance-command.ts';
import { parseAvance } from '../../src/bot/avance-verbs.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { useAvanceService } from '../avance/avance-service.ts';
import { dumpTables } from '../helpers/payload-checks.ts';
import {
  anyText,
  fragment,
  hostileText,
  hostileWords,
  PROTOTYPE_KEYS,
  quicklyAsync,
  RUNS,
} from './adversarial.ts';

const service = useAvanceService();
const ask = (text: string) =>
  handleAvance({ text, userId: 'UANA', teamId: 'T1', channelId: 'C1', source: 'command' }, service.deps);

beforeEach(async () => {
  await ask('inicio 2026-01-15');
  await ask('iniciar 1.1');
});

/** Texts `/avance` must refuse: a parse error, or a verb whose argument cannot be valid. */
const refusal = fc.oneof(
  anyText.filter((text) => parseAvance(text).kind === 'error'),
  fc
    .tuple(fc.constantFrom('diario 09:00', 'diario', 'diario sin-cambios'), hostileWords)
    .map(([verb, words]) => `${verb} ${words}`)
    .filter((text) => parseAvance(text).kind === 'error'),
  hostileText
    .filter((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t.trim()) && t.trim() !== '')
    .map((t) => `inicio ${t}`),
  fc.constantFrom(...PROTOTYPE_KEYS, 'guia-1999').map((id) => `guia ${id}`),
  fc
    .tuple(fc.constantFrom('iniciar', 'completar', 'reabrir', 'historial', 'bloquear'), fragment)
    .map(([verb, arg]) => `${verb} ${arg}`)
    .filter((text) => parseAvance(text).kind === 'error'),
  fc.constantFrom('iniciar 99.99', 'completar 0.0', '77.7', 'asignar 9.9 <@U123>'),
);

describe('/avance refusals', () => {
  it('every Object.prototype key as a verb, a day, a guide or a step changes nothing', async () => {
    const before = dumpTables(service.db);
    for (const key of PROTOTYPE_KEYS) {
      for (const text of [
        key,
        `diario 09:00 ${key}`,
        `diario 09:00 lun-${key}`,
        `guia ${key}`,
        `iniciar ${key}`,
      ]) {
        await quicklyAsync(() => ask(text));
      }
    }
    expect(dumpTables(service.db)).toBe(before);
  });

  it('any refused text answers quickly and leaves every table as it was', async () => {
    await fc.assert(
      fc.asyncProperty(refusal, async (text) => {
        const before = dumpTables(service.db);
        const reply = await quicklyAsync(() => ask(text));
        expect(typeof reply.text).toBe('string');
        expect(dumpTables(service.db)).toBe(before);
      }),
      RUNS,
    );
  });
});

describe('stale or forged buttons', () => {
  const value = fc.oneof(
    anyText,
    fc.json(),
    fc
      .record({ t: fc.oneof(fc.integer(), fc.double()), g: hostileText, s: hostileText, a: fc.integer() })
      .map((v) => JSON.stringify(v)),
    fc.constantFrom(...PROTOTYPE_KEYS).map((key) => JSON.stringify({ t: 1, g: key, s: key, a: 0 })),
    fc.integer({ min: -5, max: 500 }).map((a) => JSON.stringify({ t: 1, g: 'guia-2017', s: '1.1', a })),
  );
  const actionId = fc.constantFrom(
    ACTIONS.avanceStart,
    ACTIONS.avanceComplete,
    `${ACTIONS.avanceToggleActivity}_0`,
  );

  it('answer quickly, and a button that is not valid changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(value, actionId, async (raw, id) => {
        const before = dumpTables(service.db);
        const reply = await quicklyAsync(async () =>
          handleAvanceAction(service.deps, { actionId: id, value: raw, userId: 'UANA', teamId: 'T1' }),
        );
        if (/ya no es válido|no es válido/.test(reply.text)) expect(dumpTables(service.db)).toBe(before);
      }),
      RUNS,
    );
  });
});
