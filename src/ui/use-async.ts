import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown; data: T | null };

type Settled<T> = { token: string; ok: true; data: T } | { token: string; ok: false; error: unknown; data: T | null };

/**
 * Loads data for a screen and keeps loading, error and ready apart (a failure is never shown
 * as an empty list). `reload()` refetches while the old data stays on screen. Loading is
 * derived: the state is "loading" until the request for the current deps has settled.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly (string | number | boolean | null | undefined)[],
): AsyncState<T> & { reload: () => void } {
  const [tick, setTick] = useState(0);
  // A new token whenever the deps change or reload() is called.
  const token = `${JSON.stringify(deps)}#${tick}`;
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setSettled({ token, ok: true, data });
      },
      (error: unknown) => {
        if (live) setSettled((s) => ({ token, ok: false, error, data: s?.data ?? null }));
      },
    );
    return () => {
      live = false;
    };
    // `load` is the closure of the render that made `token`: it sees the same deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const data = settled?.data ?? null;
  if (!settled || settled.token !== token) return { status: 'loading', data, reload };
  return settled.ok ? { status: 'ready', data: settled.data, reload } : { status: 'error', error: settled.error, data, reload };
}
