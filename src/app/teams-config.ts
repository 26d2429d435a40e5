import { z } from 'zod';

/**
 * Teams mode's configuration, checked at start-up (STYLE.md statement 7; bulletproof-react's
 * env check). Every variable is documented in env.sample. The values reach the browser bundle
 * (VITE_ prefix, and TEAMS_APP_ID through vite.config.ts's envPrefix), so none of them is a secret.
 */
const teamsEnvSchema = z.object({
  /** The manifest id: also the Outlook add-in id under which the send guard reads its custom property. */
  TEAMS_APP_ID: z.guid("must be the Teams app's id (the manifest id), a GUID"),
  VITE_ENTRA_CLIENT_ID: z.guid('must be the Entra app registration\'s Application (client) ID, a GUID'),
  VITE_ENTRA_TENANT_ID: z.guid('must be the municipality\'s Entra tenant ID, a GUID'),
  VITE_SHAREPOINT_SITE_URL: z.url({ protocol: /^https$/, error: 'must be the https URL of the SharePoint site that holds the plans' }),
});
export type TeamsConfig = z.infer<typeof teamsEnvSchema>;

export type TeamsConfigCheck = { ok: true; config: TeamsConfig } | { ok: false; problems: { name: string; problem: string }[] };

/** Checks the env; lists every missing or malformed variable with what it must be. */
export function checkTeamsConfig(env: Readonly<Record<string, unknown>>): TeamsConfigCheck {
  const parsed = teamsEnvSchema.safeParse({
    TEAMS_APP_ID: emptyToUndefined(env.TEAMS_APP_ID),
    VITE_ENTRA_CLIENT_ID: emptyToUndefined(env.VITE_ENTRA_CLIENT_ID),
    VITE_ENTRA_TENANT_ID: emptyToUndefined(env.VITE_ENTRA_TENANT_ID),
    VITE_SHAREPOINT_SITE_URL: emptyToUndefined(env.VITE_SHAREPOINT_SITE_URL),
  });
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return { name, problem: env[name] === undefined || env[name] === '' ? 'is not set' : issue.message };
    }),
  };
}

function emptyToUndefined(value: unknown): unknown {
  return value === '' ? undefined : value;
}

/**
 * The embedded demo store inside Teams is for the Teams host simulator tests only: it needs a
 * build made with VITE_HELHED_TEAMS_DEMO=true (`vite build --mode e2e` reads .env.e2e) AND
 * `?store=demo` in the URL. A production build ignores the URL flag, so real Teams never
 * silently shows demo data; when it is on, the app says so in a banner.
 */
export function teamsDemoStoreRequested(env: Readonly<Record<string, unknown>>, url: URL): boolean {
  return env.VITE_HELHED_TEAMS_DEMO === 'true' && url.searchParams.get('store') === 'demo';
}
