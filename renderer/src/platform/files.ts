// Dropped or picked browser Files → the byte payloads the rest of the app takes.
import type { FilePayload } from '../../../shared/ipc/contract.ts';

export async function filesToPayloads(files: Iterable<File>): Promise<FilePayload[]> {
  return Promise.all(Array.from(files, async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
