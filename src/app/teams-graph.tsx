import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { href, navigate } from '../ui/routes';
import type { Session } from '../ui/services-context';
import { SetupScreen } from '../features/setup/setup-screen';
import type { MeetingHost } from '../ports/meeting-host';
import { useStrings } from '../ui/i18n';
import { ErrorState, LoadingState } from '../ui/states';
import type { PlanStoreConnection } from './graph-session';
import { TeamsApp, TeamsNotice } from './teams-app';

type View = { step: 'connected'; plans: PlanStoreConnection } | { step: 'setup'; plans: Extract<PlanStoreConnection, { status: 'setup' }> } | { step: 'reconnecting' } | { step: 'error'; error: unknown };

/**
 * Teams mode on Microsoft 365 after sign-in: the real app (the same frames and routes as the
 * demo, no demo controls) when the site is provisioned; otherwise an explanation, from which an
 * administrator opens the setup screen (whether the user may create lists in the site is only
 * known by trying: a 403 there is explained), and after the setup the app.
 */
export function TeamsGraphApp({ host, plans, signOut }: { host: MeetingHost; plans: PlanStoreConnection; signOut: () => Promise<void> }) {
  const t = useStrings();
  const [view, setView] = useState<View>({ step: 'connected', plans });

  const reconnect = async (from: Extract<PlanStoreConnection, { status: 'setup' }>) => {
    setView({ step: 'reconnecting' });
    try {
      const next = await from.reconnect();
      // Fresh lists hold no departments: the administrator's next step of the setup is to create
      // them and their leaders (nobody can be placed in a team or lead anything before).
      if (next.status === 'ready' && next.session.departments.length === 0) navigate(href.departments());
      setView({ step: 'connected', plans: next });
    } catch (error) {
      setView({ step: 'error', error });
    }
  };

  if (view.step === 'reconnecting') return <LoadingState />;
  if (view.step === 'error') return <ErrorState error={view.error} onRetry={() => setView({ step: 'connected', plans })} />;
  if (view.step === 'setup') {
    const current = view.plans;
    return (
      <main id="main" data-testid="plan-store-setup">
        <SetupScreen setup={current.setup} onReady={() => void reconnect(current)} />
      </main>
    );
  }
  const current = view.plans;
  if (current.status === 'ready') return <ReadyApp host={host} initial={current.session} signOut={signOut} />;
  return (
    <TeamsNotice title={t.setup.notAdminTitle} testId="plan-store-not-provisioned">
      {current.problem === null ? t.setup.notAdminBody : t.setup[current.problem.problem]}{' '}
      <Button onClick={() => setView({ step: 'setup', plans: current })}>{t.setup.openSetupButton}</Button>
    </TeamsNotice>
  );
}

/** The app over a ready plan store; the session is recomposed in place when the departments are saved. */
function ReadyApp({ host, initial, signOut }: { host: MeetingHost; initial: Session; signOut: () => Promise<void> }) {
  const [session, setSession] = useState(initial);
  return <TeamsApp host={host} session={session} demo={false} onSignOut={() => void signOut()} onSessionChange={setSession} />;
}
