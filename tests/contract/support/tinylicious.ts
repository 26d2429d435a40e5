/**
 * A local Fluid service (tinylicious, devDependency) for the Live Share tests and the
 * meeting-channel benchmark: its own free port and its own storage folder, so runs on a shared
 * machine neither collide on port 7070 nor share /var/tmp/tinylicious (its default store).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InsecureTokenProvider } from '@fluidframework/test-client-utils';
import { TestLiveShareHost, type ILiveShareClientOptions, type ILiveShareHost } from '@microsoft/live-share';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface Tinylicious {
  endpoint: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts tinylicious and resolves once it listens (it logs "Listening on port N"). */
export async function startTinylicious(timeoutMs = 30_000): Promise<Tinylicious> {
  const port = await freePort();
  const storage = await mkdtemp(join(tmpdir(), 'helhed-tinylicious-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/tinylicious/dist/index.js')], {
    cwd: ROOT,
    // nconf reads the environment: `storage` moves its git store out of /var/tmp/tinylicious.
    env: { ...process.env, PORT: String(port), storage },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    await new Promise<void>((ready, reject) => {
      const timer = setTimeout(() => reject(new Error(`tinylicious did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`Listening on port ${port}`)) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`tinylicious exited (code ${String(code)}) before listening:\n${output}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await rm(storage, { recursive: true, force: true });
    throw error;
  }
  // Keep reading so a full pipe never blocks the server; the log is not needed after start.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  return {
    endpoint: `http://localhost:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(storage, { recursive: true, force: true });
    },
  };
}

/**
 * The Live Share side of one test meeting on tinylicious: every participant gets their own host
 * and options (their own LiveShareClient, so their own Fluid connection), all pointing at the
 * same container once one of them created it.
 */
export class LocalLiveShareMeeting {
  private containerId: string | undefined;

  constructor(private readonly endpoint: string) {}

  /** TestLiveShareHost reads and writes the container id here instead of the page's #hash. */
  host(): ILiveShareHost {
    return TestLiveShareHost.create(
      () => this.containerId,
      (id) => {
        this.containerId = id;
      },
    );
  }

  /** Fluid's local connection; the test user needs both `id` and `name`. */
  options(userId: string): ILiveShareClientOptions {
    // IUser of test-client-utils 1.4 declares only `id`; Live Share's test host also reads `name`.
    const user = { id: userId, name: userId };
    return {
      connection: {
        type: 'local',
        tokenProvider: new InsecureTokenProvider('', user),
        endpoint: this.endpoint,
      },
    };
  }

  /** True once a participant created the container (others then join it instead of making their own). */
  get created(): boolean {
    return this.containerId !== undefined;
  }
}
