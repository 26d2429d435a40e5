import type {
  HostContext,
  Locale,
  MeetingHost,
  StageShareResult,
  StartupFailure,
  TabConfiguration,
  ThemeName,
} from '../../ports/meeting-host';

const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];
const LOCALES: readonly Locale[] = ['da', 'en'];
/** Only display preferences are kept in local storage: never tokens or case data. */
const PREFS_KEY = 'helhed.preferences';

interface Prefs {
  theme: ThemeName;
  locale: Locale;
}

function parsePrefs(raw: string | null): Partial<Prefs> {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return {};
    const o = v as Record<string, unknown>;
    return {
      ...(THEMES.includes(o.theme as ThemeName) ? { theme: o.theme as ThemeName } : {}),
      ...(LOCALES.includes(o.locale as Locale) ? { locale: o.locale as Locale } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * The host when Helhed runs in a plain browser: the user picks theme and language (in Teams
 * the host decides both). `?theme=dark|contrast` and `?lang=en` in the URL override the saved
 * choice, which makes screenshots and links reproducible.
 */
export class StandaloneHost implements MeetingHost {
  private ctx: HostContext;
  private readonly themeListeners = new Set<(t: ThemeName) => void>();
  private readonly localeListeners = new Set<(l: Locale) => void>();

  constructor(private readonly win: Window) {
    const url = new URL(win.location.href);
    const saved = parsePrefs(safeGet(win, PREFS_KEY));
    const qTheme = url.searchParams.get('theme') as ThemeName | null;
    const qLang = url.searchParams.get('lang') as Locale | null;
    const prefersDark = win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    const prefersContrast = win.matchMedia?.('(forced-colors: active)').matches ?? false;
    this.ctx = {
      host: 'standalone',
      frameContext: 'content',
      theme:
        (qTheme && THEMES.includes(qTheme) ? qTheme : null) ??
        saved.theme ??
        (prefersContrast ? 'contrast' : prefersDark ? 'dark' : 'light'),
      locale: (qLang && LOCALES.includes(qLang) ? qLang : null) ?? saved.locale ?? 'da',
      userId: null,
      // The demo's staff member is picked in the shell; standalone never has a citizen user.
      userKind: 'member',
      meeting: null,
      appId: null,
      subPageId: null,
    };
  }

  initialize(): Promise<HostContext> {
    this.win.document.documentElement.lang = this.ctx.locale;
    return Promise.resolve(this.ctx);
  }

  context(): HostContext {
    return this.ctx;
  }

  onThemeChange(listener: (theme: ThemeName) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  onLocaleChange(listener: (locale: Locale) => void): () => void {
    this.localeListeners.add(listener);
    return () => this.localeListeners.delete(listener);
  }

  setTheme(theme: ThemeName): boolean {
    this.ctx = { ...this.ctx, theme };
    this.save();
    for (const l of this.themeListeners) l(theme);
    return true;
  }

  setLocale(locale: Locale): boolean {
    this.ctx = { ...this.ctx, locale };
    this.win.document.documentElement.lang = locale;
    this.save();
    for (const l of this.localeListeners) l(locale);
    return true;
  }

  notifyReady(): void {
    this.win.document.documentElement.dataset.helhedReady = 'true';
  }

  notifyFailure(failure: StartupFailure): void {
    this.win.document.documentElement.dataset.helhedReady = `failed:${failure.kind}`;
  }

  /** A browser tab is never cached and resumed by a host. */
  onResume(): () => void {
    return () => undefined;
  }

  /** There is no meeting stage in a plain browser. */
  canShareToStage(): Promise<boolean> {
    return Promise.resolve(false);
  }

  shareToStage(): Promise<StageShareResult> {
    return Promise.resolve({ ok: false, code: 'STAGE_NOT_SUPPORTED', message: 'no meeting stage outside Teams' });
  }

  tabConfiguration(): TabConfiguration | null {
    return null;
  }

  private save(): void {
    try {
      this.win.localStorage.setItem(PREFS_KEY, JSON.stringify({ theme: this.ctx.theme, locale: this.ctx.locale }));
    } catch {
      // Storage can be disabled (private mode, policy); the choice then lasts for the tab only.
    }
  }
}

function safeGet(win: Window, key: string): string | null {
  try {
    return win.localStorage.getItem(key);
  } catch {
    return null;
  }
}
