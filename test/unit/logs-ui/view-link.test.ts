// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, viewHashPrefix, viewLinkUrl } from '../../../renderer/src/features/logs/view-link.ts';

const filter = {
  timeFrom: 1_793_628_000_000_000,
  timeTo: 1_793_631_600_000_000,
  facets: { decision: ['deny', 'challenge'], agent: ['agent-carecoord'] },
  text: 'Patient “Zoë” <script>',
  starred: true,
  tag: 'follow-up',
};

describe('view links', () => {
  it('copies a full link (this page plus the view), replacing any fragment already there', () => {
    const view = { filter: { facets: { decision: ['deny'] } } };
    const url = viewLinkUrl(view, 'http://127.0.0.1:5317/index.html?x=1#logs');
    expect(url).toBe(`http://127.0.0.1:5317/index.html?x=1${encodeView(view)}`);
    expect(viewLinkUrl(view, 'custody://app/#review')).toBe(`custody://app/${encodeView(view)}`);
    const decoded = decodeView(url);
    expect(decoded.ok && decoded.view.filter).toEqual({ facets: { decision: ['deny'] } });
  });

  it('round-trips filter, columns, sort and name, including non-ASCII text', () => {
    const link = encodeView({ name: 'Denied by agent', filter, columns: ['time', 'decision', 'agent'], sort: 'time-desc' });
    expect(link.startsWith(viewHashPrefix)).toBe(true);
    expect(link.slice(viewHashPrefix.length)).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    const decoded = decodeView(link);
    expect(decoded).toEqual({
      ok: true,
      view: {
        name: 'Denied by agent',
        filter: { ...filter, facets: { agent: ['agent-carecoord'], decision: ['challenge', 'deny'] } },
        columns: ['time', 'decision', 'agent'],
        sort: 'time-desc',
      },
    });
  });

  it('reads the link inside a full address and ignores anything after it', () => {
    const link = encodeView({ filter: { text: 'deny' } });
    expect(decodeView(`app://custody/index.html${link}&utm=x`)).toEqual({ ok: true, view: { filter: { text: 'deny' } } });
  });

  it('encodes equal filters to the same link (canonical order, no empty parts)', () => {
    const a = encodeView({ filter: { facets: { decision: ['deny', 'allow'], agent: [] }, text: '  ' } });
    const b = encodeView({ filter: { facets: { decision: ['allow', 'deny'] } } });
    expect(a).toBe(b);
  });

  it('refuses damaged or hostile links with a reason, never half-applying them', () => {
    expect(decodeView('#review')).toMatchObject({ ok: false, reason: expect.stringContaining('not a Custody view link') });
    expect(decodeView(`${viewHashPrefix}`)).toMatchObject({ ok: false });
    expect(decodeView(`${viewHashPrefix}%%%`)).toMatchObject({ ok: false, reason: expect.stringContaining('base64url') });
    expect(decodeView(`${viewHashPrefix}bm90IGpzb24`)).toMatchObject({ ok: false, reason: expect.stringContaining('JSON') });
    const b64 = (o: unknown) => viewHashPrefix + btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // Unknown facet field, wrong types, extra keys, unknown version.
    expect(decodeView(b64({ v: 1, filter: { facets: { password: ['x'] } } }))).toMatchObject({ ok: false });
    expect(decodeView(b64({ v: 1, filter: { timeFrom: 'yesterday' } }))).toMatchObject({ ok: false, reason: expect.stringContaining('timeFrom') });
    expect(decodeView(b64({ v: 1, filter: {}, evil: true }))).toMatchObject({ ok: false });
    expect(decodeView(b64({ v: 2, filter: {} }))).toMatchObject({ ok: false });
    expect(decodeView(viewHashPrefix + 'A'.repeat(20_000))).toMatchObject({ ok: false, reason: expect.stringContaining('too long') });
  });
});
