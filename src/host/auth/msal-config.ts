import type { Configuration } from '@azure/msal-browser';

/**
 * The scopes of the first token request, exactly as manifest/manifest.json's
 * `webApplicationInfo.nestedAppAuthInfo[0].scopes` and in the same order: the host prefetches a
 * token for that list when the tab loads, and the request must match it to get the prefetched
 * token (tests/unit/auth/msal-config.test.ts compares the two).
 */
export const SIGN_IN_SCOPES: readonly string[] = ['User.Read'];

/**
 * - `nested`: inside Teams, Outlook or the Microsoft 365 app: nested app authentication through
 *   the host (createNestablePublicClientApplication). Where the host does not offer it, MSAL
 *   itself falls back to the standard browser flow (a popup from the iframe), as documented for
 *   createNestablePublicClientApplication.
 * - `standalone`: a plain browser against a real tenant: the standard flow with a popup.
 */
export type MsalMode = 'nested' | 'standalone';

export interface MsalOptions {
  clientId: string;
  tenantId: string;
  /**
   * Where Entra ID sends the popup's answer (standard flow and the fallback): a blank page of
   * the app's own origin, registered as an SPA redirect URI. NAA itself uses brk-multihub://<host>.
   */
  redirectUri: string;
  mode: MsalMode;
}

/**
 * MSAL's configuration. Tokens are kept in session storage (gone when the tab closes), never in
 * local storage (ARCHITECTURE.md "No sensitive data in browser storage"); the auth state is
 * never put in a cookie.
 */
export function msalConfiguration(options: MsalOptions): Configuration {
  return {
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(options.tenantId)}`,
      redirectUri: options.redirectUri,
      postLogoutRedirectUri: options.redirectUri,
      navigateToLoginRequestUrl: false,
    },
    cache: {
      cacheLocation: 'sessionStorage',
      temporaryCacheLocation: 'sessionStorage',
      storeAuthStateInCookie: false,
      cacheMigrationEnabled: false,
    },
  };
}
