// Browser tests in Debian's Chromium (no browser download). See README "Tests".
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';

const executablePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!executablePath) {
  throw new Error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH.');
}

export default {
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--lang=en-US'],
        // The tests read an element's default locale (navigator.language) as English, whatever the
        // machine's locale: Chrome takes --lang, headless Chromium on Linux takes LANG.
        env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <body>
        <script>window.__MK_SERVER__ = ${JSON.stringify(process.env.MK_SERVER_URL || '')};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
