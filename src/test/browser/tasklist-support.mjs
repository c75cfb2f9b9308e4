// Browser test of the support stage in Tasklist (issue 11), as a Channel coordinator, for the case `CASE`
// the panel adopted about a person under 18: the support plan comes first (s36(5)); its form passes
// axe-core (WCAG 2.2 AA) in its content; completed empty it shows the plain messages in the summary at the
// top (focused, no "Field is required."); filled (one intervention, allocated to `PROVIDER`) it completes.
// Then the consent task (created once the plan's asynchronous continuation has run: the list is reloaded
// until it shows) asks for a parent's or guardian's consent; its form passes axe-core with the parent's
// route shown; the consent given by a parent or guardian, with the young person's agreement, completes.
// Every text typed ends with `MARKER`, so BrowserIT finds it in the case record and in no engine table.
// Prints "tasklist-support: 1 passed, 0 failed".
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD SCREENSHOT_DIR CASE PROVIDER MARKER
import { runPageTest, screenshot } from './lib/browser.mjs';
import { EXPECTED_CONSOLE_ERRORS, completeTask, configOrExit, expectTaskFormAccessible, loginToTasklist, openTask,
  taskCard, waitForTasklist, waitVisible } from './lib/tasklist.mjs';

const NAME = 'tasklist-support';
const config = configOrExit(NAME, ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'SCREENSHOT_DIR', 'CASE', 'PROVIDER',
  'MARKER']);
const { SCREENSHOT_DIR, MARKER } = config;

/** Waits for the task's card, reloading the list: the task appears only once a job has run on the server. */
async function waitForNewTask(page, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await waitVisible(taskCard(page, name), `the card "${name}"`, 10_000);
      return;
    } catch (notYet) {
      if (Date.now() > deadline) throw new Error(`the card "${name}" did not appear within ${timeoutMs / 1000} s`);
    }
    await page.reload();
    await waitForTasklist(page);
  }
}

/**
 * Ticks a checkbox or radio button and makes sure it stays ticked: form-js re-renders the form when the
 * field typed in before loses the focus, and a click during that re-render is lost.
 */
async function tick(locator, what) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await locator.click();
    await locator.page().waitForTimeout(300);
    if (await locator.isChecked()) return;
  }
  throw new Error(`"${what}" did not stay ticked`);
}

const exitCode = await runPageTest(NAME, { screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS,
  timeoutMs: 240_000 }, async (page) => {
  await loginToTasklist(page, { baseUrl: config.BASE_URL, user: config.LOGIN_USER, password: config.LOGIN_PASSWORD });
  await page.getByRole('link', { name: /Channel coordinators/ }).first().click();

  const plan = `Prepare the support plan: ${config.CASE}`;
  let form = await openTask(page, plan);
  await waitVisible(form.getByText(config.CASE, { exact: true }), 'the case in the support plan form');
  await expectTaskFormAccessible(page, 'support plan');

  await page.getByRole('button', { name: 'Complete' }).click();
  const summary = page.locator('.prevent-error-summary');
  for (const message of ['Describe how, when and by whom consent will be sought', 'Select at least one intervention',
    'Enter the user id of the intervention provider']) {
    await waitVisible(summary.getByText(message, { exact: true }), `"${message}" at the top of the form`);
  }
  if (!(await summary.evaluate((element) => element === document.activeElement))) {
    throw new Error('the error summary does not have the focus');
  }
  if (await page.getByText('Field is required.').count()) throw new Error('"Field is required." is shown');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-support-plan-error-summary.png');
  console.log('ok a support plan completed empty shows the plain messages in the summary at the top, focused');

  await form.getByLabel(/^How, when and by whom consent will be sought/)
    .fill(`The coordinator asks the mother at a home visit next week (${MARKER}).`);
  await form.getByLabel(/^The support/).fill(`Weekly mentoring sessions (${MARKER}).`);
  await form.getByLabel(/^Who provides it/).fill(`An invented mentoring charity (${MARKER}).`);
  await form.getByLabel(/^How and when it is provided/).fill(`One hour a week at the youth centre (${MARKER}).`);
  await tick(form.getByLabel('Ideological or theological mentoring', { exact: true }), 'Ideological or theological mentoring');
  await form.getByLabel(/^Each intervention's owner and dates/)
    .fill(`Mentoring: the coordinator owns it, from next Monday for twelve weeks (${MARKER}).`);
  await form.getByLabel(/^Intervention provider/).fill(config.PROVIDER);
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-support-plan.png');
  await completeTask(page, plan);
  console.log('ok the filled support plan (one intervention) completes with no false error');

  const consent = `Seek and record consent: ${config.CASE}`;
  await waitForNewTask(page, consent);
  form = await openTask(page, consent);
  await waitVisible(form.getByText(/^A parent.s or guardian.s consent \(under 18\)$/),
    'whose consent is needed, in words');
  if (await form.getByText('The capacity assessment for this decision').count()) {
    throw new Error('the consent form asks for a capacity assessment for a person under 18');
  }
  console.log('ok the consent form asks for a parent\'s or guardian\'s consent');

  await form.getByLabel(/^How, when and by whom consent was sought/)
    .fill(`The coordinator met the mother at home; she agreed (${MARKER}).`);
  await tick(form.getByLabel('Consent given', { exact: true }), 'Consent given');
  await waitVisible(form.getByLabel('A parent or guardian', { exact: true }), 'who gave consent');
  await tick(form.getByLabel('A parent or guardian', { exact: true }), 'A parent or guardian');
  await tick(form.getByLabel('Yes', { exact: true }), 'Yes');
  await expectTaskFormAccessible(page, 'consent');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-consent.png');
  await completeTask(page, consent);
  console.log('ok the consent given by a parent or guardian, the young person agreeing, completes with no false error');
});
process.exit(exitCode);
