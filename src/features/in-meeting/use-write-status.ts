import { useEffect, useRef, useState } from 'react';
import type { Decision, Id } from '../../domain/model';
import type { MeetingSignal } from '../../ports/meeting-channel';
import type { WriteStatusSnapshot } from '../../ports/write-status';
import { useSession } from '../../ui/services-context';

const NOTHING_WAITS: WriteStatusSnapshot = { pending: new Set(), conflicts: new Set() };

/**
 * The store's unconfirmed writes, kept current (src/ports/write-status.ts). Where the session
 * has no WriteStatus (standalone: every write is confirmed when it resolves) nothing ever waits.
 */
export function useWriteStatus(): WriteStatusSnapshot {
  const { services } = useSession();
  const status = services.writeStatus;
  const [snapshot, setSnapshot] = useState<WriteStatusSnapshot>(NOTHING_WAITS);
  useEffect(() => {
    if (!status) return;
    let live = true;
    // Reads are numbered so that a slow older read never replaces a newer one.
    let issued = 0;
    let applied = 0;
    const read = () => {
      const seq = ++issued;
      status.snapshot().then(
        (next) => {
          if (!live || seq < applied) return;
          applied = seq;
          setSnapshot(next);
        },
        // The outbox could not be read (IndexedDB gone): keep the last known state; the next
        // change notification reads again.
        () => undefined,
      );
    };
    read();
    const unsubscribe = status.subscribe(read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [status]);
  return snapshot;
}

/** One word for all of it: a conflict outweighs a wait, a wait outweighs "saved". */
export type OverallSaveState = 'saved' | 'waiting' | 'conflict';

export function overallSaveState(snapshot: WriteStatusSnapshot): OverallSaveState {
  if (snapshot.conflicts.size > 0) return 'conflict';
  if (snapshot.pending.size > 0) return 'waiting';
  return 'saved';
}

/** The ids that were waiting in `before` and are now confirmed (neither waiting nor refused). */
export function confirmedSince(before: WriteStatusSnapshot, now: WriteStatusSnapshot): Id[] {
  return [...before.pending].filter((id) => !now.pending.has(id) && !now.conflicts.has(id));
}

/**
 * When a write the outbox kept (no connection when it was saved) is confirmed later, the other
 * participants hear about it then: "decision saved" was said when it was saved here, but they
 * re-read the store at that moment and did not find it. A confirmed decision of this meeting is
 * announced again, a confirmed write of the meeting itself as "meeting updated".
 */
export function useSignalWhenConfirmed(
  status: WriteStatusSnapshot,
  current: { meetingId: Id; decisions: readonly Decision[]; publish: (signal: MeetingSignal) => void; reloadDecisions: () => void },
): void {
  const before = useRef<WriteStatusSnapshot>(NOTHING_WAITS);
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  });
  useEffect(() => {
    const confirmed = confirmedSince(before.current, status);
    before.current = status;
    if (confirmed.length === 0) return;
    const { meetingId, decisions, publish, reloadDecisions } = latest.current;
    const ours = new Set(decisions.map((d) => d.id));
    const decided = confirmed.filter((id) => ours.has(id));
    for (const id of decided) publish({ type: 'decision-saved', decisionId: id });
    if (confirmed.includes(meetingId)) publish({ type: 'meeting-updated' });
    // Drafts are confirmed all the time (autosave): only a decision makes the list worth a re-read.
    if (decided.length > 0) reloadDecisions();
  }, [status]);
}
