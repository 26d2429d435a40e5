/**
 * ARCHITECTURE.md "Small first load": the leader review's charts (@fluentui/react-charts, with
 * d3) are their own chunk. No file the review screen reaches through static imports may import
 * the chart package; leader-charts.tsx is reached only through import().
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Static imports and re-exports, not `import type` (erased) and not `import('x')`. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const spec = match[1] as string;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => existsSync(c) && /\.tsx?$/.test(c));
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

describe('the leader review\'s charts load lazily (issue 6)', () => {
  it('no static import path from the review screen reaches @fluentui/react-charts or leader-charts.tsx', () => {
    const { files, packages } = reachable(resolve(ROOT, 'src/features/leader-review/leader-review-screen.tsx'));
    expect([...packages].filter((p) => p.startsWith('@fluentui/react-charts'))).toEqual([]);
    expect([...files].map((f) => f.slice(ROOT.length + 1))).not.toContain('src/features/leader-review/leader-charts.tsx');
    const pictures = readFileSync(resolve(ROOT, 'src/features/leader-review/leader-pictures.tsx'), 'utf8');
    expect(pictures).toContain("import('./leader-charts')");
  });
});
