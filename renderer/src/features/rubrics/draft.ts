// The rubric editor's form state: strings as typed, turned into RubricContent only
// after validation, so a half-typed "-" in points is a message, not a NaN.
import { z } from 'zod';
import { RubricContent, type Criterion, type Scale } from '../../../../shared/model/rubric.ts';

export type ScaleKind = Scale['kind'];

export interface LevelDraft {
  anchor: string;
}

export interface OptionDraft {
  id: string;
  label: string;
  credit: string;
}

export interface CriterionDraft {
  id: string;
  text: string;
  points: string;
  /** Comma-separated as typed. */
  tags: string;
  scale: ScaleKind;
  /** Ordinal: level i has value i + 1. */
  levels: LevelDraft[];
  options: OptionDraft[];
  rationaleRequired: boolean;
}

export interface RubricDraft {
  /** Family id; editable only for a new rubric. */
  id: string;
  title: string;
  description: string;
  criteria: CriterionDraft[];
}

/** Error messages keyed by field path, e.g. "criteria.2.points". */
export type DraftErrors = Record<string, string>;

function unusedId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function blankCriterion(existing: CriterionDraft[]): CriterionDraft {
  return {
    id: unusedId('c', existing.map((c) => c.id)),
    text: '',
    points: '1',
    tags: '',
    scale: 'binary',
    levels: [{ anchor: '' }, { anchor: '' }, { anchor: '' }],
    options: [
      { id: 'o1', label: '', credit: '1' },
      { id: 'o2', label: '', credit: '0' },
    ],
    rationaleRequired: false,
  };
}

export function blankDraft(): RubricDraft {
  return { id: '', title: '', description: '', criteria: [blankCriterion([])] };
}

export function addOption(options: OptionDraft[]): OptionDraft[] {
  return [...options, { id: unusedId('o', options.map((o) => o.id)), label: '', credit: '0' }];
}

/** Resizes an ordinal scale, keeping the anchors already written. */
export function resizeLevels(levels: LevelDraft[], count: number): LevelDraft[] {
  const n = Math.max(2, Math.min(10, Math.trunc(count) || 2));
  return Array.from({ length: n }, (_, i) => levels[i] ?? { anchor: '' });
}

export function draftFromRubric(r: RubricContent): RubricDraft {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    criteria: r.criteria.map((c): CriterionDraft => {
      const blank = blankCriterion([]);
      return {
        id: c.id,
        text: c.text,
        points: String(c.points),
        tags: c.tags.join(', '),
        scale: c.scale.kind,
        levels: c.scale.kind === 'ordinal' ? [...c.scale.levels].sort((a, b) => a.value - b.value).map((l) => ({ anchor: l.anchor })) : blank.levels,
        options: c.scale.kind === 'categorical' ? c.scale.options.map((o) => ({ id: o.id, label: o.label, credit: String(o.credit) })) : blank.options,
        rationaleRequired: c.rationaleRequired,
      };
    }),
  };
}

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

const numberText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required.`)
    .refine((s) => Number.isFinite(Number(s)), `${what} must be a number.`);

const CriterionForm = z
  .object({
    text: z.string().trim().min(1, 'Say what this criterion checks.'),
    points: numberText('Points').refine((s) => Number(s) !== 0, 'Points cannot be 0: positive rewards a behaviour, negative penalizes it.'),
    scale: z.enum(['binary', 'ordinal', 'categorical']),
    levels: z.array(z.object({ anchor: z.string() })),
    options: z.array(z.object({ label: z.string(), credit: z.string() })),
  })
  .superRefine((c, ctx) => {
    if (c.scale === 'ordinal') {
      if (c.levels.length < 2) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'An ordinal scale needs at least 2 levels.' });
      c.levels.forEach((l, i) => {
        if (!l.anchor.trim()) ctx.addIssue({ code: 'custom', path: ['levels', i], message: `Describe level ${i + 1}.` });
      });
    }
    if (c.scale === 'categorical') {
      if (c.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A categorical scale needs at least 2 options.' });
      const seen = new Set<string>();
      c.options.forEach((o, i) => {
        const label = o.label.trim();
        if (!label) ctx.addIssue({ code: 'custom', path: ['options', i, 'label'], message: 'Name this option.' });
        else if (seen.has(label.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['options', i, 'label'], message: 'Two options share this name.' });
        seen.add(label.toLowerCase());
        const credit = Number(o.credit.trim());
        if (!o.credit.trim() || !Number.isFinite(credit) || credit < 0 || credit > 1) {
          ctx.addIssue({ code: 'custom', path: ['options', i, 'credit'], message: 'Credit is a fraction from 0 to 1.' });
        }
      });
    }
  });

function rubricForm(takenFamilyIds: ReadonlySet<string>, isNew: boolean) {
  return z
    .object({
      id: z.string().trim(),
      title: z.string().trim().min(1, 'Give the rubric a title.'),
      criteria: z.array(CriterionForm).min(1, 'Add at least one criterion.'),
    })
    .superRefine((r, ctx) => {
      if (isNew) {
        if (!r.id) {
          ctx.addIssue({ code: 'custom', path: ['id'], message: 'Give the family a short id; every version shares it.' });
        } else if (!/^[a-z0-9][a-z0-9._-]*$/.test(r.id)) {
          ctx.addIssue({ code: 'custom', path: ['id'], message: 'Use lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.' });
        } else if (takenFamilyIds.has(r.id)) {
          ctx.addIssue({ code: 'custom', path: ['id'], message: 'A rubric family with this id exists; edit it to make a new version instead.' });
        }
      }
      if (r.criteria.length && !r.criteria.some((c) => Number(c.points) > 0)) {
        ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'At least one criterion needs positive points, or no score can be computed.' });
      }
    });
}

function toCriterion(c: CriterionDraft): Criterion {
  const scale: Scale =
    c.scale === 'ordinal'
      ? { kind: 'ordinal', levels: c.levels.map((l, i) => ({ value: i + 1, anchor: l.anchor.trim() })) }
      : c.scale === 'categorical'
        ? { kind: 'categorical', options: c.options.map((o) => ({ id: o.id, label: o.label.trim(), credit: Number(o.credit) })) }
        : { kind: 'binary' };
  return {
    id: c.id,
    text: c.text.trim(),
    points: Number(c.points),
    tags: c.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    scale,
    rationaleRequired: c.rationaleRequired,
  };
}

export interface Validated {
  content?: Omit<RubricContent, 'version'>;
  errors: DraftErrors;
}

/** Checks the form; on success returns the content to seal (version is set on save). */
export function validateDraft(draft: RubricDraft, options: { isNew: boolean; takenFamilyIds?: Iterable<string> }): Validated {
  const checked = rubricForm(new Set(options.takenFamilyIds ?? []), options.isNew).safeParse(draft);
  if (!checked.success) {
    const errors: DraftErrors = {};
    for (const issue of checked.error.issues) errors[issue.path.map(String).join('.')] ??= issue.message;
    return { errors };
  }
  const content = {
    id: draft.id.trim(),
    title: draft.title.trim(),
    description: draft.description.trim(),
    criteria: draft.criteria.map(toCriterion),
  };
  // The model's own schema has the last word.
  const final = RubricContent.safeParse({ ...content, version: 1 });
  if (!final.success) return { errors: { '': final.error.issues[0]?.message ?? 'invalid rubric' } };
  return { content, errors: {} };
}
