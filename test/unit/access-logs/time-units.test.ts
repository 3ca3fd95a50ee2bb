// Every reader tells an epoch time's unit (s, ms, µs, ns) by its magnitude, whatever the
// vendor's documentation says the field holds: OCSF `time` "is" ms and OTLP "is" ns, yet
// OCSF's own examples write seconds and converters write ms. One helper (toMicros) decides.
import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/model/access-event.ts';
import type { NormalizeResult, RecordContext } from '../../../shared/formats/access-logs/reader.ts';
import { isProblem } from '../../../shared/formats/access-logs/reader.ts';
import { normalizeOkta } from '../../../shared/formats/access-logs/okta.ts';
import { normalizeDescope } from '../../../shared/formats/access-logs/descope.ts';
import { normalizeAuth0 } from '../../../shared/formats/access-logs/auth0.ts';
import { normalizeCloudTrail } from '../../../shared/formats/access-logs/cloudtrail.ts';
import { normalizeOcsf } from '../../../shared/formats/access-logs/ocsf.ts';
import { normalizeOtel } from '../../../shared/formats/access-logs/otel.ts';
import { genericJsonlReader, mappingReader } from '../../../shared/formats/access-logs/generic.ts';
import { FieldMapping } from '../../../shared/formats/access-logs/mapping.ts';

const ctx: RecordContext = { sourceId: 'units', format: 'test', line: 1, ordinal: 1, raw: '{}' };

function one(result: NormalizeResult): AccessEvent {
  if (isProblem(result)) throw new Error(result.problem);
  return Array.isArray(result) ? result[0]! : result;
}

// 2026-03-02T09:00:00.123456Z
const US = 1772442000123456;
const units: [string, number | string, number][] = [
  ['seconds', 1772442000, 1772442000000000],
  ['seconds with a fraction', 1772442000.5, 1772442000500000],
  ['milliseconds', 1772442000123, 1772442000123000],
  ['microseconds', US, US],
  ['nanoseconds (string, exact)', '1772442000123456789', US],
  ['nanoseconds (number)', 1772442000123456000, US],
  ['seconds as a string', '1772442000', 1772442000000000],
  ['milliseconds as a string', '1772442000123', 1772442000123000],
];

const mapping = FieldMapping.parse({ name: 'Gateway', format: 'jsonl', fields: { time: 'when', action: 'what' } });

const readers: [string, (t: number | string) => AccessEvent][] = [
  ['Okta (published)', (t) => one(normalizeOkta({ uuid: 'u', eventType: 'user.session.start', published: t }, ctx))],
  ['Descope (occurred)', (t) => one(normalizeDescope({ action: 'LoginSucceed', occurred: t, userId: 'U1' }, ctx))],
  ['Auth0 (date)', (t) => one(normalizeAuth0({ type: 's', date: t, user_id: 'auth0|1' }, ctx))],
  ['CloudTrail (eventTime)', (t) => one(normalizeCloudTrail({ eventName: 'GetObject', eventTime: t }, ctx))],
  ['OCSF (time)', (t) => one(normalizeOcsf({ class_uid: 6003, time: t }, ctx))],
  ['OTel (startTimeUnixNano)', (t) => one(normalizeOtel({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: 'span', startTimeUnixNano: t }] }] }] }, ctx))],
  ['generic default mapping (timestamp)', (t) => one(genericJsonlReader.normalize({ timestamp: t, action: 'login', actor: 'ada' }, ctx))],
  ['saved mapping, timeFormat auto', (t) => one(mappingReader(mapping).normalize({ when: t, what: 'login' }, ctx))],
];

describe('epoch times: the unit comes from the magnitude in every reader', () => {
  for (const [reader, normalize] of readers) {
    it.each(units)(`${reader}: %s`, (_unit, value, expected) => {
      expect(normalize(value).time).toBe(expected);
    });
  }

  it('OCSF reads seconds in session and delegation times too (no event lands in 1970)', () => {
    const e = one(normalizeOcsf({
      class_uid: 6003,
      time: 1772442000,
      actor: { user: { uid: 'u1' }, session: { uid: 's1', created_time: 1772441000, expiration_time: 1772444600 } },
    }, ctx));
    expect(e.time).toBe(1772442000 * 1e6);
    expect(e.credential).toMatchObject({ issued: 1772441000 * 1e6, expires: 1772444600 * 1e6 });
    const d = one(normalizeOcsf({ class_uid: 6003, time: 1772442000123, ai_agent: { uid: 'a' }, delegation: { uid: 'd', created_time: 1772442000, expiration_time: 1772442900123 } }, ctx));
    expect(d.credential).toMatchObject({ type: 'delegation', issued: 1772442000 * 1e6, expires: 1772442900123000 });
  });

  it('a unit the user names in a saved mapping still wins over the magnitude', () => {
    const named = FieldMapping.parse({ name: 'Named', format: 'jsonl', fields: { time: 'when', action: 'what' }, timeFormat: 'epoch-s' });
    expect(one(mappingReader(named).normalize({ when: '1772442000', what: 'login' }, ctx)).time).toBe(1772442000 * 1e6);
  });
});
