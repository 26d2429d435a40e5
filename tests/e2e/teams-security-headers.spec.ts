import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { frameAncestors } from '../../scripts/security-headers.mjs';

// ARCHITECTURE.md "Security headers are response headers": the Teams entry is served over HTTP
// with exactly the headers the production host config (dist/staticwebapp.config.json, written
// by the build from scripts/security-headers.mjs) tells Azure Static Web Apps to send.
test('[headers] teams.html is served with the headers of the generated staticwebapp.config.json', async ({ request }) => {
  const config = JSON.parse(await readFile(new URL('../../dist/staticwebapp.config.json', import.meta.url), 'utf8')) as {
    globalHeaders: Record<string, string>;
  };
  const response = await request.get('/teams.html');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  for (const [name, value] of Object.entries(config.globalHeaders)) expect(headers[name.toLowerCase()], name).toBe(value);
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain(`frame-ancestors ${frameAncestors.join(' ')};`);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(headers['x-frame-options']).toBeUndefined();
});
