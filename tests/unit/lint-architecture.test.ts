import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md "Layout" and STYLE.md statements 1, 2 and 8, proved through ESLint's public
// API against the project's own eslint.config.js. The files need not exist: lintText only uses
// the path to pick the config.
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const reactImport = "import React from 'react';\nexport const el = React.createElement('p');\n";

describe('architecture lint rule', () => {
  it('[STYLE-1] reports a React import in src/domain', async () => {
    expect(await ruleIds('src/domain/probe.ts', reactImport)).toEqual(['no-restricted-imports']);
  });

  it('[STYLE-1] reports Fluent, Microsoft, Azure and Dexie imports in src/domain, once each', async () => {
    const code = [
      "import { Button } from '@fluentui/react-components';",
      "import { app } from '@microsoft/teams-js';",
      "import { PublicClientApplication } from '@azure/msal-browser';",
      "import Dexie from 'dexie';",
      'export const all = [Button, app, PublicClientApplication, Dexie];',
      '',
    ].join('\n');
    expect(await ruleIds('src/domain/probe.ts', code)).toEqual(Array(4).fill('no-restricted-imports'));
  });

  it('[STYLE-8] reports Date.now(), Math.random() and new Date() in src/domain', async () => {
    const code = 'export const a = Date.now();\nexport const b = Math.random();\nexport const c = new Date();\n';
    expect(await ruleIds('src/domain/rules/probe.ts', code)).toEqual([
      'no-restricted-properties',
      'no-restricted-properties',
      'no-restricted-syntax',
    ]);
  });

  it('[STYLE-1] reports browser globals in src/domain', async () => {
    const code = "export const a = window.location.href;\nexport const b = localStorage.getItem('x');\n";
    expect(await ruleIds('src/domain/probe.ts', code)).toEqual(['no-restricted-globals', 'no-restricted-globals']);
  });

  it('[STYLE-1] reports an import of ports from src/domain at any depth', async () => {
    const code = "import type { Clock } from '../../ports/clock';\nexport type C = Clock;\n";
    expect(await ruleIds('src/domain/rules/probe.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('allows imports inside src/domain', async () => {
    const code = "import type { Id } from '../model';\nexport type I = Id;\n";
    expect(await ruleIds('src/domain/rules/probe.ts', code)).toEqual([]);
  });

  it('allows the identical React import in a feature', async () => {
    expect(await ruleIds('src/features/book-meeting/probe.tsx', reactImport)).toEqual([]);
  });

  it('reports an import of another feature, and of adapters, from a feature', async () => {
    const code = [
      "import { a } from '../minutes/a';",
      "import { b } from '../../adapters/local/db';",
      "import { c } from '../../features/stage/c';",
      'export const all = [a, b, c];',
      '',
    ].join('\n');
    expect(await ruleIds('src/features/book-meeting/probe.ts', code)).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports',
    ]);
  });

  it('allows a feature to import ui, application, domain, ports and its own folders', async () => {
    const code = [
      "import { a } from '../../../ui/a';",
      "import { b } from '../../../application/b';",
      "import { c } from '../../../domain/c';",
      "import { d } from '../../../ports/d';",
      "import { e } from '../hooks/e';",
      "import { f } from './f';",
      'export const all = [a, b, c, d, e, f];',
      '',
    ].join('\n');
    expect(await ruleIds('src/features/book-meeting/components/probe.ts', code)).toEqual([]);
  });

  it('reports an import of application from src/ui', async () => {
    const code = "import { s } from '../application/services';\nexport const x = s;\n";
    expect(await ruleIds('src/ui/probe.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('reports React and Dexie in src/application', async () => {
    const code = "import React from 'react';\nimport Dexie from 'dexie';\nexport const x = [React, Dexie];\n";
    expect(await ruleIds('src/application/probe.ts', code)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });

  it('[STYLE-2] allows Dexie only in src/adapters/local', async () => {
    const code = "import Dexie from 'dexie';\nexport const x = Dexie;\n";
    expect(await ruleIds('src/adapters/local/probe.ts', code)).toEqual([]);
    expect(await ruleIds('src/adapters/graph/probe.ts', code)).toEqual(['no-restricted-imports']);
    expect(await ruleIds('src/app/probe.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('[STYLE-2] allows teams-js and MSAL only in src/host', async () => {
    const code = [
      "import { app } from '@microsoft/teams-js';",
      "import { PublicClientApplication } from '@azure/msal-browser';",
      'export const x = [app, PublicClientApplication];',
      '',
    ].join('\n');
    expect(await ruleIds('src/host/teams/probe.ts', code)).toEqual([]);
    expect(await ruleIds('src/app/probe.ts', code)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });

  it('[STYLE-2] allows the Graph client only in src/adapters/graph', async () => {
    const code = "import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n";
    expect(await ruleIds('src/adapters/graph/probe.ts', code)).toEqual([]);
    expect(await ruleIds('src/host/teams/probe.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('[STYLE-2] allows Live Share and Fluid only in src/adapters/liveshare (the relay sees signals only)', async () => {
    const code = [
      "import { LiveShareClient } from '@microsoft/live-share';",
      "import { SharedMap } from 'fluid-framework';",
      "import { InsecureTokenProvider } from '@fluidframework/test-client-utils';",
      'export const x = [LiveShareClient, SharedMap, InsecureTokenProvider];',
      '',
    ].join('\n');
    expect(await ruleIds('src/adapters/liveshare/probe.ts', code)).toEqual([]);
    for (const elsewhere of ['src/app/probe.ts', 'src/features/in-meeting/probe.tsx', 'src/host/teams/probe.ts', 'src/adapters/graph/probe.ts']) {
      expect(await ruleIds(elsewhere, code)).toEqual(Array(3).fill('no-restricted-imports'));
    }
    // In the domain the Microsoft ban covers Live Share: reported once, not twice.
    expect(await ruleIds('src/domain/probe.ts', code)).toEqual(Array(3).fill('no-restricted-imports'));
  });
});
