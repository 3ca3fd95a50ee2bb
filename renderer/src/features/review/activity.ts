// Time spent on a review: counts seconds while the page is visible and the user
// did something in the last two minutes, so a laptop left open overnight does not
// turn into eight hours of review.
const idleAfterMs = 120_000;
const tickMs = 5_000;

export class ActivityClock {
  private activeMs = 0;
  private lastActivity: number;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {
    this.lastActivity = now();
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  poke(): void {
    this.lastActivity = this.now();
  }

  tick(visible = typeof document === 'undefined' || document.visibilityState === 'visible'): void {
    if (visible && this.now() - this.lastActivity < idleAfterMs) this.activeMs += tickMs;
  }

  /** Active milliseconds since the last take(). */
  take(): number {
    const ms = this.activeMs;
    this.activeMs = 0;
    return ms;
  }
}
