// Browser test of the Channel panel (issue 10): the chair finds the panel's decision in the chairs'
// queue, its form shows the recommendation in words and passes axe-core (WCAG 2.2 AA) in its content;
// completed empty it shows the plain message at the top; a decision that departs from the
// recommendation without a reason is refused by the server in plain words, naming the field; with the
// reason it completes with no false "An error happened". The meeting's page then renders the agenda
// with the case and its decision, and passes axe-core.
// Prints "tasklist-panel: 1 passed, 0 failed".
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD SCREENSHOT_DIR CASE MEETING_ID
import { runPageTest, screenshot } from './lib/browser.mjs';
import { axeViolations } from './lib/axe.mjs';
import { EXPECTED_CONSOLE_ERRORS, completeTask, configOrExit, expectTaskFormAccessible, loginToTasklist, openTask,
  taskCard, waitVisible } from './lib/tasklist.mjs';

const NAME = 'tasklist-panel';
const config = configOrExit(NAME, ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'SCREENSHOT_DIR', 'CASE', 'MEETING_ID']);
const { SCREENSHOT_DIR } = config;

const exitCode = await runPageTest(NAME, { screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS,
  timeoutMs: 170_000 }, async (page) => {
  await loginToTasklist(page, { baseUrl: config.BASE_URL, user: config.LOGIN_USER, password: config.LOGIN_PASSWORD });
  await page.getByRole('link', { name: 'Channel panel chairs' }).first().click();
  const decision = `Record the panel's decision: ${config.CASE}`;
  await waitVisible(taskCard(page, decision), 'the panel\'s decision in the chairs\' queue', 20_000);
  console.log('ok the panel\'s decision is in the chairs\' queue');

  const form = await openTask(page, decision);
  await waitVisible(form.getByText('Adopt as a Channel case', { exact: true }).first(), 'the recommendation in words');
  console.log('ok the decision form shows the recommendation in words');
  await expectTaskFormAccessible(page, 'decision');

  await page.getByRole('button', { name: 'Complete' }).click();
  const summary = page.locator('.prevent-error-summary');
  await waitVisible(summary.getByText('Select the panel\'s decision'), 'the plain message at the top of the form');
  console.log('ok a decision completed empty is refused in plain words');

  await form.getByLabel('Not adopted: no further action', { exact: true }).check();
  await form.getByLabel('Unanimous', { exact: true }).check();
  await form.getByLabel('Rationale for the decision').fill('Synthetic: the concern is not about radicalisation.');
  await page.getByRole('button', { name: 'Complete' }).click();
  await waitVisible(summary.getByText(/Give the reason the panel departs from the recommendation/),
    'the server\'s refusal of a departure without a reason');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-panel-decision-refused.png');
  console.log('ok a departure from the recommendation without a reason is refused by the server, in plain words');

  // Tasklist's own notice of the refused submission sits over the Complete button: close it, as a user would
  const notices = page.locator('.page-notifications .close, .page-notifications button');
  for (const close of await notices.all()) {
    if (await close.isVisible()) await close.click();
  }
  await form.getByLabel('Why the panel departs from the recommendation').fill('Synthetic: a new school placement.');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-panel-decision.png');
  await completeTask(page, decision);
  console.log('ok the chair\'s decision completes with no false error');

  const meeting = await page.context().newPage();
  const shown = await meeting.goto(new URL(`/meetings/${config.MEETING_ID}`, config.BASE_URL).toString());
  if (shown.status() !== 200) throw new Error(`the meeting's page answered ${shown.status()}`);
  await waitVisible(meeting.getByRole('link', { name: `Case ${config.CASE}` }), 'the case on the agenda');
  await waitVisible(meeting.getByText('Not adopted: no further action (Unanimous)'), 'the decision in the minutes');
  const pageViolations = await axeViolations(meeting);
  if (pageViolations.length) throw new Error(`axe-core on the meeting's page: ${pageViolations.join('; ')}`);
  await screenshot(meeting, SCREENSHOT_DIR, 'meeting-page.png');
  console.log('ok the meeting\'s page renders the agenda with the decision and passes axe-core');
});
process.exit(exitCode);
