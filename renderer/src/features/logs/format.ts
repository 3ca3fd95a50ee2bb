// Numbers and times as the workbench shows them. Times are µs since epoch, UTC by
// default (audit logs from several vendors only line up in one zone).
export type Zone = 'utc' | 'local';

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

/** "2026-11-02 11:58:42.115" in the chosen zone; local times carry their offset. */
export function formatTime(us: number, zone: Zone, withMs = true): string {
  if (!Number.isFinite(us)) return '—';
  const d = new Date(Math.floor(us / 1000));
  if (Number.isNaN(d.getTime())) return '—';
  const utc = zone === 'utc';
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const mo = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  const h = utc ? d.getUTCHours() : d.getHours();
  const mi = utc ? d.getUTCMinutes() : d.getMinutes();
  const s = utc ? d.getUTCSeconds() : d.getSeconds();
  const ms = utc ? d.getUTCMilliseconds() : d.getMilliseconds();
  return `${y}-${p2(mo)}-${p2(day)} ${p2(h)}:${p2(mi)}:${p2(s)}${withMs ? `.${p3(ms)}` : ''}`;
}

/** "UTC" or "UTC+02:00" for the local zone at that instant (DST moves it). */
export function zoneLabel(zone: Zone, atUs = Date.now() * 1000): string {
  if (zone === 'utc') return 'UTC';
  const offset = -new Date(Math.floor(atUs / 1000)).getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `UTC${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

/** Short axis labels: the span decides how much of the date matters. */
export function formatTick(us: number, zone: Zone, spanUs: number): string {
  const full = formatTime(us, zone, false);
  if (spanUs > 2 * 86_400e6) return full.slice(5, 16); // "11-02 11:58"
  if (spanUs > 3_600e6) return full.slice(11, 16); // "11:58"
  return full.slice(11, 19); // "11:58:42"
}

/** "42 s", "3 min 10 s", "1 h 05 min"; null when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${p2(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${p2(Math.floor((s % 3600) / 60))} min`;
}

/** "1 min", "5 min", "1 h" windows in µs, for the drawer's surrounding events. */
export const surroundingWindows = [
  { label: '± 1 min', us: 60e6 },
  { label: '± 5 min', us: 300e6 },
  { label: '± 1 h', us: 3_600e6 },
] as const;

