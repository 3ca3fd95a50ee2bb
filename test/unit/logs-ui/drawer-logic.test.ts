// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describeDelegation } from '../../../renderer/src/features/logs/delegation.ts';
import { groupFields } from '../../../renderer/src/features/logs/event-fields.ts';
import { LOGS_KEY_HELP, resolveLogsKey } from '../../../renderer/src/features/logs/keyboard.ts';

const fmt = (us: number) => `t${us}`;
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

const event = {
  id: 'src:4',
  source: { id: 'src', format: 'descope-audit', line: 4, record: 4 },
  raw: '{"never":"shown here"}',
  time: 1_793_628_606_600_000,
  actionNative: 'TokenExchanged',
  actionClass: 'token_exchange',
  outcome: 'success',
  decision: 'allow',
  actor: { id: 'agent-carecoord', type: 'agent', clientId: 'carecoord-web' },
  subjectUser: 'rn.luis.fernandez',
  delegation: [
    { actor: 'agent-carecoord', via: 'token-exchange' },
    { actor: 'gateway', via: 'token-exchange', clientId: 'mcp-gw' },
  ],
  credential: { type: 'access_token', jti: 'jti-77', expires: 1_793_632_206_600_000, audience: ['ehr'] },
  scopesGranted: ['chart.read', 'orders.write'],
  scopesRequested: [],
  target: { service: 'ehr', operation: 'read', resourceIds: [] },
  mcp: { server: 'ehr-mcp', tool: 'read_chart' },
  src: {},
  correlation: { traceId: 'abc' },
  futureField: { nested: 1 },
};

describe('delegation sentence and chain', () => {
  it('reads "agent X acting for user Y via credential Z (scopes, expires)"', () => {
    const d = describeDelegation(event, fmt);
    expect(text(d.sentence)).toBe('agent agent-carecoord acting for user rn.luis.fernandez via access token jti-77 (scopes chart.read, orders.write; audience ehr; expires t1793632206600000)');
    expect(d.chain.map((n) => [n.role, n.label])).toEqual([
      ['user', 'rn.luis.fernandez'],
      ['hop', 'gateway'],
      ['actor', 'agent-carecoord'],
      ['credential', 'jti-77'],
      ['target', 'read_chart'],
    ]);
  });

  it('says plainly what is missing instead of inventing it', () => {
    const d = describeDelegation({ actor: { id: 'svc-9', type: 'agent' } }, fmt);
    expect(text(d.sentence)).toBe('agent svc-9 with no on-behalf-of user recorded, no credential recorded (no scopes recorded)');
    const self = describeDelegation({ actor: { id: 'u1', type: 'human' }, subjectUser: 'u1' }, fmt);
    expect(text(self.sentence)).toContain('user u1 acting for themself');
    const spelled = describeDelegation({ actor: { id: '00u1', name: 'Dr. Hannah Whitcombe', type: 'human' }, subjectUser: 'hw@stmarys.example' }, fmt);
    expect(text(spelled.sentence)).toContain('user Dr. Hannah Whitcombe (hw@stmarys.example) acting for themself');
    expect(spelled.chain.map((n) => n.role)).toEqual(['actor']);
    expect(describeDelegation({}, fmt).chain).toEqual([{ role: 'actor', label: 'unknown actor', detail: 'unknown' }]);
  });
});

describe('the sentence agrees with the details', () => {
  // Each record sets one thing the details show; the sentence must never deny it.
  const cases: [string, Record<string, unknown>][] = [
    ['requested scopes only', { actor: { id: 'a1', type: 'agent' }, scopesRequested: ['mail.read'] }],
    ['issued time only', { actor: { id: 'a1', type: 'agent' }, credential: { issued: 1_000_000, audience: [] } }],
    ['expiry only', { actor: { id: 'a1', type: 'agent' }, credential: { expires: 2_000_000, audience: [] } }],
    ['audience only', { actor: { id: 'a1', type: 'agent' }, credential: { audience: ['api://ehr'] } }],
    ['granted scopes', { actor: { id: 'a1', type: 'agent' }, scopesGranted: ['chart.read'] }],
  ];
  it.each(cases)('%s', (_name, record) => {
    const sentence = text(describeDelegation(record, fmt).sentence);
    const shown = groupFields(record, fmt).flatMap((g) => g.fields);
    const shows = (prefix: string) => shown.some((f) => f.path.startsWith(prefix));
    if (shows('credential')) expect(sentence).not.toContain('no credential recorded');
    else expect(sentence).toContain('no credential recorded');
    if (shows('scopes')) expect(sentence).not.toContain('no scopes recorded');
    else expect(sentence).toContain('no scopes recorded');
    for (const f of shown.filter((x) => x.path.startsWith('scopes') || x.path.startsWith('credential.'))) expect(sentence).toContain(f.value.split(', ')[0]);
  });

  it('names requested scopes apart from granted ones', () => {
    const d = describeDelegation({ actor: { id: 'a1', type: 'agent' }, scopesGranted: ['a'], scopesRequested: ['a', 'b'] }, fmt);
    expect(text(d.sentence)).toContain('(scopes a; also requested b)');
    const only = describeDelegation({ actor: { id: 'a1', type: 'agent' }, scopesRequested: ['b'] }, fmt);
    expect(text(only.sentence)).toContain('(scopes requested b, none granted recorded)');
  });

  it('draws the credential box whenever a credential field is set', () => {
    const d = describeDelegation({ actor: { id: 'a1', type: 'agent' }, credential: { issued: 5, audience: [] } }, fmt);
    expect(text(d.sentence)).toContain('via credential (no scopes recorded; issued t5)');
    expect(d.chain.find((n) => n.role === 'credential')).toEqual({ role: 'credential', label: 'credential', detail: 'issued t5' });
  });
});

describe('normalized field groups', () => {
  it('groups fields for the auditor, formats µs times, keeps unknown fields, never the raw', () => {
    const groups = groupFields(event, fmt);
    expect(groups.map((g) => g.title)).toEqual(['What', 'Who', 'On whose behalf', 'Credential', 'Scopes', 'Target', 'MCP', 'Correlation', 'Origin', 'Other']);
    const all = groups.flatMap((g) => g.fields);
    expect(all.find((f) => f.path === 'credential.expires')?.value).toBe('t1793632206600000');
    expect(all.find((f) => f.path === 'scopesGranted')?.value).toBe('chart.read, orders.write');
    expect(all.find((f) => f.path === 'delegation[1].clientId')?.value).toBe('mcp-gw');
    expect(all.find((f) => f.path === 'futureField.nested')?.value).toBe('1');
    expect(all.some((f) => f.path === 'raw')).toBe(false);
    expect(all.some((f) => f.path === 'scopesRequested')).toBe(false); // empty lists are not noise
  });
});

describe('timeline keys', () => {
  const key = (k: string, target: Element | null = document.body, extra: Partial<KeyboardEvent> = {}) =>
    resolveLogsKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target, ...extra });

  it('maps j / k / Enter / Escape / "/" / s', () => {
    expect(['j', 'k', 'Enter', 'Escape', '/', 's'].map((k) => key(k))).toEqual(['down', 'up', 'open', 'close', 'search', 'star']);
  });

  it('never fights text entry, OS shortcuts, dialogs or buttons', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const button = document.createElement('button');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const inDialog = document.createElement('span');
    dialog.append(inDialog);
    expect(key('j', input)).toBeNull();
    expect(key('s', textarea)).toBeNull();
    expect(key('s', document.body, { ctrlKey: true })).toBeNull();
    expect(key('j', document.body, { metaKey: true })).toBeNull();
    expect(key('Enter', button)).toBeNull();
    expect(key('j', button)).toBe('down');
    expect(key('Escape', inDialog)).toBeNull();
    expect(key('x')).toBeNull();
  });

  it('the "?" sheet lists exactly the keys the screen answers', () => {
    const timeline = document.createElement('div');
    timeline.setAttribute('data-timeline', '');
    const sheetName: Record<string, string> = { '↓': 'ArrowDown', '↑': 'ArrowUp', Esc: 'Escape' };
    const listed = LOGS_KEY_HELP.flatMap((g) => g.rows.flatMap((r) => r.keys)).map((k) => sheetName[k] ?? k);
    // Everything the sheet promises works (with the timeline focused) …
    for (const k of listed) expect(key(k, timeline), k).not.toBeNull();
    // … and every key that acts is in the sheet.
    const candidates = [...'abcdefghijklmnopqrstuvwxyz?/.,;[]-=0123456789', 'Enter', 'Escape', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageDown', 'PageUp', ' '];
    for (const k of candidates) if (key(k, timeline)) expect(listed, k).toContain(k);
    expect(key('?')).toBe('help');
  });

  it('arrow keys move the cursor only inside the timeline', () => {
    const timeline = document.createElement('div');
    timeline.setAttribute('data-timeline', '');
    const cell = document.createElement('div');
    timeline.append(cell);
    expect(key('ArrowDown', cell)).toBe('down');
    expect(key('ArrowDown', document.body)).toBeNull();
  });
});
