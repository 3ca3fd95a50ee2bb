// Runs an engine query when its key changes; the latest request wins, and the last
// answer stays on screen while the next one is computed (no flashing on each click).
import { useEffect, useState } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

export function useEngineQuery<T>(run: () => Promise<T>, key: string, enabled = true): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: undefined, loading: enabled });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (err: unknown) => live && setState((s) => ({ data: s.data, error: err instanceof Error ? err.message : String(err), loading: false })),
    );
    return () => {
      live = false;
    };
    // `key` stands for everything `run` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);
  return state;
}
