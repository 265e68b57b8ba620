// npm test: every test. Browser tests run in Debian's Chromium through @web/test-runner;
// server tests run on Node. Fails when any part fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

let failed = 0;
if (existsSync('test/server') && readdirSync('test/server').some((f) => f.endsWith('.test.ts'))) {
  failed += run('node_modules/.bin/tsx', ['--test', ...readdirSync('test/server').filter((f) => f.endsWith('.test.ts')).map((f) => `test/server/${f}`)]) ? 1 : 0;
}
failed += run('node_modules/.bin/web-test-runner', ['--config', 'web-test-runner.config.mjs']) ? 1 : 0;
process.exit(failed ? 1 : 0);
