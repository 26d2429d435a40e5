import { msalConfiguration, type MsalOptions } from './msal-config';
import { MsalTokenProvider, type MsalClient } from './msal-token-provider';

/**
 * The token provider for Teams mode (`nested`) or a plain browser against a real tenant
 * (`standalone`). @azure/msal-browser is imported dynamically on the first token request: it is
 * its own chunk, never in the side panel's first one (tests/unit/auth/lazy-imports.test.ts).
 */
export function createMsalTokenProvider(options: MsalOptions): MsalTokenProvider {
  return new MsalTokenProvider(async (): Promise<MsalClient> => {
    const msal = await import('@azure/msal-browser');
    const configuration = msalConfiguration(options);
    const client =
      options.mode === 'nested'
        ? // Nested app auth where the host offers it; MSAL falls back to the standard controller otherwise.
          await msal.createNestablePublicClientApplication(configuration)
        : await msal.createStandardPublicClientApplication(configuration);
    return client;
  });
}
