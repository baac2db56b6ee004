import type { Guide, Step } from '../../src/content/model.ts';

/** A step built in code for renderer tests; override what the test is about. */
export function makeStep(overrides: Partial<Step> = {}): Step {
  return {
    guide: 'guia-2017',
    id: '1.1',
    phase: 'Planea',
    title: 'Designar responsables',
    involved: ['Titular de la institución', 'Administrador de Datos Abiertos'],
    deadline: { text: '15 días hábiles', days: 15, dayKind: 'hábiles' },
    regulations: ['Decreto de Datos Abiertos'],
    activities: ['Designar al Administrador', 'Designar al Enlace'],
    summary: 'La institución designa a sus responsables.',
    permalink: '/guia/planea/paso-1-1.html',
    sourcePath: 'guia-2017/planea/paso-1-1.md',
    ...overrides,
  };
}

export function makeGuide(steps: Step[], overrides: Partial<Guide> = {}): Guide {
  return { id: 'guia-2017', title: 'Guía 2017', isDefault: true, steps, ...overrides };
}
