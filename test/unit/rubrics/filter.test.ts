import { describe, expect, it } from 'vitest';
import { filterFamilies, type Family } from '../../../renderer/src/features/rubrics/actions.ts';
import type { RubricRow } from '../../../renderer/src/db/rows.ts';

const row = (id: string, version: number, title: string, description = ''): RubricRow => ({
  id,
  version,
  title,
  description,
  criteria: [],
  hash: `sha256:${id}-${version}`,
  createdAt: '2025-01-01T00:00:00.000Z',
});

const families: Family[] = [
  { id: 'healthbench:abc', versions: [row('healthbench:abc', 1, 'HealthBench: chest pain at night', 'Example tags: theme:emergency_referrals.')] },
  { id: 'triage', versions: [row('triage', 2, 'Triage safety'), row('triage', 1, 'Triage (draft)', 'old wording about dosing')] },
  { id: 'airline', versions: [row('airline', 1, 'Airline policy adherence')] },
];

describe('filterFamilies', () => {
  it('keeps every family for an empty or blank query', () => {
    expect(filterFamilies(families, '')).toBe(families);
    expect(filterFamilies(families, '   ')).toBe(families);
  });

  it('matches title, id and description of any version, case-insensitively, every word', () => {
    expect(filterFamilies(families, 'TRIAGE').map((f) => f.id)).toEqual(['triage']);
    expect(filterFamilies(families, 'dosing').map((f) => f.id)).toEqual(['triage']); // an older version's description
    expect(filterFamilies(families, 'healthbench emergency').map((f) => f.id)).toEqual(['healthbench:abc']);
    expect(filterFamilies(families, 'healthbench airline')).toEqual([]);
    expect(filterFamilies(families, 'a').map((f) => f.id)).toEqual(['healthbench:abc', 'triage', 'airline']);
  });
});
