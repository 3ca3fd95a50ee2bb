import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from '../../../renderer/src/features/review/autosave.ts';

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function harness(write?: (v: string) => Promise<void>) {
    const written: string[] = [];
    const states: SaveState[] = [];
    const saved: number[] = [];
    let clock = 0;
    const saver = new Autosaver<string>(write ?? (async (v) => void written.push(v)), {
      delayMs: 250,
      retryMs: 1000,
      now: () => clock,
      onState: (s) => states.push(s),
      onSaved: (changes) => saved.push(changes.length),
    });
    return { saver, written, states, saved, tick: (ms: number) => (clock += ms) };
  }

  it('counts a change saved when the write says it reached the disk, not when this thread heard', async () => {
    let clock = 100;
    const savedAt: number[] = [];
    const saver = new Autosaver<string>(
      async () => {
        clock = 140; // the UI thread hears late
        return 104; // the writer committed at 104
      },
      { now: () => clock, onSaved: (_changes, at) => savedAt.push(at) },
    );
    saver.change('met', 'immediate');
    await saver.flush();
    expect(savedAt).toEqual([104]);
  });

  it('writes a choice at once', async () => {
    const h = harness();
    h.saver.change('met', 'immediate');
    await h.saver.flush();
    expect(h.written).toEqual(['met']);
    expect(h.states.at(-1)).toBe('saved');
    expect(h.saver.dirty).toBe(false);
  });

  it('starts an immediate write in the same task when nothing is in flight', () => {
    const started: string[] = [];
    const saver = new Autosaver<string>((v) => {
      started.push(v);
      return new Promise(() => {}); // never settles: the second change must wait its turn
    });
    saver.change('met', 'immediate');
    expect(started).toEqual(['met']); // before any microtask (React renders in one)
    saver.change('not met', 'immediate');
    expect(started).toEqual(['met']);
  });

  it('batches typing into one write of the latest text, within the delay', async () => {
    const h = harness();
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      h.saver.change(text, 'typing');
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(h.written).toEqual([]);
    expect(h.saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(100); // 250 ms after the first keystroke
    expect(h.written).toEqual(['abcd']);
    expect(h.saved).toEqual([4]);
  });

  it('does not let continuous typing postpone the save', async () => {
    const h = harness();
    for (let i = 1; i <= 20; i++) {
      h.saver.change('x'.repeat(i), 'typing');
      await vi.advanceTimersByTimeAsync(50);
    }
    // 1 s of typing at 50 ms a key: a write roughly every 250 ms, not one at the end.
    expect(h.written.length).toBeGreaterThanOrEqual(3);
    expect(h.written.at(-1)!.length).toBeGreaterThan(15);
  });

  it('keeps writes in order even when an earlier one is slow', async () => {
    const order: string[] = [];
    const h = harness(async (v) => {
      await new Promise((r) => setTimeout(r, v === 'first' ? 500 : 1));
      order.push(v);
    });
    h.saver.change('first', 'immediate');
    h.saver.change('second', 'immediate');
    await vi.advanceTimersByTimeAsync(600);
    expect(order).toEqual(['first', 'second']);
  });

  it('flush writes pending typing right away (blur, page hide)', async () => {
    const h = harness();
    h.saver.change('half a thought', 'typing');
    await h.saver.flush();
    expect(h.written).toEqual(['half a thought']);
  });

  it('keeps a failed snapshot and retries it', async () => {
    let fail = true;
    const written: string[] = [];
    const errors: unknown[] = [];
    const saver = new Autosaver<string>(
      async (v) => {
        if (fail) throw new Error('disk full');
        written.push(v);
      },
      { retryMs: 1000, onError: (e) => errors.push(e) },
    );
    saver.change('important', 'immediate');
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    expect(saver.dirty).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['important']);
    expect(saver.dirty).toBe(false);
  });

  it('a newer change wins over a failed older snapshot', async () => {
    let calls = 0;
    const written: string[] = [];
    const saver = new Autosaver<string>(async (v) => {
      if (calls++ === 0) throw new Error('transient');
      written.push(v);
    }, { retryMs: 1000 });
    saver.change('old', 'immediate');
    saver.change('new', 'typing');
    await saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['new']);
  });
});
