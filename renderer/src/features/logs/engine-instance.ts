// The one place the workbench gets its log engine: the real worker-backed engine,
// created on first use. Unit tests swap in a fake with useLogEngine().
import { createLogEngine } from '../../logs/engine/client.ts';
import type { LogEngine } from '../../logs/engine/contract.ts';

let current: LogEngine | undefined;
let opened: Promise<Awaited<ReturnType<LogEngine['open']>>> | undefined;

export function logEngine(): LogEngine {
  current ??= createLogEngine();
  return current;
}

/** Opens the store once per engine; every caller shares the same promise. */
export function openLogEngine(): ReturnType<LogEngine['open']> {
  opened ??= logEngine()
    .open()
    .catch((err: unknown) => {
      opened = undefined; // let the next caller try again
      throw err;
    });
  return opened;
}

export function useLogEngine(engine: LogEngine): void {
  current = engine;
  opened = undefined;
}
