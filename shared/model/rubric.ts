// Rubrics are versioned and content-hashed; an annotation binds to one hash.
import { z } from 'zod';

export const Scale = z.discriminatedUnion('kind', [
  /** Met / not met (HealthBench). */
  z.object({ kind: z.literal('binary') }),
  /** 1..N, an anchor text per level; credit = (level - 1) / (N - 1). */
  z.object({
    kind: z.literal('ordinal'),
    levels: z.array(z.object({ value: z.number().int(), anchor: z.string() })).min(2),
  }),
  /** Named options, each worth a fraction of the criterion's points. */
  z.object({
    kind: z.literal('categorical'),
    options: z.array(z.object({ id: z.string(), label: z.string(), credit: z.number().min(0).max(1) })).min(2),
  }),
]);
export type Scale = z.infer<typeof Scale>;

export const Criterion = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  /** Signed: negative points penalize an undesirable behaviour when met. */
  points: z.number(),
  /** "axis:…", "level:…", "cluster:…" and free tags. */
  tags: z.array(z.string()).default([]),
  scale: Scale.default({ kind: 'binary' }),
  rationaleRequired: z.boolean().default(false),
});
export type Criterion = z.infer<typeof Criterion>;

/** What a rubric says; the hash is computed over exactly this. */
export const RubricContent = z.object({
  /** Stable family id shared by every version. */
  id: z.string().min(1),
  version: z.number().int().positive(),
  title: z.string().min(1),
  description: z.string().default(''),
  criteria: z.array(Criterion).min(1),
});
export type RubricContent = z.infer<typeof RubricContent>;

export const Rubric = RubricContent.extend({
  /** "sha256:<hex>" of the canonical JSON of RubricContent. */
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  createdAt: z.string(),
  /** Hash of the version this one was derived from. */
  parentHash: z.string().optional(),
});
export type Rubric = z.infer<typeof Rubric>;

/** The native file: `{ "format": "custody.rubric", "version": 1, "rubric": {...} }`. */
export const CustodyRubricFile = z.object({
  format: z.literal('custody.rubric'),
  version: z.literal(1),
  rubric: RubricContent,
});
export type CustodyRubricFile = z.infer<typeof CustodyRubricFile>;
