// Hashes a whole file (SHA-256, incremental) while the engine parses it: reading the
// same Blob twice costs little, and this way the digest uses the other core.
import '../../runtime/strict-csp.ts';
import { hashStream } from './digest.ts';

interface Scope {
  onmessage: ((e: MessageEvent<{ blob: Blob }>) => void) | null;
  postMessage(message: { ok: true; hex: string } | { ok: false; error: string }): void;
}

const scope = self as unknown as Scope;

scope.onmessage = async (e) => {
  try {
    const hex = await hashStream(e.data.blob.stream() as ReadableStream<Uint8Array>);
    scope.postMessage({ ok: true, hex: hex! });
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
