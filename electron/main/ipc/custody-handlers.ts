// What each contract method does in the main process. Electron's dialogs and app
// facts are injected, so the logic is testable in plain Node.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AppInfo, OpenFilesArgs } from '../../../shared/ipc/contract.ts';
import { MAX_TRANSFER_BYTES, readDirectoryFiles, readPickedFiles } from '../file-payloads.ts';
import type { CustodyHandlers } from './register-handlers.ts';

export interface OpenDialogRequest {
  title: string;
  filters: { name: string; extensions: string[] }[];
  multiple: boolean;
}

export interface HandlerDeps<E> {
  appInfo(): AppInfo;
  /** Native open dialog owned by the sender's window; resolves to the chosen paths ([] if cancelled). */
  chooseFilesToOpen(event: E, request: OpenDialogRequest): Promise<string[]>;
  /** Native save dialog; resolves to the chosen path or null if cancelled. */
  chooseSavePath(event: E, defaultPath: string): Promise<string | null>;
  /** Folder offered first in the save dialog. */
  defaultSaveDir(): string;
  /** Where the embedded demo workspace lives. */
  demoWorkspaceDir(): string;
  maxTransferBytes?: number;
}

export function openDialogFilters(args: OpenFilesArgs): OpenDialogRequest['filters'] {
  // The contract allows inner dots ("tar.gz"); Electron wants no leading ones.
  const extensions = [...new Set(args.extensions.map((e) => e.replace(/^\.+/, '').toLowerCase()))].filter(Boolean);
  if (extensions.length === 0) return [];
  return [
    { name: `Supported files (${extensions.map((e) => `.${e}`).join(', ')})`, extensions },
    { name: 'All files', extensions: ['*'] },
  ];
}

/** The name offered in the save dialog: never "." or "..", never control characters. */
export function safeSuggestedName(name: string): string {
  const cleaned = name.replace(/[\p{Cc}]/gu, '').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'custody-export' : cleaned;
}

export function createCustodyHandlers<E>(deps: HandlerDeps<E>): CustodyHandlers<E> {
  const maxBytes = deps.maxTransferBytes ?? MAX_TRANSFER_BYTES;
  return {
    async getAppInfo() {
      return deps.appInfo();
    },
    async openFiles(args, event) {
      const paths = await deps.chooseFilesToOpen(event, {
        title: args.title,
        filters: openDialogFilters(args),
        multiple: args.multiple,
      });
      const chosen = args.multiple ? paths : paths.slice(0, 1);
      return chosen.length === 0 ? [] : readPickedFiles(chosen, maxBytes);
    },
    async saveFile(args, event) {
      const target = await deps.chooseSavePath(event, join(deps.defaultSaveDir(), safeSuggestedName(args.suggestedName)));
      if (!target) return null;
      await writeFile(target, args.bytes);
      return basename(target);
    },
    async readDemoWorkspace() {
      return readDirectoryFiles(deps.demoWorkspaceDir(), maxBytes);
    },
  };
}
