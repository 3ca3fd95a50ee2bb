// The transcript as a virtualized list with measured row heights, so a 2,000-message
// transcript mounts a screenful of rows. Evidence highlights are repainted after
// every render because rows come and go while scrolling.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EvidenceSpan } from '../../../../../shared/model/annotation.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Transcript } from '../../../../../shared/model/transcript.ts';
import { criterionOf } from '../annotation-logic.ts';
import { activeRect, clearEvidence, paintEvidence } from '../highlight.ts';
import { MARK, markOnce } from '../perf.ts';
import { useReview } from '../store.ts';
import { nextFrame } from './dom.ts';
import { warmMarkdown } from './Markdown.tsx';
import { isMarkdown, MessageRow } from './MessageRow.tsx';
import { estimateRowHeight } from './row-estimate.ts';
import { TranscriptMeta } from './TranscriptMeta.tsx';
import { SelectionCaret } from './SelectionCaret.tsx';

const noSpans: readonly EvidenceSpan[] = [];
/** Width of a row's text column: .rv-msg padding and border, capped at its max-width. */
const textWidth = (scrollerWidth: number) => Math.min(880, scrollerWidth - 56);

export function TranscriptView({ transcript }: { transcript: Transcript }) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const painted = useRef(false);
  const { messages } = transcript;
  const current = useReview((s) => s.currentMessage);
  const selecting = useReview((s) => s.selecting);
  const scrollRequest = useReview((s) => s.scrollRequest);
  // Only what the list shows: the focused criterion's evidence and the active span.
  // Both keep their identity while a value or rationale changes, so a keystroke in
  // the rubric does not re-render the transcript.
  const spans = useReview((s) => {
    const criterion = s.desk?.rubric.criteria[s.focused];
    return s.desk && criterion ? criterionOf(s.desk.annotation, criterion.id).evidence : noSpans;
  });
  const activeSpan = useReview((s) => {
    const a = s.activeEvidence;
    return a && s.desk ? (criterionOf(s.desk.annotation, a.criterionId).evidence[a.index] ?? null) : null;
  });
  const [, setTick] = useState(0);
  const [width, setWidth] = useState(880);
  useLayoutEffect(() => {
    if (scrollerRef.current) setWidth(textWidth(scrollerRef.current.clientWidth));
  }, []);

  // Unmeasured rows are placed by an estimate from their content (row-estimate.ts),
  // worked out once per row: getMeasurements asks for every row after each resize.
  const estimateSize = useMemo(() => {
    const cache = new Float64Array(messages.length);
    return (i: number) => (cache[i] ||= estimateRowHeight(messages[i]!, width));
  }, [messages, width]);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();

  // Rows mount and unmount as the list scrolls, so highlights are repainted after
  // each render; with nothing to paint (and nothing painted) there is nothing to do.
  const paintedSomething = useRef(false);
  useLayoutEffect(() => {
    if (!scrollerRef.current || (!spans.length && !activeSpan && !paintedSomething.current)) return;
    paintEvidence(scrollerRef.current, spans, activeSpan);
    paintedSomething.current = spans.length > 0 || activeSpan !== null;
  });
  useEffect(() => clearEvidence, []);

  // Parse the markdown of rows not yet shown while the page is idle, from where the
  // expert is onwards, so scrolling mounts rows without parsing them.
  useEffect(() => {
    const from = useReview.getState().currentMessage;
    const sources: string[] = [];
    for (const m of [...messages.slice(from), ...messages.slice(0, from)]) {
      for (const part of m.content) if (part.type === 'text' && isMarkdown(m, part)) sources.push(part.text);
    }
    return warmMarkdown(sources);
  }, [messages]);

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
