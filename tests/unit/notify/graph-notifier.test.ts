/**
 * Issue 6, Teams activity notices: the request GraphNotifier sends at the HTTP boundary (msw),
 * checked against Graph's OpenAPI description of sendActivityNotification and the documented
 * rules (text topic needs webUrl; the recipient is in the path; the activity type is the one
 * the manifest declares), the deep link back to the decision, nothing sensitive in what is
 * sent, typed errors, and the standalone LocalNotifier. Node environment (ARCHITECTURE.md).
 */
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphForbiddenError } from '../../../src/adapters/graph/graph-errors';
import { ACTION_ASSIGNED_ACTIVITY, GraphNotifier, decisionDeepLink } from '../../../src/adapters/graph/graph-notifier';
import { LocalNotifier } from '../../../src/adapters/local/local-notifier';
import { findSensitive } from '../../../src/domain/rules/sensitive-data';
import type { ActionNotice } from '../../../src/ports/notifier';
import { routeFromSubEntityId } from '../../../src/ui/teams-deep-link';
import { href, parseRoute } from '../../../src/ui/routes';
import { harness, listen, server } from '../../support/fake-graph/graph-harness';
import { graphSchemaErrors } from '../../support/fake-graph/graph-openapi';

listen(beforeAll, afterAll);

const APP_ID = '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b';
const options = { teamsAppId: APP_ID, appPageUrl: 'https://helhed.kommune.example/teams.html' };
const notice: ActionNotice = {
  decisionId: 'd-1',
  pathwayId: 'p 1',
  recipientId: 'bo-entra-id',
  initials: 'MH',
  dueDate: '2026-12-15',
  decidedAt: '2026-11-24T09:30:00.000Z',
};
const DOCUMENTED = ['topic', 'activityType', 'chainId', 'previewText', 'templateParameters', 'teamsAppId', 'iconId'];

interface Captured {
  method: string;
  url: string;
  authorization: string | null;
  body: Record<string, unknown>;
}

function capture(status = 204): Captured[] {
  const seen: Captured[] = [];
  server.use(
    http.post('https://graph.microsoft.com/v1.0/users/:userId/teamwork/sendActivityNotification', async ({ request }) => {
      seen.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization'), body: (await request.json()) as Record<string, unknown> });
      return status === 204
        ? new HttpResponse(null, { status: 204 })
        : HttpResponse.json({ error: { code: 'Forbidden', message: 'Insufficient privileges' } }, { status });
    }),
  );
  return seen;
}

describe('GraphNotifier', () => {
  it('[issue 6] POSTs the documented body to /users/{id}/teamwork/sendActivityNotification and resolves as sent', async () => {
    const h = harness({ scopes: ['TeamsActivity.Send'] });
    const seen = capture();
    await expect(new GraphNotifier(h.api, options).notifyActionAssigned(notice)).resolves.toEqual({ status: 'sent' });
    expect(seen).toHaveLength(1);
    const [req] = seen as [Captured];
    expect(req.url).toBe('https://graph.microsoft.com/v1.0/users/bo-entra-id/teamwork/sendActivityNotification');
    expect(req.authorization).toBe('Bearer token-1');
    expect(h.tokens.asked[0]?.scopes).toEqual(['TeamsActivity.Send']);
    // Graph's own description of the action's body, and only documented parameters (no recipient: it is the path's user).
    expect(graphSchemaErrors('sendActivityNotificationBody', req.body)).toEqual([]);
    // ... and the check bites: a preview that is not an itemBody is refused.
    expect(graphSchemaErrors('sendActivityNotificationBody', { ...req.body, previewText: 'text' })).not.toEqual([]);
    expect(Object.keys(req.body).every((k) => DOCUMENTED.includes(k))).toBe(true);
    expect(req.body).not.toHaveProperty('recipient');
    const topic = req.body.topic as { source: string; value: string; webUrl: string };
    expect(topic.source).toBe('text');
    expect(topic.value).toBe('Helhed (MH)');
    expect(req.body.activityType).toBe(ACTION_ASSIGNED_ACTIVITY);
    expect(req.body.previewText).toEqual({ content: 'Ny opgave, frist 2026-12-15 (MH)' });
    expect(req.body.templateParameters).toEqual([
      { name: 'caseInitials', value: 'MH' },
      { name: 'dueDate', value: '2026-12-15' },
    ]);
    expect(topic.webUrl).toBe(decisionDeepLink(notice, options));
  });

  it('[R4] sends nothing sensitive: no citizen name, contact or CPR number, initials at most', async () => {
    const h = harness({ scopes: ['TeamsActivity.Send'] });
    const seen = capture();
    await new GraphNotifier(h.api, options).notifyActionAssigned(notice);
    const citizen = { displayName: 'Mette Hansen', email: 'mette@borger.example', phone: '20304050', initials: 'MH' };
    const sent = JSON.stringify(seen[0]?.body);
    expect(findSensitive(sent, { citizen })).toEqual([]);
  });

  it('the manifest declares the activity type with the template parameters the request fills', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest/manifest.json', import.meta.url), 'utf8')) as {
      activities: { activityTypes: { type: string; templateText: string }[] };
    };
    const declared = manifest.activities.activityTypes.find((a) => a.type === ACTION_ASSIGNED_ACTIVITY);
    expect(declared?.templateText.match(/\{(\w+)\}/g)).toEqual(['{actor}', '{caseInitials}', '{dueDate}']);
    for (const lang of ['da', 'en']) {
      const loc = JSON.parse(readFileSync(new URL(`../../../manifest/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
      expect(loc['activities.activityTypes[0].templateText']?.match(/\{(\w+)\}/g)).toEqual(['{actor}', '{caseInitials}', '{dueDate}']);
    }
  });

  it('links back to the decision: a Teams deep link to the "Mine forløb" tab whose subEntityId the app opens', () => {
    const link = new URL(decisionDeepLink(notice, options));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/mine-forloeb`);
    const context = JSON.parse(link.searchParams.get('context') ?? '{}') as { subEntityId: string };
    expect(context.subEntityId).toBe('/forloeb/p%201?beslutning=d-1');
    expect(link.searchParams.get('webUrl')).toBe('https://helhed.kommune.example/teams.html#/forloeb/p%201?beslutning=d-1');
    expect(routeFromSubEntityId(context.subEntityId)).toBe('#/forloeb/p%201?beslutning=d-1');
    // The app's router reads the decision from it: the plan opens at that decision.
    expect(parseRoute(routeFromSubEntityId(context.subEntityId) ?? '')).toEqual({ name: 'pathway', pathwayId: 'p 1', decisionId: 'd-1' });
    expect(routeFromSubEntityId(context.subEntityId)).toBe(href.decision('p 1', 'd-1'));
    // Without the app id (a host that did not report it) the web address of the same route.
    expect(decisionDeepLink(notice, { ...options, teamsAppId: null })).toBe('https://helhed.kommune.example/teams.html#/forloeb/p%201?beslutning=d-1');
  });

  it('a 403 (no consent to TeamsActivity.Send, app not installed) is a typed error, sent once (never replayed)', async () => {
    const h = harness({ scopes: ['TeamsActivity.Send'] });
    const seen = capture(403);
    await expect(new GraphNotifier(h.api, options).notifyActionAssigned(notice)).rejects.toBeInstanceOf(GraphForbiddenError);
    expect(seen).toHaveLength(1);
  });
});

describe('LocalNotifier (standalone)', () => {
  it('records each notice once, visible through recorded(), and never claims it was sent', async () => {
    const local = new LocalNotifier();
    let told = 0;
    local.subscribe(() => (told += 1));
    await expect(local.notifyActionAssigned(notice)).resolves.toEqual({ status: 'recorded-locally' });
    await local.notifyActionAssigned(notice);
    expect(local.kind).toBe('local');
    expect(local.recorded()).toEqual([notice]);
    expect(told).toBe(1);
  });
});
