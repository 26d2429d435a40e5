import type { AccountInfo, AuthenticationResult, PopupRequest, SilentRequest } from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from './msal-config';
import { needsInteraction, toSignInError } from './sign-in-errors';

/** The part of MSAL's IPublicClientApplication the provider uses (the MSAL boundary tests stand in for). */
export interface MsalClient {
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
  acquireTokenSilent(request: SilentRequest): Promise<AuthenticationResult>;
  acquireTokenPopup(request: PopupRequest): Promise<AuthenticationResult>;
  /** Clears MSAL's cache in this browser (tokens and accounts) without a redirect. */
  clearCache?(): Promise<void>;
}

/**
 * Delegated access tokens through MSAL; structurally the Graph adapters' AccessTokenProvider
 * (src/adapters/graph/access-token-provider.ts), which src/host may not import.
 *
 * - Silent first (`acquireTokenSilent`: MSAL's cache, then the host in nested app auth, then a
 *   refresh token); only when MSAL says the user must interact, a popup (`acquireTokenPopup`).
 * - `forceRefresh` (Graph answered 401 to a cached token) skips the cache.
 * - Concurrent requests that all need the user share one popup: the others wait for it and
 *   then try silently again.
 * - Every failure is a SignInError (sign-in-errors.ts) the UI can explain.
 *
 * MSAL is loaded on the first request (`load`), so it is never in a page's first chunk.
 */
export class MsalTokenProvider {
  private client: Promise<MsalClient> | null = null;
  private interaction: Promise<AuthenticationResult> | null = null;

  constructor(private readonly load: () => Promise<MsalClient>) {}

  async getToken(scopes: readonly string[], options?: { forceRefresh?: boolean }): Promise<string> {
    const client = await this.msal();
    try {
      return (await this.silent(client, scopes, options?.forceRefresh === true)).accessToken;
    } catch (error) {
      if (!needsInteraction(error)) throw toSignInError(error);
    }
    if (this.interaction !== null) {
      // Someone else's popup is open: wait for it, then the cache (or the host) has the account.
      await this.interaction.catch(() => undefined);
      try {
        return (await this.silent(client, scopes, false)).accessToken;
      } catch (error) {
        if (!needsInteraction(error)) throw toSignInError(error);
      }
    }
    return (await this.interactive(client, scopes)).accessToken;
  }

  /**
   * Interactive sign-in, for a "Sign in" button: a popup opened from a click is not blocked.
   * Resolves with the signed-in account's display name.
   */
  async signIn(scopes: readonly string[] = SIGN_IN_SCOPES): Promise<string> {
    const client = await this.msal();
    const result = await this.interactive(client, scopes);
    return result.account?.name ?? result.account?.username ?? '';
  }

  /**
   * Sign-out in this app: forgets the account and clears MSAL's cache (session storage). The
   * host (Teams) stays signed in; the next token request signs in again through it.
   */
  async signOut(): Promise<void> {
    if (this.client === null) return;
    const client = await this.client.catch(() => null);
    if (client === null) return;
    client.setActiveAccount(null);
    await client.clearCache?.();
  }

  private msal(): Promise<MsalClient> {
    this.client ??= this.load().catch((error: unknown) => {
      this.client = null; // a failed load (offline) may be tried again
      throw toSignInError(error);
    });
    return this.client;
  }

  private account(client: MsalClient): AccountInfo | undefined {
    return client.getActiveAccount() ?? client.getAllAccounts()[0] ?? undefined;
  }

  private async silent(client: MsalClient, scopes: readonly string[], forceRefresh: boolean): Promise<AuthenticationResult> {
    const account = this.account(client);
    const request: SilentRequest = { scopes: [...scopes], ...(account ? { account } : {}), ...(forceRefresh ? { forceRefresh: true } : {}) };
    const result = await client.acquireTokenSilent(request);
    this.remember(client, result);
    return result;
  }

  private interactive(client: MsalClient, scopes: readonly string[]): Promise<AuthenticationResult> {
    this.interaction ??= (async () => {
      try {
        const account = this.account(client);
        const result = await client.acquireTokenPopup({ scopes: [...scopes], ...(account ? { loginHint: account.username } : {}) });
        this.remember(client, result);
        return result;
      } catch (error) {
        throw toSignInError(error);
      } finally {
        this.interaction = null;
      }
    })();
    return this.interaction;
  }

  private remember(client: MsalClient, result: AuthenticationResult): void {
    if (result.account && client.getActiveAccount()?.homeAccountId !== result.account.homeAccountId) client.setActiveAccount(result.account);
  }
}
