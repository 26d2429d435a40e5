import { Button } from '@fluentui/react-components';
import { useState } from 'react';
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
      setView({ step: 'connected', plans: await from.reconnect() });
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
  if (current.status === 'ready') return <TeamsApp host={host} session={current.session} demo={false} onSignOut={() => void signOut()} />;
  return (
    <TeamsNotice title={t.setup.notAdminTitle} testId="plan-store-not-provisioned">
      {current.problem === null ? t.setup.notAdminBody : t.setup[current.problem.problem]}{' '}
      <Button onClick={() => setView({ step: 'setup', plans: current })}>{t.setup.openSetupButton}</Button>
    </TeamsNotice>
  );
}
