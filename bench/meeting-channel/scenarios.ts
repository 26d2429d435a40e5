/**
 * Publish-to-receipt latency of the MeetingChannel adapters against the bare transport beneath
 * them, in the same process and run: LiveShareMeetingChannel vs a bare LiveEvent on the same
 * tinylicious, BroadcastMeetingChannel vs a bare BroadcastChannel. Samples are taken one at a
 * time (the next is sent after the last arrived), alternating adapter and bare, so both see the
 * same machine load. Loaded through Vite's SSR loader by bench/meeting-channel.mjs.
 */
import { LiveEvent, LiveShareClient } from '@microsoft/live-share';
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import { LiveShareMeetingChannel } from '../../src/adapters/liveshare/live-share-meeting-channel';
import type { MeetingChannelSession, MeetingSignal } from '../../src/ports/meeting-channel';
import { LocalLiveShareMeeting, startTinylicious } from '../../tests/contract/support/tinylicious';

export interface LatencySamples {
  id: 'live-share' | 'broadcast';
  what: string;
  floorWhat: string;
  /** Milliseconds, publish to receipt, one per sample. */
  adapter: number[];
  bare: number[];
}

/** Sends one message and resolves with the time until the other side had it. */
type Probe = (i: number) => Promise<number>;

const TIMEOUT_MS = 10_000;

/** A probe over any "send now, hear it later" pair: `send(i)` and a one-shot `onReceipt`. */
function probe(send: (i: number) => void, hear: (listener: (i: number) => void) => void): Probe {
  let waiting: { i: number; resolve: () => void } | null = null;
  hear((i) => {
    if (waiting !== null && waiting.i === i) waiting.resolve();
  });
  return (i) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sample ${i} not received within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      const t0 = performance.now();
      waiting = {
        i,
        resolve: () => {
          clearTimeout(timer);
          waiting = null;
          resolve(performance.now() - t0);
        },
      };
      send(i);
    });
}

async function alternate(adapter: Probe, bare: Probe, samples: number, warmUp: number) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmUp + samples; i += 1) {
    const ta = await adapter(i);
    const tb = await bare(i);
    if (i >= warmUp) {
      a.push(ta);
      b.push(tb);
    }
  }
  return { adapter: a, bare: b };
}

const decision = (i: number): MeetingSignal => ({ type: 'decision-saved', decisionId: `d-${i}` });
const index = (signal: MeetingSignal) => (signal.type === 'decision-saved' ? Number(signal.decisionId.slice(2)) : -1);

function sessionProbe(from: MeetingChannelSession, to: MeetingChannelSession): Probe {
  return probe(
    (i) => from.publish(decision(i)),
    (listener) => {
      to.subscribe((signal) => listener(index(signal)));
    },
  );
}

async function liveShare(samples: number, warmUp: number, log: (m: string) => void): Promise<LatencySamples> {
  log('starting tinylicious');
  const service = await startTinylicious();
  const channels: LiveShareMeetingChannel[] = [];
  const containers: { dispose(): void }[] = [];
  try {
    // The adapter: two participants, each their own LiveShareClient (own Fluid connection).
    const adapterMeeting = new LocalLiveShareMeeting(service.endpoint);
    const tove = new LiveShareMeetingChannel(adapterMeeting.host(), adapterMeeting.options('p-tove'));
    channels.push(tove);
    await tove.connect();
    const bent = new LiveShareMeetingChannel(adapterMeeting.host(), adapterMeeting.options('p-bent'));
    channels.push(bent);
    const toveSession = tove.join('m-1', 'p-tove');
    const bentSession = bent.join('m-1', 'p-bent');
    await bent.connect();

    // The floor: a bare LiveEvent in another container of the same service, same kind of payload.
    const bareMeeting = new LocalLiveShareMeeting(service.endpoint);
    const join = async (user: string) => {
      const client = new LiveShareClient(bareMeeting.host(), bareMeeting.options(user));
      const { container } = await client.joinContainer({ initialObjects: { events: LiveEvent } });
      containers.push(container);
      if (container.connectionState !== 2) await new Promise<void>((resolve) => container.once('connected', () => resolve()));
      return container.initialObjects.events as LiveEvent<{ meetingId: string; sessionId: string; signal: MeetingSignal }>;
    };
    const sender = await join('bare-a');
    const receiver = await join('bare-b');
    const bare = probe(
      (i) => void sender.send({ meetingId: 'm-1', sessionId: 'bare-a', signal: decision(i) }),
      (listener) => {
        receiver.on('received', (evt: { signal: MeetingSignal }, local: boolean) => {
          if (!local) listener(index(evt.signal));
        });
      },
    );
    await sender.initialize();
    await receiver.initialize();
    log(`measuring ${samples} samples each (after ${warmUp} warm-up)`);
    const measured = await alternate(sessionProbe(toveSession, bentSession), bare, samples, warmUp);
    return {
      id: 'live-share',
      what: 'LiveShareMeetingChannel: publish on one participant to receipt on another (own Fluid connections, local tinylicious)',
      floorWhat: 'a bare LiveEvent send/receive between two LiveShareClients on the same tinylicious, same payload',
      ...measured,
    };
  } finally {
    for (const channel of channels) channel.dispose();
    for (const container of containers) container.dispose();
    await service.stop();
  }
}

async function broadcast(samples: number, warmUp: number): Promise<LatencySamples> {
  const tove = new BroadcastMeetingChannel().join('m-bench', 'p-tove');
  const bent = new BroadcastMeetingChannel().join('m-bench', 'p-bent');
  const a = new BroadcastChannel('helhed-bench-bare');
  const b = new BroadcastChannel('helhed-bench-bare');
  try {
    const bare = probe(
      (i) => a.postMessage({ sessionId: 'bare-a', signal: decision(i) }),
      (listener) => {
        b.onmessage = (event: MessageEvent<{ signal: MeetingSignal }>) => listener(index(event.data.signal));
      },
    );
    const measured = await alternate(sessionProbe(tove, bent), bare, samples, warmUp);
    return {
      id: 'broadcast',
      what: 'BroadcastMeetingChannel (standalone): publish to receipt in another channel object (Node 20 BroadcastChannel)',
      floorWhat: 'a bare BroadcastChannel postMessage/onmessage with the same payload',
      ...measured,
    };
  } finally {
    tove.close();
    bent.close();
    a.close();
    b.close();
  }
}

/** Both comparisons; `samples` timed samples of each contender after `warmUp` untimed ones. */
export async function runScenarios(samples: number, warmUp: number, log: (message: string) => void): Promise<LatencySamples[]> {
  const results = [await liveShare(samples, warmUp, log)];
  results.push(await broadcast(samples, warmUp));
  return results;
}
