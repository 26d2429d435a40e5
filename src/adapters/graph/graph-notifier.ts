import { z } from 'zod';
import type { ActionNotice, Notifier } from '../../ports/notifier';
import type { GraphApi } from './graph-api';

/** Declared in manifest/manifest.json `activities.activityTypes` (templateText localised in manifest/da.json, en.json). */
export const ACTION_ASSIGNED_ACTIVITY = 'actionAssigned';
/** The personal tab the notice opens ("Mine forløb", manifest `staticTabs[0].entityId`). */
export const PATHWAYS_TAB_ENTITY_ID = 'mine-forloeb';

export interface GraphNotifierOptions {
  /** The Teams app id (manifest `id`), for the deep link; null when the host did not report it. */
  teamsAppId: string | null;
  /** The app's Teams page (`https://<host>/teams.html`), the deep link's web fallback. */
  appPageUrl: string;
}

/**
 * The deep link a notice opens: the "Mine forløb" tab at the pathway, with the decision in the
 * sub-entity (`/forloeb/<pathway>?beslutning=<decision>`; the tab reads it from
 * `page.subPageId`). Format: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 * Without the app id, the web address of the same route.
 */
export function decisionDeepLink(notice: Pick<ActionNotice, 'pathwayId' | 'decisionId'>, options: GraphNotifierOptions): string {
  const subEntityId = `/forloeb/${encodeURIComponent(notice.pathwayId)}?beslutning=${encodeURIComponent(notice.decisionId)}`;
  const webUrl = `${options.appPageUrl}#${subEntityId}`;
  if (options.teamsAppId === null) return webUrl;
  const url = new URL(`https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${PATHWAYS_TAB_ENTITY_ID}`);
  url.searchParams.set('webUrl', webUrl);
  url.searchParams.set('context', JSON.stringify({ subEntityId }));
  return url.href;
}

/**
 * The documented request body of `POST /users/{id}/teamwork/sendActivityNotification`
 * (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification): a custom
 * `text` topic whose `webUrl` (required for text topics, teamworkActivityTopic) is the deep
 * link; the activity type declared in the manifest; the template's `{caseInitials}` and
 * `{dueDate}`; a preview (Teams shows its first 150 characters). The recipient is the user in
 * the path: the body has no recipient. Nothing sensitive: initials and a date.
 */
export function activityNotificationBody(notice: ActionNotice, options: GraphNotifierOptions) {
  return {
    topic: { source: 'text', value: `Helhed (${notice.initials})`, webUrl: decisionDeepLink(notice, options) },
    activityType: ACTION_ASSIGNED_ACTIVITY,
    previewText: { content: `Ny opgave, frist ${notice.dueDate} (${notice.initials})` },
    templateParameters: [
      { name: 'caseInitials', value: notice.initials },
      { name: 'dueDate', value: notice.dueDate },
    ],
  };
}

/**
 * Teams activity feed notices through Microsoft Graph (delegated `TeamsActivity.Send`; README
 * "Microsoft Graph permissions"). Graph delivers only to users who have the app installed and
 * answers 204 No Content; a failure is a typed GraphRequestError from GraphApi. Not replayed:
 * a replay of a POST that landed would notify twice.
 */
export class GraphNotifier implements Notifier {
  readonly kind = 'teams-activity';

  constructor(
    private readonly graph: GraphApi,
    private readonly options: GraphNotifierOptions,
  ) {}

  async notifyActionAssigned(notice: ActionNotice): Promise<{ status: 'sent' }> {
    await this.graph.call({
      method: 'POST',
      path: `/users/${encodeURIComponent(notice.recipientId)}/teamwork/sendActivityNotification`,
      body: activityNotificationBody(notice, this.options),
      // 204 No Content: nothing to read.
      schema: z.unknown(),
      replaySafe: false,
    });
    return { status: 'sent' };
  }
}
