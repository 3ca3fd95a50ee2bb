// Lookups in the rendered (virtualized) transcript: only mounted rows exist.
export const ROW_ATTR = 'data-row';

export function transcriptScroller(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-transcript-scroller]');
}

export function rowElement(index: number): HTMLElement | null {
  return transcriptScroller()?.querySelector<HTMLElement>(`[${ROW_ATTR}="${index}"]`) ?? null;
}

function rowsInView(): { index: number; top: number; bottom: number }[] {
  const scroller = transcriptScroller();
  if (!scroller) return [];
  const view = scroller.getBoundingClientRect();
  return Array.from(scroller.querySelectorAll<HTMLElement>(`[${ROW_ATTR}]`))
    .map((el) => ({ index: Number(el.getAttribute(ROW_ATTR)), rect: el.getBoundingClientRect() }))
    .filter(({ rect }) => rect.bottom > view.top + 4 && rect.top < view.bottom - 4)
    .map(({ index, rect }) => ({ index, top: rect.top, bottom: rect.bottom }))
    .sort((a, b) => a.index - b.index);
}

export function isRowInView(index: number): boolean {
  return rowsInView().some((r) => r.index === index);
}

export function firstRowInView(): number | null {
  return rowsInView()[0]?.index ?? null;
}

export const nextFrame = (): Promise<void> => new Promise((ok) => requestAnimationFrame(() => ok()));
