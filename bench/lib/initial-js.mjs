import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The subset of Vite's build manifest (`build.manifest: true`, .vite/manifest.json) used here.
 * @typedef {object} ManifestChunk
 * @property {string} file
 * @property {string[]} [imports]         keys of statically imported chunks
 * @property {string[]} [dynamicImports]  keys of lazily imported chunks (not counted)
 * @property {string[]} [css]
 * @property {boolean} [isEntry]
 */

/**
 * @typedef {object} InitialJs
 * @property {string} html            the HTML entry, as keyed in the manifest (e.g. "index.html")
 * @property {string[]} files         JS files fetched before the page can run, relative to outDir
 * @property {number} rawBytes
 * @property {number} gzipBytes       sum of each file gzipped on its own (level 9)
 * @property {string[]} css           CSS files the entry links (reported, not counted)
 */

/**
 * @param {string} outDir
 * @returns {Promise<Record<string, ManifestChunk>>}
 */
export async function readManifest(outDir) {
  const path = join(outDir, '.vite', 'manifest.json');
  const text = await readFile(path, 'utf8').catch(() => {
    throw new Error(`No Vite manifest at ${path}: build with build.manifest = true`);
  });
  return JSON.parse(text);
}

/**
 * Script and modulepreload URLs in a built HTML page, as written (e.g. "/assets/index-abc.js").
 * @param {string} html
 * @returns {string[]}
 */
export function scriptUrlsInHtml(html) {
  const urls = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attr = (/** @type {string} */ name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    if (/^<script/i.test(tag) && attr('type') === 'module' && attr('src')) urls.push(/** @type {string} */ (attr('src')));
    if (/^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href')) urls.push(/** @type {string} */ (attr('href')));
  }
  return urls;
}

/**
 * The JavaScript a built HTML page loads before it can run: its entry chunk and, transitively,
 * every chunk it imports statically. Lazy chunks (`import()`) are left out on purpose: they are
 * what keeps the first load small. The manifest's answer is cross-checked against the
 * <script>/<link rel="modulepreload"> tags Vite wrote into the page; a mismatch is an error,
 * since then one of the two is not what the browser fetches.
 *
 * @param {string} outDir  Vite's build.outDir
 * @param {string} htmlEntry  the HTML input relative to the Vite root, e.g. "index.html"
 * @param {{ base?: string }} [options]  Vite's `base` (default "/")
 * @returns {Promise<InitialJs>}
 */
export async function initialJs(outDir, htmlEntry, options = {}) {
  const base = options.base ?? '/';
  const manifest = await readManifest(outDir);
  const entry = manifest[htmlEntry];
  if (!entry) {
    throw new Error(`${htmlEntry} is not an entry of the build in ${outDir} (entries: ${Object.keys(manifest).join(', ')})`);
  }

  /** @type {Set<string>} */
  const files = new Set();
  /** @type {Set<string>} */
  const css = new Set();
  /** @param {string} key */
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`Manifest of ${outDir} lists an import "${key}" it does not describe`);
    if (files.has(chunk.file)) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(htmlEntry);

  // Vite writes an HTML input to the same relative path in outDir; `entry.file` is its JS chunk.
  const html = await readFile(join(outDir, htmlEntry), 'utf8');
  const fromHtml = new Set(
    scriptUrlsInHtml(html)
      .filter((url) => url.startsWith(base))
      .map((url) => url.slice(base.length)),
  );
  const missing = [...files].filter((f) => !fromHtml.has(f));
  const extra = [...fromHtml].filter((f) => !files.has(f));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `${htmlEntry}: the manifest and the built page disagree on the initial JS` +
        ` (only in manifest: ${missing.join(', ') || 'none'}; only in page: ${extra.join(', ') || 'none'})`,
    );
  }

  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = await readFile(join(outDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { html: htmlEntry, files: [...files].sort(), rawBytes, gzipBytes, css: [...css].sort() };
}

/**
 * The HTML entries of a build, from its manifest.
 * @param {Record<string, ManifestChunk>} manifest
 * @returns {string[]}
 */
export function htmlEntries(manifest) {
  return Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isEntry === true && key.endsWith('.html'))
    .map(([key]) => key)
    .sort();
}
