/** Starts `server/main.ts` as a real process (for the multi-process tests on PostgreSQL). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (graceful) or SIGKILL (a crash); resolves when it has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // node itself with tsx as a loader (not the tsx wrapper), so a signal reaches the server process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const stop = (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (void stop('SIGKILL'), reject(new Error(`server did not start in 90 s:\n${out}`))), 90_000);
    const onData = () => {
      const match = /MK_SERVER_URL=(\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({ url: match[1]!, child, output: () => out, stop });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited (${code}) before it started:\n${out}`))));
  });
}
