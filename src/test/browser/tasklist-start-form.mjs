// Browser test of the running application: sign in, open Tasklist, open the
// start form of PROCESS_NAME and check that the EXPECT_LABELS fields show.
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD PROCESS_NAME EXPECT_LABELS (a|b|c) SCREENSHOT_DIR
import { runPageTest, screenshot } from './lib/browser.mjs';
import {
  EXPECTED_CONSOLE_ERRORS, configOrExit, loginToTasklist, openStartForm, expectLabelVisible,
} from './lib/tasklist.mjs';

const { BASE_URL, LOGIN_USER, LOGIN_PASSWORD, PROCESS_NAME, EXPECT_LABELS, SCREENSHOT_DIR } = configOrExit('tasklist',
  ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'PROCESS_NAME', 'EXPECT_LABELS', 'SCREENSHOT_DIR']);
const labels = EXPECT_LABELS.split('|').map((l) => l.trim()).filter(Boolean);

const exitCode = await runPageTest('tasklist', { screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS }, async (page) => {
  await loginToTasklist(page, { baseUrl: BASE_URL, user: LOGIN_USER, password: LOGIN_PASSWORD });
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-after-login.png');

  const dialog = await openStartForm(page, PROCESS_NAME);
  for (const label of labels) await expectLabelVisible(dialog, label);
  await screenshot(dialog, SCREENSHOT_DIR, 'tasklist-start-form.png');
  console.log(`ok start form of "${PROCESS_NAME}" shows ${labels.length} expected label(s)`);
});
process.exit(exitCode);
