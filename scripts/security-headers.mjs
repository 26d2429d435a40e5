/**
 * The one place where Helhed's HTTP security headers are defined. vite.config.ts sends them from
 * the dev and preview servers; the static host's config (staticwebapp.config.json) is to be
 * generated from the same values, so the three can never drift apart.
 *
 * They must be RESPONSE headers: browsers ignore `frame-ancestors` in a <meta> CSP
 * (https://www.w3.org/TR/CSP3/#meta-element), and it is frame-ancestors that lets Teams,
 * Outlook and the Microsoft 365 app embed the tab while no other site can.
 */

/**
 * Hosts allowed to frame the app, as listed in Microsoft's tab requirements
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements):
 * all hosts (*.cloud.microsoft, where Teams, Outlook and Microsoft 365 on the web are moving),
 * Teams, the Microsoft 365 app and Outlook. 'self' lets the app frame its own pages (the Teams
 * host simulator in the e2e tests). Nothing else: a wider list is a clickjacking surface.
 * @type {readonly string[]}
 */
export const frameAncestors = Object.freeze([
  "'self'",
  // All Microsoft 365 hosts on the new domain.
  'https://*.cloud.microsoft',
  // Teams.
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  // The Microsoft 365 app.
  'https://*.microsoft365.com',
  'https://*.office.com',
  // Outlook (the -sdf hosts are Microsoft's pre-release rings, listed by the same page).
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
]);

/**
 * CSP directives. Only directives that cannot break the app yet: a script-src/style-src policy
 * needs nonces for Vite's dev preamble and for Griffel's runtime <style> tags, and comes with
 * the static host config.
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const cspDirectives = Object.freeze({
  'frame-ancestors': frameAncestors,
  'object-src': Object.freeze(["'none'"]),
  'base-uri': Object.freeze(["'none'"]),
});

/**
 * Serialises directives into a Content-Security-Policy header value.
 * @param {Readonly<Record<string, readonly string[]>>} directives
 * @returns {string}
 */
export function serializeCsp(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The response headers for every page and asset. No X-Frame-Options: DENY/SAMEORIGIN would stop
 * Teams from framing the tab, ALLOW-FROM is obsolete, and CSP frame-ancestors takes precedence in
 * every browser Teams supports.
 * @type {Readonly<Record<string, string>>}
 */
export const securityHeaders = Object.freeze({
  'Content-Security-Policy': serializeCsp(cspDirectives),
  'X-Content-Type-Options': 'nosniff',
  // Paths may carry plan ids: other origins get the origin only.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
});

/**
 * Azure Static Web Apps' configuration with the same headers, written into dist/ by the build
 * (vite.config.ts) so the production host sends exactly what the dev and preview servers send.
 * https://learn.microsoft.com/azure/static-web-apps/configuration#global-headers
 * The app routes by hash (src/ui/routes.ts), so no navigation fallback is needed; 404s stay 404s.
 */
export function staticWebAppConfig() {
  return {
    globalHeaders: { ...securityHeaders },
    mimeTypes: { '.json': 'application/json' },
  };
}
