import { useCallback, useRef, useState } from 'react';
import { checkIn } from '../../application';
import type { AttendanceRecord, TeamMeeting } from '../../domain/model';
import type { MeetingSignal } from '../../ports/meeting-channel';
import type { WriteStatusSnapshot } from '../../ports/write-status';
import { useSession } from '../../ui/services-context';

export interface CheckInValues {
  /** One record per required attendee, in the meeting's order. */
  attendance: AttendanceRecord[];
  citizenPresent: boolean | null;
}

/** `waiting`: saved, but the outbox still holds it (no connection); it is sent when the connection is back. */
export type CheckInSaveState = 'idle' | 'saving' | 'saved' | 'waiting' | 'error';

/** Everyone on the invitation is listed; nobody counts as present until checked in (rule 2). */
export function checkInValues(meeting: TeamMeeting): CheckInValues {
  const records = new Map(meeting.attendance.map((r) => [r.personId, r]));
  return {
    attendance: meeting.requiredAttendees.map(
      (a) => records.get(a.personId) ?? { personId: a.personId, present: false, notice: false },
    ),
    citizenPresent: meeting.citizenPresent,
  };
}

/**
 * Check-in saved on every change. What was ticked shows at once; once stored, the meeting as
 * stored takes over. A failed save puts the stored state back and says so.
 */
export function useCheckIn({
  meeting,
  enqueue,
  setMeeting,
  publish,
  writeStatus,
}: {
  meeting: TeamMeeting;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
  setMeeting: (meeting: TeamMeeting) => void;
  publish: (signal: MeetingSignal) => void;
  /** The panel's view of the outbox (useWriteStatus in meeting-screen.tsx). */
  writeStatus: WriteStatusSnapshot;
}) {
  const { services } = useSession();
  const [pending, setPending] = useState<CheckInValues | null>(null);
  const [saveState, setSaveState] = useState<CheckInSaveState>('idle');
  const inFlight = useRef(0);
  const values = pending ?? checkInValues(meeting);

  const change = useCallback(
    (next: CheckInValues) => {
      setPending(next);
      setSaveState('saving');
      inFlight.current += 1;
      // The meeting on screen stands in for the stored one when it cannot be read (offline).
      const shown = meeting;
      enqueue(() => checkIn(services, shown.id, next.attendance, next.citizenPresent, shown)).then(
        (updated) => {
          inFlight.current -= 1;
          setMeeting(updated);
          setPending((p) => (p === next ? null : p));
          if (inFlight.current === 0) setSaveState('saved');
          publish({ type: 'meeting-updated' });
        },
        () => {
          inFlight.current -= 1;
          setPending((p) => (p === next ? null : p));
          setSaveState('error');
        },
      );
    },
    [enqueue, meeting, publish, services, setMeeting],
  );

  const waiting = writeStatus.pending.has(meeting.id);
  return { values, change, saveState: saveState === 'saved' && waiting ? 'waiting' : saveState };
}
