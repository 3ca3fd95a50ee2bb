// The engine's files: append-only chunk files read and written synchronously from the
// engine worker (OPFS sync access handles in the app, a memory or disk double in tests).
// IndexedDB keeps the catalog (sources, chunk offsets, jobs); the bytes live here, because
// large IndexedDB values were the ingest bottleneck (~21 MB/s) and OPFS writes at disk speed.

/** One open file, read and written at explicit offsets (no cursor). */
export interface SyncFile {
  size(): number;
  /** Reads up to into.length bytes at `at`; returns how many were read. */
  read(into: Uint8Array, at: number): number;
  write(data: Uint8Array, at: number): number;
  truncate(size: number): void;
  /** Makes written bytes durable before the catalog names them. */
  flush(): void;
  close(): void;
}

/** A directory of SyncFiles (one per log source), created on first open. */
export interface FileStore {
  open(name: string): Promise<SyncFile>;
  /** The file's bytes as a Blob (backed by the file, not memory, where the platform allows); closes it. */
  blob(name: string): Promise<Blob>;
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
  /** Closes every open file (the engine stops). */
  close(): void;
}

/** Exactly `length` bytes at `at`, or an error naming what is missing. */
export function readExact(file: SyncFile, at: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let got = 0;
  while (got < length) {
    const n = file.read(out.subarray(got), at + got);
    if (n <= 0) throw new Error(`the log store file ends at ${at + got} bytes; ${length - got} more were expected`);
    got += n;
  }
  return out;
}

/** Writes all of `data` at `at`. */
export function writeAll(file: SyncFile, data: Uint8Array, at: number): void {
  let put = 0;
  while (put < data.length) {
    const n = file.write(data.subarray(put), at + put);
    if (n <= 0) throw new Error('the log store file could not be written (disk full or quota reached?)');
    put += n;
  }
}

/** An in-memory FileStore: tests, and a fallback when no file system is available. */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, MemoryFile>();

  async open(name: string): Promise<SyncFile> {
    let f = this.files.get(name);
    if (!f) this.files.set(name, (f = new MemoryFile()));
    return f;
  }

  async blob(name: string): Promise<Blob> {
    const f = this.files.get(name);
    const bytes = new Uint8Array(f?.size() ?? 0);
    f?.read(bytes, 0);
    return new Blob([bytes]);
  }

  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }

  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }

  close(): void {}
}

class MemoryFile implements SyncFile {
  private bytes = new Uint8Array(0);
  private length = 0;

  size(): number {
    return this.length;
  }

  read(into: Uint8Array, at: number): number {
    const n = Math.max(0, Math.min(into.length, this.length - at));
    into.set(this.bytes.subarray(at, at + n));
    return n;
  }

  write(data: Uint8Array, at: number): number {
    const end = at + data.length;
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, this.bytes.length * 2, 4096));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(data, at);
    this.length = Math.max(this.length, end);
    return data.length;
  }

  truncate(size: number): void {
    if (size < this.length) this.bytes.fill(0, size, this.length);
    else this.write(new Uint8Array(size - this.length), this.length);
    this.length = size;
  }

  flush(): void {}

  close(): void {}
}
