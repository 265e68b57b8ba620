// npm run screenshots: the demo page's elements in their main states, at 360 and 1280 px wide, in
// light and dark, as PNGs in screenshots/ (gitignored: CI keeps them as artefacts). At 1280 px the
// elements are also squeezed into a 320 px sidebar column, where only container queries help.
// Exits non-zero when anything is wider than the screen (or its element), or text is cut off.
//
//   node scripts/screenshot.mjs [--url http://127.0.0.1:5173/] [--out screenshots]
//                               [--widths 360,1280] [--schemes light,dark] [--only booking]
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser.mjs';
import { findOverflow } from './find-overflow.js';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    out: { type: 'string', default: 'screenshots' },
    widths: { type: 'string', default: '360,1280' },
    schemes: { type: 'string', default: 'light,dark' },
    only: { type: 'string' },
  },
});

const TAGS = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];
const LONG_NAME = 'Maximiliane Alexandra Wolkenstein-Oberhausen';
const LONG_EMAIL = 'maximiliane.alexandra.wolkenstein-oberhausen@mentoring-department.example.com';
const LONG_NOTE = 'Went through https://example.com/a/very/long/path/to/the/system-design-review-notes-for-the-payments-service';

/** The element's states, in order, on one page; `shot` saves one and checks it for overflow. */
const scenarios = {
  async calculator(page, shot) {
    await shot('calculator', page.locator('commitment-calculator'));
  },
  async picker(page, shot) {
    const picker = page.locator('program-picker');
    await shot('picker', picker);
    const boxes = picker.locator('input[type=checkbox]');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await shot('picker-compare', picker);
  },
  async booking(page, shot) {
    const booking = page.locator('mentor-booking');
    await shot('booking-type', booking);
    await booking.locator('[part=choice]').first().click();
    await shot('booking-mentor', booking);
    await booking.locator('[part=choice]').first().click();
    await booking.locator('[data-free]').first().waitFor();
    await shot('booking-day', booking);
    await booking.locator('[data-free]').first().click();
    await shot('booking-time', booking);
    await booking.locator('[part=time]').first().click();
    await booking.locator('button.primary').click();
    await shot('booking-details-errors', booking);
    await booking.locator('#name').fill(LONG_NAME);
    await booking.locator('#email').fill(LONG_EMAIL);
    await booking.locator('#careerLevel').selectOption({ index: 2 });
    await booking.locator('#goals').fill('Lead the design of a system across three teams.');
    await booking.locator('button.primary').click();
    await booking.locator('[part=summary]').waitFor();
    await shot('booking-done', booking);
  },
  async series(page, shot) {
    const booking = page.locator('mentor-booking');
    await booking.locator('[part=choice]').first().click();
    await booking.locator('[part=choice]').first().click();
    await booking.locator('[data-free]').first().click();
    await booking.locator('[part=time]').first().click();
    await booking.locator('#name').fill(LONG_NAME);
    await booking.locator('#email').fill(LONG_EMAIL);
    await booking.locator('#careerLevel').selectOption({ index: 2 });
    await booking.locator('[part=repeat] input[type=checkbox]').check();
    await booking.locator('[part=occurrences]').waitFor();
    await shot('series-plan', booking);
    // Occurrences past the mentor's horizon (or taken) are conflicts: leave each out.
    const conflicts = booking.locator('[data-status=conflict] button');
    while (await conflicts.count()) await conflicts.first().click();
    await shot('series-resolved', booking);
    await booking.locator('button.primary').click();
    await booking.locator('[data-step=series]').waitFor();
    await shot('series-done', booking);
  },
  async tracker(page, shot) {
    const tracker = page.locator('session-tracker');
    await shot('tracker-empty', tracker);
    await page.evaluate(async (note) => {
      const { client } = document.querySelector('mentorship-provider');
      const day = 86_400_000;
      const activities = ['one-on-one', 'code-review', 'weekly-review', 'project-practice'];
      for (let i = 0; i < 12; i++) {
        await client.sessions.add({
          start: new Date(Date.now() - i * 2.5 * day).toISOString(),
          minutes: 45 + (i % 4) * 30,
          activity: activities[i % 4],
          mentor: i % 3 ? 'Lena Hoffmann' : 'Dr. Adaeze Okonkwo-Vandenberghe',
          notes: i === 0 ? note : '',
          tags: i % 2 ? ['system-design', 'architecture-decision-records'] : [],
        });
      }
      await client.plan.update({ roleId: 'mentee', weeklyHours: 5.5 });
    }, LONG_NOTE);
    await tracker.locator('.rows li').first().waitFor();
    await shot('tracker-sessions', tracker);
  },
};

async function run() {
  let server;
  let url = options.url;
  if (!url) {
    const { createServer } = await import('vite');
    server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, strictPort: false } });
    await server.listen();
    url = server.resolvedUrls.local[0];
  }
  mkdirSync(options.out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: (await findBrowser()).path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const failures = [];
  let count = 0;
  try {
    const layouts = options.widths.split(',').map(Number).flatMap((width) => (width >= 1000 ? [[width, ''], [width, 'sidebar']] : [[width, '']]));
    for (const [width, sidebar] of layouts) {
      for (const scheme of options.schemes.split(',')) {
        for (const [scenario, steps] of Object.entries(scenarios)) {
          if (options.only && !scenario.startsWith(options.only)) continue;
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
          const page = await context.newPage();
          page.on('pageerror', (error) => failures.push(`${scenario} ${width} ${scheme}: page error ${error.message}`));
          await page.goto(url, { waitUntil: 'networkidle' });
          // A host page's sidebar: the window is wide, the elements' column is not.
          if (sidebar) await page.addStyleTag({ content: `${TAGS.join(', ')} { max-inline-size: 320px; }` });
          await page.waitForFunction((tags) => tags.every((tag) => document.querySelector(tag)?.getAttribute('state') !== 'loading'), TAGS);
          const label = `${width}${sidebar ? '-sidebar' : ''}-${scheme}`;
          const shot = async (name, locator) => {
            await page.evaluate(() => document.fonts.ready);
            await locator.scrollIntoViewIfNeeded();
            await locator.screenshot({ path: `${options.out}/${name}-${label}.png`, animations: 'disabled' });
            count++;
            for (const problem of await page.evaluate(findOverflow, TAGS)) failures.push(`${name} ${label}: ${problem}`);
          };
          try {
            await steps(page, shot);
            if (scenario === 'tracker' && !sidebar && width < 1000) await page.screenshot({ path: `${options.out}/page-${label}.png`, fullPage: true });
          } catch (error) {
            failures.push(`${scenario} ${label}: ${error.message.split('\n')[0]}`);
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server?.close();
  }
  console.log(`${count} screenshots in ${options.out}/`);
  if (failures.length) {
    console.error(`Overflow or errors:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await run();
