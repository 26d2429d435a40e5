import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_SCOPES } from '../../../src/host/auth/msal-config';

describe('the first token request matches the manifest', () => {
  it('asks for the scopes of webApplicationInfo.nestedAppAuthInfo in the same order (the host prefetches that token)', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest/manifest.json', import.meta.url), 'utf8')) as {
      webApplicationInfo: { nestedAppAuthInfo: { scopes: string[] }[] };
    };
    expect([...SIGN_IN_SCOPES]).toEqual(manifest.webApplicationInfo.nestedAppAuthInfo[0]?.scopes);
  });
});
