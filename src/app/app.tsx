import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Person } from '../domain/model';
import type { Locale, MeetingHost, ThemeName } from '../ports/meeting-host';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { I18nProvider, useStrings } from '../ui/i18n';
import { href } from '../ui/routes';
import { SessionProvider, useSession, type Session } from '../ui/services-context';
import { RouteView } from './route-view';
import { useHashRoute } from './use-hash-route';

export const themes: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** What only standalone (demo) mode offers: pick who you are, start the demo over. */
export interface DemoControls {
  staff: readonly Person[];
  setCurrentUser(personId: string): Promise<Person>;
  reset(): Promise<void>;
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalL },
  navLink: { fontSize: tokens.fontSizeBase400 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginLeft: 'auto' },
  control: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` },
});

export function App({ host, session: initial, demo }: { host: MeetingHost; session: Session; demo: DemoControls | null }) {
  const [theme, setTheme] = useState<ThemeName>(host.context().theme);
  const [locale, setLocale] = useState<Locale>(host.context().locale);
  const [session, setSession] = useState(initial);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => host.onLocaleChange(setLocale), [host]);
  useEffect(() => host.notifyReady(), [host]);
  return (
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <I18nProvider locale={locale}>
        <SessionProvider session={session} onChange={setSession}>
          <Shell
            host={host}
            theme={theme}
            locale={locale}
            demo={demo}
            onUserChange={(me) => setSession((s) => ({ ...s, me }))}
          />
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

function Shell({
  host,
  theme,
  locale,
  demo,
  onUserChange,
}: {
  host: MeetingHost;
  theme: ThemeName;
  locale: Locale;
  demo: DemoControls | null;
  onUserChange: (me: Person) => void;
}) {
  const t = useStrings();
  const styles = useStyles();
  const route = useHashRoute();
  const ids = { lang: useId(), theme: useId(), user: useId() };
  const { me } = useSession();
  const [userId, setUserId] = useState(me.id);
  const current = (name: string) => (route.name === name ? 'page' : undefined);
  return (
    <div className={styles.root}>
      <a className={styles.skip} href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t.shell.skipToContent}
      </a>
      <header className={styles.header}>
        <Text className={styles.brand}>{t.common.appName}</Text>
        <nav aria-label={t.shell.nav} className={styles.nav}>
          <Link className={styles.navLink} href={href.pathways()} aria-current={current('pathways')}>
            {t.shell.myPathways}
          </Link>
          <Link className={styles.navLink} href={href.leader()} aria-current={current('leader')}>
            {t.shell.leader}
          </Link>
          <Link className={styles.navLink} href={href.departments()} aria-current={current('departments')}>
            {t.departments.nav}
          </Link>
        </nav>
        {demo ? (
          <div className={styles.controls}>
            <div className={styles.control}>
              <label htmlFor={ids.user}>{t.shell.actAs}</label>
              <Select
                id={ids.user}
                value={userId}
                onChange={(_, d) => {
                  setUserId(d.value);
                  void demo.setCurrentUser(d.value).then(onUserChange);
                }}
              >
                {demo.staff.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                    {p.jobTitle ? ` (${p.jobTitle})` : ''}
                  </option>
                ))}
              </Select>
            </div>
            <div className={styles.control}>
              <label htmlFor={ids.lang}>{t.shell.language}</label>
              <Select id={ids.lang} value={locale} onChange={(_, d) => host.setLocale(d.value as Locale)}>
                <option value="da">Dansk</option>
                <option value="en">English</option>
              </Select>
            </div>
            <div className={styles.control}>
              <label htmlFor={ids.theme}>{t.shell.theme}</label>
              <Select id={ids.theme} value={theme} onChange={(_, d) => host.setTheme(d.value as ThemeName)}>
                <option value="light">{t.shell.themeLight}</option>
                <option value="dark">{t.shell.themeDark}</option>
                <option value="contrast">{t.shell.themeContrast}</option>
              </Select>
            </div>
            <ConfirmDialog
              trigger={<Button appearance="subtle">{t.shell.resetDemo}</Button>}
              title={t.shell.resetDemo}
              body={t.shell.resetDemoConfirm}
              confirmLabel={t.shell.resetDemo}
              onConfirm={() => void demo.reset().then(() => window.location.assign(window.location.pathname))}
            />
          </div>
        ) : null}
      </header>
      {demo ? (
        <MessageBar intent="warning" className={styles.banner} data-testid="demo-banner">
          <MessageBarBody>{t.shell.demoBanner}</MessageBarBody>
        </MessageBar>
      ) : null}
      <main id="main" tabIndex={-1}>
        <RouteView route={route} />
      </main>
    </div>
  );
}
