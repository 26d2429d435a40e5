import { useCallback, useEffect, useRef, useState } from 'react';
import { requireMeeting, requirePathway, requirePlan } from '../../application';
import type { CitizenPlan, Decision, Id, Pathway, TeamMeeting } from '../../domain/model';
import { useSession } from '../../ui/services-context';

export interface MeetingView {
  meeting: TeamMeeting;
  pathway: Pathway;
  plan: CitizenPlan;
  /** Every decision of the meeting, superseded ones included (the log is append-only). */
  decisions: Decision[];
}

type State =
  | { status: 'loading' }
  /** `refreshError`: a re-read failed; what is on screen stays, with a way to try again. */
  | { status: 'ready'; data: MeetingView; refreshError: unknown }
  | { status: 'error'; error: unknown };

/**
 * The meeting screen's data. Parts are re-read when a participant signals a change, and the
 * meeting is replaced by what a write returned; a read that started before a newer value
 * arrived is dropped, so a slow re-read never puts old attendance back on screen.
 */
export function useMeetingView(meetingId: Id) {
  const { services } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const meetingSeq = useRef({ issued: 0, applied: 0 });
  const decisionSeq = useRef({ issued: 0, applied: 0 });

  useEffect(() => {
    let live = true;
    (async () => {
      const meeting = await requireMeeting(services, meetingId);
      const [pathway, plan, decisions] = await Promise.all([
        requirePathway(services, meeting.pathwayId),
        requirePlan(services, meeting.pathwayId),
        services.store.listDecisions({ meetingId }),
      ]);
      return { meeting, pathway, plan, decisions };
    })().then(
      (data) => live && setState({ status: 'ready', data, refreshError: null }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [services, meetingId, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const applyMeeting = useCallback((meeting: TeamMeeting, seq: number) => {
    if (seq < meetingSeq.current.applied) return;
    meetingSeq.current.applied = seq;
    setState((s) => (s.status === 'ready' ? { ...s, data: { ...s.data, meeting }, refreshError: null } : s));
  }, []);

  /** The meeting as a write just stored it. */
  const setMeeting = useCallback(
    (meeting: TeamMeeting) => applyMeeting(meeting, ++meetingSeq.current.issued),
    [applyMeeting],
  );

  const reloadMeeting = useCallback(() => {
    const seq = ++meetingSeq.current.issued;
    requireMeeting(services, meetingId).then(
      (meeting) => applyMeeting(meeting, seq),
      (error: unknown) => setState((s) => (s.status === 'ready' ? { ...s, refreshError: error } : s)),
    );
  }, [services, meetingId, applyMeeting]);

  const reloadDecisions = useCallback(() => {
    const seq = ++decisionSeq.current.issued;
    services.store.listDecisions({ meetingId }).then(
      (decisions) => {
        if (seq < decisionSeq.current.applied) return;
        decisionSeq.current.applied = seq;
        setState((s) => (s.status === 'ready' ? { ...s, data: { ...s.data, decisions }, refreshError: null } : s));
      },
      (error: unknown) => setState((s) => (s.status === 'ready' ? { ...s, refreshError: error } : s)),
    );
  }, [services, meetingId]);

  return { state, retry, setMeeting, reloadMeeting, reloadDecisions };
}
