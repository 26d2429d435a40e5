/**
 * Teams app caching resumes a cached side panel, possibly in another meeting (teams-host.ts
 * enableAppCaching). The meeting channel must then let the old meeting's Live Share connection go
 * (src/app/teams-app.tsx useHostMeetingFollowsResume).
 */
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useHostMeetingFollowsResume } from '../../../src/app/teams-app';
import type { MeetingChannel } from '../../../src/ports/meeting-channel';
import type { HostContext } from '../../../src/ports/meeting-host';

function fakeHost(chatId: string | null) {
  const listeners = new Set<(context: HostContext) => void>();
  const contextFor = (id: string | null) => ({ meeting: id === null ? null : { chatId: id, meetingId: null } }) as HostContext;
  return {
    context: () => contextFor(chatId),
    onResume: (listener: (context: HostContext) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resumeIn: (id: string | null) => {
      for (const l of [...listeners]) l(contextFor(id));
    },
  };
}

describe('a resumed side panel follows the host to its meeting', () => {
  it('lets the channel go when the panel resumes in another meeting, not when it resumes in the same one', () => {
    const host = fakeHost('19:meeting_a@thread.v2');
    let changed = 0;
    const channel: MeetingChannel = { join: () => ({ publish: () => {}, subscribe: () => () => {}, close: () => {} }), hostMeetingChanged: () => (changed += 1) };
    const { unmount } = renderHook(() => useHostMeetingFollowsResume(host, channel));

    host.resumeIn('19:meeting_a@thread.v2');
    expect(changed).toBe(0);
    host.resumeIn('19:meeting_b@thread.v2');
    expect(changed).toBe(1);
    host.resumeIn('19:meeting_b@thread.v2');
    expect(changed).toBe(1);
    // Out of a meeting (a tab) and back into the first one: two changes.
    host.resumeIn(null);
    host.resumeIn('19:meeting_a@thread.v2');
    expect(changed).toBe(3);

    unmount();
    host.resumeIn('19:meeting_c@thread.v2');
    expect(changed).toBe(3);
  });

  it('a channel without a host meeting (BroadcastChannel) is left alone', () => {
    const host = fakeHost('19:meeting_a@thread.v2');
    const channel: MeetingChannel = { join: () => ({ publish: () => {}, subscribe: () => () => {}, close: () => {} }) };
    renderHook(() => useHostMeetingFollowsResume(host, channel));
    expect(() => host.resumeIn('19:meeting_b@thread.v2')).not.toThrow();
  });
});
