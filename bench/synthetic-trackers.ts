/**
 * A deterministic workspace of many institutions' channels for the coordination benchmark and the example
 * chart: each tracker started some weeks ago and finished a random share of the guide's steps.
 */

import type { Guide } from '../src/content/model.ts';
import type { TrackerView } from '../src/coordination/overview.ts';
import { type IsoDate, isoOf, toDate } from '../src/progress/calendar.ts';
import type { StepState } from '../src/progress/model.ts';
import { random } from './synthetic-guide.ts';

export const SAMPLE_INSTITUTIONS = [
  'Secretaría de Economía',
  'Secretaría de Hacienda y Crédito Público',
  'Instituto Mexicano del Seguro Social',
  'Comisión Nacional del Agua',
  'Secretaría de Educación Pública',
  'Instituto Nacional de Estadística y Geografía',
  'Secretaría de Salud',
  'Comisión Federal de Electricidad',
  'Secretaría de Agricultura y Desarrollo Rural',
  'Secretaría de Energía',
  'Instituto Nacional de los Pueblos Indígenas',
  'Secretaría de Turismo',
];

export function syntheticTrackers(guide: Guide, count: number, today: IsoDate, seed = 7): TrackerView[] {
  const rand = random(seed);
  const views: TrackerView[] = [];
  for (let i = 0; i < count; i += 1) {
    const weeks = 4 + Math.floor(rand() * 40);
    const startDate = isoOf(toDate(today).minus({ weeks }));
    const share = rand();
    const states = new Map<string, StepState>();
    for (const step of guide.steps) {
      const r = rand();
      if (r < share * 0.9) {
        const done = toDate(startDate).plus({ days: Math.floor(rand() * weeks * 7) });
        const at = `${isoOf(done)}T16:00:00.000Z`;
        states.set(step.id, {
          stepId: step.id,
          status: 'completado',
          startedAt: at,
          completedAt: at,
          ownerUserId: `U${100 + (i % 50)}`,
          checkedActivities: [],
        });
      } else if (r < share * 0.9 + 0.1) {
        states.set(step.id, {
          stepId: step.id,
          status: rand() < 0.3 ? 'bloqueado' : 'en_curso',
          startedAt: `${startDate}T16:00:00.000Z`,
          ownerUserId: `U${100 + (i % 50)}`,
          blockedReason: 'Falta el oficio de designación',
          checkedActivities: [],
        });
      }
    }
    const base = SAMPLE_INSTITUTIONS[i % SAMPLE_INSTITUTIONS.length] ?? 'Institución';
    views.push({
      trackerId: i + 1,
      channelId: `C${String(1000 + i)}`,
      institution:
        count > SAMPLE_INSTITUTIONS.length
          ? `${base} ${Math.floor(i / SAMPLE_INSTITUTIONS.length) + 1}`
          : base,
      guide,
      startDate,
      states,
      lastActivityAt: `${isoOf(toDate(today).minus({ days: Math.floor(rand() * 20) }))}T18:00:00.000Z`,
    });
  }
  return views;
}
