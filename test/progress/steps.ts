import type { Deadline, Guide, Phase, Step } from '../../src/content/model.ts';

/** A minimal valid step for the progress rules; only what they read matters. */
export function makeStep(id: string, deadline: Omit<Deadline, 'text'>, phase: Phase = 'Planea'): Step {
  return {
    guide: 'guia-prueba',
    id,
    phase,
    title: `Paso ${id}`,
    involved: ['Enlace Institucional'],
    deadline: { text: 'texto', ...deadline },
    regulations: [],
    activities: ['Primera actividad', 'Segunda actividad'],
    summary: '',
    permalink: `/guia/paso-${id.replace('.', '-')}.html`,
    sourcePath: `paso-${id}.md`,
  };
}

/** A small guide shaped like guia-2017: deadlines in calendar days, working days, recurring and none. */
export function makeGuide(): Guide {
  return {
    id: 'guia-prueba',
    title: 'Guía de prueba',
    isDefault: true,
    steps: [
      makeStep('1.1', { days: 30, dayKind: 'naturales' }, 'Planea'),
      makeStep('1.2', { days: 10, dayKind: 'hábiles' }, 'Planea'),
      makeStep('2.1', { days: 90, dayKind: 'naturales', recurrence: 'continua' }, 'Publica'),
      makeStep('2.2', { recurrence: 'bimestral' }, 'Publica'),
      makeStep('3.1', {}, 'Perfecciona'),
      makeStep('4.1', { days: 70, dayKind: 'naturales', recurrence: 'anual' }, 'Promueve'),
    ],
  };
}
