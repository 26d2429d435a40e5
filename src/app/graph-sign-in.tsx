import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MsalTokenProvider } from '../host/auth/msal-token-provider';
import { SIGN_IN_SCOPES } from '../host/auth/msal-config';
import { toSignInError, type SignInError, type SignInProblem } from '../host/auth/sign-in-errors';
import { useStrings } from '../ui/i18n';
import { LoadingState } from '../ui/states';
import type { Strings } from '../ui/strings/da';
import type { GraphConnection } from './graph-session';

type State =
  | { status: 'signing-in' }
  | { status: 'error'; error: SignInError }
  | { status: 'signed-in'; connection: GraphConnection }
  | { status: 'signed-out' };

/** Problems the user fixes by signing in (a click opens the popup: browsers do not block it). */
const SIGN_IN_FIXES: ReadonlySet<SignInProblem> = new Set(['interaction', 'cancelled', 'popupBlocked']);

function explain(t: Strings, problem: SignInProblem): { title: string; body: string } {
  const s = t.signIn;
  switch (problem) {
    case 'consent':
      return { title: s.consentTitle, body: s.consentBody };
    case 'interaction':
      return { title: s.interactionTitle, body: s.interactionBody };
    case 'cancelled':
      return { title: s.cancelledTitle, body: s.cancelledBody };
    case 'popupBlocked':
      return { title: s.popupBlockedTitle, body: s.popupBlockedBody };
    case 'unavailable':
      return { title: s.unavailableTitle, body: s.unavailableBody };
    case 'failed':
      return { title: s.failedTitle, body: s.failedBody };
  }
}

/**
 * Signs the user in (the first token request has the manifest's prefetch scopes, so the host's
 * prefetched token answers it), then connects the Graph adapters (a lazy chunk). Every sign-in
 * failure is explained with what to do. With a plan store (`connection.plans`) and `children`,
 * the children render the app or the setup; `signOut` there ends in a "signed out" screen.
 * Without one, it says plainly that the plan store is not connected rather than showing an
 * empty app.
 */
export function GraphSignIn({
  tokens,
  connect,
  children,
}: {
  tokens: MsalTokenProvider;
  connect: (tokens: MsalTokenProvider) => Promise<GraphConnection>;
  children?: (connection: GraphConnection, signOut: () => Promise<void>) => ReactNode;
}) {
  const t = useStrings();
  const [state, setState] = useState<State>({ status: 'signing-in' });

  const run = useCallback(
    async (interactive: boolean) => {
      setState({ status: 'signing-in' });
      try {
        if (interactive) await tokens.signIn(SIGN_IN_SCOPES);
        else await tokens.getToken(SIGN_IN_SCOPES);
        setState({ status: 'signed-in', connection: await connect(tokens) });
      } catch (error) {
        setState({ status: 'error', error: toSignInError(error) });
      }
    },
    [tokens, connect],
  );

  useEffect(() => {
    // Sign-in on mount is the external system this effect synchronises with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void run(false);
  }, [run]);

  if (state.status === 'signing-in') {
    return (
      <main id="main" data-testid="signing-in" style={{ padding: 24 }}>
        <LoadingState label={t.signIn.signingIn} />
      </main>
    );
  }
  if (state.status === 'error') {
    const { problem } = state.error;
    const { title, body } = explain(t, problem);
    const signIn = SIGN_IN_FIXES.has(problem);
    return (
      <main id="main" data-testid="sign-in-problem" data-problem={problem} style={{ padding: 24 }}>
        <MessageBar intent={problem === 'consent' || problem === 'failed' ? 'error' : 'warning'} layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {body}
            {problem === 'failed' ? (
              <>
                {' '}
                <code>{state.error.message}</code>
              </>
            ) : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void run(signIn)}>
              {signIn ? t.signIn.signInButton : t.common.retry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }
  if (state.status === 'signed-out') {
    return (
      <main id="main" data-testid="signed-out" style={{ padding: 24 }}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.signIn.signedOutTitle}</MessageBarTitle>
            {t.signIn.signedOutBody}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void run(true)}>
              {t.signIn.signInButton}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }
  const { plans } = state.connection;
  if (plans !== undefined && children !== undefined) {
    const signOut = async () => {
      if (plans.status === 'ready') await plans.signOut();
      else await tokens.signOut();
      setState({ status: 'signed-out' });
    };
    return <>{children(state.connection, signOut)}</>;
  }
  return (
    <main id="main" data-testid="plan-store-not-connected" style={{ padding: 24 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.signIn.planStoreTitle}</MessageBarTitle>
          {t.signIn.planStoreBody(state.connection.me.displayName)}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
