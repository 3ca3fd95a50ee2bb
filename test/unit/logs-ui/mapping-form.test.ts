// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyMappingForm, isValid, suggestColumns, toFieldMapping, validateMapping, type MappingForm } from '../../../renderer/src/features/logs/mapping-form.ts';
import { previewFromBytes } from '../../../renderer/src/features/logs/mapping-preview.ts';
import { applyMapping, compileMapping } from '../../../shared/formats/access-logs/mapping.ts';
import type { AccessEvent } from '../../../shared/model/access-event.ts';


const csv = ['ts,principal,on_behalf_of,event,verdict,resource,scopes', '1793628252069,agent-7,rn.obi,tools/call,ALLOWED,ehr,chart.read chart.write', '1793628253069,agent-7,rn.obi,tools/call,blocked,billing,'].join('\n');
const enc = (s: string) => new TextEncoder().encode(s);

function form(patch: Partial<MappingForm> = {}): MappingForm {
  return {
    ...emptyMappingForm(),
    name: 'Gateway CSV',
    columns: { time: 'ts', actorId: 'principal', subjectUser: 'on_behalf_of', action: 'event', decision: 'verdict', scopes: 'scopes' },
    timeFormat: 'epoch-ms',
    ...patch,
  };
}

describe('mapping form validation', () => {
  const preview = previewFromBytes('gateway.csv', enc(csv));

  it('previews CSV columns and rows from the head of the file', () => {
    expect(preview.framing).toBe('csv');
    expect(preview.columns).toEqual(['ts', 'principal', 'on_behalf_of', 'event', 'verdict', 'resource', 'scopes']);
    expect(preview.rows[1]).toMatchObject({ verdict: 'blocked', resource: 'billing' });
  });

  it('previews JSON Lines records with dotted leaf paths', () => {
    const jsonl = previewFromBytes('x.jsonl', enc('{"t":"2026-11-02T12:00:00Z","who":{"id":"a1"},"act":"read"}\n{"t":"2026-11-02T12:01:00Z","who":{"id":"a2"},"act":"write"}\n'));
    expect(jsonl.framing).toBe('jsonl');
    expect(jsonl.columns).toEqual(['t', 'who.id', 'act']);
    expect(validateMapping({ ...form(), columns: { time: 't', actorId: 'who.id', action: 'act' }, timeFormat: 'iso' }, jsonl.columns, jsonl.rows)).toEqual({});
  });

  it('accepts a complete mapping', () => {
    expect(isValid(validateMapping(form(), preview.columns, preview.rows))).toBe(true);
  });

  it('needs a name that is not taken (case-insensitive)', () => {
    expect(validateMapping(form({ name: '  ' }), preview.columns, preview.rows).name).toMatch(/name/);
    expect(validateMapping(form(), preview.columns, preview.rows, ['gateway csv']).name).toMatch(/exists/);
  });

  it('requires time, actor and action, and only columns of this file', () => {
    const errors = validateMapping(form({ columns: { actorId: 'nope' } }), preview.columns, preview.rows);
    expect(Object.keys(errors).sort()).toEqual(['action', 'actorId', 'time']);
    expect(errors.actorId).toMatch(/not a column/);
  });

  it('checks the time format against the preview rows', () => {
    expect(validateMapping(form({ timeFormat: 'iso' }), preview.columns, preview.rows).time).toMatch(/does not read as ISO-8601/);
    expect(validateMapping(form({ timeFormat: 'auto' }), preview.columns, preview.rows).time).toBeUndefined();
    expect(validateMapping(form({ columns: { ...form().columns, time: 'resource' } }), preview.columns, preview.rows).time).toBeDefined();
  });

  it('needs decision values without conflicts when a decision column is mapped', () => {
    const conflict = form({ decisionValues: { allow: 'allowed, ok', deny: 'OK', challenge: '' } });
    expect(validateMapping(conflict, preview.columns, preview.rows).decisionValues).toMatch(/"ok" is listed for both allow and deny/);
    const none = form({ decisionValues: { allow: ' ', deny: '', challenge: ',' } });
    expect(validateMapping(none, preview.columns, preview.rows).decisionValues).toMatch(/at least one/);
    const unmapped = form({ columns: { ...form().columns, decision: '' }, decisionValues: { allow: '', deny: '', challenge: '' } });
    expect(validateMapping(unmapped, preview.columns, preview.rows).decisionValues).toBeUndefined();
  });

  it('needs a scopes separator when scopes are mapped', () => {
    expect(validateMapping(form({ scopesSeparator: '' }), preview.columns, preview.rows).scopesSeparator).toBeDefined();
  });

  it('suggests columns from their names, each column once', () => {
    const s = suggestColumns(preview.columns);
    expect(s).toMatchObject({ time: 'ts', actorId: 'principal', subjectUser: 'on_behalf_of', action: 'event', decision: 'verdict', target: 'resource', scopes: 'scopes' });
    expect(new Set(Object.values(s)).size).toBe(Object.values(s).length);
  });

  it('becomes a shared FieldMapping that reads the preview rows into events', () => {
    const made = toFieldMapping(form({ columns: { ...form().columns, mcpTool: '' } }), 'csv');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.mapping.fields).not.toHaveProperty('mcpTool');
    expect(made.mapping).toMatchObject({ name: 'Gateway CSV', format: 'csv', timeFormat: 'epoch-ms', actorType: 'agent' });
    expect(made.mapping.decisionValues.allow).toContain('allowed');
    const compiled = compileMapping(made.mapping);
    const ctx = (n: number) => ({ sourceId: 'src', format: 'generic-csv', line: n + 1, ordinal: n, raw: '' });
    const [allowed, blocked] = preview.rows.map((r, i) => applyMapping(compiled, r, ctx(i + 1)) as AccessEvent);
    expect(allowed).toMatchObject({ decision: 'allow', actionNative: 'tools/call', subjectUser: 'rn.obi', scopesGranted: ['chart.read', 'chart.write'], time: 1793628252069000 });
    expect(allowed!.actor).toMatchObject({ id: 'agent-7', type: 'agent' });
    expect(blocked).toMatchObject({ decision: 'deny' });
  });

  it('reports what the shared schema refuses', () => {
    expect(toFieldMapping(form({ name: '' }), 'csv')).toMatchObject({ ok: false });
  });
});
