// The plain-web host: a file input for opening, a download for saving, and the
// demo workspace fetched from the build's own origin.
import type { OpenFilesArgs, SaveFileArgs } from '../../../shared/ipc/contract.ts';
import type { Platform } from './platform.ts';
import { filesToPayloads } from './files.ts';

function pickFiles(args: OpenFilesArgs): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = args.multiple;
    if (args.extensions.length) input.accept = args.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

interface WorkspaceManifest {
  files: { path: string }[];
}

export const webPlatform: Platform = {
  async getAppInfo() {
    return { version: __APP_VERSION__, platform: navigator.platform, shell: 'web' };
  },
  async openFiles(args) {
    return filesToPayloads(await pickFiles(args));
  },
  async saveFile({ suggestedName, bytes }: SaveFileArgs) {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return suggestedName;
  },
  async readDemoWorkspace() {
    const base = new URL('demo/', document.baseURI);
    const manifestBytes = new Uint8Array(await (await fetch(new URL('workspace.json', base))).arrayBuffer());
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as WorkspaceManifest;
    const files = await Promise.all(
      manifest.files.map(async ({ path }) => {
        const res = await fetch(new URL(path, base));
        if (!res.ok) throw new Error(`demo file ${path}: HTTP ${res.status}`);
        return { name: path, bytes: new Uint8Array(await res.arrayBuffer()) };
      }),
    );
    return [{ name: 'workspace.json', bytes: manifestBytes }, ...files];
  },
};
