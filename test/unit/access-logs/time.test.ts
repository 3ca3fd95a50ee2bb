import { describe, expect, it } from 'vitest';
import { microsToIso, toMicros } from '../../../shared/formats/access-logs/time.ts';

const at = (iso: string) => Date.parse(iso) * 1000;

describe('toMicros', () => {
  it('reads ISO 8601 with any fraction and zone, keeping microseconds', () => {
    expect(toMicros('2026-11-02T11:58:42.115Z')).toBe(at('2026-11-02T11:58:42.115Z'));
    expect(toMicros('2026-11-02T11:58:42.123456789Z')).toBe(at('2026-11-02T11:58:42.123Z') + 456);
    expect(toMicros('2026-11-02T13:58:42+02:00')).toBe(at('2026-11-02T11:58:42Z'));
    expect(toMicros('2026-11-02T06:58:42-0500')).toBe(at('2026-11-02T11:58:42Z'));
    expect(toMicros('2026-11-02')).toBe(at('2026-11-02T00:00:00Z'));
    expect(toMicros('2026-11-02t11:58z')).toBe(at('2026-11-02T11:58:00Z'));
  });

  it('reads zoneless vendor timestamps (Panther, Duo) as UTC, never as local time', () => {
    expect(toMicros('2022-03-22 14:21:53.225')).toBe(at('2022-03-22T14:21:53.225Z'));
    expect(toMicros('2025-10-03 14:09:32.149000000')).toBe(at('2025-10-03T14:09:32.149Z'));
    expect(toMicros('2026-03-02 09:00:00 UTC')).toBe(at('2026-03-02T09:00:00Z'));
  });

  it('tells epoch seconds, ms, µs and ns apart by size, as numbers or strings', () => {
    const us = at('2026-11-02T11:58:42.115Z');
    expect(toMicros(us / 1e6)).toBe(us);
    expect(toMicros(us / 1000)).toBe(us);
    expect(toMicros(String(us / 1000))).toBe(us);
    expect(toMicros(us)).toBe(us);
    expect(toMicros(`${us}123`)).toBe(us);
    expect(toMicros('1793628606235000000')).toBe(1793628606235000);
    expect(toMicros(1702857600)).toBe(1702857600 * 1e6);
    expect(toMicros('1702857600', 'epoch-ms')).toBe(1702857600 * 1000);
  });

  it('reads CloudTrail credential expirations and RFC 2822 with a zone', () => {
    expect(toMicros('Nov 30, 2024, 8:43:17 PM')).toBe(at('2024-11-30T20:43:17Z'));
    expect(toMicros('Mar 2, 2026, 12:05:00 AM')).toBe(at('2026-03-02T00:05:00Z'));
    expect(toMicros('Tue, 03 Nov 2026 10:00:00 GMT')).toBe(at('2026-11-03T10:00:00Z'));
  });

  it('returns null for anything it cannot place in time', () => {
    for (const v of ['redacted', '', '2026-13-01', '2026-11-02T25:00:00Z', '2026-11-02T10:00:00 tomorrow', 'Tue 03 Nov 2026', null, {}, NaN, Infinity]) {
      expect(toMicros(v), String(v)).toBeNull();
    }
  });

  it('prints microseconds back as ISO', () => {
    expect(microsToIso(at('2026-11-02T11:58:42.115Z') + 7)).toBe('2026-11-02T11:58:42.115007Z');
  });
});
