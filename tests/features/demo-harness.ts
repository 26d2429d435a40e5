import { makeHarness as make, type Harness } from '../support/harness';

export type { Harness };

/** Tuesday 10 March 2026, 09:00 in Copenhagen: the demo's next meeting for Emil is ahead. */
export const NOW = '2026-03-10T08:00:00.000Z';

/** The demo municipality, signed in as `meId` (default: Anders, Emil's tovholder). */
export function makeHarness(meId = 'staff-anders'): Promise<Harness> {
  return make({ now: NOW, meId });
}
