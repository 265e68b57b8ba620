// Browser tests in headless Chromium: the one scripts/find-browser.mjs finds (CHROME_PATH, a system
// Chrome/Chromium that starts, or on Linux the one @sparticuz/chromium ships). See README "Tests".
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, describeBrowser, findBrowser } from './scripts/find-browser.mjs';

const browser = await findBrowser();
if (!process.env.MK_BROWSER_FOUND) console.log(describeBrowser(browser)); // else npm test said it already
const executablePath = browser.path;

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
        args: [...CHROMIUM_ARGS, '--lang=en-US'],
        // The tests read an element's default locale (navigator.language) as English, whatever the
        // machine's locale: Chrome takes --lang, headless Chromium on Linux takes LANG.
        env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
      },
    }),
  ],
  // A hang detector, not a speed test: generous, for a machine busy with other work.
  testFramework: { config: { timeout: 60000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <body>
        <script>window.__MK_SERVER__ = ${JSON.stringify(process.env.MK_SERVER_URL || '')};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
