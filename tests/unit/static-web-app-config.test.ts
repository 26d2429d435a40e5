import { describe, expect, it } from 'vitest';
import { securityHeaders, staticWebAppConfig } from '../../scripts/security-headers.mjs';

describe('staticwebapp.config.json', () => {
  it('sends exactly the headers the dev and preview servers send, on every response', () => {
    expect(staticWebAppConfig()).toEqual({
      globalHeaders: { ...securityHeaders },
      mimeTypes: { '.json': 'application/json' },
    });
  });
});
