// The transcript as a virtualized list with measured row heights, so a 2,000-message
// transcript mounts a screenful of rows. Evidence highlights are repainted after
// every render because rows come and go while scrolling.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Transcript } from '../../../../../shared/model/transcript.ts';
import { criterionOf } from '../annotation-logic.ts';
import { activeRect, clearEvidence, paintEvidence } from '../highlight.ts';
import { MARK, markOnce } from '../perf.ts';
import { useReview } from '../store.ts';
import { nextFrame } from './dom.ts';
import { MessageRow } from './MessageRow.tsx';
import { TranscriptMeta } from './TranscriptMeta.tsx';
import { SelectionCaret } from './SelectionCaret.tsx';

export function TranscriptView({ transcript }: { transcript: Transcript }) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const painted = useRef(false);
  const { messages } = transcript;
  const current = useReview((s) => s.currentMessage);
  const selecting = useReview((s) => s.selecting);
  const scrollRequest = useReview((s) => s.scrollRequest);
  const criterionId = useReview((s) => s.desk?.rubric.criteria[s.focused]?.id);
  const annotation = useReview((s) => s.desk?.annotation);
  const active = useReview((s) => s.activeEvidence);
  const [, setTick] = useState(0);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => 120,
    overscan: 4,
    getItemKey: (i) => `${i}:${messages[i]!.id}`,
  });
  const items = virtualizer.getVirtualItems();

  const spans = annotation && criterionId ? criterionOf(annotation, criterionId).evidence : [];
  const activeSpan = active && annotation ? (criterionOf(annotation, active.criterionId).evidence[active.index] ?? null) : null;

  useLayoutEffect(() => {
    if (scrollerRef.current) paintEvidence(scrollerRef.current, spans, activeSpan);
  });
  useEffect(() => clearEvidence, []);

  useEffect(() => {
    if (painted.current || !items.length) return;
    painted.current = true;
    requestAnimationFrame(() => markOnce(MARK.reviewPainted));
  }, [items.length]);

  useEffect(() => {
    if (!scrollRequest) return;
    virtualizer.scrollToIndex(scrollRequest.index, { align: scrollRequest.align });
    if (!activeSpan) return;
    // Then centre the highlighted text itself, which may sit deep in a tall message.
    let cancelled = false;
    void (async () => {
      for (let i = 0; i < 4 && !cancelled; i++) await nextFrame();
      const scroller = scrollerRef.current;
      const rect = scroller && activeRect(scroller, activeSpan);
      if (cancelled || !scroller || !rect) return;
      const view = scroller.getBoundingClientRect();
      if (rect.top < view.top + 40 || rect.bottom > view.bottom - 40) {
        scroller.scrollTop += rect.top - (view.top + view.height / 3);
        setTick((t) => t + 1);
      }
    })();
    return () => {
      cancelled = true;
    };
    // Only a new request should scroll; the span is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  return (
    <section className="rv-transcript" aria-label="Transcript">
      <TranscriptMeta transcript={transcript} />
      <div className="rv-scroller" ref={scrollerRef} data-transcript-scroller="">
        <div className="rv-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => (
            <div
              key={v.key}
              className="rv-row"
              data-index={v.index}
              data-row={v.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <MessageRow message={messages[v.index]!} index={v.index} current={v.index === current} selecting={selecting && v.index === current} />
            </div>
          ))}
        </div>
        {selecting ? <SelectionCaret scroller={scrollerRef} /> : null}
      </div>
    </section>
  );
}
