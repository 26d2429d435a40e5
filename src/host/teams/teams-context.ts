import { z } from 'zod';
import type { FrameContext, HostContext, HostKind, Locale, ThemeName } from '../../ports/meeting-host';

/**
 * The part of teams-js's `app.Context` Helhed relies on, parsed because it crosses a boundary
 * (STYLE.md statement 7). Field names are teams-js's (`app.getContext()` maps the host's legacy
 * context onto them). Unknown extra fields are ignored; a context without the fields below is an
 * error the app reports with `notifyFailure`, never a silent default.
 */
export const teamsContextSchema = z.object({
  app: z.object({
    locale: z.string().min(2),
    // 'default' | 'dark' | 'contrast' today; kept open so a new host theme falls back to light.
    theme: z.string(),
    host: z.object({ name: z.string(), clientType: z.string() }),
    // teams-js wraps the manifest id in an AppId object whose toString() is the id. An id that
    // is not a GUID is dropped (deep links are then plain URLs), never a reason to fail start-up.
    appId: z
      .preprocess((v) => (v !== null && typeof v === 'object' ? String(v) : v), z.guid())
      .optional()
      .catch(undefined),
  }),
  page: z.object({
    id: z.string(),
    frameContext: z.string().optional(),
    subPageId: z.string().optional(),
  }),
  user: z
    .object({
      // Empty for anonymous meeting participants (Teams documents this).
      id: z.string(),
      licenseType: z.string().optional(),
    })
    .optional(),
  chat: z.object({ id: z.string().min(1) }).optional(),
  meeting: z.object({ id: z.string().min(1) }).optional(),
});
export type TeamsContext = z.infer<typeof teamsContextSchema>;

/** Teams' theme names to Helhed's. */
export function toThemeName(teamsTheme: string): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * Danish is the default language and English the second (PRODUCT.md): an English Teams gets
 * English, every other language Danish, the municipality's working language.
 */
export function toLocale(teamsLocale: string): Locale {
  return teamsLocale.toLowerCase().startsWith('en') ? 'en' : 'da';
}

function toHostKind(hostName: string): HostKind {
  if (hostName === 'Teams' || hostName === 'TeamsModern') return 'teams';
  if (hostName === 'Outlook' || hostName === 'OutlookWin32') return 'outlook';
  return 'office';
}

/**
 * Teams' frame contexts to Helhed's screens. The meeting details tab is a `content` frame inside
 * a meeting (the context then carries the meeting), so it is told apart by `meeting`.
 * teams-js's `stage` (a tab popped out to a Stage View) shows the tab's content.
 */
function toFrameContext(frame: string | undefined, inMeeting: boolean): FrameContext | null {
  switch (frame) {
    case 'content':
    case 'stage':
      return inMeeting ? 'meetingDetails' : 'content';
    case 'settings':
      return 'settings';
    case 'sidePanel':
      return 'sidePanel';
    case 'meetingStage':
      return 'meetingStage';
    default:
      return null;
  }
}

export type ParsedContext = { ok: true; context: HostContext } | { ok: false; message: string };

/**
 * Parses the raw `app.getContext()` result. `frameContext` is teams-js's `app.getFrameContext()`
 * (the initialize handshake's answer), used when the context itself carries none.
 */
export function parseTeamsContext(raw: unknown, frameContext: string | undefined): ParsedContext {
  const parsed = teamsContextSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, message: `Teams sent a context Helhed cannot read: ${z.prettifyError(parsed.error)}` };
  }
  const c = parsed.data;
  const meeting = c.chat && c.meeting ? { chatId: c.chat.id, meetingId: c.meeting.id } : null;
  const frame = toFrameContext(c.page.frameContext ?? frameContext, meeting !== null);
  if (frame === null) {
    return { ok: false, message: `Helhed has no screen for the Teams frame context "${c.page.frameContext ?? frameContext ?? ''}".` };
  }
  const anonymous = c.user?.licenseType === 'Anonymous' || !c.user?.id;
  return {
    ok: true,
    context: {
      host: toHostKind(c.app.host.name),
      frameContext: frame,
      theme: toThemeName(c.app.theme),
      locale: toLocale(c.app.locale),
      userId: anonymous ? null : (c.user?.id ?? null),
      userKind: anonymous ? 'anonymous' : 'member',
      meeting,
      appId: c.app.appId ?? null,
      subPageId: c.page.subPageId !== undefined && c.page.subPageId !== '' ? c.page.subPageId : null,
    },
  };
}
