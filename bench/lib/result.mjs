/**
 * One measured quantity, compared with the same quantity for a "floor": the least an app of this
 * kind could cost (a bare React + Fluent page, raw IndexedDB, ...). `ratio` is value / floor, so
 * 1.0 means "as cheap as the floor" and every benchmark reads the same way.
 *
 * @typedef {object} BenchResult
 * @property {string} name   stable id, e.g. "first-load-js-gzip:index.html"
 * @property {string} unit   e.g. "bytes", "ms"
 * @property {number} value  the app's measurement
 * @property {number} floor  the floor's measurement, in the same unit
 * @property {number | null} ratio value / floor; null when the floor is 0
 * @property {string} notes  how it was measured, and anything a reader needs to trust it
 */

/**
 * @param {{ name: string, unit: string, value: number, floor: number, notes?: string }} input
 * @returns {BenchResult}
 */
export function benchResult({ name, unit, value, floor, notes = '' }) {
  for (const [label, n] of [['value', value], ['floor', floor]]) {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
      throw new TypeError(`${name}: ${label} must be a finite, non-negative number, got ${String(n)}`);
    }
  }
  return { name, unit, value, floor, ratio: floor === 0 ? null : value / floor, notes };
}

/**
 * A benchmark that cannot run (its input is missing, a tool is absent). The runner prints the
 * message as it is, without a stack trace, and the run fails.
 */
export class BenchSetupError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'BenchSetupError';
  }
}
