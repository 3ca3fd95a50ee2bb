// Dropped or picked browser Files → the byte payloads the rest of the app takes.
import type { FilePayload, OpenFilesArgs } from '../../../shared/ipc/contract.ts';

export async function filesToPayloads(files: Iterable<File>): Promise<FilePayload[]> {
  return Promise.all(Array.from(files, async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/**
 * The browser's own file chooser, in either shell (Electron shows its native dialog for
 * it). It yields disk-backed Files that can be streamed, so logs larger than memory or
 * than the IPC message limit import without ever being read whole.
 */
export function chooseFiles(args: OpenFilesArgs): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = args.multiple;
    if (args.extensions.length) input.accept = args.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const done = (files: File[]) => {
      resolve(files);
      input.remove();
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}
