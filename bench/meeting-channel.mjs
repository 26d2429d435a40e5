// Meeting signals (issue 5): the time from publish on one participant to receipt on another,
// through the MeetingChannel adapters, as a ratio to the bare transport beneath them in the same
// run: LiveShareMeetingChannel vs a bare LiveEvent on the same local tinylicious (each
// participant its own Fluid connection), and the standalone BroadcastMeetingChannel vs a bare
// BroadcastChannel. Runs in Node (bench/meeting-channel/scenarios.ts, loaded through Vite's SSR
// loader); median of SAMPLES each. Reports; asserts nothing about speed.
import { defineBenchmark } from './lib/benchmark.mjs';
import { benchResult } from './lib/result.mjs';
import { withSsrModule } from './lib/ssr-module.mjs';
import { median } from './lib/stats.mjs';

/** @typedef {import('./meeting-channel/scenarios.ts').LatencySamples} LatencySamples */

/** Timed samples per contender (the median is reported), after WARM_UP untimed ones. */
const SAMPLES = 100;
const WARM_UP = 10;

/** Microseconds, one decimal: BroadcastChannel deliveries take a few µs, too little for ms. */
const micros = (/** @type {number} */ ms) => Math.round(ms * 10_000) / 10;
/** @param {readonly number[]} values */
const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) => /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return `p10 ${micros(at(0.1))}, p90 ${micros(at(0.9))} µs`;
};

export default defineBenchmark({
  id: 'meeting-channel',
  title: 'Meeting signals: publish-to-receipt latency of the MeetingChannel adapters vs the bare transport (Node)',
  async run(ctx) {
    /** @typedef {{ runScenarios: (samples: number, warmUp: number, log: (m: string) => void) => Promise<LatencySamples[]> }} Scenarios */
    return withSsrModule(ctx, '/bench/meeting-channel/scenarios.ts', async (/** @type {Scenarios} */ mod) => {
      const measured = await mod.runScenarios(SAMPLES, WARM_UP, ctx.log);
      return measured.map((m) =>
        benchResult({
          name: `meeting-channel-latency:${m.id}`,
          unit: 'µs',
          value: micros(median(m.adapter)),
          floor: micros(median(m.bare)),
          notes:
            `${m.what}; floor = ${m.floorWhat}. Median of ${m.adapter.length} sequential samples each, ` +
            `adapter and floor alternating (adapter ${spread(m.adapter)}; floor ${spread(m.bare)}).`,
        }),
      );
    });
  },
});
