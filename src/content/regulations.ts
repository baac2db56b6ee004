import { fold } from './deadline.ts';

/**
 * The regulations the guide names. The 2017 edition has no regulation row in its step tables, so for that
 * format the regulations are the ones these patterns find in the step's text (folded: lower case, no
 * accents). Order is the order a reader meets them in the introduction.
 */
const KNOWN_REGULATIONS: ReadonlyArray<{ name: string; patterns: RegExp[] }> = [
  {
    name: 'Decreto por el que se establece la regulación en materia de Datos Abiertos',
    patterns: [
      /decreto por el que se establece la regulacion en materia de datos abiertos/,
      /decreto de datos abiertos/,
    ],
  },
  {
    name: 'Programa para un Gobierno Cercano y Moderno 2013-2018',
    patterns: [/programa para un gobierno cercano y moderno/, /\bpgcm\b/],
  },
  {
    name: 'Norma Técnica para el acceso y publicación de Datos Abiertos de la Información Estadística y Geográfica de Interés Nacional',
    patterns: [/norma tecnica para el acceso y publicacion de datos abiertos/],
  },
  {
    name: 'Ley General de Transparencia y Acceso a la Información Pública',
    patterns: [/ley general de transparencia/],
  },
  {
    name: 'Ley Federal de Transparencia y Acceso a la Información Pública',
    patterns: [/ley federal de transparencia/],
  },
  {
    name: 'Lineamientos para determinar los catálogos y publicación de información de interés público',
    patterns: [/lineamientos para determinar los catalogos y publicacion de informacion de interes publico/],
  },
  {
    name: 'Disposiciones Generales para la Implementación, Operación y Funcionamiento de la Ventanilla Única Nacional',
    patterns: [
      /disposiciones generales para la implementacion, operacion y funcionamiento de la ventanilla unica/,
    ],
  },
];

/** The known regulations mentioned in a plain text, in the catalogue's order, each once. */
export function detectRegulations(plainText: string): string[] {
  const folded = fold(plainText);
  return KNOWN_REGULATIONS.filter((regulation) => regulation.patterns.some((p) => p.test(folded))).map(
    (regulation) => regulation.name,
  );
}
