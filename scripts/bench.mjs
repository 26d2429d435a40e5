// `npm run bench [-- id ...]`: runs the benchmarks in bench/ and writes
// bench-results/results.json and bench-results/results.md. Exits non-zero if any benchmark
// failed, after writing what the others measured.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchSetupError } from '../bench/lib/result.mjs';

/**
 * The registered benchmarks, in run order. Each module's default export is a Benchmark
 * (bench/lib/benchmark.mjs). To add one, write bench/<id>.mjs and add a line here.
 * @type {ReadonlyArray<() => Promise<{ default: import('../bench/lib/benchmark.mjs').Benchmark }>>}
 */
const BENCHMARKS = [
  () => import('../bench/first-load.mjs'),
  () => import('../bench/store.mjs'), // embedded store vs raw IndexedDB
  () => import('../bench/outlook-bundle.mjs'), // the Outlook send guard's handler bundle
  () => import('../bench/graph-round-trips.mjs'), // Graph requests per action vs the API minimum
  () => import('../bench/leader-review.mjs'), // 50,000 decisions: virtualized review vs a bare table
  () => import('../bench/meeting-channel.mjs'), // meeting signals: adapter vs bare LiveEvent / BroadcastChannel
  () => import('../bench/meeting-visible.mjs'), // a decision saved in one tab to visible in another, built app vs bare BroadcastChannel
];

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(rootDir, 'bench-results');

/** @param {import('../bench/lib/result.mjs').BenchResult} r */
const ratioText = (r) => (r.ratio === null ? 'n/a' : `${r.ratio.toFixed(2)}×`);

/**
 * @param {{ startedAt: string, results: import('../bench/lib/result.mjs').BenchResult[], failures: { benchmark: string, message: string }[] }} report
 */
function markdown(report) {
  const lines = [
    '# Helhed benchmarks',
    '',
    `Run ${report.startedAt} on Node ${process.version}. Ratio = value / floor (1.00× = as cheap as the floor).`,
    '',
    '| name | value | floor | ratio | unit |',
    '| --- | ---: | ---: | ---: | --- |',
    ...report.results.map((r) => `| ${r.name} | ${r.value} | ${r.floor} | ${ratioText(r)} | ${r.unit} |`),
    '',
  ];
  for (const r of report.results) {
    if (r.notes) lines.push(`- **${r.name}**: ${r.notes}`);
  }
  if (report.failures.length > 0) {
    lines.push('', '## Failed', '');
    for (const f of report.failures) lines.push(`- **${f.benchmark}**: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

const wanted = process.argv.slice(2);
const startedAt = new Date().toISOString();
/** @type {import('../bench/lib/result.mjs').BenchResult[]} */
const results = [];
/** @type {{ benchmark: string, message: string }[]} */
const failures = [];

const modules = await Promise.all(BENCHMARKS.map(async (load) => (await load()).default));
const unknown = wanted.filter((id) => !modules.some((m) => m.id === id));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${modules.map((m) => m.id).join(', ')}`);
  process.exit(2);
}

for (const bench of modules) {
  if (wanted.length > 0 && !wanted.includes(bench.id)) continue;
  const tmpDir = await mkdtemp(join(tmpdir(), `helhed-bench-${bench.id}-`));
  const t0 = performance.now();
  console.error(`▶ ${bench.id}: ${bench.title}`);
  try {
    const produced = await bench.run({
      rootDir,
      tmpDir,
      log: (message) => console.error(`  [${bench.id}] ${message}`),
    });
    results.push(...produced);
    for (const r of produced) console.log(`${r.name}: ${r.value} ${r.unit} (floor ${r.floor}, ${ratioText(r)})`);
  } catch (error) {
    const message =
      error instanceof BenchSetupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ benchmark: bench.id, message: error instanceof Error ? error.message : String(error) });
    console.error(`✖ ${bench.id} failed: ${message}`);
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
    console.error(`  [${bench.id}] ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

const report = { startedAt, finishedAt: new Date().toISOString(), node: process.version, results, failures };
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(join(outDir, 'results.md'), markdown(report));
console.error(`Wrote ${join('bench-results', 'results.json')} and ${join('bench-results', 'results.md')}`);
process.exitCode = failures.length > 0 ? 1 : 0;
