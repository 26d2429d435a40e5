import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppPackage,
  checkIcon,
  fillVariables,
  newestBundledSchemaVersion,
  PackageError,
  parseEnvFile,
} from '../../../scripts/package-app.mjs';

const manifestSource = fileURLToPath(new URL('../../../manifest/', import.meta.url));

const VARS = {
  APP_VERSION: '1.2.3',
  TEAMS_APP_ID: '3f1c6b9e-1d2a-4c8e-9a7b-5e2f0c4d8a11',
  VITE_ENTRA_CLIENT_ID: '8a2d4f60-7b1e-4c3a-9f5d-2e6b8c0a1f47',
  APP_HOSTNAME: 'helhed.example.dk',
  PUBLISHER_NAME: 'Eksempel Kommune',
  PUBLISHER_WEBSITE_URL: 'https://helhed.example.dk',
  PUBLISHER_PRIVACY_URL: 'https://helhed.example.dk/privacy.html',
  PUBLISHER_TERMS_URL: 'https://helhed.example.dk/terms.html',
} as const;

let dir = '';
let manifestDir = '';
let outDir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helhed-package-'));
  manifestDir = join(dir, 'manifest');
  outDir = join(dir, 'build');
  await cp(manifestSource, manifestDir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function editManifest(edit: (m: Record<string, unknown>) => void): Promise<void> {
  const path = join(manifestDir, 'manifest.json');
  const m = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(m);
  await writeFile(path, JSON.stringify(m));
}

async function problemsOf(vars: Record<string, string> = VARS): Promise<readonly string[]> {
  try {
    await buildAppPackage({ manifestDir, vars, envName: 'test', outDir });
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error('expected the package to be refused');
}

function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b, a] = pixel(x, y);
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
      image.data[i + 3] = a;
    }
  }
  return PNG.sync.write(image);
}

describe('npm run package', () => {
  it('the manifest uses the newest schema version @microsoft/app-manifest bundles', async () => {
    const m = JSON.parse(await readFile(join(manifestSource, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const newest = newestBundledSchemaVersion();
    expect(m.manifestVersion).toBe(newest);
    expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('writes appPackage.<env>.zip with the filled manifest and every file it refers to', async () => {
    const { zipPath, manifest } = await buildAppPackage({ manifestDir, vars: VARS, envName: 'test', outDir });
    expect(zipPath).toBe(join(outDir, 'appPackage.test.zip'));
    const zip = await JSZip.loadAsync(await readFile(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'da.json', 'en.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    expect(packed).toEqual(manifest);
    expect(packed.id).toBe(VARS.TEAMS_APP_ID);
    expect(packed.version).toBe('1.2.3');
    expect(packed.validDomains).toEqual(['helhed.example.dk']);
    expect(JSON.stringify(packed)).not.toContain('${{');
  });

  it('declares every surface of the issue: two static tabs, one configurable tab in every meeting context', async () => {
    const { manifest } = await buildAppPackage({ manifestDir, vars: VARS, envName: 'test', outDir });
    const m = manifest as {
      staticTabs: { name: string; contentUrl: string; scopes: string[] }[];
      configurableTabs: { scopes: string[]; context: string[]; configurationUrl: string }[];
      showLoadingIndicator: boolean;
      webApplicationInfo: { id: string; nestedAppAuthInfo: { redirectUri: string }[] };
      authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
    };
    expect(m.staticTabs.map((t) => t.name)).toEqual(['Mine forløb', 'Ledelse']);
    expect(m.staticTabs.map((t) => t.contentUrl)).toEqual([
      'https://helhed.example.dk/teams.html#/forloeb',
      'https://helhed.example.dk/teams.html#/ledelse',
    ]);
    expect(m.configurableTabs).toHaveLength(1);
    expect(m.configurableTabs[0]?.scopes).toEqual(['team', 'groupChat']);
    expect(m.configurableTabs[0]?.context).toEqual([
      'channelTab',
      'privateChatTab',
      'meetingChatTab',
      'meetingDetailsTab',
      'meetingSidePanel',
      'meetingStage',
    ]);
    expect(m.showLoadingIndicator).toBe(true);
    expect(m.webApplicationInfo.id).toBe(VARS.VITE_ENTRA_CLIENT_ID);
    expect(m.webApplicationInfo.nestedAppAuthInfo[0]?.redirectUri).toBe('brk-multihub://helhed.example.dk');
    // Least privilege: stage sharing, the meeting's join URL for linking, Live Share's session
    // (signals only), and "read item" for the Outlook send guard (issue 7: attendees, body, custom properties), nothing else.
    expect(m.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Delegated' },
      // Live Share sessions (meeting signals), in meeting chats and channel meetings: required
      // by Live Share (learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/teams-live-share-capabilities).
      { name: 'LiveShareSession.ReadWrite.Chat', type: 'Delegated' },
      { name: 'LiveShareSession.ReadWrite.Group', type: 'Delegated' },
      { name: 'MailboxItem.Read.User', type: 'Delegated' },
    ]);
  });

  it('refuses a variable left unset and names it', async () => {
    const { APP_HOSTNAME: _dropped, ...rest } = VARS;
    const problems = await problemsOf(rest);
    expect(problems).toContain(
      'manifest.json uses ${{APP_HOSTNAME}} but APP_HOSTNAME is not set in .env.test (env.sample documents it).',
    );
  });

  it('refuses a manifest that breaks the schema and says where', async () => {
    await editManifest((m) => {
      m.id = 'not-a-guid';
      delete m.developer;
    });
    const problems = await problemsOf();
    expect(problems.some((p) => p.startsWith('manifest.json does not match the Teams 1.30 schema: /id must match pattern'))).toBe(true);
    expect(problems.some((p) => p.includes("must have required property 'developer'"))).toBe(true);
  });

  it('refuses an unbundled manifest version offline and names the version to use', async () => {
    await editManifest((m) => {
      m.manifestVersion = '0.9';
    });
    const problems = await problemsOf();
    expect(problems[0]).toBe(
      `manifest.json has manifestVersion "0.9", for which @microsoft/app-manifest bundles no schema; use "${newestBundledSchemaVersion()}" (and the matching $schema URL).`,
    );
  });

  it('refuses an icon of the wrong size', async () => {
    await writeFile(join(manifestDir, 'color.png'), png(100, 100, () => [0, 0, 255, 255]));
    expect(await problemsOf()).toEqual(['color.png (color icon) is 100x100 pixels; Teams requires exactly 192x192.']);
  });

  it('refuses an outline icon that is not white on transparent', async () => {
    await writeFile(join(manifestDir, 'outline.png'), png(32, 32, () => [0, 0, 0, 255]));
    expect(await problemsOf()).toEqual([
      'outline.png (outline icon) has no transparent pixels; Teams requires a white outline on a transparent background.',
      'outline.png (outline icon) has 1024 visible pixels that are not white; draw the outline in white (#FFFFFF) only.',
    ]);
  });

  it('refuses a missing referenced file and a broken localization file', async () => {
    await rm(join(manifestDir, 'outline.png'));
    await writeFile(join(manifestDir, 'en.json'), JSON.stringify({ 'name.short': 'Helhed', unknownKey: 'x' }));
    const problems = await problemsOf();
    expect(problems).toContain('icons.outline refers to "outline.png", which does not exist beside manifest.json: add the file or fix the name.');
    expect(problems.some((p) => p.startsWith('en.json does not match the Teams 1.30 localization schema'))).toBe(true);
  });

  it('includes files a later manifest block refers to (e.g. an Outlook extension)', async () => {
    await writeFile(join(manifestDir, 'extra-icon.png'), png(64, 64, () => [255, 255, 255, 255]));
    await editManifest((m) => {
      m.icons = { ...(m.icons as object), color32x32: 'extra-icon.png' };
    });
    const { files } = await buildAppPackage({ manifestDir, vars: VARS, envName: 'test', outDir });
    expect(files).toContain('extra-icon.png');
  });

  it('writes nothing when it refuses', async () => {
    await problemsOf({});
    await expect(readFile(join(outDir, 'appPackage.test.zip'))).rejects.toThrow(/ENOENT/);
  });
});

describe('the npm run package command', () => {
  it('fails with exit code 1 and says how to create a missing env file', async () => {
    const script = fileURLToPath(new URL('../../../scripts/package-app.mjs', import.meta.url));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [script, '--env', 'no-such-env'], (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
      });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '.env.no-such-env does not exist: copy env.sample to .env.no-such-env and fill in the Teams variables.',
    );
  });
});

describe('env.sample', () => {
  it('documents every variable the manifest and the Teams start-up check use', async () => {
    const sample = await readFile(fileURLToPath(new URL('../../../env.sample', import.meta.url)), 'utf8');
    const documented = new Set([...sample.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const manifest = await readFile(join(manifestSource, 'manifest.json'), 'utf8');
    const used = [...manifest.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]);
    const startup = ['VITE_ENTRA_CLIENT_ID', 'VITE_ENTRA_TENANT_ID', 'VITE_SHAREPOINT_SITE_URL', 'VITE_HELHED_TEAMS_DEMO'];
    expect([...new Set([...used, ...startup])].filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('package helpers', () => {
  it('parses an env file: comments, quotes, blanks', () => {
    expect(parseEnvFile('# c\nA=1\nB="two words"\n\nC=\'x\'\n  D = y \n')).toEqual({ A: '1', B: 'two words', C: 'x', D: 'y' });
  });

  it('fills variables JSON-escaped and lists the missing ones once', () => {
    expect(fillVariables('{"a":"${{A}}","b":"${{B}}${{B}}"}', { A: 'say "hi"' })).toEqual({
      text: '{"a":"say \\"hi\\"","b":""}',
      missing: ['B'],
    });
  });

  it('accepts the committed icons', async () => {
    expect(checkIcon(await readFile(join(manifestSource, 'color.png')), { file: 'color.png', kind: 'color' })).toEqual([]);
    expect(checkIcon(await readFile(join(manifestSource, 'outline.png')), { file: 'outline.png', kind: 'outline' })).toEqual([]);
  });

  it('reports a file that is not a PNG', () => {
    expect(checkIcon(Buffer.from('GIF89a'), { file: 'color.png', kind: 'color' })[0]).toMatch(/^color\.png \(color icon\) is not a readable PNG file/);
  });
});
