// HealthBench scoring: achieved points / total positive points, with scale credit.
import type { Criterion, Rubric } from '../model/rubric.ts';
import type { CriterionAnnotation, CriterionValue } from '../model/annotation.ts';

/** Fraction of a criterion's points a value earns; null when not applicable, unmarked or off-scale. */
export function credit(criterion: Criterion, value: CriterionValue | undefined): number | null {
  if (!value || value.kind === 'na') return null;
  const { scale } = criterion;
  switch (value.kind) {
    case 'met':
      return 1;
    case 'not_met':
      return 0;
    case 'ordinal': {
      if (scale.kind !== 'ordinal') return null;
      const values = scale.levels.map((l) => l.value);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      return hi === lo ? null : Math.min(1, Math.max(0, (value.level - lo) / (hi - lo)));
    }
    case 'category': {
      if (scale.kind !== 'categorical') return null;
      return scale.options.find((o) => o.id === value.option)?.credit ?? null;
    }
  }
}

export interface ScoreBreakdown {
  /** achieved / possible, or null when nothing positive was scored. */
  score: number | null;
  achieved: number;
  possible: number;
  marked: number;
  total: number;
}

export interface RubricScore extends ScoreBreakdown {
  /** Same formula per "axis:" tag. */
  byAxis: Record<string, ScoreBreakdown>;
}

function tally(criteria: Criterion[], values: Record<string, CriterionAnnotation | undefined>): ScoreBreakdown {
  let achieved = 0;
  let possible = 0;
  let marked = 0;
  for (const c of criteria) {
    const value = values[c.id]?.value;
    if (value) marked++;
    if (value?.kind === 'na') continue; // not applicable: out of both sums
    // Unmarked counts as not met, as in HealthBench, so the live score never flatters.
    achieved += c.points * (credit(c, value) ?? 0);
    if (c.points > 0) possible += c.points;
  }
  return { score: possible > 0 ? achieved / possible : null, achieved, possible, marked, total: criteria.length };
}

export function scoreRubric(rubric: Pick<Rubric, 'criteria'>, values: Record<string, CriterionAnnotation | undefined>): RubricScore {
  const axes = new Map<string, Criterion[]>();
  for (const c of rubric.criteria) {
    for (const tag of c.tags) {
      if (!tag.startsWith('axis:')) continue;
      const axis = tag.slice(5);
      axes.set(axis, [...(axes.get(axis) ?? []), c]);
    }
  }
  const byAxis: Record<string, ScoreBreakdown> = {};
  for (const [axis, list] of axes) byAxis[axis] = tally(list, values);
  return { ...tally(rubric.criteria, values), byAxis };
}
