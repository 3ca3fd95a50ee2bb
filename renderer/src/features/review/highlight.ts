// Evidence highlighting with the CSS Custom Highlight API: ranges are painted
// without touching the DOM, so React's text nodes stay exactly as rendered (and
// selection offsets stay valid). Re-run after every render of the transcript,
// because virtualization mounts and unmounts rows as the list scrolls.
import type { EvidenceSpan } from '../../../../shared/model/annotation.ts';
import { findPathElement, spanToRange } from './evidence.ts';

export const HIGHLIGHT = { evidence: 'custody-evidence', active: 'custody-evidence-active' } as const;

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

function rangesFor(container: ParentNode, spans: readonly EvidenceSpan[]): Range[] {
  const out: Range[] = [];
  for (const span of spans) {
    const el = findPathElement(container, span.messageId, span.path);
    const range = el && spanToRange(el, span);
    if (range) out.push(range);
  }
  return out;
}

export function paintEvidence(container: ParentNode, spans: readonly EvidenceSpan[], active: EvidenceSpan | null): void {
  if (!supported()) return;
  CSS.highlights.set(HIGHLIGHT.evidence, new Highlight(...rangesFor(container, spans)));
  CSS.highlights.set(HIGHLIGHT.active, new Highlight(...rangesFor(container, active ? [active] : [])));
}

export function clearEvidence(): void {
  if (!supported()) return;
  CSS.highlights.delete(HIGHLIGHT.evidence);
  CSS.highlights.delete(HIGHLIGHT.active);
}

/** Viewport rectangle of the active span, to scroll it into the middle of the view. */
export function activeRect(container: ParentNode, active: EvidenceSpan): DOMRect | null {
  const [range] = rangesFor(container, [active]);
  return range ? range.getBoundingClientRect() : null;
}
