/** Starts `node --import tsx server/main.ts` (what `npm run server` runs) as a real process for the resilience and scale-out tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CATALOG } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (or `signal`) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The tests' catalog as a CATALOG file (every spawned server loads it). */
let catalogFile: string | undefined;
export function testCatalogFile(): string {
  if (!catalogFile) {
    const folder = mkdtempSync(join(tmpdir(), 'mk-catalog-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    catalogFile = join(folder, 'catalog.json');
    writeFileSync(catalogFile, JSON.stringify(TEST_CATALOG));
  }
  return catalogFile;
}

/** Resolves once the server prints MK_SERVER_URL; rejects with its output if it exits first. */
export function spawnServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CATALOG: testCatalogFile(), ...env })) if (v !== undefined) childEnv[k] = v;
  // One process, as `npm run server` runs it (node --import tsx): signals reach main.ts directly.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Never leave a server behind when a test fails half-way.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /MK_SERVER_URL=(\S+)/.exec(out);
      if (!match) return;
      child.stdout!.off('data', onData);
      resolve({
        url: match[1]!,
        child,
        output: () => out,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(Object.assign(new Error(`server exited (${code}) before it started:\n${out}`), { code, out })));
  });
}

/** Polls `probe` until it returns true (at most `tries` times, `everyMs` apart). */
export async function eventually(probe: () => Promise<boolean>, tries = 100, everyMs = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await probe().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}
