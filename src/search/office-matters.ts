/**
 * Everyday office matters the guide never covers: pay, leave, HR, IT support, purchases, one's own
 * procedures. Officials ask the bot about them in the same channel, and a few share one word with a step
 * («formato», «contraseña», «económico», «sistema»), so the search alone may find a step. A question that
 * names one of them is about that matter, unless it names a step outright. Folded text (no accents, lower
 * case); one entry per matter.
 */
const OFFICE_MATTERS: readonly RegExp[] = [
  /\b(vacaciones|dias? economicos?|incapacidad|licencia medica|permiso de ausencia)\b/,
  /\b(aguinaldo|nomina|quincenas?|sueldos?|salarios?|prestaciones|viaticos|recibo de pago)\b/,
  /\b(recursos humanos|rh|declaracion patrimonial|evaluacion del desempeno|bolsa de trabajo|vacantes?)\b/,
  /\b(gastos medicos|aseguradora|estacionamiento|credencial|gafete|checador|posada)\b/,
  /\b(vpn|impresoras?|tabla dinamica|pivot table|reunion de (teams|zoom|meet))\b|\bcontrasena\b.*\bcorreo\b|\bcorreo\b.*\bcontrasena\b/,
  /\b(licitacion(es)?|cuenta publica)\b/,
  // Other procedures of the asker's own: documents, appeals.
  /\b(pasaporte|visa|licencia de (manejo|conducir)|acta de nacimiento|recurso de revision|juicio de amparo)\b/,
];

export function mentionsOfficeMatter(folded: string): boolean {
  return OFFICE_MATTERS.some((pattern) => pattern.test(folded));
}
