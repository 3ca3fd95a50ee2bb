// Two staged files with the same bytes would import the same events twice; the engine's
// SHA-256 check catches the second only after the first is in. Said at staging instead:
// files of equal size are hashed (streamed, so a large one does not sit in memory) and
// each later twin names the earlier one.
import { Sha256, toHex } from '../../../../shared/crypto/index.ts';

interface Staged {
  key: string;
  file: Blob & { name: string };
}

// Staging or unstaging asks again about every staged file; each is read at most once.
const digests = new WeakMap<Blob, Promise<string>>();

function digestOf(file: Blob): Promise<string> {
  let digest = digests.get(file);
  if (!digest) {
    digest = readDigest(file);
    digests.set(file, digest);
    digest.catch(() => digests.delete(file)); // a failed read may be tried again
  }
  return digest;
}

async function readDigest(file: Blob): Promise<string> {
  const hash = await Sha256.create();
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return toHex(hash.digest());
}

/** Staged key → the name of the file staged before it that holds the same bytes. */
export async function findStagedTwins(staged: readonly Staged[], digest: (file: Blob) => Promise<string> = digestOf): Promise<Map<string, string>> {
  const bySize = new Map<number, Staged[]>();
  for (const s of staged) bySize.set(s.file.size, [...(bySize.get(s.file.size) ?? []), s]);
  const twins = new Map<string, string>();
  for (const group of bySize.values()) {
    if (group.length < 2) continue;
    const first = new Map<string, string>();
    for (const s of group) {
      const d = await digest(s.file);
      const earlier = first.get(d);
      if (earlier === undefined) first.set(d, s.file.name);
      else twins.set(s.key, earlier);
    }
  }
  return twins;
}
