import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The Outlook handler is its own small bundle for Outlook's JavaScript-only runtime: it may import
// only src/domain, and uses no DOM and no network (eslint.config.js, LAYERS and outlookNoDom).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('src/outlook lint restrictions', () => {
  it('reports React, Fluent, Dexie and Microsoft SDK imports, once each', async () => {
    const code = [
      "import React from 'react';",
      "import { Button } from '@fluentui/react-components';",
      "import Dexie from 'dexie';",
      "import { app } from '@microsoft/teams-js';",
      'export const all = [React, Button, Dexie, app];',
      '',
    ].join('\n');
    expect(await ruleIds('src/outlook/probe.ts', code)).toEqual(Array(4).fill('no-restricted-imports'));
  });

  it('reports imports of adapters, features, ui, application, ports and host', async () => {
    const code = [
      "import { a } from '../adapters/local/db';",
      "import { b } from '../features/minutes/minutes-screen';",
      "import { c } from '../ui/strings/da';",
      "import { d } from '../application/book-meeting';",
      "import { e } from '../ports/clock';",
      "import { f } from '../host/teams/x';",
      'export const all = [a, b, c, d, e, f];',
      '',
    ].join('\n');
    expect(await ruleIds('src/outlook/probe.ts', code)).toEqual(Array(6).fill('no-restricted-imports'));
  });

  it('allows src/domain and its own folder', async () => {
    const code = "import { checkCitizenInvited } from '../domain/rules/citizen-invited';\nimport { x } from './x';\nexport const all = [checkCitizenInvited, x];\n";
    expect(await ruleIds('src/outlook/probe.ts', code)).toEqual([]);
  });

  it('reports the DOM and the network', async () => {
    const code = "export const a = document.title;\nexport const b = fetch('https://example.dk');\n";
    expect(await ruleIds('src/outlook/probe.ts', code)).toEqual(['no-restricted-globals', 'no-restricted-globals']);
  });
});
