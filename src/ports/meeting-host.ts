/**
 * The place the app runs in: standalone browser, Teams, Outlook or the Microsoft 365 app.
 * Everything host-specific lives in src/host behind this port.
 */
export type ThemeName = 'light' | 'dark' | 'contrast';
export type Locale = 'da' | 'en';
export type HostKind = 'standalone' | 'teams' | 'outlook' | 'office';
export type FrameContext = 'content' | 'settings' | 'meetingDetails' | 'sidePanel' | 'meetingStage';

export interface HostContext {
  host: HostKind;
  frameContext: FrameContext;
  theme: ThemeName;
  locale: Locale;
  /** The signed-in staff member's directory id, or null for an anonymous participant. */
  userId: string | null;
}

/**
 * Invariants:
 * - `context()` is valid after `initialize()` resolved and reflects the latest theme/locale.
 * - `onThemeChange` listeners are called for every change, including changes the user makes
 *   in standalone mode; the returned function unsubscribes.
 * - `setLocale` and `setTheme` are only supported where the user, not the host, decides
 *   (standalone); elsewhere they return false and change nothing.
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
}
