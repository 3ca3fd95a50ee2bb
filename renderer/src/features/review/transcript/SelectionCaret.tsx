// A drawn caret for keyboard selection: a collapsed selection in non-editable text
// is invisible, so we draw a bar where its focus point is.
import { useEffect, useState, type RefObject } from 'react';

function caretRect(): DOMRect | null {
  const sel = window.getSelection();
  if (!sel?.focusNode) return null;
  const range = document.createRange();
  range.setStart(sel.focusNode, sel.focusOffset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height ? rect : null;
}

export function SelectionCaret({ scroller }: { scroller: RefObject<HTMLDivElement | null> }) {
  const [pos, setPos] = useState<{ left: number; top: number; height: number } | null>(null);
  useEffect(() => {
    const update = () => {
      const rect = caretRect();
      const box = scroller.current?.getBoundingClientRect();
      if (!rect || !box || !scroller.current) return setPos(null);
      setPos({ left: rect.left - box.left + scroller.current.scrollLeft, top: rect.top - box.top + scroller.current.scrollTop, height: rect.height });
    };
    update();
    const el = scroller.current;
    document.addEventListener('selectionchange', update);
    el?.addEventListener('scroll', update, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', update);
      el?.removeEventListener('scroll', update);
    };
  }, [scroller]);
  if (!pos) return null;
  return <div className="rv-caret" aria-hidden="true" style={{ left: pos.left, top: pos.top, height: pos.height }} />;
}
