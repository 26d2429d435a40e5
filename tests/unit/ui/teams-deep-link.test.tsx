import { describe, expect, it } from 'vitest';
import { routeFromSubEntityId, subEntityIdForRoute, teamsShareLink, teamsTabDeepLink } from '../../../src/ui/teams-deep-link';

const APP_ID = '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b';

describe('Teams deep links to the leader view (issue 6)', () => {
  it('builds the documented l/entity link with webUrl, label and a URL-encoded context', () => {
    const link = teamsTabDeepLink({
      appId: APP_ID,
      entityId: 'ledelse',
      subEntityId: '/ledelse?dept=dept-health&status=requires-leader-follow-up',
      label: 'Helhed: Ledelse',
      webUrl: 'https://helhed.example/teams.html#/ledelse?dept=dept-health',
    });
    expect(link).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/ledelse` +
        '?webUrl=https%3A%2F%2Fhelhed.example%2Fteams.html%23%2Fledelse%3Fdept%3Ddept-health' +
        '&label=Helhed%3A+Ledelse' +
        '&context=%7B%22subEntityId%22%3A%22%2Fledelse%3Fdept%3Ddept-health%26status%3Drequires-leader-follow-up%22%7D',
    );
    const context: unknown = JSON.parse(new URL(link).searchParams.get('context') ?? '');
    expect(context).toEqual({ subEntityId: '/ledelse?dept=dept-health&status=requires-leader-follow-up' });
  });

  it('routes a subEntityId back to the filtered leader view, and nothing else', () => {
    const route = '#/ledelse?status=decided&sort=responsible&dir=asc';
    expect(routeFromSubEntityId(subEntityIdForRoute(route))).toBe(route);
    expect(routeFromSubEntityId('ledelse?overdue=1')).toBe('#/ledelse?overdue=1');
    // An activity notice about an action opens the pathway (graph-notifier.ts); other screens never.
    expect(routeFromSubEntityId('/forloeb/pathway-lene?beslutning=d-1')).toBe('#/forloeb/pathway-lene?beslutning=d-1');
    expect(routeFromSubEntityId('/moede/m-1/referat')).toBeNull();
    expect(routeFromSubEntityId('https://evil.example/#/ledelse')).toBeNull();
    expect(routeFromSubEntityId(null)).toBeNull();
  });

  it('shares a leader view from Teams as a deep link to the "Ledelse" tab, and as a page link without an app id', () => {
    window.location.hash = '';
    const route = '#/ledelse?status=decided';
    const deep = new URL(teamsShareLink(APP_ID)(route));
    expect(`${deep.origin}${deep.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/ledelse`);
    expect(JSON.parse(deep.searchParams.get('context') ?? '')).toEqual({ subEntityId: '/ledelse?status=decided' });
    expect(new URL(deep.searchParams.get('webUrl') ?? '').hash).toBe(route);
    expect(new URL(teamsShareLink(null)(route)).hash).toBe(route);
  });
});
