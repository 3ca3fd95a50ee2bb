import { decisionLabel } from './decision.ts';

export function DecisionBadge({ decision }: { decision: string }) {
  // Most events are not authorization decisions (a login, a span): say so quietly.
  if (!decision) {
    return (
      <span className="lg-decision faint" data-tone="none" title="not an authorization decision">
        —
      </span>
    );
  }
  const { tone, glyph, text } = decisionLabel(decision);
  return (
    <span className="lg-decision" data-tone={tone} title={decision ? `decision: ${decision}` : 'no decision recorded'}>
      <span aria-hidden="true">{glyph}</span> {text}
    </span>
  );
}
