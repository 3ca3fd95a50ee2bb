// The last view (filter, columns, sort) survives a reload or restart on this desk, and a
// `#logs?view=…` link in the address wins over it once, then leaves the address.
import { decodeView, encodeView, hasViewLink, type LinkedView } from './view-link.ts';

const lastViewKey = 'custody.logs.last-view.v1';

export function loadLastView(): LinkedView | null {
  try {
    const stored = localStorage.getItem(lastViewKey);
    if (!stored) return null;
    const decoded = decodeView(stored);
    return decoded.ok ? decoded.view : null;
  } catch {
    return null;
  }
}

export function saveLastView(view: LinkedView): void {
  try {
    localStorage.setItem(lastViewKey, encodeView(view));
  } catch {
    // preference only
  }
}

/** A view link in the page address, consumed: the address is cleaned so a later reload shows the latest state. */
export function takeLinkedView(): { view: LinkedView } | { error: string } | null {
  if (typeof location === 'undefined' || !hasViewLink(location.hash)) return null;
  const decoded = decodeView(location.hash);
  history.replaceState(null, '', `${location.pathname}${location.search}#logs`);
  return decoded.ok ? { view: decoded.view } : { error: decoded.reason };
}
