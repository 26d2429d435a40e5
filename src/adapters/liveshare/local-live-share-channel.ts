import { InsecureTokenProvider } from '@fluidframework/test-client-utils';
import { TestLiveShareHost } from '@microsoft/live-share';
import { LiveShareMeetingChannel } from './live-share-meeting-channel';

/** Where a test meeting's Fluid container lives on a local Fluid service (tinylicious). */
export interface LocalLiveShareOptions {
  /** The local Fluid service, e.g. `http://localhost:7071`. */
  endpoint: string;
  /** The container to join; undefined: the first join creates one and reports it to `onCreated`. */
  containerId: string | undefined;
  /** Told the id of a container this participant created, so others can join the same one. */
  onCreated(containerId: string): void;
  /** The Fluid test user; Live Share's test host needs both `id` and `name`. */
  user: { id: string; name: string };
  /** How long joining may take before the channel says `failed`. */
  connectTimeoutMs?: number;
}

/**
 * The Live Share MeetingChannel over `TestLiveShareHost` and a local Fluid service: the real
 * adapter and the real Fluid wire, without Teams. For end-to-end tests only (the e2e-mode
 * composition, src/app/e2e-composition.ts, loads it with `import()`); never in a production build.
 */
export function localLiveShareChannel(options: LocalLiveShareOptions): LiveShareMeetingChannel {
  let containerId = options.containerId;
  const host = TestLiveShareHost.create(
    () => containerId,
    (id) => {
      containerId = id;
      options.onCreated(id);
    },
  );
  return new LiveShareMeetingChannel(
    host,
    { connection: { type: 'local', tokenProvider: new InsecureTokenProvider('', options.user), endpoint: options.endpoint } },
    { connectTimeoutMs: options.connectTimeoutMs },
  );
}
