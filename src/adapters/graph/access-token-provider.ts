/**
 * How the Graph adapters get a delegated access token. Implemented in src/host (MSAL with nested
 * app authentication); the adapters never see MSAL.
 */
export interface AccessTokenProvider {
  /**
   * A bearer token for `scopes`. With `forceRefresh`, a new one even if a cached token has not
   * expired (Graph answered 401 to the cached one: revoked, or a conditional-access change).
   * Rejects when the user must interact (consent, MFA); that error reaches the caller as is.
   */
  getToken(scopes: readonly string[], options?: { forceRefresh?: boolean }): Promise<string>;
}
