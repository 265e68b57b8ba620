// Finds the Chromium that the tests, checks and benchmarks drive, and says which one it is.
//
// In this order, taking the first that really starts (launched, a page opened and a script run:
// a file that merely exists, or answers --version, is not enough):
//   1. CHROME_PATH, when set (and then only it: a broken CHROME_PATH is an error, not skipped);
//   2. a Chrome or Chromium installed on the system (PATH and the usual install paths of Linux,
//      macOS and Windows);
//   3. on Linux x64, the headless Chromium inside the npm package @sparticuz/chromium (a
//      devDependency, so `npm install` brought it; nothing is downloaded from anywhere else),
//      unpacked once into node_modules/.cache/mentorship-kit/.
// MK_BROWSER=system or MK_BROWSER=registry takes only that kind (CI runs the suite on both).
//
//   import { findBrowser } from './find-browser.mjs';
//   const { path, version, label } = await findBrowser();
//
// `node scripts/find-browser.mjs` prints what it found.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REGISTRY_PACKAGE = '@sparticuz/chromium';
/** Flags for every launch here: root in a container needs --no-sandbox; no GPU on a CI machine. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

/** The usual places of Chrome and Chromium on `platform`, most likely first. */
export function systemCandidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'];
    return ['/Applications', join(homedir(), 'Applications')].flatMap((dir) => apps.map((app) => join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean);
    return roots.flatMap((root) => [`${root}\\Google\\Chrome\\Application\\chrome.exe`, `${root}\\Chromium\\Application\\chrome.exe`]);
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => names.map((name) => join(dir, name)));
  return [...onPath, ...names.map((name) => `/usr/bin/${name}`), '/snap/bin/chromium', '/opt/google/chrome/chrome'];
}

/**
 * Launches `path` headless, opens a page and runs a script in it. Resolves with the browser's
 * version, or rejects with why it did not start (a missing file, a stub, a crash, a timeout).
 */
export async function probeBrowser(path, { timeout = 60_000 } = {}) {
  if (!existsSync(path)) throw new Error('no such file');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, timeout });
  try {
    const page = await browser.newPage();
    const answer = await page.evaluate(() => 6 * 7);
    if (answer !== 42) throw new Error(`a page computed 6 × 7 = ${answer}`);
    return browser.version();
  } finally {
    await browser.close();
  }
}

/** Where @sparticuz/chromium keeps its compressed files, and its version; undefined when not installed. */
function registryPackage() {
  try {
    // Its exports do not include package.json: look in the node_modules folders Node would search.
    const folders = createRequire(join(ROOT, 'package.json')).resolve.paths(REGISTRY_PACKAGE) ?? [];
    const dir = folders.map((folder) => join(folder, REGISTRY_PACKAGE)).find((d) => existsSync(join(d, 'bin', 'chromium.br')));
    if (!dir) return undefined;
    return { bin: join(dir, 'bin'), version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
  } catch {
    return undefined;
  }
}

/**
 * The Chromium of @sparticuz/chromium, unpacked (once per version) into node_modules/.cache:
 * its brotli-compressed binary, the SwiftShader libraries beside it, the NSS libraries and a font
 * it ships for machines that have none, and a `chrome` script that starts it with those. Another
 * process unpacking at the same time is harmless: each unpacks into its own folder, the first
 * rename wins.
 */
export async function registryChromium({ cacheDir = join(ROOT, 'node_modules', '.cache', 'mentorship-kit') } = {}) {
  const pkg = registryPackage();
  if (!pkg) throw new Error(`${REGISTRY_PACKAGE} is not installed (run npm install)`);
  const dir = join(cacheDir, `chromium-${pkg.version}`);
  const launcher = join(dir, 'chrome');
  if (existsSync(launcher)) return { path: launcher, packageVersion: pkg.version };

  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const unbrotli = (file, out) => pipeline(createReadStream(join(pkg.bin, file)), createBrotliDecompress(), createWriteStream(out, { mode: 0o755 }));
    await unbrotli('chromium.br', join(staging, 'chromium'));
    for (const [file, into] of [['swiftshader.tar.br', '.'], ['fonts.tar.br', 'fonts'], ['al2023.tar.br', 'al2023']]) {
      const tar = join(staging, `${into === '.' ? 'swiftshader' : into}.tar`);
      await unbrotli(file, tar);
      mkdirSync(join(staging, into), { recursive: true });
      execFileSync('tar', ['--no-same-owner', '-xf', tar, '-C', join(staging, into)]);
      rmSync(tar);
    }
    // The system's fonts when it has them, and the package's Open Sans whatever happens.
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${dir}/fonts/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
    );
    writeFileSync(
      join(staging, 'chrome'),
      `#!/bin/sh\n# Written by scripts/find-browser.mjs: the headless Chromium of ${REGISTRY_PACKAGE} ${pkg.version},\n# with the NSS libraries and the font configuration it ships.\nhere='${dir}'\nLD_LIBRARY_PATH="$here/al2023/lib\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" FONTCONFIG_PATH="$here" exec "$here/chromium" "$@"\n`,
      { mode: 0o755 },
    );
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(launcher)) throw error; // else another process finished first
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { path: launcher, packageVersion: pkg.version };
}

/**
 * The browser to use: { path, version, source: 'CHROME_PATH' | 'system' | 'registry', label,
 * skipped: [{ path, reason }] }. Rejects, listing what it tried, when none starts.
 * `candidates` and `registry` are there for the finder's own tests.
 */
export async function findBrowser({
  env = process.env,
  platform = process.platform,
  arch = process.arch,
  candidates = systemCandidates(platform, env),
  registry = registryChromium,
  probe = probeBrowser,
} = {}) {
  // Set by scripts/test.mjs for the runner it starts, so the browser is probed once per npm test.
  if (env.MK_BROWSER_FOUND) return JSON.parse(env.MK_BROWSER_FOUND);

  const skipped = [];
  const found = (path, version, source, detail) => ({ path, version, source, label: `Chromium ${version} (${detail})`, skipped });

  if (env.CHROME_PATH) {
    try {
      return found(env.CHROME_PATH, await probe(env.CHROME_PATH), 'CHROME_PATH', `CHROME_PATH=${env.CHROME_PATH}`);
    } catch (error) {
      throw new Error(`CHROME_PATH=${env.CHROME_PATH} does not start a browser: ${firstLine(error)}. Point it at Chrome or Chromium, or unset it to let npm test find one.`);
    }
  }

  const only = env.MK_BROWSER || 'auto';
  if (!['auto', 'system', 'registry'].includes(only)) throw new Error(`MK_BROWSER=${only}: use system, registry or leave it unset`);

  if (only !== 'registry') {
    const seen = new Set();
    for (const path of candidates) {
      if (!existsSync(path)) continue;
      const real = realpathSync(path);
      if (seen.has(real)) continue;
      seen.add(real);
      try {
        return found(path, await probe(path), 'system', path);
      } catch (error) {
        skipped.push({ path, reason: firstLine(error) });
      }
    }
  }

  if (only !== 'system') {
    if (platform === 'linux' && arch === 'x64') {
      try {
        const { path, packageVersion } = await registry();
        return found(path, await probe(path), 'registry', `${REGISTRY_PACKAGE} ${packageVersion} from the npm registry`);
      } catch (error) {
        skipped.push({ path: REGISTRY_PACKAGE, reason: firstLine(error) });
      }
    } else {
      skipped.push({ path: REGISTRY_PACKAGE, reason: `ships a Chromium for Linux x64 only, not ${platform} ${arch}` });
    }
  }

  const tried = skipped.length ? skipped.map((s) => `\n  - ${s.path}: ${s.reason}`).join('') : ' nothing (no Chrome or Chromium in the usual places)';
  throw new Error(
    `No browser for the tests${only === 'auto' ? '' : ` (MK_BROWSER=${only})`}. Tried:${tried}\n` +
      'Install Chrome or Chromium (Debian/Ubuntu: sudo apt-get install -y chromium), or set CHROME_PATH to one.',
  );
}

const firstLine = (error) => String(error?.message ?? error).split('\n').find((line) => line.trim()) ?? 'failed';

/** One line for a log: which browser, which version, and the candidates passed over. */
export function describeBrowser(browser) {
  const passed = browser.skipped?.length ? `; passed over: ${browser.skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}` : '';
  return `Browser: ${browser.label}${passed}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(describeBrowser(await findBrowser()));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
