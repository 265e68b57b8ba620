// Opens demo/plain.html from the built files (npm run build first) in headless Chromium, served
// with a strict Content-Security-Policy, and fails unless every element becomes interactive with
// no console error and no CSP violation, also after the booking's click-through to its details
// form (a chunk with its own styles). Run by .ci/run after the build.
import { chromium } from 'playwright-core';
import { startPreview } from './preview.mjs';
import { findBrowser } from './find-browser.mjs';

const server = await startPreview(0);
const port = server.address().port;
const browser = await chromium.launch({
  executablePath: (await findBrowser()).path,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`HTTP ${r.status()} for ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/demo/plain.html`);
  const tags = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];
  for (const tag of tags) {
    await page.waitForSelector(`${tag}[state="ready"], ${tag}[state="empty"]`, { timeout: 15_000 }).catch(() => problems.push(`${tag} never became ready`));
  }
  const shown = await page.evaluate(() => document.querySelector('commitment-calculator').shadowRoot.textContent);
  if (!shown.includes('5.5')) problems.push('the calculator does not show the mentee\'s 5.5 hours');
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[locale]')) el.removeAttribute('locale');
    document.querySelector('commitment-calculator').setAttribute('locale', 'de-DE');
  });
  await page.waitForFunction(() => document.querySelector('commitment-calculator').shadowRoot.textContent.includes('5,5'), null, { timeout: 5000 }).catch(() => problems.push('dist/locales/de.js did not make the calculator German'));
  // The booking's details form comes with a chunk (its code, text and styles): walk there, so its
  // load and its styles are checked under the CSP too.
  const booking = (selector) => page.locator(`mentor-booking ${selector}`).first();
  for (const step of ['type', 'mentor']) {
    if (await page.locator(`mentor-booking [data-step=${step}]`).count()) await booking('[part=choice]').click();
  }
  await booking('[data-free]').click();
  await booking('[part=time]').click();
  const display = await booking('form[part=form]')
    .evaluate((form) => getComputedStyle(form).display, null, { timeout: 15_000 })
    .catch(() => 'none: the details form never showed');
  if (display !== 'grid') problems.push(`the booking's details form is not laid out by its styles (display: ${display})`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(`demo/plain.html from dist/ under a strict CSP:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('demo/plain.html works from dist/mentorship-kit.js under a strict CSP');
