import { expect, test } from '@playwright/test';
import { securityHeaders } from '../../scripts/security-headers.mjs';

// ARCHITECTURE.md "Security headers are response headers": frame-ancestors is ignored in <meta>,
// so the preview server (like the static host) must send it on the page response itself.
test('the built app is served with the security headers as response headers', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  for (const [name, value] of Object.entries(securityHeaders)) {
    expect(headers[name.toLowerCase()], name).toBe(value);
  }
  expect(headers['content-security-policy']).toContain('frame-ancestors ');
  expect(headers['x-frame-options'], 'X-Frame-Options would stop Teams from framing the tab').toBeUndefined();
});
