// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMsalTokenProvider } from '../../../src/host/auth/create-msal-token-provider';
import { msalConfiguration, type MsalOptions } from '../../../src/host/auth/msal-config';

const OPTIONS: MsalOptions = {
  clientId: '8a2d4f60-7b1e-4c3a-9f5d-2e6b8c0a1f47',
  tenantId: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  redirectUri: 'https://helhed.kommune.dk/auth-redirect.html',
  mode: 'nested',
};

/**
 * Real MSAL (no tenant reachable): it initializes, finds no account, asks for a popup, and the
 * popup cannot open here (window.open returns null, as when a browser blocks it). Along the way
 * it must not write a single key to local storage.
 */
describe('MSAL in the browser keeps nothing in local storage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('configures session storage for tokens and auth state, never local storage or cookies', () => {
    for (const mode of ['nested', 'standalone'] as const) {
      const config = msalConfiguration({ ...OPTIONS, mode });
      expect(config.cache?.cacheLocation).toBe('sessionStorage');
      expect(config.cache?.temporaryCacheLocation).toBe('sessionStorage');
      expect(config.cache?.storeAuthStateInCookie).toBe(false);
      expect(config.auth.authority).toBe(`https://login.microsoftonline.com/${OPTIONS.tenantId}`);
    }
  });

  it.each(['nested', 'standalone'] as const)('%s: a token request without a signed-in user ends as a typed "popup blocked" error, local storage untouched', async (mode) => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const provider = createMsalTokenProvider({ ...OPTIONS, mode });
    await expect(provider.getToken(['User.Read'])).rejects.toMatchObject({ name: 'SignInError', problem: 'popupBlocked' });
    expect(open).toHaveBeenCalledTimes(1);
    // MSAL opens the window blank first, then navigates it to the authorize URL.
    expect(open.mock.calls[0]?.[0]).toBe('about:blank');
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    // What MSAL did keep (its configuration and request state) went to session storage.
    expect(setItem.mock.contexts.some((storage) => storage === sessionStorage)).toBe(true);
    expect(setItem.mock.contexts.filter((storage) => storage === localStorage)).toEqual([]);
  });
});
