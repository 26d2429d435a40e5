/**
 * The place the app runs in: standalone browser, Teams, Outlook or the Microsoft 365 app.
 * Everything host-specific lives in src/host behind this port.
 */
export type ThemeName = 'light' | 'dark' | 'contrast';
export type Locale = 'da' | 'en';
export type HostKind = 'standalone' | 'teams' | 'outlook' | 'office';
export type FrameContext = 'content' | 'settings' | 'meetingDetails' | 'sidePanel' | 'meetingStage';
/**
 * Who is using the app. `anonymous` (Teams licenseType Anonymous: a citizen who joined the
 * meeting by link without an account) has no directory identity: the app must not request any
 * data for them (ARCHITECTURE.md, "Citizen-facing screens live on the meeting stage").
 * https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/build-apps-for-anonymous-user
 */
export type UserKind = 'member' | 'anonymous';

/** The Teams meeting the app runs in, as the host reports it (ids are opaque host strings). */
export interface HostMeeting {
  /** The meeting chat's thread id (`19:meeting_...@thread.v2`). */
  chatId: string;
  /** The host's meeting id, when it reports one. */
  meetingId: string | null;
}

export interface HostContext {
  host: HostKind;
  frameContext: FrameContext;
  theme: ThemeName;
  locale: Locale;
  /** The signed-in staff member's directory id, or null for an anonymous participant. */
  userId: string | null;
  userKind: UserKind;
  /** The meeting the app runs in (meeting details, side panel, stage), or null outside one. */
  meeting: HostMeeting | null;
  /**
   * The app's id in the host (the Teams manifest id), when the host reports it: deep links to
   * the app's tabs need it. Null in standalone mode.
   */
  appId: string | null;
  /**
   * What a deep link asked the tab to show (Teams' `context.subEntityId`, teams-js
   * `page.subPageId`), unparsed; null when the tab was opened without one.
   */
  subPageId: string | null;
}

/** Why the first screen could not be shown; Teams shows its own error with this reason. */
export interface StartupFailure {
  kind: 'auth' | 'timeout' | 'other';
  message: string;
}

export type StageShareResult =
  | { ok: true }
  | { ok: false; code: 'STAGE_NOT_SUPPORTED' | 'STAGE_NO_PERMISSION' | 'STAGE_HOST_ERROR'; message: string };

/** What a configurable tab stores when the user saves its configuration page. */
export interface TabConfig {
  /** Stable id of what the tab shows (the pathway id). */
  entityId: string;
  /** The app route the tab opens, a hash such as `#/forloeb/<id>`. */
  route: string;
  /** The tab's suggested name. */
  displayName: string;
}

/**
 * The configuration page of a configurable tab: the user picks, the host's Save button stores.
 * Invariant: Save is disabled until `setValid(true)`; `onSave`'s handler returns the config to
 * store, or null to refuse the save.
 */
export interface TabConfiguration {
  setValid(valid: boolean): void;
  onSave(handler: () => TabConfig | null): void;
}

/**
 * Invariants:
 * - `initialize()` talks to the host once, however often it is called; `context()` is valid
 *   after it resolved and reflects the latest theme/locale.
 * - `onThemeChange` listeners are called for every change, including changes the user makes
 *   in standalone mode; the returned function unsubscribes.
 * - `setLocale` and `setTheme` are only supported where the user, not the host, decides
 *   (standalone); elsewhere they return false and change nothing.
 * - `notifyReady` or `notifyFailure` is called once per load (and again after a resume).
 * - Capabilities the host lacks answer `false`/`null`/`STAGE_NOT_SUPPORTED`; they never throw.
 */
export interface MeetingHost {
  initialize(): Promise<HostContext>;
  context(): HostContext;
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  setTheme(theme: ThemeName): boolean;
  setLocale(locale: Locale): boolean;
  onLocaleChange(listener: (locale: Locale) => void): () => void;
  /** Tells the host the first screen is ready (Teams: notifySuccess). */
  notifyReady(): void;
  /** Tells the host the app cannot show its first screen (Teams: notifyFailure). */
  notifyFailure(failure: StartupFailure): void;
  /**
   * Called when the host resumes a cached instance of the app (Teams app caching of the meeting
   * side panel), possibly in another meeting, with the new context. The app re-renders for it
   * and calls `notifyReady` again.
   */
  onResume(listener: (context: HostContext) => void): () => void;
  /** Whether this user may share the app to the meeting stage here and now. */
  canShareToStage(): Promise<boolean>;
  /** Shares an app route (a hash such as `#/scene/<meetingId>`) to the meeting stage. */
  shareToStage(route: string): Promise<StageShareResult>;
  /** The configuration page's link to the host, or null outside a configuration page. */
  tabConfiguration(): TabConfiguration | null;
}
