import { describe, expect, it } from 'vitest';
import { notSetReason, presenceOf } from '../../../renderer/src/features/logs/facet-labels.ts';

// okta never records a tenant; descope records one in some events only.
const okta = presenceOf('okta', { tenant: [{ value: '', count: 60 }], agent: [{ value: 'agent-1', count: 10 }, { value: '', count: 50 }] });
const descope = presenceOf('descope', { tenant: [{ value: 'stmarys', count: 40 }, { value: '', count: 19 }], agent: [{ value: 'agent-1', count: 59 }] });
const name = (id: string) => `${id}-format (${id}.json)`;

describe('why a facet value is "(not set)"', () => {
  it('reads presence from a source\'s own facet counts', () => {
    expect([...okta.set]).toEqual(['agent']);
    expect([...okta.empty].sort()).toEqual(['agent', 'tenant']);
    expect(descope.empty.has('agent')).toBe(false);
  });

  it('tells "not in the format" from "empty in the record", naming the sources', () => {
    expect(notSetReason('tenant', ['okta'], [okta, descope], name)).toEqual({
      short: 'not in format',
      long: 'Not in the format: okta-format (okta.json) never records Tenant (the format has no such field, or the export left it out).',
    });
    expect(notSetReason('tenant', ['descope'], [okta, descope], name)?.short).toBe('empty in record');
    expect(notSetReason('tenant', ['descope'], [okta, descope], name)?.long).toContain('descope-format (descope.json) records Tenant in some events and leaves it empty in these.');
    const both = notSetReason('tenant', ['okta', 'descope'], [okta, descope], name);
    expect(both?.short).toBe('not in format / empty');
    expect(both?.long).toMatch(/^Not in the format: okta.*Empty in the record: descope/);
  });

  it('only speaks of sources in the current result, and says nothing when nothing is missing', () => {
    expect(notSetReason('agent', ['descope'], [okta, descope], name)).toBeUndefined();
    expect(notSetReason('agent', ['okta'], [okta, descope], name)?.short).toBe('empty in record');
    expect(notSetReason('tenant', [], [okta, descope], name)).toBeUndefined();
  });
});
