// Native file dialogs, owned by the window that asked so they open as its sheet/modal.
import { BrowserWindow, dialog } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { OpenDialogRequest } from './ipc/custody-handlers.ts';

function ownerOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export async function chooseFilesToOpen(event: IpcMainInvokeEvent, request: OpenDialogRequest): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: request.title,
    filters: request.filters,
    properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  };
  const owner = ownerOf(event);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function chooseSavePath(event: IpcMainInvokeEvent, defaultPath: string): Promise<string | null> {
  const options: SaveDialogOptions = { defaultPath, properties: ['createDirectory', 'showOverwriteConfirmation'] };
  const owner = ownerOf(event);
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
