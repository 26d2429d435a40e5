import { describe, expect, it } from 'vitest';
import { parseTeamsContext, toLocale, toThemeName } from './teams-context';

/** An app.Context as teams-js builds it from the host's answer (transformLegacyContextToAppContext). */
const base = {
  app: { locale: 'da-dk', theme: 'default', sessionId: 's', host: { name: 'Teams', clientType: 'web', sessionId: '' } },
  page: { id: 'helhed-tab', frameContext: 'content' },
  user: { id: 'aad-user-1', licenseType: 'Unknown' },
  dialogParameters: {},
};

describe('the Teams context, parsed', () => {
  it('maps a personal tab in Danish Teams', () => {
    expect(parseTeamsContext(base, 'content')).toEqual({
      ok: true,
      context: {
        host: 'teams',
        frameContext: 'content',
        theme: 'light',
        locale: 'da',
        userId: 'aad-user-1',
        userKind: 'member',
        meeting: null,
        appId: null,
        subPageId: null,
      },
    });
  });

  it('[issue 6] keeps the app id (teams-js AppId object) and a deep link\'s subEntityId for the leader view', () => {
    const appId = { toString: () => '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b' };
    const parsed = parseTeamsContext(
      { ...base, app: { ...base.app, appId }, page: { id: 'ledelse', frameContext: 'content', subPageId: '/ledelse?status=decided' } },
      'content',
    );
    expect(parsed.ok && [parsed.context.appId, parsed.context.subPageId]).toEqual(['5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b', '/ledelse?status=decided']);
    const odd = parseTeamsContext({ ...base, app: { ...base.app, appId: { toString: () => 'not-a-guid' } } }, 'content');
    expect(odd.ok && odd.context.appId).toBeNull();
  });

  it('tells the meeting details tab (a content frame in a meeting) from a plain tab', () => {
    const parsed = parseTeamsContext({ ...base, chat: { id: '19:meeting_x@thread.v2' }, meeting: { id: 'm1' } }, 'content');
    expect(parsed.ok && parsed.context.frameContext).toBe('meetingDetails');
    expect(parsed.ok && parsed.context.meeting).toEqual({ chatId: '19:meeting_x@thread.v2', meetingId: 'm1' });
  });

  it('maps side panel, stage and configuration frames', () => {
    const frame = (f: string) => {
      const p = parseTeamsContext({ ...base, page: { id: 'x', frameContext: f } }, undefined);
      return p.ok ? p.context.frameContext : p.message;
    };
    expect([frame('sidePanel'), frame('meetingStage'), frame('settings')]).toEqual(['sidePanel', 'meetingStage', 'settings']);
  });

  it('[anonymous] a participant with licenseType Anonymous has no user id', () => {
    const parsed = parseTeamsContext({ ...base, user: { id: '', licenseType: 'Anonymous' } }, 'meetingStage');
    expect(parsed.ok && parsed.context.userKind).toBe('anonymous');
    expect(parsed.ok && parsed.context.userId).toBeNull();
  });

  it('refuses a context without the fields Helhed needs, and an unknown frame context', () => {
    const missing = parseTeamsContext({ page: { id: 'x' } }, 'content');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toMatch(/^Teams sent a context Helhed cannot read: /);
    expect(parseTeamsContext(base, 'task')).toEqual({ ok: true, context: expect.objectContaining({ frameContext: 'content' }) });
    expect(parseTeamsContext({ ...base, page: { id: 'x', frameContext: 'remove' } }, undefined)).toEqual({
      ok: false,
      message: 'Helhed has no screen for the Teams frame context "remove".',
    });
  });

  it('follows the host theme and language; English Teams gets English, anything else Danish', () => {
    expect(['default', 'dark', 'contrast', 'glow'].map(toThemeName)).toEqual(['light', 'dark', 'contrast', 'light']);
    expect(['da-DK', 'en-us', 'en-GB', 'de-de'].map(toLocale)).toEqual(['da', 'en', 'en', 'da']);
  });
});
