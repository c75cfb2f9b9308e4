// Browser test of the referral start form in Tasklist (issue #5): a referrer signs in, finds no
// form drafts in localStorage (the custom script clears and refuses them), fills the national
// referral form and starts the referral; a second submission with a required field left empty is
// refused with the message shown. Prints "referral-form: 1 passed, 0 failed".
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD MARKER (makes the names unique) SCREENSHOT_DIR
import { runPageTest, screenshot } from './lib/browser.mjs';
import { EXPECTED_CONSOLE_ERRORS, envConfig, loginToTasklist, openStartForm, waitVisible } from './lib/tasklist.mjs';

let config;
try {
  config = envConfig(['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'MARKER', 'SCREENSHOT_DIR']);
} catch (err) {
  console.log(`FAIL referral-form: ${err.message}`);
  console.log('referral-form: 0 passed, 1 failed');
  process.exit(1);
}
const { BASE_URL, LOGIN_USER, LOGIN_PASSWORD, MARKER, SCREENSHOT_DIR } = config;
const PROCESS_NAME = 'Prevent referral';

/** The form-js field whose label starts with `label`. */
function field(dialog, label) {
  return dialog.locator('.fjs-form-field:not(.fjs-form-field-group)').filter({
    has: dialog.page().locator('label', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }),
  }).first();
}

async function fillText(dialog, label, value) {
  await field(dialog, label).locator('input, textarea').first().fill(value);
}

async function choose(dialog, label, option) {
  await field(dialog, label).locator('.fjs-input-group').click();
  await dialog.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

async function pickRadio(dialog, label, option) {
  await field(dialog, label).getByLabel(option, { exact: true }).check();
}

async function fillReferral(dialog, { givenNames, born = '04/17/2012' }) {
  if (givenNames) await fillText(dialog, 'Given names', givenNames);
  await fillText(dialog, 'Family name', `Browserton${MARKER}`);
  const date = dialog.locator('.fjs-form-field-datetime input').first();
  await date.fill(born);
  await date.press('Enter');
  await choose(dialog, 'Gender', 'Female');
  await fillText(dialog, 'Your name', `Referrer ${MARKER}`);
  await fillText(dialog, 'Your role', 'Head of Year');
  await fillText(dialog, 'Your organisation', 'Invented School');
  await choose(dialog, 'Referrer sector', 'Education');
  await fillText(dialog, 'Your e-mail', 'head.of.year@school.example');
  await choose(dialog, 'Your relationship to the person', 'Professional working with the person');
  await choose(dialog, 'Type of concern', 'Extreme Right-Wing');
  await fillText(dialog, 'Describe your concerns', `Drew symbols in class <b>${MARKER}</b> & said "we rise"`);
  for (const question of ['Is the person aware of this referral?',
    'Has this been discussed with your safeguarding or Prevent lead?',
    'Has any direct action been taken with the person?', 'Have other agencies been told?',
    'Has a MASH or safeguarding referral also been made?']) {
    await pickRadio(dialog, question, 'No');
  }
  await pickRadio(dialog, 'Urgency', 'Routine: no immediate risk');
}

async function draftKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => /^(camunda-form:|camForm:)/.test(k)));
}

const exitCode = await runPageTest('referral-form', {
  screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS, timeoutMs: 110_000,
}, async (page) => {
  // a draft left by an earlier session on this browser
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('camunda-form:undefined', JSON.stringify({ personGivenNames: 'left behind' }));
      sessionStorage.setItem('seeded', 'yes');
    }
  });
  await loginToTasklist(page, { baseUrl: BASE_URL, user: LOGIN_USER, password: LOGIN_PASSWORD });
  await page.waitForFunction(() => window.preventWebapps === true, null, { timeout: 15_000 });
  if ((await draftKeys(page)).length) throw new Error('a form draft was left in localStorage');
  await page.evaluate(() => localStorage.setItem('camunda-form:probe', '{"x":1}'));
  if ((await draftKeys(page)).length) throw new Error('a form draft could be written to localStorage');
  console.log('ok no form drafts in localStorage: an earlier one was cleared, a new one refused');

  let dialog = await openStartForm(page, PROCESS_NAME);
  await fillReferral(dialog, { givenNames: `Browsie${MARKER}` });
  await screenshot(dialog, SCREENSHOT_DIR, 'referral-form-filled.png');
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Start' }).click();
  await waitVisible(page.locator('.notifications, [cam-notifications]').getByText(/started/i), 'confirmation that the referral started', 20_000);
  await screenshot(page, SCREENSHOT_DIR, 'referral-form-started.png');
  if ((await draftKeys(page)).length) throw new Error('a form draft is in localStorage after submitting');
  console.log('ok referral submitted through the start form');

  // no reload: a reload revalidates Tasklist's index.html (304) and pairs the cached page's CSP nonce
  // with a new header's, which blocks every script (seen once; reported)
  await waitVisible(page.locator('.start-process-action a'), 'Tasklist after the dialog closed');
  dialog = await openStartForm(page, PROCESS_NAME);
  await fillReferral(dialog, { givenNames: null });
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Start' }).click();
  const error = field(dialog, 'Given names').locator('.fjs-form-field-error');
  await waitVisible(error, 'the message on the empty required field');
  const message = (await error.innerText()).trim();
  if (!/required/i.test(message)) throw new Error(`unexpected message: ${message}`);
  await screenshot(dialog, SCREENSHOT_DIR, 'referral-form-refused.png');
  if (!(await dialog.isVisible())) throw new Error('the dialog closed: the refused referral was submitted');
  console.log(`ok second submission refused with the message shown: "${message}"`);

  // what only the server can know: a date of birth in the future passes the browser's checks
  await fillText(dialog, 'Given names', `Future${MARKER}`);
  const date = dialog.locator('.fjs-form-field-datetime input').first();
  await date.fill('01/01/2099');
  await date.press('Enter');
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Start' }).click();
  const refusal = page.getByText(/The referral was not sent\. Please correct: Date of birth cannot be in the future/);
  await waitVisible(refusal, "the server's refusal in Tasklist", 20_000);
  await refusal.first().scrollIntoViewIfNeeded();
  await screenshot(dialog, SCREENSHOT_DIR, 'referral-form-refused-by-server.png');
  console.log("ok a referral the server refuses is not started and Tasklist shows the server's message");
});
process.exit(exitCode);
