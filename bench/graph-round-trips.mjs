// Graph round trips per action, as a ratio to the fewest the API allows (issue 4, "Proof"):
// booking (getSchedule + POST /me/events = 2), approving minutes with K = 0, 19, 59 decisions
// (ceil((1+K)/20) $batch calls), a leader refresh with no changes (1 delta call) and a decision
// capture (1 $batch). Runs in Node, not a browser: the real adapters and use cases
// (bench/graph-round-trips/scenarios.ts, loaded through Vite's SSR loader) over the msw fake
// Graph and SharePoint of the tests, which count every request and check it against Graph's
// OpenAPI description.
import { defineBenchmark } from './lib/benchmark.mjs';
import { benchResult } from './lib/result.mjs';
import { withSsrModule } from './lib/ssr-module.mjs';

/** @typedef {import('./graph-round-trips/scenarios.ts').RoundTrips} RoundTrips */

export default defineBenchmark({
  id: 'graph-round-trips',
  title: 'Graph round trips per action, as a ratio to the API minimum (msw fake Graph, Node)',
  async run(ctx) {
    /** @typedef {{ runScenarios: () => Promise<RoundTrips[]> }} Scenarios */
    return withSsrModule(ctx, '/bench/graph-round-trips/scenarios.ts', async (/** @type {Scenarios} */ mod) => {
      const measured = await mod.runScenarios();
      return measured.map((m) =>
        benchResult({
          name: `graph-round-trips:${m.id}`,
          unit: 'requests',
          value: m.requests,
          floor: m.floor,
          notes: `${m.what}; floor = the API minimum. Sent: ${m.calls.join(', ')}.`,
        }),
      );
    });
  },
});
