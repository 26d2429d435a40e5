import { BrowserAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { needsInteraction, SignInError, toSignInError } from '../../../src/host/auth/sign-in-errors';

describe('sign-in errors', () => {
  it.each([
    [new InteractionRequiredAuthError('consent_required', 'AADSTS65001: The user or administrator has not consented'), 'consent'],
    [new ServerError('invalid_grant', 'AADSTS90094: The grant requires admin permission.'), 'consent'],
    [new ServerError('access_denied', 'AADSTS65004: User declined to consent to access the app.'), 'consent'],
    [new InteractionRequiredAuthError('interaction_required', 'AADSTS50076: multi-factor authentication required'), 'interaction'],
    [new InteractionRequiredAuthError('login_required', ''), 'interaction'],
    [new BrowserAuthError('user_cancelled'), 'cancelled'],
    [new BrowserAuthError('popup_window_error'), 'popupBlocked'],
    [new BrowserAuthError('empty_window_error'), 'popupBlocked'],
    [new BrowserAuthError('no_network_connectivity'), 'unavailable'],
    [new ServerError('invalid_request', 'AADSTS50011: redirect URI mismatch'), 'failed'],
    [new Error('boom'), 'failed'],
  ] as const)('%s -> %s', (error, problem) => {
    const mapped = toSignInError(error);
    expect(mapped).toBeInstanceOf(SignInError);
    expect(mapped.problem).toBe(problem);
    expect(mapped.cause).toBe(error);
  });

  it('passes a SignInError through and wraps non-errors', () => {
    const e = new SignInError('consent', 'x');
    expect(toSignInError(e)).toBe(e);
    expect(toSignInError('weird').problem).toBe('failed');
  });

  it('asks for interaction only when MSAL says the user can fix it', () => {
    expect(needsInteraction(new InteractionRequiredAuthError('no_tokens_found'))).toBe(true);
    expect(needsInteraction(new BrowserAuthError('no_account_error'))).toBe(true);
    expect(needsInteraction(new BrowserAuthError('no_network_connectivity'))).toBe(false);
    expect(needsInteraction(new ServerError('invalid_request', 'AADSTS50011'))).toBe(false);
    expect(needsInteraction(null)).toBe(false);
  });
});
