// Browser test of what Tasklist keeps in the browser: form drafts (a referral's personal data) are
// never stored in localStorage, and signing out of Tasklist ends on the application's sign-in page.
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD SCREENSHOT_DIR
import { runPageTest, screenshot } from './lib/browser.mjs';
import { EXPECTED_CONSOLE_ERRORS, configOrExit, loginToTasklist } from './lib/tasklist.mjs';

const { BASE_URL, LOGIN_USER, LOGIN_PASSWORD, SCREENSHOT_DIR } = configOrExit('tasklist-privacy',
  ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'SCREENSHOT_DIR']);

const exitCode = await runPageTest('tasklist-privacy', { screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS }, async (page) => {
  // a draft left in this browser by an earlier version of the application
  await page.goto(`${BASE_URL}/login`);
  await page.evaluate(() => localStorage.setItem('camunda-form:referral-intake-start', '{"personFamilyName":"Left"}'));

  await loginToTasklist(page, { baseUrl: BASE_URL, user: LOGIN_USER, password: LOGIN_PASSWORD });
  await page.waitForFunction(() => window.preventWebapps === true, null, { timeout: 15_000 });
  const stored = await page.evaluate(() => {
    localStorage.setItem('camunda-form:referral-intake-start', '{"personFamilyName":"Saved"}');
    localStorage.setItem('camForm:some-task', '{"vars":{}}');
    return Object.keys(localStorage).filter((key) => key.startsWith('camunda-form:') || key.startsWith('camForm:'));
  });
  if (stored.length) throw new Error(`form drafts kept in localStorage: ${stored.join(', ')}`);
  console.log('ok no form draft is kept in localStorage');

  await page.locator('[cam-widget-header] .dropdown-toggle, .account .dropdown-toggle').last().click();
  await page.getByText('Log out', { exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/login', { timeout: 10_000 });
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-signed-out.png');
  await page.goto(`${BASE_URL}/camunda/app/tasklist/`);
  if (new URL(page.url()).pathname !== '/login') throw new Error('Tasklist still open after signing out');
  console.log('ok signing out of Tasklist ends the session and shows the sign-in page');
});
process.exit(exitCode);
