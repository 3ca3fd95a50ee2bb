// rawDigest: SHA-256 of each event's raw text, "sha256:<hex>". WebCrypto is async only, so
// readers leave the digest empty and the store fills it in batches (in the import worker,
// in parallel with writing the previous batch); the CLI and tests call it the same way.
// Duplicate detection across re-imports uses the file's own SHA-256 (one digest per file),
// so per-event digests are evidence, not a hot-path lookup key.
import { sha256Digest } from '../../crypto/index.ts';
import type { AccessEvent } from '../../model/access-event.ts';

/** SHA-256 of one raw record as "sha256:<hex>". */
export async function rawDigest(raw: string): Promise<string> {
  return sha256Digest(raw);
}

/** Fills rawDigest on every event of a batch (in place), `parallel` digests in flight at a time. */
export async function digestEvents(events: AccessEvent[], parallel = 256): Promise<void> {
  for (let i = 0; i < events.length; i += parallel) {
    const slice = events.slice(i, i + parallel);
    const digests = await Promise.all(slice.map((e) => rawDigest(e.raw)));
    slice.forEach((e, k) => {
      e.rawDigest = digests[k];
    });
  }
}

/**
 * One digest over a batch of raw records, each followed by "\n" (for a JSON Lines source,
 * exactly its bytes). The import stores raw text in chunks and seals each chunk this way:
 * one native digest per chunk instead of one per event.
 */
export async function batchDigest(raws: readonly string[]): Promise<string> {
  const text = raws.length === 0 ? '' : `${raws.join('\n')}\n`;
  return sha256Digest(text);
}
