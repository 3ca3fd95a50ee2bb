// The plain-web host: a file input for opening, a download for saving, and the
// demo workspace fetched from the build's own origin.
import type { SaveFileArgs } from '../../../shared/ipc/contract.ts';
import type { Platform } from './platform.ts';
import { chooseFiles, filesToPayloads } from './files.ts';

interface WorkspaceManifest {
  files: { path: string }[];
}

export const webPlatform: Platform = {
  async getAppInfo() {
    return { version: __APP_VERSION__, platform: navigator.platform, shell: 'web' };
  },
  async openFiles(args) {
    return filesToPayloads(await chooseFiles(args));
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
