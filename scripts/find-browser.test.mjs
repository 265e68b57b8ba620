// The browser finder, with stubs where a system Chromium would be: a binary that is there but does
// not start must never win, and with no usable system browser, Linux x64 gets the registry's.
// Run by npm test (scripts/test.mjs passes the browser it found in MK_BROWSER_FOUND).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findBrowser, probeBrowser, systemCandidates } from './find-browser.mjs';

const linuxX64 = process.platform === 'linux' && process.arch === 'x64';
/** Stubs are rejected fast; one that hangs gets 5 s, not a minute. */
const probe = (path) => probeBrowser(path, { timeout: 5_000 });
const realProbe = (path) => probeBrowser(path);

describe('findBrowser', () => {
  let dir;
  let stubs;
  let real;
  before(async () => {
    real = process.env.MK_BROWSER_FOUND ? JSON.parse(process.env.MK_BROWSER_FOUND) : await findBrowser();
    dir = mkdtempSync(join(tmpdir(), 'mk-find-browser-'));
    const stub = (folder, body) => {
      mkdirSync(join(dir, folder, 'bin'), { recursive: true });
      const path = join(dir, folder, 'bin', 'chromium');
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    };
    stubs = {
      fails: stub('fails', 'echo "chromium: error while loading shared libraries: libnss3.so" >&2; exit 127'),
      // Passes a --version check, and starts no browser.
      fakeVersion: stub('fake-version', 'echo "Chromium 999.0.0.0 built on Debian"; exit 0'),
      // Says it started, then hangs.
      hangs: stub('hangs', 'echo "Chromium 999.0.0.0"; echo "DevTools listening on ws://127.0.0.1:1/devtools/browser/x" >&2; exec sleep 60'),
    };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes over stubs in place of /usr/bin/chromium and takes the next browser that starts', async () => {
    const found = await findBrowser({
      env: {},
      candidates: [stubs.fails, stubs.fakeVersion, stubs.hangs, join(dir, 'missing', 'chromium'), real.path],
      registry: async () => assert.fail('the registry is not needed when a system browser starts'),
      probe: (path) => (path === real.path ? realProbe(path) : probe(path)),
    });
    assert.equal(found.path, real.path);
    assert.equal(found.source, 'system');
    assert.match(found.version, /^\d+\.\d+\.\d+\.\d+$/);
    assert.notEqual(found.version, '999.0.0.0');
    assert.deepEqual(found.skipped.map((s) => s.path), [stubs.fails, stubs.fakeVersion, stubs.hangs]);
  });

  it('refuses a CHROME_PATH that does not start, naming it, instead of quietly taking another', async () => {
    await assert.rejects(
      findBrowser({ env: { CHROME_PATH: stubs.fakeVersion }, candidates: [real.path], probe }),
      (error) => error.message.startsWith(`CHROME_PATH=${stubs.fakeVersion} does not start a browser`),
    );
  });

  it('says what it tried when nothing starts', async () => {
    await assert.rejects(
      findBrowser({ env: {}, platform: 'darwin', candidates: [stubs.fails], probe }),
      (error) => error.message.includes(stubs.fails) && error.message.includes('Linux x64 only') && error.message.includes('CHROME_PATH'),
    );
    await assert.rejects(findBrowser({ env: { MK_BROWSER: 'firefox' }, candidates: [], probe }), /MK_BROWSER=firefox/);
  });

  it('with no usable system Chromium on Linux x64, starts the Chromium of @sparticuz/chromium', { skip: !linuxX64 && 'Linux x64 only' }, async () => {
    const found = await findBrowser({ env: {}, platform: 'linux', arch: 'x64', candidates: [stubs.fails, stubs.fakeVersion], probe: (p) => (p.endsWith('/chrome') ? realProbe(p) : probe(p)) });
    assert.equal(found.source, 'registry');
    assert.match(found.path, /node_modules\/\.cache\/mentorship-kit\/chromium-[\d.]+\/chrome$/);
    assert.match(found.label, /^Chromium \d+\.\d+\.\d+\.\d+ \(@sparticuz\/chromium [\d.]+ from the npm registry\)$/);
    assert.deepEqual(found.skipped.map((s) => s.path), [stubs.fails, stubs.fakeVersion]);
  });

  it('MK_BROWSER=system never takes the registry one; MK_BROWSER=registry skips the system', async () => {
    await assert.rejects(
      findBrowser({ env: { MK_BROWSER: 'system' }, candidates: [stubs.fails], registry: async () => assert.fail('registry used'), probe }),
      /MK_BROWSER=system/,
    );
    const used = [];
    await findBrowser({
      env: { MK_BROWSER: 'registry' },
      platform: 'linux',
      arch: 'x64',
      candidates: [real.path],
      registry: async () => ({ path: stubs.fails, packageVersion: '0' }),
      probe: async (path) => (used.push(path), probe(path)),
    }).catch(() => {});
    assert.deepEqual(used, [stubs.fails]);
  });

  it('knows the usual install places', () => {
    assert.ok(systemCandidates('linux', { PATH: '/opt/x/bin' }).includes('/opt/x/bin/chromium'));
    assert.ok(systemCandidates('linux', {}).includes('/usr/bin/chromium'));
    assert.ok(systemCandidates('darwin', {}).includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    assert.ok(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).includes('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
  });
});
