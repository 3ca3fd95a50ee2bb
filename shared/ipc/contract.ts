// The one IPC contract between the renderer (through the preload bridge) and the
// main process. Named methods only; every argument is validated with zod in main.
import { z } from 'zod';

/** A file the user picked or the app ships, handed over as bytes (never a path to reuse). */
export interface FilePayload {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  platform: string;
  /** "electron" or "web": which platform adapter is running. */
  shell: 'electron' | 'web';
}

export const OpenFilesArgs = z.object({
  title: z.string().max(200),
  /** Extensions without dots, e.g. ["json", "jsonl", "eval"]. Empty: any file. */
  extensions: z.array(z.string().regex(/^[a-z0-9.]{1,12}$/i)).max(32),
  multiple: z.boolean(),
});
export type OpenFilesArgs = z.infer<typeof OpenFilesArgs>;

export const SaveFileArgs = z.object({
  suggestedName: z.string().min(1).max(255).refine((n) => !/[\\/]/.test(n), 'a file name, not a path'),
  bytes: z.instanceof(Uint8Array),
});
export type SaveFileArgs = z.infer<typeof SaveFileArgs>;

/** Method name → [argument schema | null, result type]. Main and preload are both checked against it. */
export interface CustodyApi {
  getAppInfo(): Promise<AppInfo>;
  /** Native open dialog; resolves to [] when cancelled. */
  openFiles(args: OpenFilesArgs): Promise<FilePayload[]>;
  /** Native save dialog; resolves to the saved file name, or null when cancelled. */
  saveFile(args: SaveFileArgs): Promise<string | null>;
  /** The embedded demo workspace from resources/demo. */
  readDemoWorkspace(): Promise<FilePayload[]>;
}

export const ipcChannels = {
  getAppInfo: 'custody:get-app-info',
  openFiles: 'custody:open-files',
  saveFile: 'custody:save-file',
  readDemoWorkspace: 'custody:read-demo-workspace',
} as const satisfies Record<keyof CustodyApi, string>;

/** Schemas for the single argument of each method (null: takes none). */
export const ipcArgSchemas = {
  getAppInfo: null,
  openFiles: OpenFilesArgs,
  saveFile: SaveFileArgs,
  readDemoWorkspace: null,
} as const satisfies Record<keyof CustodyApi, z.ZodType | null>;

/** Commands the app menu sends to the page (File › Import…). */
export const MenuCommand = z.enum(['import']);
export type MenuCommand = z.infer<typeof MenuCommand>;

/**
 * Main → renderer notifications. Only the Electron bridge has them (the web host has no
 * app menu), so they live beside CustodyApi rather than in it. Subscribing returns an
 * unsubscribe function; the IPC event object never reaches the page.
 */
export interface CustodyEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const ipcEventChannels = {
  onMenuCommand: 'custody:menu-command',
} as const satisfies Record<keyof CustodyEvents, string>;

/** Schemas for the payload of each event; the preload drops anything that does not match. */
export const ipcEventSchemas = {
  onMenuCommand: MenuCommand,
} as const satisfies Record<keyof CustodyEvents, z.ZodType>;
