// The object the page sees as window.custody: one named method per contract entry,
// each a plain ipcRenderer.invoke on its channel. No ipcRenderer, no generic invoke,
// no IPC event objects ever reach the page.
import { ipcChannels, ipcEventChannels, ipcEventSchemas } from '../../shared/ipc/contract.ts';
import type { CustodyApi, CustodyEvents } from '../../shared/ipc/contract.ts';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export type CustodyBridge = CustodyApi & CustodyEvents;

export function buildCustodyBridge(ipc: IpcRendererLike): CustodyBridge {
  // Arguments pass through untouched: main validates them against the contract.
  const call = <K extends keyof CustodyApi>(method: K) =>
    ((...args: unknown[]) => ipc.invoke(ipcChannels[method], ...args)) as CustodyApi[K];

  return {
    getAppInfo: call('getAppInfo'),
    openFiles: call('openFiles'),
    saveFile: call('saveFile'),
    readDemoWorkspace: call('readDemoWorkspace'),
    onMenuCommand(listener) {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
      const channel = ipcEventChannels.onMenuCommand;
      const relay = (_event: unknown, payload: unknown) => {
        const command = ipcEventSchemas.onMenuCommand.safeParse(payload);
        if (command.success) listener(command.data);
      };
      ipc.on(channel, relay);
      return () => {
        ipc.removeListener(channel, relay);
      };
    },
  } satisfies CustodyBridge;
}
