import type { Id, TeamMeeting } from '../domain/model';
import type { HostMeeting } from '../ports/meeting-host';
import type { PlanStore } from '../ports/plan-store';
import type { Route } from '../ui/routes';

/** A meeting that ended longer ago than this is no longer "the current one" of its pathway. */
const RECENT_MS = 12 * 60 * 60 * 1000;

/**
 * The TeamMeeting a meeting frame (details tab, side panel, stage) belongs to, so it opens on the
 * right pathway without asking:
 * 1. the meeting the route names (the side panel shares the stage as `#/moede/<id>/scene`);
 * 2. the meeting whose Teams join URL names the meeting chat Teams reports (PlanStore
 *    findMeetingByChatId);
 * 3. the current meeting of the pathway the tab was configured with: the next one not cancelled,
 *    or the most recent one.
 */
export async function findTeamMeeting(
  store: PlanStore,
  hostMeeting: HostMeeting | null,
  route: Route,
  now: Date,
): Promise<TeamMeeting | null> {
  if (route.name === 'meeting' || route.name === 'minutes' || route.name === 'stage') return store.getMeeting(route.meetingId);
  if (hostMeeting) {
    const linked = await store.findMeetingByChatId(hostMeeting.chatId);
    if (linked) return linked;
  }
  const pathwayId: Id | undefined = route.name === 'pathway' || route.name === 'book' ? route.pathwayId : undefined;
  if (!pathwayId) return null;
  const meetings = await store.listMeetings({ pathwayId });
  const live = meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => a.start.localeCompare(b.start));
  const cutoff = now.getTime() - RECENT_MS;
  return live.find((m) => new Date(m.end).getTime() >= cutoff) ?? live.at(-1) ?? null;
}
