// Shareable views: `#logs?view=<base64url(JSON)>`. A link can come from anyone, so
// decoding validates every field and caps sizes; a bad link is refused with a reason
// and never half-applied.
import { z } from 'zod';
import { facetFields, type EventFilter, type SortOrder } from '../../logs/engine/contract.ts';
import { canonicalFilter } from './filter-state.ts';

export const viewHashPrefix = '#logs?view=';
const maxLinkChars = 16_000;

const shortText = z.string().max(500);
const facetValues = z.array(shortText).max(200);

const FilterSchema = z
  .object({
    timeFrom: z.number().finite().optional(),
    timeTo: z.number().finite().optional(),
    facets: z.partialRecord(z.enum(facetFields), facetValues).optional(),
    text: shortText.optional(),
    starred: z.boolean().optional(),
    tag: z.string().max(100).optional(),
    commented: z.boolean().optional(),
  })
  .strict();

const LinkedViewSchema = z
  .object({
    v: z.literal(1),
    name: z.string().max(200).optional(),
    filter: FilterSchema,
    columns: z.array(z.string().max(40)).max(40).optional(),
    sort: z.enum(['time-asc', 'time-desc']).optional(),
  })
  .strict();

export interface LinkedView {
  name?: string;
  filter: EventFilter;
  columns?: string[];
  sort?: SortOrder;
}

export type DecodedView = { ok: true; view: LinkedView } | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeView(view: LinkedView): string {
  const payload = {
    v: 1 as const,
    ...(view.name ? { name: view.name } : {}),
    filter: canonicalFilter(view.filter),
    ...(view.columns ? { columns: view.columns } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
  };
  return viewHashPrefix + toBase64Url(new TextEncoder().encode(JSON.stringify(payload)));
}

/**
 * The link to copy: this page's own address with the view in its fragment, so it opens the
 * view when loaded and, pasted into a running app's address bar, on hashchange.
 */
export function viewLinkUrl(view: LinkedView, href: string = typeof location === 'undefined' ? '' : location.href): string {
  return href.split('#')[0] + encodeView(view);
}

/** True when the text carries a view link (a bare hash or a full URL ending in one). */
export function hasViewLink(text: string): boolean {
  return text.includes(viewHashPrefix);
}

export function decodeView(text: string): DecodedView {
  const at = text.indexOf(viewHashPrefix);
  if (at < 0) return { ok: false, reason: 'not a Custody view link (it should contain "#logs?view=")' };
  const encoded = text.slice(at + viewHashPrefix.length).trim().split('&')[0] ?? '';
  if (!encoded) return { ok: false, reason: 'the link carries no view' };
  if (encoded.length > maxLinkChars) return { ok: false, reason: 'the link is too long to be a view' };
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { ok: false, reason: 'the link is damaged (characters outside base64url)' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded)));
  } catch {
    return { ok: false, reason: 'the link is damaged (not readable JSON)' };
  }
  const parsed = LinkedViewSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    return { ok: false, reason: `the link is not a valid view (${where}${issue?.message ?? 'invalid'})` };
  }
  const { name, filter, columns, sort } = parsed.data;
  return {
    ok: true,
    view: { ...(name ? { name } : {}), filter: canonicalFilter(filter), ...(columns ? { columns } : {}), ...(sort ? { sort } : {}) },
  };
}
