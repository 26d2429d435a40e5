/**
 * What scripts/bench.mjs hands each benchmark.
 * @typedef {object} BenchContext
 * @property {string} rootDir  the repository root
 * @property {string} tmpDir   a fresh temporary directory for this benchmark, removed afterwards
 * @property {(message: string) => void} log  progress output (stderr, prefixed with the id)
 */

/**
 * A benchmark module's default export. `run` returns one or more results, or throws
 * (a BenchSetupError for a missing input, with a message saying what to do).
 * @typedef {object} Benchmark
 * @property {string} id     short, stable, used on the command line: `npm run bench -- first-load`
 * @property {string} title
 * @property {(ctx: BenchContext) => Promise<import('./result.mjs').BenchResult[]>} run
 */

/**
 * Identity, for type checking a benchmark module's default export.
 * @param {Benchmark} benchmark
 * @returns {Benchmark}
 */
export function defineBenchmark(benchmark) {
  return benchmark;
}
