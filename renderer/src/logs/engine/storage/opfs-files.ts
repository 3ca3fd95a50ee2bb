// FileStore on the Origin Private File System, for the engine worker only: synchronous
// access handles (read/write at disk speed, no promise per call) exist only in workers.
// One directory per workspace database, so workspaces never share log files. A handle is
// exclusive: a second window on the same workspace gets a clear error instead of a race.
import type { FileStore, SyncFile } from './files.ts';

interface SyncAccessHandle {
  getSize(): number;
  read(into: Uint8Array, options: { at: number }): number;
  write(data: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

interface FileHandle {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
  getFile(): Promise<File>;
}

interface DirectoryHandle {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

export const opfsAvailable = (): boolean => typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';

export class OpfsFileStore implements FileStore {
  private dir: Promise<DirectoryHandle> | null = null;
  private readonly open_ = new Map<string, Promise<SyncFile>>();

  constructor(private readonly folder: string) {}

  private directory(): Promise<DirectoryHandle> {
    this.dir ??= (async () => {
      const root = (await navigator.storage.getDirectory()) as unknown as DirectoryHandle;
      const logs = await root.getDirectoryHandle('custody-logs', { create: true });
      return logs.getDirectoryHandle(this.folder, { create: true });
    })();
    return this.dir;
  }

  open(name: string): Promise<SyncFile> {
    let f = this.open_.get(name);
    if (!f) {
      f = this.openHandle(name);
      this.open_.set(name, f);
      f.catch(() => this.open_.delete(name));
    }
    return f;
  }

  private async openHandle(name: string): Promise<SyncFile> {
    const file = await (await this.directory()).getFileHandle(name, { create: true });
    let h: SyncAccessHandle;
    try {
      h = await file.createSyncAccessHandle();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NoModificationAllowedError') {
        throw new Error('The access logs of this workspace are open in another window; close it and reload.', { cause: error });
      }
      throw error;
    }
    return {
      size: () => h.getSize(),
      read: (into, at) => h.read(into, { at }),
      write: (data, at) => h.write(data, { at }),
      truncate: (size) => h.truncate(size),
      flush: () => h.flush(),
      close: () => h.close(),
    };
  }

  /** Closes and forgets the file's handle, if open. */
  private async release(name: string): Promise<void> {
    const f = this.open_.get(name);
    this.open_.delete(name);
    if (f) (await f.catch(() => null))?.close();
  }

  async blob(name: string): Promise<Blob> {
    // A File of an OPFS file reads from disk; it cannot be taken while a handle is open.
    await this.release(name);
    return (await (await this.directory()).getFileHandle(name)).getFile();
  }

  async remove(name: string): Promise<void> {
    await this.release(name);
    await (await this.directory()).removeEntry(name).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    });
  }

  async list(): Promise<string[]> {
    const names: string[] = [];
    for await (const name of (await this.directory()).keys()) names.push(name);
    return names;
  }

  close(): void {
    for (const f of this.open_.values()) void f.then((file) => file.close()).catch(() => {});
    this.open_.clear();
  }
}
