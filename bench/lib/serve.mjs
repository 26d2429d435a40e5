import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** @type {Readonly<Record<string, string>>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * @typedef {object} StaticServer
 * @property {string} url    base URL with a trailing slash, e.g. "http://127.0.0.1:40123/"
 * @property {number} port
 * @property {() => Promise<void>} close
 */

/**
 * Serves a directory over HTTP on 127.0.0.1 and an ephemeral port, for benchmarks that load a
 * built page in Chromium. Unknown paths without an extension fall back to index.html (a SPA).
 * @param {string} dir
 * @param {{ headers?: Readonly<Record<string, string>> }} [options] extra response headers
 * @returns {Promise<StaticServer>}
 */
export async function serveDirectory(dir, options = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info && extname(file) === '') {
        file = join(root, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
        'Cache-Control': 'no-store',
        ...options.headers,
      });
      createReadStream(file).pipe(res);
    })().catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('HTTP server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise((ok, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : ok()));
      }),
  };
}
