// Shared helper: run headless Debian Chromium through playwright-core.
// No browser is downloaded; the Debian package `chromium` must be installed.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with a fresh temporary profile, runs `fn(context)`, and
 * always closes the browser and removes the profile afterwards.
 */
export async function withBrowser(fn, { viewport = { width: 1280, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (install the Debian package: apt-get install -y chromium fonts-liberation)`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'browser-test-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      // a council PC set to US English: the forms must still store UK dates (issue 14)
      locale: 'en-US',
      timezoneId: 'Europe/London',
    });
    return await fn(context);
  } finally {
    await context?.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true });
  }
}

/**
 * Collects uncaught page errors and console errors of `page` into the
 * returned array. Console errors whose text matches one of `ignore` are dropped.
 */
export function collectErrors(page, { ignore = [] } = {}) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (!ignore.some((re) => re.test(text))) errors.push(`console error: ${text}`);
  });
  return errors;
}

/**
 * Saves a PNG of a page (full page) or of one element, e.g. a dialog: a
 * full-page shot would cut off the part of a fixed-position dialog that
 * scrolls within it.
 */
export async function screenshot(pageOrLocator, dir, name) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  const isPage = typeof pageOrLocator.goto === 'function';
  await pageOrLocator.screenshot({ path: file, ...(isPage && { fullPage: true }) });
  return file;
}

/**
 * Runs one browser test `fn(page)` against a running application and reports
 * it as `<name>: 1 passed, 0 failed` (or `0 passed, 1 failed`). On failure,
 * a screenshot `failure.png` goes to `screenshotDir`. Console errors do not
 * fail the test; unexpected ones are printed as notes. Returns the exit code.
 */
export async function runPageTest(name, { screenshotDir, timeoutMs = 55_000, ignoreConsole = [] }, fn) {
  let failure;
  let errors = [];
  try {
    await withBrowser(async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(30_000); // a loaded 2-core machine can take more than 15 s to render Tasklist's form
      page.setDefaultNavigationTimeout(30_000);
      errors = collectErrors(page, { ignore: ignoreConsole });
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        await Promise.race([fn(page), deadline]);
      } catch (err) {
        failure = err;
        const shot = await screenshot(page, screenshotDir, 'failure.png').catch(() => null);
        if (shot) console.log(`failure screenshot: ${shot}`);
      } finally {
        clearTimeout(timer);
      }
    });
  } catch (err) {
    failure = err; // the browser could not be started
  }
  for (const e of errors) console.log(`note: ${e}`);
  if (failure) {
    const [first, ...detail] = failure.message.split('\n');
    console.log(`FAIL ${name}: ${first}`);
    for (const line of detail.filter((text) => text.trim()).slice(0, 12)) console.log(`  ${line.trim()}`); // Playwright's call log
  }
  console.log(`${name}: ${failure ? 0 : 1} passed, ${failure ? 1 : 0} failed`);
  return failure ? 1 : 0;
}
