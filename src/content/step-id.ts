/**
 * The one rule for a step number typed by a person, shared by `/guia`, `/avance` and the buttons: one or two
 * digits, a dot, one or two digits; a leading zero is dropped ("01.2" is step 1.2). Typed, so a step id
 * cannot be passed where a guide id is expected.
 */
export type StepId = string & { readonly __brand: 'StepId' };

const TYPED_STEP = /^(\d{1,2})\.(\d{1,2})$/;

/** "1.2", "01.2", "1.02" → "1.2"; anything else → undefined. */
export function parseStepId(text: string | undefined): StepId | undefined {
  const m = TYPED_STEP.exec(text?.trim() ?? '');
  if (!m) return undefined;
  return `${Number(m[1])}.${Number(m[2])}` as StepId;
}

/** A step id read from content or a stored row, already in canonical form. */
export const asStepId = (id: string): StepId => id as StepId;
