import { parseRoute } from './routes';
import { pageShareLink, type ShareLinkBuilder } from './share-link';

/** The personal tab "Ledelse" in manifest/manifest.json (`staticTabs[].entityId`). */
export const LEADER_TAB_ENTITY_ID = 'ledelse';

/** The parts of a deep link to one of the app's tabs. */
export interface TabDeepLink {
  /** The Teams app id (the manifest's `id` for a custom app). */
  appId: string;
  /** The tab's `entityId` in the manifest. */
  entityId: string;
  /** Where the tab should open; read back by the tab from `page.subPageId`. */
  subEntityId: string;
  /** Shown by Teams where it renders the link. */
  label: string;
  /** Fallback for clients that cannot render the tab. */
  webUrl: string;
}

/**
 * A Teams deep link to a tab, in the documented format
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=...&label=...&context={"subEntityId":"..."}`
 * with every query value URL-encoded
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */
export function teamsTabDeepLink(link: TabDeepLink): string {
  const url = new URL(`https://teams.microsoft.com/l/entity/${encodeURIComponent(link.appId)}/${encodeURIComponent(link.entityId)}`);
  url.searchParams.set('webUrl', link.webUrl);
  url.searchParams.set('label', link.label);
  url.searchParams.set('context', JSON.stringify({ subEntityId: link.subEntityId }));
  return url.href;
}

/** The sub-entity of a leader view: its route without the `#` (`/ledelse?status=decided`). */
export function subEntityIdForRoute(route: string): string {
  return route.replace(/^#/, '');
}

/**
 * The route a deep link's sub-entity asks for, or null. Only the leader review and a pathway
 * (a Teams activity notice about an action opens `/forloeb/<id>?beslutning=<decision>`,
 * src/adapters/graph/graph-notifier.ts) may be opened this way; anything else, or anything that
 * does not parse as one of those routes, is ignored: the value comes from a link anyone could edit.
 */
export function routeFromSubEntityId(subEntityId: string | null): string | null {
  if (subEntityId === null) return null;
  const route = `#${subEntityId.startsWith('/') ? subEntityId : `/${subEntityId}`}`;
  const parsed = parseRoute(route);
  return parsed.name === 'leader' || parsed.name === 'pathway' ? route : null;
}

/**
 * How Teams shares a view: a leader view becomes a deep link to the personal tab "Ledelse"
 * carrying the view in its subEntityId; without the app id (a host that does not report it) or
 * for other routes, the page's own address is the best there is.
 */
export function teamsShareLink(appId: string | null): ShareLinkBuilder {
  return (route) =>
    appId !== null && parseRoute(route).name === 'leader'
      ? teamsTabDeepLink({
          appId,
          entityId: LEADER_TAB_ENTITY_ID,
          subEntityId: subEntityIdForRoute(route),
          label: 'Helhed: Ledelse',
          webUrl: pageShareLink(route),
        })
      : pageShareLink(route);
}
