import { useCallback, useEffect, useRef } from 'react';
import type { Id } from '../../domain/model';
import type { MeetingChannelSession, MeetingSignal } from '../../ports/meeting-channel';
import { useSession } from '../../ui/services-context';

/**
 * Joins the meeting's live channel while the screen is open. Signals only say that something
 * changed; the listener re-reads from the store (the relay may keep messages, so no case data
 * travels on it: ARCHITECTURE.md, "Live Share carries signals, not case data").
 */
export function useMeetingChannel(meetingId: Id, onSignal: (signal: MeetingSignal) => void): (signal: MeetingSignal) => void {
  const { services, me } = useSession();
  const session = useRef<MeetingChannelSession | null>(null);
  const listener = useRef(onSignal);
  useEffect(() => {
    listener.current = onSignal;
  }, [onSignal]);
  useEffect(() => {
    const joined = services.channel.join(meetingId, me.id);
    session.current = joined;
    const unsubscribe = joined.subscribe((signal) => listener.current(signal));
    return () => {
      unsubscribe();
      joined.close();
      if (session.current === joined) session.current = null;
    };
  }, [services, meetingId, me.id]);
  return useCallback((signal: MeetingSignal) => session.current?.publish(signal), []);
}
