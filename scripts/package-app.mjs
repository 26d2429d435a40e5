/**
 * `npm run package [-- --env <name>]`: builds the Teams app package an administrator uploads.
 *
 * 1. fills the `${{VARS}}` of manifest/manifest.json (and of every file it refers to that is JSON)
 *    from `.env.<name>` (default `.env.local`; see env.sample), failing on any variable left unset;
 * 2. validates the manifest and its localization files OFFLINE against the schema that
 *    @microsoft/app-manifest bundles for the manifest's `manifestVersion` (it would otherwise
 *    fetch the schema from developer.microsoft.com);
 * 3. checks the icons: color 192x192, outline 32x32 white on transparent;
 * 4. writes appPackage/build/appPackage.<name>.zip with manifest.json and every file the manifest
 *    refers to (icons, localization files, and whatever a later block such as `extensions`
 *    refers to by relative path), flat at the root of the zip as Teams expects.
 *
 * Every problem is collected and reported at once, each saying what to fix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Thrown with every problem found; `problems` are complete sentences that say what to fix. */
export class PackageError extends Error {
  /** @param {readonly string[]} problems */
  constructor(problems) {
    super(`The app package was not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
    /** @readonly */
    this.problems = problems;
  }
}

/**
 * Parses a dotenv-style file: `NAME=value` lines, `#` comments, optional quotes. No expansion.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseEnvFile(text) {
  /** @type {Record<string, string>} */
  const vars = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const [, name = '', raw = ''] = m;
    vars[name] = raw.replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces `${{NAME}}` with the variable's value; values are JSON-string escaped because every
 * placeholder sits inside a JSON string.
 * @param {string} text
 * @param {Readonly<Record<string, string>>} vars
 * @returns {{ text: string; missing: string[] }}
 */
export function fillVariables(text, vars) {
  /** @type {Set<string>} */
  const missing = new Set();
  const filled = text.replace(PLACEHOLDER, (_, /** @type {string} */ name) => {
    const value = vars[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing: [...missing].sort() };
}

/**
 * Checks one icon against Teams' rules.
 * @param {Buffer} bytes
 * @param {{ file: string; kind: 'color' | 'outline' }} spec
 * @returns {string[]} problems
 */
export function checkIcon(bytes, { file, kind }) {
  const size = kind === 'color' ? 192 : 32;
  /** @type {PNG} */
  let png;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [`${file} (${kind} icon) is not a readable PNG file (${error instanceof Error ? error.message : String(error)}): export it as PNG.`];
  }
  if (png.width !== size || png.height !== size) {
    return [`${file} (${kind} icon) is ${png.width}x${png.height} pixels; Teams requires exactly ${size}x${size}.`];
  }
  if (kind === 'color') return [];
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3] ?? 0;
    if (alpha === 0) {
      transparent++;
      continue;
    }
    const [r = 0, g = 0, b = 0] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < 250 || g < 250 || b < 250) notWhite++;
  }
  const problems = [];
  if (transparent === 0) {
    problems.push(`${file} (outline icon) has no transparent pixels; Teams requires a white outline on a transparent background.`);
  }
  if (notWhite > 0) {
    problems.push(`${file} (outline icon) has ${notWhite} visible pixels that are not white; draw the outline in white (#FFFFFF) only.`);
  }
  return problems;
}

const require = createRequire(import.meta.url);

/**
 * The JSON schema @microsoft/app-manifest bundles for a manifest version, or null.
 * @param {string} manifestVersion
 * @param {'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'} file
 */
function bundledSchema(manifestVersion, file) {
  const dir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(dir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/**
 * The bundled localization schema, repaired: its `activities.activityTypes[..]` pattern has a
 * lone `]` that Ajv's unicode-mode RegExp rejects ("Lone quantifier brackets"), which makes every
 * localization file fail to compile. Escaping that `]` keeps the pattern's meaning.
 * @param {string} manifestVersion
 */
function localizationSchema(manifestVersion) {
  const schema = bundledSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json');
  if (!schema?.patternProperties) return schema;
  /** @type {Record<string, unknown>} */
  const patterns = {};
  for (const [key, value] of Object.entries(schema.patternProperties)) patterns[key.replace(/\\b\]/g, '\\b\\]')] = value;
  return { ...schema, patternProperties: patterns };
}

/** The newest Teams manifest schema version that @microsoft/app-manifest bundles. */
export function newestBundledSchemaVersion() {
  const dir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
  const names = readdirSync(dir);
  const versions = names
    .filter((n) => /^v\d+\.\d+$/.test(n))
    .map((n) => n.slice(1))
    .sort((a, b) => {
      const [am = 0, an = 0] = a.split('.').map(Number);
      const [bm = 0, bn = 0] = b.split('.').map(Number);
      return am - bm || an - bn;
    });
  const newest = versions.at(-1);
  if (newest === undefined) throw new Error('@microsoft/app-manifest bundles no Teams schema');
  return newest;
}

/**
 * Relative file paths the manifest refers to. Known references (icons, localization files) must
 * exist; any other string value that names an existing file beside the manifest (for example
 * in a later `extensions` block) is included too.
 * @param {unknown} manifest
 * @param {string} dir
 * @returns {{ required: { path: string; where: string }[]; optional: string[] }}
 */
function referencedFiles(manifest, dir) {
  /** @type {{ path: string; where: string }[]} */
  const required = [];
  /** @type {Set<string>} */
  const optional = new Set();
  /**
   * @param {unknown} node
   * @param {string} where
   */
  const walk = (node, where) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${where}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, where ? `${where}.${k}` : k);
    } else if (typeof node === 'string') {
      const known =
        /^icons\.(color|outline|color32x32)$/.test(where) ||
        where === 'localizationInfo.defaultLanguageFile' ||
        /^localizationInfo\.additionalLanguages\[\d+\]\.file$/.test(where);
      if (known) required.push({ path: node, where });
      else if (!/^[a-z][a-z0-9+.-]*:/i.test(node) && /\.[A-Za-z0-9]{2,5}$/.test(node) && !node.includes('/..') && existsSync(join(dir, node))) {
        optional.add(node);
      }
    }
  };
  walk(manifest, '');
  return { required, optional: [...optional].filter((p) => !required.some((r) => r.path === p)) };
}

/**
 * Builds the package. Throws PackageError listing every problem; writes nothing then.
 * @param {{ manifestDir?: string; vars: Readonly<Record<string, string>>; envName: string; outDir?: string }} options
 * @returns {Promise<{ zipPath: string; files: string[]; manifest: Record<string, unknown> }>}
 */
export async function buildAppPackage({ manifestDir = join(root, 'manifest'), vars, envName, outDir = join(root, 'appPackage', 'build') }) {
  /** @type {string[]} */
  const problems = [];
  const manifestPath = join(manifestDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new PackageError([`${manifestPath} does not exist: the manifest is the one source of the package.`]);
  const filled = fillVariables(await readFile(manifestPath, 'utf8'), vars);
  for (const name of filled.missing) {
    problems.push(`manifest.json uses \${{${name}}} but ${name} is not set in .env.${envName} (env.sample documents it).`);
  }
  /** @type {Record<string, unknown>} */
  let manifest;
  try {
    manifest = JSON.parse(filled.text);
  } catch (error) {
    throw new PackageError([...problems, `manifest.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`]);
  }
  const version = String(manifest.manifestVersion ?? '');
  const schema = bundledSchema(version, 'MicrosoftTeams.schema.json');
  if (!schema) {
    problems.push(
      `manifest.json has manifestVersion "${version}", for which @microsoft/app-manifest bundles no schema; use "${newestBundledSchemaVersion()}" (and the matching $schema URL).`,
    );
  } else {
    // The schema is passed in, so the validator never fetches it from the network.
    const errors = await AppManifestUtils.validateAgainstSchema(/** @type {never} */ (manifest), schema);
    for (const e of errors) problems.push(`manifest.json does not match the Teams ${version} schema: ${e.trim()}`);
  }

  const refs = referencedFiles(manifest, manifestDir);
  /** @type {Map<string, Buffer | string>} */
  const files = new Map();
  for (const { path, where } of refs.required) {
    const full = resolve(manifestDir, path);
    if (relative(manifestDir, full).startsWith('..') || normalize(path) !== path || path.includes('/')) {
      problems.push(`${where} is "${path}": refer to a file directly beside manifest.json (Teams reads the package flat).`);
      continue;
    }
    if (!existsSync(full)) {
      problems.push(`${where} refers to "${path}", which does not exist beside manifest.json: add the file or fix the name.`);
      continue;
    }
    const bytes = await readFile(full);
    if (where.startsWith('icons.')) {
      const kind = where === 'icons.outline' ? 'outline' : 'color';
      if (where !== 'icons.color32x32') problems.push(...checkIcon(bytes, { file: path, kind }));
      files.set(path, bytes);
    } else {
      const loc = fillVariables(bytes.toString('utf8'), vars);
      for (const name of loc.missing) problems.push(`${path} uses \${{${name}}} but ${name} is not set in .env.${envName}.`);
      /** @type {unknown} */
      let json;
      try {
        json = JSON.parse(loc.text);
      } catch (error) {
        problems.push(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
        continue;
      }
      const locSchema = localizationSchema(version);
      if (locSchema) {
        const errors = await AppManifestUtils.validateAgainstSchema(/** @type {never} */ (json), locSchema);
        for (const e of errors) problems.push(`${path} does not match the Teams ${version} localization schema: ${e.trim()}`);
      }
      files.set(path, loc.text);
    }
  }
  for (const path of refs.optional) files.set(path, await readFile(join(manifestDir, path)));

  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, content] of files) zip.file(path, content);
  await mkdir(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, files: ['manifest.json', ...files.keys()], manifest };
}

/** @param {string[]} argv */
async function main(argv) {
  const i = argv.findIndex((a) => a === '--env' || a.startsWith('--env='));
  const envName = i < 0 ? 'local' : argv[i]?.includes('=') ? (argv[i]?.split('=')[1] ?? '') : (argv[i + 1] ?? '');
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new PackageError([`"${envName}" is not an environment name: use letters, digits, - or _ (e.g. --env dev).`]);
  const envFile = join(root, `.env.${envName}`);
  if (!existsSync(envFile)) {
    throw new PackageError([`.env.${envName} does not exist: copy env.sample to .env.${envName} and fill in the Teams variables.`]);
  }
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const vars = { APP_VERSION: String(pkg.version), ...parseEnvFile(await readFile(envFile, 'utf8')) };
  const { zipPath, files } = await buildAppPackage({ vars, envName });
  console.log(`Wrote ${relative(root, zipPath)} (${files.join(', ')})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
