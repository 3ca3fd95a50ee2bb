// Ingest progress for the UI: throttled to ~10 a second, with the event rate over the
// last second and the time left from the byte rate.
import type { IngestProgress } from './contract.ts';
import type { IngestInput } from './digest.ts';

export function progressReporter(input: IngestInput, onProgress: ((p: IngestProgress) => void) | undefined) {
  let phase: IngestProgress['phase'] = 'reading';
  let bytes = 0;
  let events = 0;
  let problems = 0;
  let last = 0;
  const window: { t: number; events: number; bytes: number }[] = [];
  const emit = (force = false) => {
    if (!onProgress) return;
    const t = performance.now();
    if (!force && t - last < 100) return;
    last = t;
    window.push({ t, events, bytes });
    while (window.length > 2 && t - window[0]!.t > 1000) window.shift();
    const first = window[0]!;
    const dt = (t - first.t) / 1000;
    const rate = dt > 0 ? (events - first.events) / dt : 0;
    const byteRate = dt > 0 ? (bytes - first.bytes) / dt : 0;
    const remaining = byteRate > 0 && input.size > 0 ? Math.max(0, (input.size - bytes) / byteRate) : null;
    onProgress({ sourceName: input.name, bytesRead: bytes, bytesTotal: input.size, events, problems, rate: Math.round(rate), remaining, phase });
  };
  return {
    phase(p: IngestProgress['phase']) {
      phase = p;
      emit(true);
    },
    bytes(n: number) {
      bytes = n;
      emit();
    },
    read(n: number, ev: number) {
      bytes = n;
      events = Math.max(events, ev);
      emit();
    },
    committed(ev: number, pr: number) {
      events = Math.max(events, ev);
      problems = pr;
      emit();
    },
    finish(_ms: number) {
      bytes = input.size;
      emit(true);
    },
  };
}
