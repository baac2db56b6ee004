/**
 * What a conversation remembers between turns: the steps and intent of the last answer (and its term), so
 * "¿y el plazo?" or "¿y el siguiente?" can refer to it. Plain JSON; a stored value is validated on read.
 */
import { z } from 'zod';

export const CONTEXT_TTL_MS = 24 * 60 * 60 * 1000;

const stepRef = z.object({ guide: z.string().min(1).max(100), id: z.string().regex(/^\d+\.\d+$/) });

export const conversationContextSchema = z.object({
  v: z.literal(1),
  steps: z.array(stepRef).max(30),
  intent: z.enum(['involucrados', 'plazo', 'normatividad', 'actividades', 'resumen', 'definicion']),
  term: z.string().max(200).optional(),
  /** The step answered just before this one, for «compáralos». */
  earlier: stepRef.optional(),
  /** The last list answered, kept while the follow-ups pick from it («¿y el tercero?», «¿y el último?»). */
  list: z.array(stepRef).max(30).optional(),
});

export type ConversationContext = z.infer<typeof conversationContextSchema>;

/** A stored value as a context, or undefined when it is missing, expired elsewhere, or not one of ours. */
export function readContext(value: unknown): ConversationContext | undefined {
  const parsed = conversationContextSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
