// Reads files into FilePayloads for the renderer. Everything travels in one IPC reply,
// and Electron crashes serializing a message near 512 MiB (V8's largest string; see
// electron/electron#53961), so the total is capped below that with a clear message.
// Larger logs need a streamed path (e.g. fetch from a per-file app:// URL), not IPC.
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { FilePayload } from '../../shared/ipc/contract.ts';
import { isInside } from './contained-path.ts';

export const MAX_TRANSFER_BYTES = 400 * 1024 * 1024;
const MAX_TREE_FILES = 10_000;

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

function toPayload(name: string, buffer: Buffer): FilePayload {
  // A plain Uint8Array view: what the renderer gets after IPC anyway.
  return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Reads user-picked files; only their base names go back, never their paths. */
export async function readPickedFiles(paths: readonly string[], maxBytes = MAX_TRANSFER_BYTES): Promise<FilePayload[]> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`"${basename(path)}" is not a regular file.`);
    total += info.size;
    if (info.size > maxBytes) {
      throw new Error(
        `"${basename(path)}" is ${formatBytes(info.size)}; the desktop app can open at most ${formatBytes(maxBytes)} at once.`,
      );
    }
  }
  if (total > maxBytes) {
    throw new Error(`The chosen files add up to ${formatBytes(total)}; open at most ${formatBytes(maxBytes)} at once.`);
  }
  return Promise.all(paths.map(async (path) => toPayload(basename(path), await readFile(path))));
}

/**
 * Every regular file under root, recursively, named by its path relative to root with
 * "/" separators and sorted. Symbolic links are skipped, not followed, so nothing
 * outside root can be pulled in.
 */
export async function readDirectoryFiles(root: string, maxBytes = MAX_TRANSFER_BYTES): Promise<FilePayload[]> {
  const realRoot = await realpath(root);
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (!isInside(realRoot, full)) throw new Error(`Refusing a path outside the workspace: ${entry.name}`);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
      if (files.length > MAX_TREE_FILES) throw new Error(`The workspace holds more than ${MAX_TREE_FILES} files.`);
    }
  };
  await walk(realRoot);

  let total = 0;
  const payloads: FilePayload[] = [];
  for (const full of files) {
    // lstat again: a file swapped for a link after the listing is still refused.
    const info = await lstat(full);
    if (!info.isFile()) continue;
    total += info.size;
    if (total > maxBytes) throw new Error(`The workspace is larger than ${formatBytes(maxBytes)}.`);
    payloads.push(toPayload(relative(realRoot, full).split(sep).join('/'), await readFile(full)));
  }
  return payloads;
}
