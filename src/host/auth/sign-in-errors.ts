/**
 * Why a sign-in or token request failed, in terms the UI can explain (strings `signIn.*`):
 * - `consent`: the app lacks consent for a permission; an administrator must grant it
 *   (AADSTS65001 "not consented", AADSTS65004 "declined", AADSTS90094/90095 "admin approval").
 * - `interaction`: Microsoft Entra ID needs the user (sign in again, MFA, conditional access).
 * - `cancelled`: the user closed the sign-in window.
 * - `popupBlocked`: the browser blocked the sign-in window; a click on "Sign in" opens it.
 * - `unavailable`: no connection to Microsoft Entra ID.
 * - `failed`: anything else (the message says what).
 */
export type SignInProblem = 'consent' | 'interaction' | 'cancelled' | 'popupBlocked' | 'unavailable' | 'failed';

export class SignInError extends Error {
  override readonly name = 'SignInError';

  constructor(
    readonly problem: SignInProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What MSAL's errors carry (AuthError and its subclasses); read by shape so this module never loads MSAL. */
interface MsalErrorShape {
  name?: unknown;
  errorCode?: unknown;
  subError?: unknown;
  errorMessage?: unknown;
  message?: unknown;
}

/** Codes of InteractionRequiredAuthError (msal-common InteractionRequiredAuthErrorCodes) and "no account yet". */
const INTERACTION_CODES = new Set([
  'interaction_required',
  'login_required',
  'consent_required',
  'no_tokens_found',
  'native_account_unavailable',
  'refresh_token_expired',
  'ui_not_allowed',
  'bad_token',
  'interrupted_user',
  'no_account_error',
  'interaction_in_progress',
]);
const CANCELLED_CODES = new Set(['user_cancelled', 'interaction_in_progress_cancelled']);
const POPUP_CODES = new Set(['popup_window_error', 'empty_window_error', 'block_nested_popups']);
const NETWORK_CODES = new Set(['no_network_connectivity', 'endpoints_resolution_error', 'post_request_failed', 'get_request_failed', 'failed_to_parse_response']);
/** Entra ID error numbers that mean "this permission has no consent" (user or admin). */
const CONSENT_AADSTS = /AADSTS(65001|65004|90094|90095)\b/;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** True when MSAL says the user must interact (the silent request cannot succeed). */
export function needsInteraction(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as MsalErrorShape;
  return e.name === 'InteractionRequiredAuthError' || INTERACTION_CODES.has(text(e.errorCode)) || INTERACTION_CODES.has(text(e.subError));
}

/** Maps an MSAL (or any) error to a SignInError; a SignInError passes through unchanged. */
export function toSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (typeof error !== 'object' || error === null) return new SignInError('failed', String(error), { cause: error });
  const e = error as MsalErrorShape;
  const code = text(e.errorCode);
  const sub = text(e.subError);
  const message = text(e.errorMessage) || text(e.message) || code || 'sign-in failed';
  const all = `${code} ${sub} ${message}`;
  let problem: SignInProblem;
  if (code === 'consent_required' || sub === 'consent_required' || CONSENT_AADSTS.test(all)) problem = 'consent';
  else if (CANCELLED_CODES.has(code) || (code === 'access_denied' && !CONSENT_AADSTS.test(all))) problem = 'cancelled';
  else if (POPUP_CODES.has(code)) problem = 'popupBlocked';
  else if (NETWORK_CODES.has(code)) problem = 'unavailable';
  else if (needsInteraction(error)) problem = 'interaction';
  else problem = 'failed';
  return new SignInError(problem, message, { cause: error });
}
