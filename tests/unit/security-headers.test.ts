import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameAncestors, securityHeaders } from '../../scripts/security-headers.mjs';

// ARCHITECTURE.md "Security headers are response headers": the dev and preview servers, run
// with the project's own vite.config.ts, send them on the page response.
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helhed-headers-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(securityHeaders)) {
    expect(headers.get(name), name).toBe(value);
  }
  // DENY or SAMEORIGIN would stop Teams from framing the tab.
  expect(headers.get('x-frame-options')).toBeNull();
}

describe('security headers', () => {
  it('CSP allows framing by Teams, Outlook and Microsoft 365 only, and no plugins or <base>', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(
      `frame-ancestors ${frameAncestors.join(' ')}; object-src 'none'; base-uri 'none'`,
    );
    expect(frameAncestors).toEqual([
      "'self'",
      'https://*.cloud.microsoft',
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://outlook-sdf.office.com',
      'https://outlook-sdf.office365.com',
    ]);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(securityHeaders['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('the dev server sends them as response headers', async () => {
    let server: ViteDevServer | undefined;
    try {
      server = await createServer({ configFile, root: dir, logLevel: 'silent', server: { port: 0 } });
      await server.listen();
      const url = server.resolvedUrls?.local[0];
      if (url === undefined) throw new Error('dev server reported no URL');
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response.headers);
    } finally {
      await server?.close();
    }
  });

  it('the preview server sends them as response headers', async () => {
    let server: PreviewServer | undefined;
    try {
      server = await preview({
        configFile,
        root: dir,
        logLevel: 'silent',
        build: { outDir: '.' },
        preview: { port: 0 },
      });
      const url = server.resolvedUrls?.local[0];
      if (url === undefined) throw new Error('preview server reported no URL');
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response.headers);
    } finally {
      await server?.close();
    }
  });
});
