// Evidence chips of one criterion: quoted text and where it is. Click (or Enter)
// jumps to it; Delete or × removes it.
import type { EvidenceSpan } from '../../../../../shared/model/annotation.ts';
import { describePath } from '../paths.ts';

interface Props {
  evidence: readonly EvidenceSpan[];
  messageNumber: (id: string) => number | undefined;
  activeIndex: number | null;
  readOnly: boolean;
  onJump: (index: number) => void;
  onRemove: (index: number) => void;
}

export function EvidenceList({ evidence, messageNumber, activeIndex, readOnly, onJump, onRemove }: Props) {
  if (!evidence.length) return null;
  return (
    <ul className="rv-evidence" aria-label="Evidence">
      {evidence.map((e, i) => {
        const n = messageNumber(e.messageId);
        return (
          <li key={`${e.messageId}|${e.path}|${e.start}|${e.end}`} data-active={activeIndex === i ? '' : undefined}>
            <button
              type="button"
              className="rv-ev-jump"
              onClick={() => onJump(i)}
              onKeyDown={(ev) => {
                if ((ev.key === 'Delete' || ev.key === 'Backspace') && !readOnly) {
                  ev.preventDefault();
                  onRemove(i);
                }
              }}
            >
              <span className="rv-ev-where">
                {n === undefined ? 'missing message' : `#${n}`} · {describePath(e.path)}
              </span>
              <q className="rv-ev-text">{e.text}</q>
            </button>
            {readOnly ? null : (
              <button type="button" className="rv-ev-remove" aria-label="Remove evidence" onClick={() => onRemove(i)}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
