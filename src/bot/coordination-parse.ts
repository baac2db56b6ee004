/** The grammar of the coordination verbs of `/avance` (issue 12): institucion, coordinacion, semanal. */
import { parseDays } from './avance-parse.ts';

export type CoordinationRequest =
  | { kind: 'institution-show' }
  | { kind: 'institution-set'; name: string }
  | { kind: 'institution-clear' }
  | { kind: 'coordination' }
  | { kind: 'coordination-move' }
  | { kind: 'coordination-export' }
  | { kind: 'weekly-show' }
  | { kind: 'weekly-off' }
  | { kind: 'weekly'; day: number; time: string }
  | { kind: 'chart' }
  | { kind: 'error'; message: string };

export const COORDINATION_SYNTAX = {
  institucion: '`/avance institucion Secretaría de Economía` (o `/avance institucion quitar`)',
  coordinacion: '`/avance coordinacion`, `/avance coordinacion exportar` o `/avance coordinacion mover`',
  semanal: '`/avance semanal lun 09:00` o `/avance semanal off`',
} as const;

/** Institution names are shown in lists and charts: long enough for "Instituto Nacional de …", no more. */
export const INSTITUTION_MAX = 120;

type CoordinationVerb = 'institucion' | 'coordinacion' | 'semanal' | 'grafica';
// A Map: `/avance constructor` must not find Object.prototype's members.
const VERBS: ReadonlyMap<string, CoordinationVerb> = new Map(
  Object.entries({
    grafica: 'grafica',
    gráfica: 'grafica',
    institucion: 'institucion',
    institución: 'institucion',
    coordinacion: 'coordinacion',
    coordinación: 'coordinacion',
    semanal: 'semanal',
  } satisfies Record<string, CoordinationVerb>),
);

const err = (message: string): CoordinationRequest => ({ kind: 'error', message });

/** Slack sends the text entity-encoded; the name is stored as the person wrote it (escaped when shown). */
const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Undefined when the text is not one of these verbs (the main `/avance` grammar takes it). */
export function parseCoordination(text: string): CoordinationRequest | undefined {
  const t = text.trim().normalize('NFC');
  const [rawVerb = '', ...rest] = t.split(/\s+/);
  const verb = VERBS.get(rawVerb.toLowerCase());
  if (!verb) return undefined;
  const arg = rest[0]?.toLowerCase();
  switch (verb) {
    case 'institucion': {
      if (rest.length === 0) return { kind: 'institution-show' };
      if (rest.length === 1 && (arg === 'quitar' || arg === 'borrar')) return { kind: 'institution-clear' };
      // Control characters and line breaks would break a CSV row or a chart label; spaces are folded.
      const name = decode(t.slice(rawVerb.length))
        .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (!name) return err(`Indica el nombre de la institución: ${COORDINATION_SYNTAX.institucion}.`);
      if (name.length > INSTITUTION_MAX) {
        return err(`El nombre de la institución es muy largo (máximo ${INSTITUTION_MAX} caracteres).`);
      }
      if (/<[@!#]/.test(name)) return err('El nombre de la institución no puede llevar menciones.');
      return { kind: 'institution-set', name };
    }
    case 'coordinacion':
      if (rest.length === 0) return { kind: 'coordination' };
      if (rest.length === 1 && (arg === 'exportar' || arg === 'csv')) return { kind: 'coordination-export' };
      if (rest.length === 1 && (arg === 'mover' || arg === 'aqui' || arg === 'aquí')) {
        return { kind: 'coordination-move' };
      }
      return err(`Uso: ${COORDINATION_SYNTAX.coordinacion}.`);
    case 'semanal':
      return parseWeekly(rest);
    case 'grafica':
      return rest.length === 0 ? { kind: 'chart' } : err('Uso: `/avance grafica`.');
  }
}

function parseWeekly(args: string[]): CoordinationRequest {
  if (args.length === 0) return { kind: 'weekly-show' };
  const lower = args.map((a) => a.toLowerCase());
  if (lower.length === 1 && ['off', 'apagar', 'no'].includes(lower[0] ?? '')) return { kind: 'weekly-off' };
  // "lun 09:00" or "09:00 lun": one day and one time, in either order.
  const timeAt = lower.findIndex((a) => /^\d{1,2}:\d{2}$/.test(a));
  const time = timeAt >= 0 ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(lower[timeAt] ?? '') : null;
  if (timeAt >= 0 && !time)
    return err(`La hora va en formato 24 h, HH:MM. Uso: ${COORDINATION_SYNTAX.semanal}.`);
  const dayWords = lower.filter((_, i) => i !== timeAt).join(' ');
  const days = dayWords ? parseDays(dayWords) : undefined;
  const day = days?.length === 1 ? days[0] : undefined;
  if (day === undefined) {
    return err(`Indica un solo día de la semana y la hora, p. ej. ${COORDINATION_SYNTAX.semanal}.`);
  }
  const hhmm = time ? `${(time[1] ?? '').padStart(2, '0')}:${time[2]}` : '09:00';
  return { kind: 'weekly', day, time: hhmm };
}
