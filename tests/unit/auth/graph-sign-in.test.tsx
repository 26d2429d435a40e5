import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { AccountInfo, AuthenticationResult } from '@azure/msal-browser';
import { InteractionRequiredAuthError } from '@azure/msal-browser';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GraphSignIn } from '../../../src/app/graph-sign-in';
import type { GraphConnection } from '../../../src/app/graph-session';
import { MsalTokenProvider, type MsalClient } from '../../../src/host/auth/msal-token-provider';
import { I18nProvider } from '../../../src/ui/i18n';
import { da } from '../../../src/ui/strings/da';

const ACCOUNT = { homeAccountId: 'h', username: 'anne@kommune.dk', name: 'Anne Holm' } as AccountInfo;
const ok = { accessToken: 't', account: ACCOUNT } as AuthenticationResult;

function client(overrides: Partial<MsalClient>): MsalClient {
  let active: AccountInfo | null = null;
  return {
    getActiveAccount: () => active,
    getAllAccounts: () => [],
    setActiveAccount: (a) => {
      active = a;
    },
    acquireTokenSilent: async () => ok,
    acquireTokenPopup: async () => ok,
    ...overrides,
  };
}

const connection = { me: { displayName: 'Anne Holm' } } as GraphConnection;

function show(msal: MsalClient, connect = vi.fn(async () => connection), children?: Parameters<typeof GraphSignIn>[0]['children']) {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="da">
        <GraphSignIn tokens={new MsalTokenProvider(async () => msal)} connect={connect}>
          {children}
        </GraphSignIn>
      </I18nProvider>
    </FluentProvider>,
  );
  return connect;
}

describe('GraphSignIn', () => {
  it('signs in silently and says plainly that the plans are not connected', async () => {
    const connect = show(client({}));
    const screenText = (await screen.findByTestId('plan-store-not-connected')).textContent;
    expect(screenText).toContain(da.signIn.planStoreTitle);
    expect(screenText).toContain('Anne Holm');
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('explains missing admin consent and offers to try again', async () => {
    const consent = Object.assign(new Error('x'), { name: 'ServerError', errorCode: 'invalid_grant', errorMessage: 'AADSTS90094: admin approval required' });
    const connect = show(
      client({
        acquireTokenSilent: async () => {
          throw new InteractionRequiredAuthError('consent_required');
        },
        acquireTokenPopup: async () => {
          throw consent;
        },
      }),
    );
    const problem = await screen.findByTestId('sign-in-problem');
    expect(problem.dataset.problem).toBe('consent');
    expect(problem.textContent).toContain(da.signIn.consentTitle);
    expect(screen.getByRole('button', { name: da.common.retry })).toBeTruthy();
    expect(connect).not.toHaveBeenCalled();
  });

  it('a blocked popup gets a Sign in button whose click opens the popup and continues', async () => {
    let blocked = true;
    const popup = vi.fn(async () => {
      if (blocked) throw Object.assign(new Error('blocked'), { name: 'BrowserAuthError', errorCode: 'popup_window_error' });
      return ok;
    });
    show(
      client({
        acquireTokenSilent: async () => {
          throw new InteractionRequiredAuthError('interaction_required');
        },
        acquireTokenPopup: popup,
      }),
    );
    expect((await screen.findByTestId('sign-in-problem')).dataset.problem).toBe('popupBlocked');
    blocked = false;
    await userEvent.click(screen.getByRole('button', { name: da.signIn.signInButton }));
    expect(await screen.findByTestId('plan-store-not-connected')).toBeTruthy();
    expect(popup).toHaveBeenCalledTimes(2);
  });

  it('with a plan store, renders the app (children); sign-out stops the store, then offers to sign in again', async () => {
    const signOut = vi.fn(async () => {});
    const withPlans = { ...connection, plans: { status: 'ready', signOut } } as unknown as GraphConnection;
    const connect = vi.fn(async () => withPlans);
    show(client({}), connect, (c, out) => (
      <button type="button" onClick={() => void out()}>
        {`app for ${c.me.displayName}`}
      </button>
    ));
    await userEvent.click(await screen.findByRole('button', { name: 'app for Anne Holm' }));
    expect(await screen.findByTestId('signed-out')).toBeTruthy();
    expect(signOut).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: da.signIn.signInButton }));
    expect(await screen.findByRole('button', { name: 'app for Anne Holm' })).toBeTruthy();
  });
});
