/**
 * js-yaml's error reasons in Spanish. Its messages are English and fixed strings (js-yaml 3.x, through
 * gray-matter), so the common ones are matched by their opening words; anything else gets a generic
 * Spanish sentence, never the English text.
 */

/** Opening words of js-yaml's reason → what the person editing the file should look for. */
const REASONS: Array<[prefix: string, spanish: string]> = [
  [
    'missed comma between flow collection entries',
    'falta una coma entre los elementos de una lista [ ] o un objeto { }, o falta cerrar un corchete o una llave',
  ],
  ['bad indentation of a mapping entry', 'la sangría de un campo no coincide con la de los campos vecinos'],
  ['bad indentation of a sequence entry', 'la sangría de un elemento de lista («- …») no es la correcta'],
  ['duplicated mapping key', 'un campo aparece dos veces'],
  ['unexpected end of the stream within a flow collection', 'falta cerrar un corchete ] o una llave }'],
  ['unexpected end of the stream within a single quoted scalar', "falta cerrar una comilla simple (')"],
  ['unexpected end of the document within a single quoted scalar', "falta cerrar una comilla simple (')"],
  ['unexpected end of the stream within a double quoted scalar', 'falta cerrar una comilla doble (")'],
  ['unexpected end of the document within a double quoted scalar', 'falta cerrar una comilla doble (")'],
  ['unexpected end of the stream', 'el encabezado termina antes de tiempo: falta cerrar algo'],
  [
    'can not read a block mapping entry',
    'no se entiende un campo: revisa que cada línea tenga la forma «campo: valor» con la sangría correcta',
  ],
  [
    'can not read an implicit mapping pair',
    'no se entiende un campo: falta el signo de dos puntos entre el nombre y el valor',
  ],
  [
    'end of the stream or a document separator is expected',
    'sobra texto: una línea no sigue la forma «campo: valor» o tiene una sangría de más',
  ],
  [
    'a whitespace character is expected after the key-value separator',
    'falta un espacio después de los dos puntos («campo: valor»)',
  ],
  [
    'incomplete explicit mapping pair',
    'un campo está incompleto: revisa los signos de interrogación y los dos puntos',
  ],
  ['unknown escape sequence', 'hay una secuencia de escape (\\…) no válida dentro de comillas dobles'],
  [
    'expected hexadecimal character',
    'hay una secuencia de escape (\\x, \\u) no válida dentro de comillas dobles',
  ],
  ['unidentified alias', 'un alias (*nombre) no corresponde a ningún ancla (&nombre)'],
  ['unknown tag', 'una etiqueta YAML (!…) no es válida'],
  ['the stream contains non-printable characters', 'hay caracteres invisibles o de control en el encabezado'],
  ['null byte is not allowed in input', 'hay caracteres invisibles o de control en el encabezado'],
  ['expected a single document in the stream', 'hay más de un documento YAML (una línea «---» de más)'],
  ['a line break is expected', 'falta un salto de línea'],
];

const GENERIC = 'el texto no es YAML válido';

/**
 * The one Spanish message for YAML that does not parse: «`subject` no se puede leer: reason (line)». The
 * line is js-yaml's plus one: it counts from 0 in a whole file (glossary, guide.yml), and a front matter
 * handed to it starts with the newline after the opening `---`, so its line n is the file's line n + 1.
 */
export function yamlProblem(error: unknown, subject = 'el YAML'): string {
  const line = yamlLine(error);
  const at = line === undefined ? '' : ` (detectado en la línea ${line + 1} del archivo)`;
  return `${subject} no se puede leer: ${yamlReason(error)}${at}`;
}

/** The Spanish reason for a js-yaml error (or anything thrown while parsing YAML). */
function yamlReason(error: unknown): string {
  const reason = (error as { reason?: unknown })?.reason;
  if (typeof reason !== 'string') return GENERIC;
  const lower = reason.toLowerCase();
  return REASONS.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? GENERIC;
}

/** js-yaml's 0-based line of the error inside the YAML text, when it gives one. */
function yamlLine(error: unknown): number | undefined {
  const line = (error as { mark?: { line?: unknown } })?.mark?.line;
  return typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : undefined;
}
