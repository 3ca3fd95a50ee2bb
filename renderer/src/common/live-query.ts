// A small React binding for Dexie's liveQuery (dexie-react-hooks is not a dependency):
// the component re-renders whenever a table the query read from changes.
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined;
export function useLiveQuery<T, D>(query: () => Promise<T> | T, deps: readonly unknown[], initial: D): T | D;
export function useLiveQuery<T, D>(query: () => Promise<T> | T, deps: readonly unknown[], initial?: D): T | D | undefined {
  const [value, setValue] = useState<T | D | undefined>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => console.error('live query failed', err),
    });
    return () => subscription.unsubscribe();
    // The caller's deps decide when the query itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
