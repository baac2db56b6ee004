import { z } from 'zod';

/** The four phases of the guide, in order. The folder names under each guide are their lower-case forms. */
export const PHASES = ['Planea', 'Publica', 'Perfecciona', 'Promueve'] as const;
export type Phase = (typeof PHASES)[number];

export const RECURRENCES = ['continua', 'mensual', 'bimestral', 'trimestral', 'semestral', 'anual'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const deadlineSchema = z.object({
  /** The deadline as the guide words it. */
  text: z.string().min(1),
  /** Number of days for the first (or only) time, when the guide gives one. */
  days: z.number().int().positive().optional(),
  /** "180 días" with no qualifier leaves dayKind unset; callers treat that as calendar days. */
  dayKind: z.enum(['naturales', 'hábiles']).optional(),
  /** "2 meses", "un año": calendar months for the first (or only) time. */
  months: z.number().int().positive().optional(),
  /** "A más tardar el 31 de diciembre [de 2017]": a fixed day; without a year, its next one after the start. */
  onDate: z
    .object({
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      year: z.number().int().optional(),
    })
    .optional(),
  /** Set when the step repeats after its first deadline (or only repeats). */
  recurrence: z.enum(RECURRENCES).optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const stepSchema = z.object({
  guide: z.string().min(1),
  /** "N.N" */
  id: z.string().regex(/^\d+\.\d+$/),
  phase: z.enum(PHASES),
  title: z.string().min(1),
  involved: z.array(z.string().min(1)).min(1),
  deadline: deadlineSchema,
  regulations: z.array(z.string().min(1)),
  activities: z.array(z.string().min(1)),
  /** Plain text: HTML, Liquid and Markdown markup stripped. */
  summary: z.string(),
  /** Path on datos.gob.mx, e.g. "/guia/promueve/paso-4-1.html". */
  permalink: z.string().startsWith('/'),
  prev: z.string().optional(),
  next: z.string().optional(),
  /** Path of the file the step was read from, relative to the content folder. */
  sourcePath: z.string(),
});
export type Step = z.infer<typeof stepSchema>;

export const guideMetaSchema = z
  .object({
    // Our own words where zod's Spanish locale reads oddly ("se esperaba que texto tuviera >=1 caracteres").
    title: z
      .string({
        error: (issue) => (issue.input === undefined ? 'falta el título de la guía (title)' : undefined),
      })
      .min(1, 'el título de la guía está vacío'),
    edition_date: z.coerce.string().optional(),
    source_url: z
      .string()
      .url('no es una dirección web completa, p. ej. https://datos.gob.mx/guia')
      .optional(),
    default: z.boolean().default(false),
  })
  .strict();

export interface Guide {
  /** The folder name, e.g. "guia-2017". */
  id: string;
  title: string;
  editionDate?: string;
  sourceUrl?: string;
  isDefault: boolean;
  /** Sorted by step id. */
  steps: Step[];
}

/** A problem in the content, worded in Spanish for the people who edit the guide. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

export interface ContentLoad {
  guides: Guide[];
  problems: Problem[];
  /** Markdown files without step_order (introductions, templates): not steps, not errors. */
  skipped: string[];
}

/** Base of every step link. */
export const SITE_URL = 'https://datos.gob.mx';
export const stepUrl = (step: Pick<Step, 'permalink'>): string => SITE_URL + step.permalink;
