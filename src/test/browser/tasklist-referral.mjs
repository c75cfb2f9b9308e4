// Browser test of the referral start form in Tasklist (issues #5, #14), in a browser whose locale is
// US English: a referrer signs in, finds no form drafts in localStorage (the custom script clears and
// refuses them); an empty submission shows a summary at the top naming each field in plain words,
// which the page moves to, and no form-js "Field is required."; closing, pressing Esc or Back on a filled
// form asks first; the form passes axe-core (WCAG 2.2 AA) in its content; the UK date 9 3 2011 is
// entered as day, month and year and the referral is started; a second one with a date of birth in
// the future (which only the server refuses) shows the server's plain message at the top of the
// form, without the engine's prefix, as a link to the date of birth. Prints "referral-form: 1 passed, 0 failed".
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD MARKER (makes the names unique) SCREENSHOT_DIR
import { runPageTest, screenshot } from './lib/browser.mjs';
import { axeViolations } from './lib/axe.mjs';
import { EXPECTED_CONSOLE_ERRORS, configOrExit, loginToTasklist, openStartForm, waitVisible } from './lib/tasklist.mjs';

const { BASE_URL, LOGIN_USER, LOGIN_PASSWORD, MARKER, SCREENSHOT_DIR } = configOrExit('referral-form',
  ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'MARKER', 'SCREENSHOT_DIR']);
const PROCESS_NAME = 'Prevent referral';

/** The form-js field whose label starts with `label` (inside `scope`, e.g. a date's group). */
function field(scope, label) {
  return scope.locator('.fjs-form-field:not(.fjs-form-field-group)').filter({
    has: scope.page().locator('label', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }),
  }).first();
}

/** Types into a text field and makes sure the form kept it: a choice just made can re-render the form under the typing. */
async function fillText(dialog, label, value) {
  const input = field(dialog, label).locator('input, textarea').first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(value);
    await dialog.page().waitForTimeout(150);
    if ((await input.inputValue()) === value) return;
  }
  throw new Error(`"${label}" did not keep what was typed`);
}

async function choose(dialog, label, option) {
  await field(dialog, label).locator('.fjs-input-group').click();
  await dialog.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

async function pickRadio(dialog, label, option) {
  await field(dialog, label).getByLabel(option, { exact: true }).check();
}

/** A GOV.UK-style date: the day, month and year boxes of the group labelled `label`. */
async function fillDate(dialog, label, [day, month, year]) {
  const group = dialog.locator('.fjs-form-field-group').filter({ has: dialog.page().getByText(label, { exact: true }) }).first();
  await field(group, 'Day').locator('input').fill(String(day));
  await field(group, 'Month').locator('input').fill(String(month));
  await field(group, 'Year').locator('input').fill(String(year));
}

async function fillReferral(dialog, { givenNames, born = [9, 3, 2011] }) {
  if (givenNames) await fillText(dialog, 'Given names', givenNames);
  await fillText(dialog, 'Family name', `Browserton${MARKER}`);
  await fillDate(dialog, 'Date of birth', born);
  await choose(dialog, 'Gender', 'Female');
  await choose(dialog, "Referrer's relationship to the person", 'Professional working with the person');
  await fillText(dialog, "Referrer's name", `Referrer ${MARKER}`);
  await fillText(dialog, "Referrer's role", 'Head of Year');
  await fillText(dialog, "Referrer's organisation", 'Invented School');
  await choose(dialog, 'Referrer sector', 'Education: schools');
  await fillText(dialog, "Referrer's e-mail", 'head.of.year@school.example');
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

/** Clicks Start once Tasklist enables it (it disables it while form-js reports an error), or says which field holds it back. */
async function startWhenEnabled(dialog) {
  const start = dialog.locator('.modal-footer').getByRole('button', { name: 'Start' });
  try {
    await start.waitFor({ state: 'visible' });
    await dialog.page().waitForFunction((button) => !button.disabled, await start.elementHandle(), { timeout: 30_000 });
  } catch {
    const errors = await dialog.locator('.fjs-form-field-error').allInnerTexts();
    const values = await dialog.locator('.fjs-form-field input:not([type=radio]), .fjs-form-field textarea')
      .evaluateAll((inputs) => inputs.map((input) => `${input.id}=${input.value}`));
    throw new Error(`Start stayed disabled; form-js shows ${JSON.stringify(errors)} with ${values.join(' ')}`);
  }
  await start.click();
}

async function draftKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => /^(camunda-form:|camForm:)/.test(k)));
}

/** Text a user must never read in Tasklist: engine ids, form-js's fixed messages, regular expressions, JSON. */
async function expectNoInternals(page) {
  const text = await page.locator('body').innerText();
  for (const internal of [/Cannot instantiate/i, /referral-intake:\d+:/, /Field is required/, /Field must/,
    /\^\[/, /\{"/]) {
    if (internal.test(text)) throw new Error(`the page shows ${internal}`);
  }
}

const exitCode = await runPageTest('referral-form', {
  screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS, timeoutMs: 150_000,
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
  if (await page.getByText('Create task', { exact: true }).isVisible()) throw new Error('"Create task" is offered');
  console.log('ok Tasklist does not offer "Create task"');

  let dialog = await openStartForm(page, PROCESS_NAME);
  const violations = await axeViolations(page, { include: '.modal .fjs-container' });
  if (violations.length) throw new Error(`axe-core on the referral form: ${violations.join('; ')}`);
  console.log('ok the referral form passes axe-core (WCAG 2.2 AA) in its content');
  for (const chrome of await axeViolations(page, { exclude: ['.modal .fjs-container'] })) {
    console.log(`note: Tasklist chrome (Camunda's, not the form): ${chrome}`);
  }

  // an empty submission: the summary names the fields in words, the page moves to it
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Start' }).click();
  const summary = dialog.locator('.prevent-error-summary');
  await waitVisible(summary, 'the error summary at the top of the form');
  for (const message of ["Enter the person's given names", "Select the person's gender", 'Select the urgency']) {
    await waitVisible(summary.getByRole('link', { name: message }), `"${message}" in the summary`, 5_000);
  }
  await waitVisible(field(dialog, 'Given names').getByText("Enter the person's given names"), 'the message on the field');
  if (!(await summary.evaluate((element) => element === document.activeElement))) {
    throw new Error('the summary does not have the focus');
  }
  await expectNoInternals(page);
  await screenshot(dialog, SCREENSHOT_DIR, 'referral-form-error-summary.png');
  console.log('ok an empty submission shows a summary at the top naming each field in words, and moves there');
  await summary.getByRole('link', { name: "Enter the person's family name" }).click();
  if (!(await field(dialog, 'Family name').locator('input').evaluate((input) => input === document.activeElement))) {
    throw new Error("the summary's link does not move to its field");
  }

  // a filled form is not thrown away without a word
  await fillText(dialog, 'Given names', `Browsie${MARKER}`);
  let asked = 0;
  const dismiss = async (question) => { asked++; await question.dismiss(); };
  page.on('dialog', dismiss);
  await page.keyboard.press('Escape');
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
  await page.waitForTimeout(300);
  page.off('dialog', dismiss);
  if (asked !== 2 || !(await dialog.isVisible())) throw new Error(`Esc and Close asked ${asked} times; the dialog is ${await dialog.isVisible() ? 'open' : 'closed'}`);
  console.log('ok Esc and Close on a filled form ask before throwing it away, and staying keeps it');

  // the browser's Back asks too (the script's question, or the browser's own "Leave site?"); staying keeps the form
  const address = page.url();
  const backQuestions = [];
  const stay = async (question) => { backQuestions.push(question.type()); await question.dismiss(); };
  page.on('dialog', stay);
  await page.goBack({ timeout: 5_000 }).catch(() => {}); // staying cancels the navigation
  await page.waitForTimeout(500);
  page.off('dialog', stay);
  if (!backQuestions.length) throw new Error('Back on a filled form left without asking');
  if (!(await dialog.isVisible()) || page.url() !== address) throw new Error(`staying after Back left the form (${page.url()})`);
  if (await field(dialog, 'Given names').locator('input').inputValue() !== `Browsie${MARKER}`) {
    throw new Error('staying after Back lost what was typed');
  }
  console.log(`ok Back on a filled form asks first (${backQuestions.join(', ')}); staying keeps the form and its answers`);

  // the UK date 9 March 2011, typed as day 9, month 3, in a US-English browser
  await fillReferral(dialog, { givenNames: `Browsie${MARKER}`, born: [9, 3, 2011] });
  await screenshot(dialog, SCREENSHOT_DIR, 'referral-form-filled.png');
  const askedAfterStart = [];
  const recordQuestion = async (question) => { askedAfterStart.push(question.message()); await question.dismiss(); };
  page.on('dialog', recordQuestion);
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Start' }).click();
  await waitVisible(page.locator('.notifications, [cam-notifications]').getByText(/started/i), 'confirmation that the referral started', 20_000);
  await screenshot(page, SCREENSHOT_DIR, 'referral-form-started.png');
  if ((await draftKeys(page)).length) throw new Error('a form draft is in localStorage after submitting');
  console.log('ok referral submitted through the start form with its date of birth as day, month and year');

  // what only the server can know: a date of birth in the future passes the browser's checks
  try {
    await page.locator('.modal-content').waitFor({ state: 'detached', timeout: 30_000 });
  } catch {
    const notices = await page.locator('.notifications, [cam-notifications]').first().innerText().catch(() => '');
    throw new Error(`the start dialog stayed open after the referral started; the page asked ${askedAfterStart.length}`
      + ` question(s) ${JSON.stringify(askedAfterStart)}; Tasklist says: ${notices.replace(/\s+/g, ' ')}`);
  }
  page.off('dialog', recordQuestion);
  if (askedAfterStart.length) throw new Error(`a sent form asked before closing: ${JSON.stringify(askedAfterStart)}`);
  await waitVisible(page.locator('.start-process-action a'), 'Tasklist after the dialog closed');
  dialog = await openStartForm(page, PROCESS_NAME);
  await fillReferral(dialog, { givenNames: `Future${MARKER}`, born: [1, 1, 2099] });
  await startWhenEnabled(dialog);
  const refusal = dialog.locator('.prevent-error-summary').getByRole('link', { name: 'Date of birth must be in the past' });
  await waitVisible(refusal, "the server's refusal at the top of the form, as a link to its field", 20_000);
  await expectNoInternals(page);
  if (/\[personDateOfBirth\]/.test(await dialog.innerText())) throw new Error("the server's field key is shown");
  await screenshot(dialog, SCREENSHOT_DIR, 'referral-form-refused-by-server.png');
  await refusal.click();
  const dateOfBirth = dialog.locator('.fjs-form-field-group').filter({ has: page.getByText('Date of birth', { exact: true }) }).first();
  if (!(await field(dateOfBirth, 'Day').locator('input').evaluate((input) => input === document.activeElement))) {
    throw new Error("the server's message does not link to the date of birth");
  }
  console.log("ok a referral the server refuses is not started; its plain message is at the top of the form, "
    + 'linked to its field, with no engine id');

  // leaving the refused, filled form by signing out asks first too
  page.once('dialog', (question) => question.accept());
  await dialog.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
  await page.locator('.modal-content').waitFor({ state: 'detached', timeout: 5_000 });
  console.log('ok agreeing to leave closes the form');
});
process.exit(exitCode);
