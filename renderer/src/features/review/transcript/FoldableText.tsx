// Plain text of one evidence path, folded when long. The fold shows a prefix of the
// same string, so selection offsets inside the prefix are offsets into the source.
import { setExpanded, toggleKey, useReview } from '../store.ts';

export const FOLD = { lines: 40, chars: 4000 };

/** Where to cut a long text, or null when it is short enough to show whole. */
export function foldPoint(text: string, maxLines = FOLD.lines, maxChars = FOLD.chars): number | null {
  let cut = text.length > maxChars ? maxChars : text.length;
  let line = 0;
  for (let i = 0; i < cut; i++) {
    if (text.charCodeAt(i) === 10 && ++line === maxLines) {
      cut = i;
      break;
    }
  }
  return cut < text.length ? cut : null;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

interface Props {
  text: string;
  messageId: string;
  path: string;
  className?: string;
}

/** A folded text whose open/closed state the caller already knows (no store subscription). */
export function FoldedText({ text, messageId, path, className, inline, expanded }: Props & { inline?: boolean; expanded: boolean }) {
  const cut = foldPoint(text);
  const shown = cut === null || expanded ? text : text.slice(0, cut);
  const Tag = inline ? 'span' : 'pre';
  return (
    <>
      <Tag className={className} data-path={path}>
        {shown}
      </Tag>
      {cut !== null && (
        <button type="button" className="rv-fold" data-ev-skip="" onClick={() => setExpanded([[toggleKey(messageId, path), !expanded]])}>
          {expanded ? 'Fold' : `Show all (${countLines(text).toLocaleString()} lines, ${text.length.toLocaleString()} chars)`}
        </button>
      )}
    </>
  );
}

export function FoldableText(props: Props) {
  const expanded = useReview((s) => s.expanded.get(toggleKey(props.messageId, props.path)) === true);
  return <FoldedText {...props} expanded={expanded} />;
}
