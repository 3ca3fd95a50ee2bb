// Write-behind for the annotation being edited. Choices save at once; typing is
// batched, but the timer starts at the first unsaved keystroke and is never pushed
// back, so continuous typing still reaches the disk every `delayMs`. Writes run one
// at a time in order, so an older snapshot can never land after a newer one.

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';
export type ChangeKind = 'immediate' | 'typing';

export interface SavedChange {
  at: number;
  kind: ChangeKind;
  /** When the user's key or input event happened, if known (same clock as `at`). */
  input?: number;
}

export interface AutosaveOptions {
  delayMs?: number;
  retryMs?: number;
  now?: () => number;
  onState?: (state: SaveState) => void;
  /** Called once a write resolved, with every change that write carried. */
  onSaved?: (changes: SavedChange[], savedAt: number) => void;
  onError?: (error: unknown) => void;
}

export class Autosaver<T> {
  private latest: T | null = null;
  private changes: SavedChange[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** Snapshots handed to write() so far; tells a failed write whether it is still the newest. */
  private taken = 0;
  private disposed = false;
  private readonly now: () => number;

  /**
   * `write` may resolve with when the value was on disk (same clock as `now`), which can
   * be earlier than when this thread heard of it; otherwise the time it resolved counts.
   */
  constructor(
    private readonly write: (value: T) => Promise<number | void>,
    private readonly opts: AutosaveOptions = {},
  ) {
    this.now = opts.now ?? (() => performance.now());
  }

  /** True while some change has not been written yet. */
  get dirty(): boolean {
    return this.latest !== null || this.inFlight > 0;
  }

  change(value: T, kind: ChangeKind, input?: number): void {
    this.latest = value;
    this.changes.push(input === undefined ? { at: this.now(), kind } : { at: this.now(), kind, input });
    this.opts.onState?.('pending');
    if (kind === 'immediate') void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.opts.delayMs ?? 250);
  }

  /** Writes whatever is pending; resolves when every write so far has settled. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.latest === null) return this.chain;
    const value = this.latest;
    const changes = this.changes;
    this.latest = null;
    this.changes = [];
    const seq = ++this.taken;
    // Nothing in flight: start the write now, in this task, so the database request is
    // issued before React renders the change (a render in the same task would
    // otherwise run first and delay the request by its own length).
    const idle = this.inFlight === 0;
    this.inFlight++;
    this.opts.onState?.('saving');
    this.chain = (idle ? this.start(value) : this.chain.then(() => this.write(value)))
      .then(
        (savedAt) => {
          this.inFlight--;
          this.opts.onSaved?.(changes, typeof savedAt === 'number' ? savedAt : this.now());
          this.opts.onState?.(this.latest !== null ? 'pending' : this.inFlight ? 'saving' : 'saved');
        },
        (error: unknown) => {
          this.inFlight--;
          // Keep the failed snapshot unless something newer is pending or already written.
          if (this.latest === null && seq === this.taken) this.latest = value;
          if (this.latest !== null) this.changes = [...changes, ...this.changes];
          this.opts.onState?.('error');
          this.opts.onError?.(error);
          if (!this.disposed) this.timer ??= setTimeout(() => void this.flush(), this.opts.retryMs ?? 2000);
        },
      );
    return this.chain;
  }

  private start(value: T): Promise<number | void> {
    try {
      return this.write(value);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Flushes and stops retrying. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
