import type { Guide, Step } from '../../src/content/model.ts';

/** A step with plausible defaults; tests override what they care about. */
export function step(guide: string, id: string, fields: Partial<Step> = {}): Step {
  return {
    guide,
    id,
    phase: 'Planea',
    title: `Paso ${id}`,
    involved: ['Enlace Institucional'],
    deadline: { text: '30 días naturales', days: 30, dayKind: 'naturales' },
    regulations: [],
    activities: [],
    summary: '',
    permalink: `/guia/paso-${id.replace('.', '-')}.html`,
    sourcePath: `${guide}/paso-${id}.md`,
    ...fields,
  };
}

/** Two small editions in the shape of the real guide: 4.1 exists in both, 2017 is the default. */
export function sampleGuides(): Guide[] {
  const g17 = 'guia-2017';
  const g15 = 'guia-2015';
  return [
    {
      id: g15,
      title: 'Guía (2015)',
      editionDate: '2015-06-18',
      isDefault: false,
      steps: [
        step(g15, '4.1', {
          phase: 'Promueve',
          title: 'Promover el uso, reuso y redistribución de los Datos Abiertos',
          involved: ['Enlace de Datos Abiertos', 'Coordinación de Comunicación Social'],
          deadline: { text: '180 días', days: 180 },
          regulations: ['Decreto de Datos Abiertos'],
          activities: ['Documentar y publicar al menos una historia de éxito en datos.gob.mx'],
          summary: 'Socializar la publicación y promover el uso de los Datos Abiertos.',
          permalink: '/guia/promueve/paso-4-1.html',
        }),
      ],
    },
    {
      id: g17,
      title: 'Guía (actualización 2017)',
      isDefault: true,
      steps: [
        step(g17, '1.1', {
          title: 'Formar un Equipo de Trabajo',
          involved: ['Coordinación de Asesores del Titular', 'Órganos Internos de Control'],
          activities: [
            'Designar al Enlace Institucional y Administrador de Datos',
            'Sesionar el Grupo de Trabajo',
          ],
          summary: 'El Titular designa a dos servidores públicos responsables.',
          permalink: '/guia/planea/paso-1-1.html',
        }),
        step(g17, '1.2', {
          title: 'Priorizar los datos de valor',
          involved: ['Enlace Institucional', 'Unidad de Transparencia'],
          deadline: {
            text: '70 días naturales y de manera anual',
            days: 70,
            dayKind: 'naturales',
            recurrence: 'anual',
          },
          regulations: ['Decreto por el que se establece la regulación en materia de Datos Abiertos'],
          activities: [
            'Realizar un inventario de los Sistemas de Información Pública',
            'Priorizar los datos e incluirlos en el Plan de Apertura',
          ],
          summary: 'La priorización de datos de valor enfoca la apertura en datos útiles para la ciudadanía.',
          permalink: '/guia/planea/paso-1-2.html',
        }),
        step(g17, '1.3', {
          title: 'Generar y publicar el Plan de Apertura',
          involved: ['Enlace Institucional', 'Grupo de Trabajo Institucional de Datos Abiertos'],
          deadline: {
            text: '90 días naturales para la primera iteración, y de manera continua',
            days: 90,
            dayKind: 'naturales',
            recurrence: 'continua',
          },
          activities: ['Generar, publicar y/o actualizar el Plan de Apertura Institucional'],
          summary: 'El Plan de Apertura lista los datos de la institución y las fechas de publicación.',
          permalink: '/guia/planea/paso-1-3.html',
        }),
        step(g17, '2.3', {
          phase: 'Publica',
          title: 'Mejorar la disponibilidad y medios de distribución de los Datos Abiertos',
          involved: ['Administrador de Datos Abiertos'],
          activities: ['Asegurar la disponibilidad de las URL para descarga de los Recursos de Datos'],
          summary: 'Servicios web, archivos y alimentadores de noticias.',
          permalink: '/guia/publica/paso-2-3.html',
        }),
        step(g17, '3.1', {
          phase: 'Perfecciona',
          title: 'Asegurar la disponibilidad de las URLs utilizadas para publicar los Datos Abiertos',
          involved: ['Administrador de Datos Abiertos'],
          activities: ['Monitorear la disponibilidad de las URL'],
          permalink: '/guia/perfecciona/paso-3-1.html',
        }),
        step(g17, '3.3', {
          phase: 'Perfecciona',
          title: 'Responder a los informes y reportes ciudadanos de Datos Abiertos',
          involved: ['Administrador de Datos Abiertos'],
          deadline: { text: '30 días hábiles', days: 30, dayKind: 'hábiles' },
          permalink: '/guia/perfecciona/paso-3-3.html',
        }),
        step(g17, '4.1', {
          phase: 'Promueve',
          title:
            'Asegurar la generación, publicación y uso de Datos Abiertos en las herramientas y aplicativos',
          involved: ['Administrador de Datos Abiertos'],
          deadline: { text: 'De manera continua.', recurrence: 'continua' },
          activities: ['Incluir una liga visible en todas las herramientas y aplicativos'],
          permalink: '/guia/promueve/paso-4-1.html',
        }),
      ],
    },
  ];
}
