import { InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult, type PopupRequest, type SilentRequest } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { MsalTokenProvider, type MsalClient } from '../../../src/host/auth/msal-token-provider';
import { SignInError } from '../../../src/host/auth/sign-in-errors';

const ACCOUNT = { homeAccountId: 'h1', username: 'anne@kommune.dk', name: 'Anne' } as AccountInfo;
const result = (accessToken: string, account: AccountInfo | null = ACCOUNT) => ({ accessToken, account }) as AuthenticationResult;

/** The MSAL boundary: records every call in order; each test says what silent and popup do. */
class FakeMsal implements MsalClient {
  calls: string[] = [];
  silentRequests: SilentRequest[] = [];
  popupRequests: PopupRequest[] = [];
  active: AccountInfo | null = null;
  accounts: AccountInfo[] = [];
  silent: (r: SilentRequest) => Promise<AuthenticationResult> = async () => result('silent-token');
  popup: (r: PopupRequest) => Promise<AuthenticationResult> = async () => result('popup-token');

  getActiveAccount() {
    return this.active;
  }
  getAllAccounts() {
    return this.accounts;
  }
  setActiveAccount(account: AccountInfo | null) {
    this.calls.push('setActiveAccount');
    this.active = account;
  }
  acquireTokenSilent(request: SilentRequest) {
    this.calls.push('silent');
    this.silentRequests.push(request);
    return this.silent(request);
  }
  acquireTokenPopup(request: PopupRequest) {
    this.calls.push('popup');
    this.popupRequests.push(request);
    return this.popup(request);
  }
}

const interactionRequired = () => new InteractionRequiredAuthError('interaction_required', 'AADSTS50076: MFA required');

describe('MsalTokenProvider', () => {
  it('returns the silent token and never opens a popup when silent works', async () => {
    const msal = new FakeMsal();
    const provider = new MsalTokenProvider(async () => msal);
    await expect(provider.getToken(['Calendars.ReadWrite', 'User.Read'])).resolves.toBe('silent-token');
    expect(msal.calls).toEqual(['silent', 'setActiveAccount']);
    expect(msal.silentRequests[0]).toEqual({ scopes: ['Calendars.ReadWrite', 'User.Read'] });
  });

  it('tries silently first, then a popup when MSAL says interaction is required', async () => {
    const msal = new FakeMsal();
    msal.silent = async () => {
      throw interactionRequired();
    };
    const provider = new MsalTokenProvider(async () => msal);
    await expect(provider.getToken(['User.Read'])).resolves.toBe('popup-token');
    expect(msal.calls).toEqual(['silent', 'popup', 'setActiveAccount']);
    expect(msal.popupRequests[0]?.scopes).toEqual(['User.Read']);
  });

  it('treats "no account yet" (standard flow, first visit) as needing the user', async () => {
    const msal = new FakeMsal();
    msal.silent = async () => {
      throw Object.assign(new Error('No account object provided'), { name: 'BrowserAuthError', errorCode: 'no_account_error' });
    };
    const provider = new MsalTokenProvider(async () => msal);
    await expect(provider.getToken(['User.Read'])).resolves.toBe('popup-token');
  });

  it('uses the active (or else the first cached) account and passes forceRefresh for a 401 replay', async () => {
    const msal = new FakeMsal();
    msal.accounts = [ACCOUNT];
    const provider = new MsalTokenProvider(async () => msal);
    await provider.getToken(['User.Read'], { forceRefresh: true });
    await provider.getToken(['User.Read']);
    expect(msal.silentRequests).toEqual([
      { scopes: ['User.Read'], account: ACCOUNT, forceRefresh: true },
      { scopes: ['User.Read'], account: ACCOUNT },
    ]);
  });

  it('does not open a popup for an error the user cannot fix by signing in', async () => {
    const msal = new FakeMsal();
    msal.silent = async () => {
      throw Object.assign(new Error('network'), { name: 'BrowserAuthError', errorCode: 'no_network_connectivity' });
    };
    const provider = new MsalTokenProvider(async () => msal);
    const error = await provider.getToken(['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).problem).toBe('unavailable');
    expect(msal.calls).toEqual(['silent']);
  });

  it('turns a refused consent in the popup into a typed consent error', async () => {
    const msal = new FakeMsal();
    msal.silent = async () => {
      throw interactionRequired();
    };
    msal.popup = async () => {
      throw Object.assign(new Error('x'), {
        name: 'ServerError',
        errorCode: 'invalid_client',
        errorMessage: "AADSTS65001: The user or administrator has not consented to use the application with ID '…'.",
      });
    };
    const provider = new MsalTokenProvider(async () => msal);
    await expect(provider.getToken(['Calendars.ReadWrite'])).rejects.toMatchObject({ name: 'SignInError', problem: 'consent' });
  });

  it('opens one popup for concurrent requests that all need the user', async () => {
    const msal = new FakeMsal();
    let signedIn = false;
    msal.silent = async () => {
      if (!signedIn) throw interactionRequired();
      return result('silent-after-popup');
    };
    let release: () => void = () => {};
    msal.popup = () =>
      new Promise((resolve) => {
        release = () => {
          signedIn = true;
          resolve(result('popup-token'));
        };
      });
    const provider = new MsalTokenProvider(async () => msal);
    const first = provider.getToken(['User.Read']);
    await new Promise((r) => setTimeout(r, 0));
    const second = provider.getToken(['Calendars.ReadWrite']);
    await new Promise((r) => setTimeout(r, 0));
    release();
    await expect(Promise.all([first, second])).resolves.toEqual(['popup-token', 'silent-after-popup']);
    expect(msal.calls.filter((c) => c === 'popup')).toHaveLength(1);
  });

  it('loads MSAL once, on the first request, and again after a failed load', async () => {
    const msal = new FakeMsal();
    let loads = 0;
    const provider = new MsalTokenProvider(async () => {
      loads += 1;
      if (loads === 1) throw Object.assign(new Error('offline'), { errorCode: 'no_network_connectivity' });
      return msal;
    });
    expect(loads).toBe(0);
    await expect(provider.getToken(['User.Read'])).rejects.toMatchObject({ problem: 'unavailable' });
    await provider.getToken(['User.Read']);
    await provider.getToken(['User.Read']);
    expect(loads).toBe(2);
  });

  it('signIn opens the popup directly (for a click on "Sign in") and names the account', async () => {
    const msal = new FakeMsal();
    const provider = new MsalTokenProvider(async () => msal);
    await expect(provider.signIn()).resolves.toBe('Anne');
    expect(msal.calls).toEqual(['popup', 'setActiveAccount']);
    expect(msal.popupRequests[0]?.scopes).toEqual(['User.Read']);
  });

  it('signOut forgets the account and clears MSAL\'s cache; before any sign-in it loads nothing', async () => {
    let loads = 0;
    const msal = Object.assign(new FakeMsal(), {
      clearCache: async () => {
        msal.calls.push('clearCache');
      },
    });
    const provider = new MsalTokenProvider(async () => {
      loads += 1;
      return msal;
    });
    await provider.signOut();
    expect(loads).toBe(0);
    await provider.getToken(['User.Read']);
    msal.calls.length = 0;
    await provider.signOut();
    expect(msal.calls).toEqual(['setActiveAccount', 'clearCache']);
    expect(msal.active).toBeNull();
  });
});
