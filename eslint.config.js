// ESLint 9 flat config. Fast on purpose: typescript-eslint's recommended rules without type
// information (tsc already type-checks in `npm run typecheck`).
//
// The architecture rule (docs ARCHITECTURE.md, "Layout"; STYLE.md statements 1, 2 and 8) is built
// below from one table, LAYERS. Flat config does not merge the options of one rule across config
// objects (the last matching object wins), so every generated object for a file carries that
// file's complete list of restrictions.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CODE = '*.{ts,tsx,mts,cts,js,jsx,mjs}';

/** Packages with a single home. Each entry is banned everywhere in src/ except under `home`. */
const VENDORS = [
  {
    id: 'dexie',
    home: 'src/adapters/local',
    regex: '^dexie(?:-[^/]+)?(?:/|$)',
    message: 'Only src/adapters/local/ may import Dexie (the embedded store); use the PlanStore port.',
  },
  {
    id: 'teams-js',
    home: 'src/host',
    regex: '^@microsoft/teams-js(?:/|$)',
    message: 'Only src/host/ may import @microsoft/teams-js; use the MeetingHost port.',
  },
  {
    id: 'msal',
    home: 'src/host',
    regex: '^@azure/msal-',
    message: 'Only src/host/ may import MSAL; sign-in stays behind the host.',
  },
  {
    id: 'live-share',
    home: 'src/adapters/liveshare',
    regex: '^@microsoft/live-share(?:-[^/]+)?(?:/|$)',
    message: 'Only src/adapters/liveshare/ may import Live Share; use the MeetingChannel port (signals only, never case data).',
  },
  {
    id: 'fluid',
    home: 'src/adapters/liveshare',
    regex: '^(?:fluid-framework|@fluidframework/)',
    message: 'Only src/adapters/liveshare/ may import the Fluid Framework; use the MeetingChannel port.',
  },
  {
    id: 'graph',
    home: 'src/adapters/graph',
    regex: '^@microsoft/microsoft-graph-(?:client|types)(?:/|$)',
    message:
      'Only src/adapters/graph/ may import the Graph client or its types; adapters map Graph shapes to domain types at the edge.',
  },
];

const REACT = { regex: '^react(?:-dom)?(?:/|$)', message: 'no React here' };
const FLUENT = { regex: '^@fluentui/', message: 'no Fluent UI here' };
// `covers`: VENDORS entries this ban includes, left out where it applies so one import is
// reported once.
const MICROSOFT = { regex: '^@microsoft/', message: 'no Microsoft SDKs here', covers: ['teams-js', 'graph', 'live-share'] };
const AZURE = { regex: '^@azure/', message: 'no Azure SDKs here', covers: ['msal'] };

/**
 * One entry per area of src/. `allow` lists the top-level folders of src/ that relative imports
 * may reach; anything else reached through `../` is reported. `packages` are banned in the area
 * on top of VENDORS (Dexie, teams-js, MSAL and the Graph client are banned outside their homes
 * everywhere). `ignores` carves out sub-areas that have an entry of their own.
 */
const LAYERS = [
  {
    dir: 'src/domain',
    allow: ['domain'],
    packages: [REACT, FLUENT, MICROSOFT, AZURE],
    why: 'src/domain/ is pure TypeScript: it imports only itself (and zod), never ports, adapters, host, app, features, ui or application.',
  },
  {
    dir: 'src/ports',
    allow: ['ports', 'domain'],
    packages: [],
    why: 'src/ports/ may import only src/domain/.',
  },
  {
    dir: 'src/application',
    allow: ['application', 'domain', 'ports'],
    packages: [REACT, FLUENT],
    why: 'src/application/ (use cases) may import only src/domain/ and src/ports/: no adapters, host, features, ui or app.',
  },
  {
    dir: 'src/adapters',
    ignores: ['src/adapters/local/**', 'src/adapters/graph/**', 'src/adapters/liveshare/**'],
    allow: ['adapters', 'domain', 'ports'],
    packages: [],
    why: 'Adapters implement ports: they may import only src/domain/, src/ports/ and other adapters.',
  },
  {
    dir: 'src/adapters/local',
    allow: ['adapters', 'domain', 'ports'],
    packages: [],
    why: 'Adapters implement ports: they may import only src/domain/, src/ports/ and other adapters.',
  },
  {
    dir: 'src/adapters/liveshare',
    allow: ['adapters', 'domain', 'ports'],
    packages: [],
    why: 'Adapters implement ports: they may import only src/domain/, src/ports/ and other adapters.',
  },
  {
    dir: 'src/adapters/graph',
    allow: ['adapters', 'domain', 'ports'],
    packages: [],
    why: 'Adapters implement ports: they may import only src/domain/, src/ports/ and other adapters.',
  },
  {
    dir: 'src/host',
    allow: ['host', 'domain', 'ports'],
    packages: [],
    why: 'src/host/ implements the MeetingHost port: it may import only src/domain/ and src/ports/.',
  },
  {
    dir: 'src/features',
    allow: ['ui', 'application', 'domain', 'ports'],
    siblingsBanned: true,
    packages: [],
    why: 'A feature may import only its own folder, src/ui/, src/application/, src/domain/ and src/ports/: never adapters, host, app or another feature.',
  },
  {
    dir: 'src/ui',
    allow: ['ui', 'domain', 'ports'],
    packages: [],
    why: 'src/ui/ holds shared components and strings without data access: no adapters, application, features, host or app.',
  },
  {
    dir: 'src/outlook',
    allow: ['outlook', 'domain'],
    packages: [REACT, FLUENT, MICROSOFT, AZURE],
    why: "src/outlook/ is the Outlook send guard's own small bundle for Outlook's JavaScript-only runtime: it may import only src/domain/ (no React, Fluent, Dexie, SDKs, adapters, host, features or ui).",
  },
  // src/app/ is the composition root: it may import everything (VENDORS still apply).
];

/** Files this many folders below an area's root are checked precisely; deeper ones by a fallback. */
const MAX_DEPTH = 10;

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

const vendorBansFor = (dir, covered = []) =>
  VENDORS.filter((v) => !(dir === v.home || dir.startsWith(`${v.home}/`)) && !covered.includes(v.id)).map(({ regex, message }) => ({
    regex,
    message,
    caseSensitive: true,
  }));

const packageBansFor = (layer) =>
  layer.packages.map(({ regex, message }) => ({
    regex,
    message: `${message}: ${layer.why}`,
    caseSensitive: true,
  }));

/**
 * A relative import that climbs exactly `ups` levels lands in src/; the next segment must be
 * allowed. (`(?:\.\./){n}` cannot match more ups than written, so imports that stay inside the
 * area are untouched.)
 */
const reachBan = (layer, ups) => ({
  regex: `^(?:\\./)?(?:\\.\\./){${ups}}(?!(?:${layer.allow.map(escapeRegex).join('|')})(?:/|$))`,
  message: layer.why,
  caseSensitive: true,
});

/** For files deeper than MAX_DEPTH: any climb whose first named segment is not allowed. */
const looseReachBan = (layer) => ({
  regex: `^(?:\\./)?(?:\\.\\./)+(?!\\.\\./)(?!(?:${layer.allow.map(escapeRegex).join('|')})(?:/|$))`,
  message: layer.why,
  caseSensitive: true,
});

/** features/<x>/...: climbing back to src/features/ and down again means another feature. */
const siblingBan = (layer, ups) => ({
  regex: `^(?:\\.\\./){${ups}}[^./]`,
  message: layer.why,
  caseSensitive: true,
});

function architectureConfigs() {
  const configs = [
    {
      name: 'helhed/architecture/src',
      files: [`src/**/${CODE}`],
      rules: { 'no-restricted-imports': ['error', { patterns: vendorBansFor('src') }] },
    },
  ];
  for (const layer of LAYERS) {
    const rootDepth = layer.dir.split('/').length - 1; // folders between src/ and the area root
    const covered = layer.packages.flatMap((p) => p.covers ?? []);
    const base = [...vendorBansFor(layer.dir, covered), ...packageBansFor(layer)];
    const ignores = layer.ignores ?? [];
    configs.push({
      name: `helhed/architecture/${layer.dir}/deep`,
      files: [`${layer.dir}/**/${CODE}`],
      ignores,
      rules: { 'no-restricted-imports': ['error', { patterns: [...base, looseReachBan(layer)] }] },
    });
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      const ups = rootDepth + depth; // `../` count from the file's folder to src/
      const patterns = [...base, reachBan(layer, ups)];
      // Only files inside a feature folder (depth >= 1) have siblings to stay away from.
      if (layer.siblingsBanned && depth >= 1) patterns.push(siblingBan(layer, depth));
      configs.push({
        name: `helhed/architecture/${layer.dir}/depth-${depth}`,
        files: [`${layer.dir}/${'*/'.repeat(depth)}${CODE}`],
        ignores,
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      });
    }
  }
  return configs;
}

/** STYLE.md statement 8 and ARCHITECTURE.md: no browser, clock or randomness in the domain. */
const domainPurity = {
  name: 'helhed/architecture/domain-purity',
  files: [`src/domain/**/${CODE}`],
  rules: {
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
        'location',
        'fetch',
        'XMLHttpRequest',
        'BroadcastChannel',
        'crypto',
      ].map((name) => ({
        name,
        message: `src/domain/ is pure TypeScript: no \`${name}\`. Reach the outside through a port.`,
      })),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'Time is injected: take a Clock (src/ports/clock.ts).' },
      { object: 'Math', property: 'random', message: 'Ids and randomness are injected: take Ids (src/ports/ids.ts).' },
      { object: 'performance', property: 'now', message: 'Time is injected: take a Clock (src/ports/clock.ts).' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: '`new Date()` reads the clock: take a Clock (src/ports/clock.ts).',
      },
      {
        selector: "CallExpression[callee.name='Date']",
        message: '`Date()` reads the clock: take a Clock (src/ports/clock.ts).',
      },
    ],
  },
};

/** The Outlook handler runs without a DOM (classic Outlook's JavaScript-only runtime) and never waits on the network. */
const outlookNoDom = {
  name: 'helhed/architecture/outlook-no-dom',
  files: [`src/outlook/**/${CODE}`],
  rules: {
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'fetch', 'XMLHttpRequest', 'WebSocket'].map(
        (name) => ({
          name,
          message: `src/outlook/ runs in Outlook's JavaScript-only runtime: no \`${name}\`, no DOM, no network.`,
        }),
      ),
    ],
  },
};

export default defineConfig([
  globalIgnores([
    'dist/',
    'appPackage/build/',
    'node_modules/',
    'playwright-report/',
    'test-results/',
    'bench-results/',
    'coverage/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'helhed/base',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    name: 'helhed/globals/browser',
    files: [`src/**/${CODE}`, `bench/floor-app/**/${CODE}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'helhed/globals/node',
    files: [`scripts/**/${CODE}`, `bench/**/${CODE}`, '*.config.{js,ts,mjs}'],
    ignores: [`bench/floor-app/**`],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'helhed/globals/tests',
    files: [`tests/**/${CODE}`, `src/**/*.test.{ts,tsx}`],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'helhed/react-hooks',
    files: [`src/**/*.{ts,tsx}`, `bench/floor-app/**/*.tsx`],
    extends: [reactHooks.configs.flat.recommended],
  },
  ...architectureConfigs(),
  domainPurity,
  outlookNoDom,
]);
