// The rubric choice for transcripts: "choose later", or one rubric version (the newest of
// each family, plus whatever is chosen now if it is older).
import type { RubricRow } from '../../db/rows.ts';

export const chooseLater = '';

/** Newest version of each family, by title; `keep` stays listed even when older. */
export function rubricOptions(rubrics: readonly RubricRow[], keep?: string): RubricRow[] {
  const newest = new Map<string, RubricRow>();
  for (const r of rubrics) {
    const seen = newest.get(r.id);
    if (!seen || r.version > seen.version) newest.set(r.id, r);
  }
  const shown = [...newest.values()];
  const kept = keep ? rubrics.find((r) => r.hash === keep) : undefined;
  if (kept && !shown.includes(kept)) shown.push(kept);
  return shown.sort((a, b) => a.title.localeCompare(b.title) || b.version - a.version);
}

export function RubricPicker({
  id,
  rubrics,
  value,
  onChange,
  laterLabel = 'Choose later (not queued)',
}: {
  id: string;
  rubrics: readonly RubricRow[];
  /** A rubric hash, or chooseLater. */
  value: string;
  onChange: (hash: string) => void;
  laterLabel?: string;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={chooseLater}>{laterLabel}</option>
      {rubricOptions(rubrics, value || undefined).map((r) => (
        <option key={r.hash} value={r.hash}>
          {r.title} v{r.version} · {r.criteria.length} criteria
        </option>
      ))}
    </select>
  );
}
