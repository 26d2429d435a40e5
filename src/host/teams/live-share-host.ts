import { app, FrameContexts, liveShare, LiveShareHost } from '@microsoft/teams-js';

/**
 * The Live Share host of the meeting this frame runs in, or null where Live Share is not there
 * for Helhed: outside a meeting's side panel or stage (Live Share also serves chat and channel
 * content tabs, but only desktop and web clients have it there, and Helhed's live signals belong
 * to the meeting), or where the client does not support it (Outlook, mobile clients without it).
 * Call after `MeetingHost.initialize()` resolved: teams-js must be initialized. The teams-js
 * class satisfies Live Share's `ILiveShareHost` (checked where graph-session.ts passes it on), so
 * the host needs no import of Live Share itself.
 * https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/teams-live-share-capabilities
 */
export function meetingLiveShareHost(): LiveShareHost | null {
  try {
    const frame = app.getFrameContext();
    if (frame !== FrameContexts.sidePanel && frame !== FrameContexts.meetingStage) return null;
    if (!liveShare.isSupported()) return null;
    return LiveShareHost.create();
  } catch {
    // teams-js throws when it is not initialized or the frame is not one it expects.
    return null;
  }
}
