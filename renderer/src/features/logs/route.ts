// The Logs screen receives access logs picked elsewhere (the Library, the demo workspace):
// it recognises them with the shared detector and ingests them like its own imports.
import { receiveAccessLogs } from '../../common/handoff.ts';
import { detectBytes } from './detection.ts';

export function acceptAccessLogHandoffs(): void {
  receiveAccessLogs({
    recognise(name, bytes) {
      const d = detectBytes(name, bytes);
      return d.kind === 'access-log' ? (d.format ?? 'access log') : null;
    },
    ingest(files) {
      // Loaded on demand so screens that never see an access log never load the engine.
      void import('./import-store.ts').then(({ useImports }) => useImports.getState().ingest(files));
    },
  });
}
