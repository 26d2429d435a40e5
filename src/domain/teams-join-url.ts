/**
 * Links a Teams meeting to its TeamMeeting. Inside a meeting, Teams tells the app the meeting
 * chat's thread id (`19:meeting_...@thread.v2`); a classic Teams join URL carries the same id,
 * URL-encoded, as the path segment after `/l/meetup-join/`:
 * https://learn.microsoft.com/graph/api/resources/onlinemeeting (joinWebUrl).
 * Newer short join URLs (`/meet/<id>?p=...`) carry no thread id: those meetings need the online
 * meeting's `chatInfo.threadId` from Graph instead, and this returns null for them.
 */
export function chatIdFromJoinUrl(joinUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return null;
  }
  const parts = url.pathname.split('/');
  const at = parts.indexOf('meetup-join');
  const segment = at >= 0 ? parts[at + 1] : undefined;
  if (!segment) return null;
  let threadId: string;
  try {
    threadId = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return /^19:.+@thread\.v2$/.test(threadId) ? threadId : null;
}
