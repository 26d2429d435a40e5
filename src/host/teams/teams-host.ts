import { app, ErrorCode, meeting, pages, teamsCore } from '@microsoft/teams-js';
import type {
  HostContext,
  Locale,
  MeetingHost,
  StageShareResult,
  StartupFailure,
  TabConfig,
  TabConfiguration,
  ThemeName,
} from '../../ports/meeting-host';
import { parseTeamsContext, toThemeName } from './teams-context';

/** Thrown by `initialize()` when Teams answered but its context cannot be used. */
export class TeamsContextError extends Error {
  override readonly name = 'TeamsContextError';
}

const FAILURE_REASON: Record<StartupFailure['kind'], app.FailedReason> = {
  auth: app.FailedReason.AuthFailed,
  timeout: app.FailedReason.Timeout,
  other: app.FailedReason.Other,
};

/**
 * Helhed inside Teams, Outlook and the Microsoft 365 app, through teams-js. Every capability is
 * checked with its `isSupported()` after initialization (teams-js throws otherwise); a missing
 * one answers false/null/STAGE_NOT_SUPPORTED so the UI can explain instead of failing.
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/using-teams-client-library
 */
export class TeamsHost implements MeetingHost {
  private ctx: HostContext | null = null;
  private started: Promise<HostContext> | null = null;
  private readonly themeListeners = new Set<(t: ThemeName) => void>();
  private readonly resumeListeners = new Set<(c: HostContext) => void>();

  constructor(private readonly win: Window) {}

  /** Talks to the host once: `app.initialize()` must not run twice (STYLE.md, "What to avoid"). */
  initialize(): Promise<HostContext> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<HostContext> {
    await app.initialize();
    const parsed = parseTeamsContext(await app.getContext(), app.getFrameContext());
    if (!parsed.ok) throw new TeamsContextError(parsed.message);
    this.ctx = parsed.context;
    this.win.document.documentElement.lang = this.ctx.locale;
    app.registerOnThemeChangeHandler((theme) => this.applyTheme(toThemeName(theme)));
    if (this.ctx.frameContext === 'sidePanel') this.enableAppCaching();
    return this.ctx;
  }

  context(): HostContext {
    if (!this.ctx) throw new Error('TeamsHost.context() called before initialize() resolved');
    return this.ctx;
  }

  onThemeChange(listener: (theme: ThemeName) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  /** The host decides the language; it does not change while the app runs. */
  onLocaleChange(): () => void {
    return () => undefined;
  }

  setTheme(): boolean {
    return false;
  }

  setLocale(_locale: Locale): boolean {
    return false;
  }

  notifyReady(): void {
    // Hides Teams' loading indicator (`showLoadingIndicator` in the manifest).
    void app.notifySuccess();
  }

  notifyFailure(failure: StartupFailure): void {
    app.notifyFailure({ reason: FAILURE_REASON[failure.kind], message: failure.message });
  }

  onResume(listener: (context: HostContext) => void): () => void {
    this.resumeListeners.add(listener);
    return () => this.resumeListeners.delete(listener);
  }

  canShareToStage(): Promise<boolean> {
    if (!this.inMeetingFrame()) return Promise.resolve(false);
    return new Promise((resolve) => {
      try {
        meeting.getAppContentStageSharingCapabilities((error, capabilities) => {
          resolve(error === null && capabilities?.doesAppHaveSharePermission === true);
        });
      } catch {
        // teams-js throws synchronously when the host's runtime lacks the call.
        resolve(false);
      }
    });
  }

  shareToStage(route: string): Promise<StageShareResult> {
    if (!this.inMeetingFrame()) {
      return Promise.resolve({ ok: false, code: 'STAGE_NOT_SUPPORTED', message: 'this host has no meeting stage' });
    }
    const url = new URL(this.win.location.href);
    url.hash = route;
    return new Promise((resolve) => {
      try {
        // ScreenShare: Teams shows the presenter's rendering to everyone, so a citizen who joined
        // anonymously sees the plan without the app loading (or requesting) anything for them.
        meeting.shareAppContentToStage(
          (error, result) => {
            if (error === null && result === true) resolve({ ok: true });
            else if (error?.errorCode === ErrorCode.PERMISSION_DENIED) resolve({ ok: false, code: 'STAGE_NO_PERMISSION', message: error.message ?? '' });
            else resolve({ ok: false, code: 'STAGE_HOST_ERROR', message: error?.message ?? `error code ${String(error?.errorCode)}` });
          },
          url.toString(),
          { sharingProtocol: meeting.SharingProtocol.ScreenShare },
        );
      } catch (error) {
        resolve({ ok: false, code: 'STAGE_NOT_SUPPORTED', message: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  tabConfiguration(): TabConfiguration | null {
    if (this.ctx?.frameContext !== 'settings' || !pages.config.isSupported()) return null;
    const win = this.win;
    return {
      setValid: (valid) => pages.config.setValidityState(valid),
      onSave: (handler: () => TabConfig | null) => {
        pages.config.registerOnSaveHandler((event) => {
          const config = handler();
          if (!config) {
            event.notifyFailure('No pathway chosen');
            return;
          }
          const url = new URL(win.location.href);
          url.search = '';
          url.hash = config.route;
          pages.config
            .setConfig({
              entityId: config.entityId,
              contentUrl: url.toString(),
              websiteUrl: url.toString(),
              suggestedDisplayName: config.displayName,
            })
            .then(() => event.notifySuccess())
            .catch((error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)));
        });
      },
    };
  }

  /**
   * teams-js's `meeting` module has no `isSupported()`: its calls are allowed only in the side
   * panel and on the stage (it throws elsewhere), and Outlook and mobile have no stage.
   */
  private inMeetingFrame(): boolean {
    const frame = this.ctx?.frameContext;
    return frame === 'sidePanel' || frame === 'meetingStage';
  }

  private applyTheme(theme: ThemeName): void {
    if (!this.ctx || this.ctx.theme === theme) return;
    this.ctx = { ...this.ctx, theme };
    for (const l of this.themeListeners) l(theme);
  }

  /**
   * App caching keeps the side panel's iframe when the user closes it and resumes it later,
   * possibly in another meeting: re-read the context, let the app re-render, then tell the host
   * it is ready again. https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/build-tabs-for-meeting#app-caching
   */
  private enableAppCaching(): void {
    if (!teamsCore.isSupported()) return;
    teamsCore.registerOnLoadHandler(() => {
      void app.getContext().then((raw) => {
        const parsed = parseTeamsContext(raw, app.getFrameContext());
        if (!parsed.ok) {
          this.notifyFailure({ kind: 'other', message: parsed.message });
          return;
        }
        this.ctx = parsed.context;
        for (const l of this.resumeListeners) l(parsed.context);
        this.notifyReady();
      });
    });
    teamsCore.registerBeforeUnloadHandler((readyToUnload) => {
      // Nothing to release: unsaved decisions are already in the write queue's outbox.
      readyToUnload();
      return true;
    });
  }
}
