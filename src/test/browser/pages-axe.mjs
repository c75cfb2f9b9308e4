// The application's own pages in a real browser: each role's landing after sign-in, and axe-core
// (WCAG 2.2 AA rules) on every page, with a screenshot of each. Environment: BASE_URL,
// LOGIN_PASSWORD, SCREENSHOT_DIR, VISITS (JSON: [{ "user": "demo-manager", "landing": "/manager",
// "pages": [{ "name": "manager-home", "path": "/manager", "status": 200 }] }]; user null = not signed in).
// A page with "fill" ({ label: value }) and "submit" (a button's name) is the page a form on "path" leads to;
// "expect" lists texts the page must show (a case in the list, a search's result, a chronology line).
import { runPageTest, screenshot } from './lib/browser.mjs';
import { configOrExit } from './lib/tasklist.mjs';
import { axeViolations } from './lib/axe.mjs';

const NAME = 'pages-axe';
const config = configOrExit(NAME, ['BASE_URL', 'LOGIN_PASSWORD', 'SCREENSHOT_DIR', 'VISITS']);
const base = config.BASE_URL.replace(/\/+$/, '');
const visits = JSON.parse(config.VISITS);
const checked = [];

async function signIn(page, user) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Username', { exact: true }).fill(user);
  await page.getByLabel('Password', { exact: true }).fill(config.LOGIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // 'commit': the redirect is what counts; a webapp (Admin, Cockpit) may take long to finish loading on a busy machine
  await page.waitForURL((url) => !url.pathname.endsWith('/login') || url.searchParams.has('error'),
    { waitUntil: 'commit', timeout: 60_000 });
  return new URL(page.url()).pathname;
}

async function signOut(page) {
  // leave the page first: a webapp still open (Tasklist polls) would answer the ended session by
  // sending the browser to the sign-in page itself, aborting the next visit's navigation
  await page.goto('about:blank');
  await page.context().clearCookies();
}

const code = await runPageTest(NAME, { screenshotDir: config.SCREENSHOT_DIR, timeoutMs: 170_000,
  ignoreConsole: [/status of 40[034]/] }, async (page) => {
  for (const visit of visits) {
    if (visit.user) {
      const landed = await signIn(page, visit.user);
      if (visit.landing && !landed.startsWith(visit.landing)) {
        throw new Error(`${visit.user} landed on ${landed}, expected ${visit.landing}`);
      }
      console.log(`ok landing: ${visit.user} arrives at ${landed}`);
      await screenshot(page, config.SCREENSHOT_DIR, `landing-${visit.user}.png`);
    }
    for (const target of visit.pages) {
      let response = await page.goto(`${base}${target.path}`);
      if (target.submit) {
        for (const [label, value] of Object.entries(target.fill ?? {})) {
          await page.getByLabel(label, { exact: true }).fill(value);
        }
        [response] = await Promise.all([page.waitForNavigation(),
          page.getByRole('button', { name: target.submit, exact: true }).click()]);
      }
      const status = response.status();
      if (status !== (target.status ?? 200)) {
        throw new Error(`${target.path} as ${visit.user ?? 'visitor'} answered ${status}, expected ${target.status ?? 200}`);
      }
      if (!(await page.locator('header.govuk-header').count())) {
        throw new Error(`${target.path} is not in the application's layout`);
      }
      const shown = await page.locator('main').innerText();
      const missing = (target.expect ?? []).filter((text) => !shown.includes(text));
      if (missing.length) {
        throw new Error(`${target.path} (${target.name}) does not show ${missing.map((t) => `"${t}"`).join(', ')}`);
      }
      const violations = await axeViolations(page);
      await screenshot(page, config.SCREENSHOT_DIR, `page-${target.name}.png`);
      if (violations.length) {
        throw new Error(`axe on ${target.path} (${target.name}): ${violations.length} violation(s): ${violations.join('; ')}`);
      }
      checked.push(target.name);
      console.log(`ok axe: ${target.name} (${target.path}) has no WCAG 2.2 AA violation`);
    }
    await signOut(page);
  }
  console.log(`pages checked: ${checked.join(', ')}`);
});
process.exit(code);
