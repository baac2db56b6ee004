/**
 * Which part of a step a question asks about. Runs on the folded question BEFORE stop words are removed:
 * the Spanish lists drop exactly the words that carry the intent ("quién", "cuándo", "qué").
 */
export type Intent = 'involucrados' | 'plazo' | 'normatividad' | 'actividades' | 'resumen';

const PATTERNS: Array<[Exclude<Intent, 'resumen'>, RegExp]> = [
  [
    'involucrados',
    /\b(quien(es)?|responsables?|participa(n|r)?|participantes?|involucr\w*|areas?|encargad[oa]s?|a cargo|le entra(n)?|le toca|roles?|who|whom|involved|responsible|in charge|people|miembros?|integrantes?|forma(n)? parte|unidad(es)? (que|participa)|que unidad(es)?)\b/,
  ],
  [
    'plazo',
    /\b(plazos?|cuando|cuanto tiempo|cuantos dias|dias|fecha limite|que fecha|limite|vence|vencimiento|cada cuanto|cada (ano|anos|mes|meses|semana|semanas|semestre|bimestre|trimestre)|(anual|semestral|bimestral|trimestral|mensual)(es|mente)?|con que frecuencia|frecuencia|de manera continua|continuamente|periodicidad|tiempo para|tiempo maximo|deadlines?|when|how long|how often|how frequently|how many days|every (year|month|week|semester)|yearly|monthly|due)\b/,
  ],
  [
    'normatividad',
    /\b(ley(es)?|decretos?|normas?|normativ\w*|fundamento\w*|regulaci\w*|regula|legal(es)?|juridic\w*|reglamentos?|lineamientos?|regulations?|laws?|legal basis)\b/,
  ],
  [
    'actividades',
    /\b(que (hay que|tengo que|tenemos que|tiene que|tienen que|debo|debemos|debe|deben|se debe|se tiene que|necesito|hago|hacemos|se hace|implica|toca|le toca|les toca) ?(hacer)?|actividad(es)?|tareas?|acciones|pasos a seguir|como (cumplo|cumplimos|se cumple|le hago|le hacemos)|what (do|should|must) (i|we|they)|what to do|what needs to be done|activities|tasks|actions|to do)\b/,
  ],
];

/**
 * "What/which … must be done" with no other cue ("¿qué inventarios hay que publicar?") asks what to do. A
 * yes/no obligation ("¿tengo que usar UTF-8?") does not, nor does one with another cue ("¿cuándo hay que
 * publicar?" asks for a deadline), so this only breaks the tie with resumen. The window is a few words:
 * the question word must govern the obligation.
 */
const WEAK_ACTIVITIES =
  /\b(que|cuales|what|which)\s+(\w+\s+){0,3}(hay que|tengo que|tenemos que|tiene que|tienen que|debo|debemos|must|have to|need to)\b/;

/**
 * The intent whose first cue appears earliest in the question ("¿cuándo vence y quién lo hace?" asks first
 * about the deadline); `resumen` when nothing matches.
 */
export function detectIntent(foldedQuestion: string): Intent {
  let best: Intent = 'resumen';
  let bestAt = Number.POSITIVE_INFINITY;
  for (const [intent, pattern] of PATTERNS) {
    const at = foldedQuestion.search(pattern);
    if (at >= 0 && at < bestAt) {
      best = intent;
      bestAt = at;
    }
  }
  if (best === 'resumen' && WEAK_ACTIVITIES.test(foldedQuestion)) return 'actividades';
  return best;
}
