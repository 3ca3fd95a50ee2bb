// Streaming gzip for access logs (CloudTrail delivers `.json.gz`). fflate inflates chunk by
// chunk, so a multi-GB archive never sits in memory; a cut or damaged stream becomes one
// problem and everything inflated before it is kept.
import { Gunzip } from 'fflate';

export interface ByteSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Smallest complete member: 10-byte header, an empty deflate block, 8-byte trailer. */
const MIN_MEMBER = 20;

/** A sink that inflates what it is pushed into `out`; problems are reported, never thrown. */
export function gunzipInto(out: ByteSink, onProblem: (message: string) => void): ByteSink {
  let compressed = 0;
  let inflated = 0;
  let members = 1;
  let failed = false;
  // The last 8 bytes seen: a single member's trailer ends with ISIZE (length mod 2^32).
  const tail = new Uint8Array(8);
  let tailLength = 0;
  const gunzip = new Gunzip((chunk) => {
    inflated += chunk.length;
    out.push(chunk);
  });
  gunzip.onmember = () => {
    members++;
  };

  const remember = (chunk: Uint8Array): void => {
    if (chunk.length >= 8) {
      tail.set(chunk.subarray(chunk.length - 8));
      tailLength = 8;
      return;
    }
    const keep = Math.min(tailLength, 8 - chunk.length);
    tail.copyWithin(0, tailLength - keep, tailLength);
    tail.set(chunk, keep);
    tailLength = keep + chunk.length;
  };

  const fail = (what: string, error: unknown): void => {
    failed = true;
    const why = error instanceof Error ? error.message : String(error);
    onProblem(`gzip stream ${what} after ${compressed} bytes (${inflated} bytes inflated): ${why}; the records before it were kept`);
  };

  return {
    push(chunk) {
      if (failed || chunk.length === 0) return;
      compressed += chunk.length;
      remember(chunk);
      try {
        gunzip.push(chunk);
      } catch (error) {
        fail('damaged', error);
      }
    },
    end() {
      if (!failed) {
        try {
          gunzip.push(new Uint8Array(0), true);
          if (compressed < MIN_MEMBER) throw new Error('shorter than a gzip header and trailer');
          if (members === 1 && tailLength === 8) {
            const isize = (tail[4]! | (tail[5]! << 8) | (tail[6]! << 16) | (tail[7]! << 24)) >>> 0;
            if (isize !== inflated % 0x1_0000_0000) throw new Error('the length in the gzip trailer does not match the data');
          }
        } catch (error) {
          fail('truncated', error);
        }
      }
      out.end();
    },
  };
}

/**
 * The first `max` inflated bytes of a gzip stream (or of its start), for format detection:
 * a cut or damaged stream simply yields all that inflates before the damage.
 */
export function inflateHead(bytes: Uint8Array, max: number): Uint8Array {
  // fflate drops what a push inflated when that push meets the damage, so one damaged byte
  // could hide a whole step (the file's whole start: an empty sniff, the wrong framing).
  // Each retry pushes the failing step again in pieces an eighth as long, down to single bytes.
  let from = 0;
  for (let step = 16 * 1024; ; step = Math.max(1, step >> 3)) {
    const tried = inflatePrefix(bytes, max, from, step);
    if (tried.failedAt < 0 || step === 1) return tried.head;
    from = tried.failedAt;
  }
}

/** Inflates `bytes[0, from)` in one push (known to be sound), then `step` bytes a push. */
function inflatePrefix(bytes: Uint8Array, max: number, from: number, step: number): { head: Uint8Array; failedAt: number } {
  const out = new Uint8Array(max);
  let length = 0;
  const gunzip = new Gunzip((chunk) => {
    const take = Math.min(chunk.length, max - length);
    out.set(chunk.subarray(0, take), length);
    length += take;
  });
  let at = 0;
  try {
    if (from > 0) gunzip.push(bytes.subarray(0, from));
    for (at = from; at < bytes.length && length < max; at += step) gunzip.push(bytes.subarray(at, at + step));
  } catch {
    return { head: out.slice(0, length), failedAt: at };
  }
  return { head: out.slice(0, length), failedAt: -1 };
}
