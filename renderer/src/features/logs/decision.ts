// How a decision reads: a glyph and a word as well as a colour, so it never rests on colour alone.
export type DecisionTone = 'allow' | 'deny' | 'challenge' | 'other';

export function decisionTone(decision: string): DecisionTone {
  const d = decision.toLowerCase();
  if (d === 'allow') return 'allow';
  if (d === 'deny') return 'deny';
  if (d === 'challenge') return 'challenge';
  return 'other';
}

const glyph: Record<DecisionTone, string> = { allow: '✓', deny: '✕', challenge: '◆', other: '·' };
const word: Record<DecisionTone, string> = { allow: 'allow', deny: 'deny', challenge: 'challenge', other: '' };

export function decisionLabel(decision: string): { tone: DecisionTone; glyph: string; text: string } {
  const tone = decisionTone(decision);
  return { tone, glyph: glyph[tone], text: word[tone] || decision || 'none' };
}

export const decisionLegend: { tone: DecisionTone; label: string }[] = [
  { tone: 'allow', label: 'Allow' },
  { tone: 'deny', label: 'Deny' },
  { tone: 'challenge', label: 'Challenge' },
  { tone: 'other', label: 'Other' },
];
