/**
 * The e2e-only composition (src/app/e2e-composition.ts: a fixed Graph token, Live Share on a
 * local Fluid service) must not exist in a production build. main.tsx reaches it only inside
 * `import.meta.env.MODE === 'e2e'`, which Vite replaces with a constant so the branch and its
 * chunk are dropped. This builds both ways into temporary folders (HELHED_DIST) and greps the
 * emitted files for the composition's marker string: absent in production, present in e2e mode
 * (so the grep is known to find it when it is there).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** The marker, read from the source (importing the module would load Graph and teams-js). */
async function marker(): Promise<string> {
  const source = await readFile(join(ROOT, 'src/app/e2e-composition.ts'), 'utf8');
  const found = /E2E_COMPOSITION_MARKER = '([^']+)'/.exec(source)?.[1];
  if (found === undefined) throw new Error('src/app/e2e-composition.ts no longer declares E2E_COMPOSITION_MARKER');
  return found;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Builds the app (index.html and teams.html) in `mode`, or Vite's default, into a temporary folder. */
async function build(mode: 'e2e' | null): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'helhed-build-'));
  dirs.push(outDir);
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [VITE, 'build', '--logLevel', 'error', ...(mode === null ? [] : ['--mode', mode])],
      { cwd: ROOT, env: { ...process.env, HELHED_DIST: outDir, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`vite build failed: ${stderr}`)) : resolve()),
    );
  });
  return outDir;
}

/** Emitted files (JS, HTML, maps if any) whose text contains `needle`, relative to `dir`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(?:js|mjs|html|map)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path, 'utf8')).includes(needle)) hits.push(path.slice(dir.length + 1));
  }
  return hits;
}

describe('the e2e-only composition is not in a production build', () => {
  it('`vite build` emits no trace of it; `vite build --mode e2e` does (the grep works)', async () => {
    const needle = await marker();
    const production = await build(null);
    expect(await filesContaining(production, needle)).toEqual([]);
    expect(await filesContaining(production, 'e2e-composition')).toEqual([]);
    const e2e = await build('e2e');
    expect((await filesContaining(e2e, needle)).length).toBeGreaterThan(0);
  }, 240_000);
});
