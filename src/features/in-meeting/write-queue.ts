import { useCallback, useRef } from 'react';

/**
 * Runs the screen's writes one after another. The use cases read the meeting, change one part
 * (attendance, the citizen's view, the RSVPs) and store the whole record, so two writes in
 * flight at once could each undo the other's change; in order, every write sees the last one.
 */
export function useWriteQueue(): <T>(write: () => Promise<T>) => Promise<T> {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T,>(write: () => Promise<T>): Promise<T> => {
    const next = tail.current.then(write);
    // A failed write is reported to its caller; the next write still runs.
    tail.current = next.catch(() => undefined);
    return next;
  }, []);
}
