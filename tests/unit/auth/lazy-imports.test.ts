import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LAZY_ONLY = /^(?:@azure\/msal-|@microsoft\/microsoft-graph-client(?:\/|$))/;

/**
 * Static imports and re-exports (`import x from`, `import 'x'`, `export ... from`), not
 * `import type`/`export type` (erased) and not `import('x')` (a separate chunk).
 */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every package reachable from `entry` through static imports, with the file that imports it. */
function staticPackages(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const spec = match[1] as string;
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (target) queue.push(target);
      } else if (!packages.has(spec)) {
        packages.set(spec, file.slice(ROOT.length + 1));
      }
    }
  }
  return packages;
}

describe("MSAL and the Graph client are not in the Teams entry's first chunk", () => {
  it('no static import path leads from src/app/teams-main.tsx to @azure/msal-browser or the Graph client', () => {
    const packages = staticPackages(resolve(ROOT, 'src/app/teams-main.tsx'));
    expect(packages.has('react')).toBe(true); // the walker does follow the graph
    expect([...packages].filter(([spec]) => LAZY_ONLY.test(spec)).map(([spec, file]) => `${file} -> ${spec}`)).toEqual([]);
  });

  it('the walker does see a static import when there is one', () => {
    const packages = staticPackages(resolve(ROOT, 'src/adapters/graph/graph-api.ts'));
    expect(packages.has('@microsoft/microsoft-graph-client')).toBe(true);
  });
});

/** Live Share and Fluid (about 350 KB gzipped): loaded at the first meeting-channel join only. */
const FLUID = /^(?:@microsoft\/live-share(?:\/|$)|fluid-framework(?:\/|$)|@fluidframework\/)/;

describe('Live Share and Fluid are in no first chunk, and not in the Graph chunk either', () => {
  it.each(['src/app/teams-main.tsx', 'src/app/main.tsx', 'src/app/graph-session.ts'])('no static import path leads from %s to Live Share or Fluid', (entry) => {
    const packages = staticPackages(resolve(ROOT, entry));
    expect(packages.has('react') || packages.has('zod')).toBe(true); // the walker does follow the graph
    expect([...packages].filter(([spec]) => FLUID.test(spec)).map(([spec, file]) => `${file} -> ${spec}`)).toEqual([]);
  });

  it('the walker does see Live Share and Fluid in the adapter that imports them', () => {
    const packages = staticPackages(resolve(ROOT, 'src/adapters/liveshare/live-share-meeting-channel.ts'));
    expect(packages.has('@microsoft/live-share')).toBe(true);
    expect(packages.has('fluid-framework')).toBe(true);
  });
});
