/**
 * The delegated Microsoft Graph permissions Helhed asks for (README "Microsoft Graph
 * permissions" says why each is needed), in a module of their own without imports.
 */

/**
 * One token carries these. (The token the host prefetches is the sign-in's, SIGN_IN_SCOPES in
 * src/host/auth/msal-config.ts, which the manifest's `nestedAppAuthInfo` names.)
 */
export const GRAPH_SCOPES: readonly string[] = ['User.Read', 'User.ReadBasic.All', 'Calendars.ReadWrite', 'Sites.Selected'];

/**
 * Activity notices ask for their own token: were `TeamsActivity.Send` in GRAPH_SCOPES, a tenant
 * that has not consented to it could not sign in at all; this way only the notice fails (and
 * recordDecision reports it), the save never does.
 */
export const NOTIFY_SCOPES: readonly string[] = ['TeamsActivity.Send'];

/**
 * Attendance reports ask for their own token, like activity notices: a tenant that has not
 * consented to the meeting artifacts can still sign in, book and write minutes (from the check-in).
 */
export const REPORT_SCOPES: readonly string[] = ['OnlineMeetings.Read', 'OnlineMeetingArtifact.Read.All'];
