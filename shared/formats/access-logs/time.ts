// Vendor timestamps → microseconds since the epoch, UTC. Hand-parsed rather than Date.parse:
// it keeps sub-millisecond digits (OTel nanoseconds, Panther's 9-digit fractions), never
// guesses the machine's local zone, and is fast enough for a million events a second.
//   ISO 8601 / RFC 3339       2026-11-02T11:58:42.115Z, …+02:00, 2026-11-02
//   space-separated, no zone  2022-03-22 14:21:53.225000000 (Panther; read as UTC)
//   epoch numbers or strings  s, ms, µs or ns, told apart by magnitude (or a given unit)
//   CloudTrail expirations    Nov 30, 2024, 8:43:17 PM (UTC)
// Readers never assume a unit (OCSF `time` "is" ms and OTLP "is" ns, yet exports hold seconds
// or ms): every reader calls toMicros(value) and the magnitude decides; only a unit the user
// names in a saved column mapping (`timeFormat`) overrides it.
//   RFC 2822 with a zone      Tue, 03 Nov 2026 10:00:00 GMT

export type TimeFormat = 'auto' | 'iso' | 'epoch-s' | 'epoch-ms' | 'epoch-us' | 'epoch-ns';

const US_PER = { 'epoch-s': 1e6, 'epoch-ms': 1e3, 'epoch-us': 1, 'epoch-ns': 1e-3 } as const;

/** Epoch number of unknown unit: seconds until 5138, then ms, µs, ns by size. */
function epochUnit(n: number): keyof typeof US_PER {
  const a = Math.abs(n);
  if (a < 1e11) return 'epoch-s';
  if (a < 1e14) return 'epoch-ms';
  if (a < 1e17) return 'epoch-us';
  return 'epoch-ns';
}

function fromEpoch(n: number, format: TimeFormat): number | null {
  if (!Number.isFinite(n)) return null;
  const unit = format === 'auto' || format === 'iso' ? epochUnit(n) : format;
  const us = Math.round(n * US_PER[unit]);
  return Number.isSafeInteger(us) ? us : null;
}

function digits(t: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** YYYY-MM-DD[(T| )hh:mm[:ss[.f…]]][Z|±hh[:]mm| UTC|GMT]; null if anything else follows. */
export function isoMicros(t: string): number | null {
  const n = t.length;
  if (n < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 2);
  const day = digits(t, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let micros = 0;
  let offsetMinutes = 0;
  let i = 10;
  const sep = t.charCodeAt(i);
  if (i < n && (sep === 84 || sep === 116 || sep === 32)) {
    hour = digits(t, i + 1, 2);
    if (hour < 0 || t.charCodeAt(i + 3) !== 58) return null;
    minute = digits(t, i + 4, 2);
    if (minute < 0) return null;
    i += 6;
    if (t.charCodeAt(i) === 58) {
      second = digits(t, i + 1, 2);
      if (second < 0) return null;
      i += 3;
      const dot = t.charCodeAt(i);
      if (dot === 46 || dot === 44) {
        i++;
        let scale = 100000;
        const start = i;
        for (; i < n; i++) {
          const d = t.charCodeAt(i) - 48;
          if (d < 0 || d > 9) break;
          if (scale >= 1) micros += d * scale;
          scale /= 10;
        }
        if (i === start) return null;
        micros = Math.floor(micros);
      }
    }
    if (hour > 24 || minute > 59 || second > 60) return null;
  }
  while (i < n && t.charCodeAt(i) === 32) i++;
  if (i < n) {
    const z = t.charCodeAt(i);
    if (z === 90 || z === 122) {
      i++;
    } else if (z === 43 || z === 45) {
      const oh = digits(t, i + 1, 2);
      const colon = t.charCodeAt(i + 3) === 58 ? 1 : 0;
      const om = i + 3 + colon < n ? digits(t, i + 3 + colon, 2) : 0;
      if (oh < 0 || om < 0 || oh > 23) return null;
      offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
      i += i + 3 + colon < n ? 5 + colon : 3;
    } else if (t.startsWith('UTC', i) || t.startsWith('GMT', i)) {
      i += 3;
    }
    if (i !== n) return null;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  return safe(ms * 1000 + micros - offsetMinutes * 60_000_000);
}

/** µs fit a double exactly only until the year 2255; later (or NaN) is no time. */
function safe(us: number): number | null {
  return Number.isSafeInteger(us) ? us : null;
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
const CLOUDTRAIL_EXPIRY = /^([A-Za-z]{3})\w* (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?([AaPp][Mm])$/;
const HAS_ZONE = /(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/;

function monthNameMicros(t: string): number | null {
  const m = CLOUDTRAIL_EXPIRY.exec(t);
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (month === undefined) return null;
  let hour = Number(m[4]) % 12;
  if (m[7]!.toLowerCase() === 'pm') hour += 12;
  return safe(Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5]), Number(m[6])) * 1000);
}

/** Digits of an epoch string; ns strings keep µs precision without going through a double. */
function epochString(t: string, format: TimeFormat): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  if ((format === 'epoch-ns' || (format === 'auto' && t.length >= 18)) && !t.includes('.')) {
    const us = Number(t.slice(0, -3));
    return Number.isSafeInteger(us) ? us : null;
  }
  return fromEpoch(Number(t), format);
}

/** Microseconds since the epoch (UTC), or null when the value is no readable time. */
export function toMicros(value: unknown, format: TimeFormat = 'auto'): number | null {
  if (typeof value === 'number') return fromEpoch(value, format);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t === '') return null;
  // The common case first: an ISO date ("YYYY-…") is never an epoch number.
  if (t.charCodeAt(4) === 45 && format !== 'epoch-s' && format !== 'epoch-ms' && format !== 'epoch-us' && format !== 'epoch-ns') {
    const iso = isoMicros(t);
    if (iso !== null) return iso;
  }
  if (format !== 'iso') {
    const epoch = epochString(t, format);
    if (epoch !== null || format !== 'auto') return epoch;
  }
  const iso = isoMicros(t);
  if (iso !== null) return iso;
  const named = monthNameMicros(t);
  if (named !== null) return named;
  // Anything else only when it names its zone: a zoneless guess would depend on the machine.
  if (HAS_ZONE.test(t)) {
    const us = safe(Date.parse(t) * 1000);
    if (us !== null) return us;
  }
  return null;
}

/** µs → ISO 8601 with microseconds, for output and messages. */
export function microsToIso(us: number): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString();
  const rest = String(us - ms * 1000).padStart(3, '0');
  return `${iso.slice(0, -1)}${rest}Z`;
}
