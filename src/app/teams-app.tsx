import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TeamMeeting } from '../domain/model';
import { StageScreen } from '../features/stage/stage-screen';
import { TabConfigScreen } from '../features/tab-config/tab-config-screen';
import type { HostContext, MeetingHost, TabConfig, ThemeName } from '../ports/meeting-host';
import type { MeetingChannel } from '../ports/meeting-channel';
import { I18nProvider, useI18n, useStrings } from '../ui/i18n';
import { Page } from '../ui/page';
import { href, navigate, type Route } from '../ui/routes';
import { ShareLinkProvider } from '../ui/share-link';
import { routeFromSubEntityId, teamsShareLink } from '../ui/teams-deep-link';
import { SessionProvider, useSession, type Session } from '../ui/services-context';
import { ErrorState, LoadingState } from '../ui/states';
import { themes } from './app';
import { findTeamMeeting } from './find-team-meeting';
import { RouteView } from './route-view';
import { StageConsentSlot } from './stage-consent-slot';
import { useHashRoute } from './use-hash-route';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  signOut: { display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL} 0` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
});

/** Follows the host's theme, live (Teams sends a theme change while the app runs). */
function useHostTheme(host: MeetingHost): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(host.context().theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return theme;
}

/** Providers for every Teams screen: theme and language from the host. */
export function TeamsFrame({ host, children }: { host: MeetingHost; children: ReactNode }) {
  const theme = useHostTheme(host);
  const styles = useStyles();
  return (
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <I18nProvider locale={host.context().locale}>
        <div className={styles.root}>{children}</div>
      </I18nProvider>
    </FluentProvider>
  );
}

/** A full-screen explanation (not in Teams, configuration missing, anonymous participant, ...). */
export function TeamsNotice({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <main id="main" data-testid={testId} style={{ padding: 24 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {children}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

/**
 * Helhed in Teams with data: one screen per frame context (ARCHITECTURE.md, src/app "one entry
 * per frame context"). The host context may change on resume (app caching), so it is state.
 */
export function TeamsApp({
  host,
  session,
  demo,
  onSignOut,
  onSessionChange,
}: {
  host: MeetingHost;
  session: Session;
  demo: boolean;
  onSignOut?: () => void;
  /** Takes the session recomposed after the departments were saved (src/features/departments). */
  onSessionChange?: (next: Session) => void;
}) {
  const [context, setContext] = useState<HostContext>(host.context());
  useEffect(() => host.onResume(setContext), [host]);
  useHostMeetingFollowsResume(host, session.services.channel);
  useEffect(() => host.notifyReady(), [host]);
  // A deep link to the "Ledelse" tab carries the filtered view in its subEntityId (issue 6).
  useEffect(() => {
    const route = routeFromSubEntityId(context.subPageId);
    if (route !== null) navigate(route);
  }, [context.subPageId]);
  const shareLink = useMemo(() => teamsShareLink(context.appId), [context.appId]);
  const styles = useStyles();
  return (
    <TeamsFrame host={host}>
      <SessionProvider session={session} onChange={onSessionChange}>
        <ShareLinkProvider build={shareLink}>
          {demo ? <DemoBanner className={styles.banner} /> : null}
          {onSignOut && context.frameContext === 'content' ? <SignOut className={styles.signOut} onSignOut={onSignOut} /> : null}
          <main id="main" tabIndex={-1} data-frame-context={context.frameContext}>
            <FrameScreen host={host} context={context} />
          </main>
        </ShareLinkProvider>
      </SessionProvider>
    </TeamsFrame>
  );
}

/**
 * Teams app caching can resume the side panel in another meeting: the meeting channel then lets
 * the old meeting's connection go, so the next join (the new meeting's screen) connects to the
 * meeting the host shows now. A resume in the same meeting keeps the connection.
 */
export function useHostMeetingFollowsResume(host: Pick<MeetingHost, 'context' | 'onResume'>, channel: MeetingChannel): void {
  const shown = useRef(host.context().meeting?.chatId ?? null);
  useEffect(
    () =>
      host.onResume((next) => {
        const chatId = next.meeting?.chatId ?? null;
        if (chatId === shown.current) return;
        shown.current = chatId;
        channel.hostMeetingChanged?.();
      }),
    [host, channel],
  );
}

/**
 * Teams mode on Microsoft 365, in a tab: the administrator's "Afdelinger og ledere" (the
 * personal app's tabs are the manifest's; this screen is not one of them) and sign out of Helhed
 * (stops the sync, clears the outbox and MSAL's cache).
 */
function SignOut({ className, onSignOut }: { className: string; onSignOut: () => void }) {
  const t = useStrings();
  return (
    <div className={className}>
      <Link href={href.departments()}>{t.departments.nav}</Link>
      <Button appearance="subtle" size="small" onClick={onSignOut} data-testid="sign-out">
        {t.signIn.signOutButton}
      </Button>
    </div>
  );
}

function DemoBanner({ className }: { className: string }) {
  const t = useStrings();
  return (
    <MessageBar intent="warning" className={className} data-testid="demo-banner">
      <MessageBarBody>{t.teams.demoBanner}</MessageBarBody>
    </MessageBar>
  );
}

function FrameScreen({ host, context }: { host: MeetingHost; context: HostContext }) {
  const route = useHashRoute();
  switch (context.frameContext) {
    case 'content':
      return <RouteView route={route} />;
    case 'settings':
      return <TabConfigFrame host={host} />;
    case 'meetingDetails':
      return <MeetingFrame context={context}>{(m) => <RouteView route={{ name: 'meeting', meetingId: m.id }} />}</MeetingFrame>;
    case 'sidePanel':
      return (
        <MeetingFrame context={context}>
          {(m) =>
            // "Book næste møde" from inside the meeting: the booking screen of the same pathway
            // (same team, same citizen) opens in the panel; its back link returns to the meeting.
            route.name === 'book' ? (
              <RouteView route={route} />
            ) : (
              <>
                <ShareToStage host={host} meeting={m} />
                <RouteView route={{ name: 'meeting', meetingId: m.id }} />
              </>
            )
          }
        </MeetingFrame>
      );
    case 'meetingStage':
      return (
        <MeetingFrame context={context}>
          {(m) => <StageScreen key={m.id} meetingId={m.id} consent={<StageConsentSlot meetingId={m.id} />} />}
        </MeetingFrame>
      );
  }
}

function TabConfigFrame({ host }: { host: MeetingHost }) {
  const t = useStrings();
  const [configuration] = useState(() => host.tabConfiguration());
  const [config, setConfig] = useState<TabConfig | null>(null);
  useEffect(() => {
    configuration?.onSave(() => config);
    configuration?.setValid(config !== null);
  }, [configuration, config]);
  if (!configuration) {
    return (
      <TeamsNotice title={t.teams.configTitle} testId="config-not-supported">
        {t.teams.configNotSupported}
      </TeamsNotice>
    );
  }
  return <TabConfigScreen onChange={setConfig} />;
}

/** Finds the TeamMeeting of the Teams meeting (or of the configured pathway) and renders it. */
function MeetingFrame({ context, children }: { context: HostContext; children: (meeting: TeamMeeting) => ReactNode }) {
  const route = useHashRoute();
  // A new lookup (fresh loading state) whenever the route or the meeting changes (e.g. on resume).
  const key = `${JSON.stringify(route)}|${context.meeting?.chatId ?? ''}`;
  return (
    <MeetingLookup key={key} context={context} route={route}>
      {children}
    </MeetingLookup>
  );
}

function MeetingLookup({
  context,
  route,
  children,
}: {
  context: HostContext;
  route: Route;
  children: (meeting: TeamMeeting) => ReactNode;
}) {
  const { t } = useI18n();
  const { services } = useSession();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; meeting: TeamMeeting | null } | { status: 'error'; error: unknown }>({
    status: 'loading',
  });
  const [lookup] = useState(() => ({ meeting: context.meeting, route }));
  useEffect(() => {
    let live = true;
    findTeamMeeting(services.store, lookup.meeting, lookup.route, services.clock.now()).then(
      (meeting) => live && setState({ status: 'ready', meeting }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [services, lookup]);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (!state.meeting) {
    return (
      <Page title={t.teams.noMeetingTitle} back={{ href: href.pathways(), label: t.shell.myPathways }}>
        <p data-testid="no-meeting">{t.teams.noMeetingBody}</p>
      </Page>
    );
  }
  return <>{children(state.meeting)}</>;
}

/** The side panel's button that puts the citizen's view on the meeting stage, where the host allows it. */
function ShareToStage({ host, meeting }: { host: MeetingHost; meeting: TeamMeeting }) {
  const t = useStrings();
  const styles = useStyles();
  const [canShare, setCanShare] = useState<boolean | null>(null);
  const [result, setResult] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void host.canShareToStage().then((can) => live && setCanShare(can));
    return () => {
      live = false;
    };
  }, [host]);
  if (canShare === null) return null;
  if (!canShare) {
    return (
      <div className={styles.panel}>
        <MessageBar intent="info" data-testid="no-stage">
          <MessageBarBody>
            <MessageBarTitle>{t.teams.noStageTitle}</MessageBarTitle>
            {t.teams.noStageBody}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={styles.panel}>
      <Button
        appearance="primary"
        onClick={() => {
          void host.shareToStage(href.stage(meeting.id)).then((r) =>
            setResult(
              r.ok
                ? { intent: 'success', text: t.teams.sharedToStage }
                : { intent: 'error', text: r.code === 'STAGE_NO_PERMISSION' ? t.teams.shareNoPermission : t.teams.shareFailed },
            ),
          );
        }}
      >
        {t.teams.shareToStage}
      </Button>
      {result ? (
        <MessageBar intent={result.intent} role="status">
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
