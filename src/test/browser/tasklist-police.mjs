// Browser test of the police queue in Tasklist (issues #14, #9): in the police group's filter an urgent
// referral's task is first, its card shows the case reference and the urgency, concern and age band
// in words (no bare priority number); Tasklist offers no "Create task" or "Add comment"; each police
// task form (deconfliction, screening, possible match, new information) passes axe-core (WCAG 2.2 AA)
// in its content; a deconfliction completed without its answer shows the plain message at the top, and
// once answered completes with no false "An error happened"; the screener completes the screening form
// (outcome, reason, ideology, rationale), which shows the person's earlier referrals in words; signing
// out of a filled task form asks first. Prints "tasklist-police: 1 passed, 0 failed".
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD SCREENSHOT_DIR URGENT_CASE ROUTINE_CASE MATCH_REFERRAL NEW_INFORMATION_CASE
//      SCREENING_CASE (a case already deconflicted, whose screening waits)
import { runPageTest, screenshot } from './lib/browser.mjs';
import { axeViolations } from './lib/axe.mjs';
import { EXPECTED_CONSOLE_ERRORS, completeTask, configOrExit, expectTaskFormAccessible, loginToTasklist, openTask,
  taskCard, taskCards, waitVisible } from './lib/tasklist.mjs';

const NAME = 'tasklist-police';
const config = configOrExit(NAME, ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'SCREENSHOT_DIR', 'URGENT_CASE',
  'ROUTINE_CASE', 'MATCH_REFERRAL', 'NEW_INFORMATION_CASE', 'SCREENING_CASE']);
const { SCREENSHOT_DIR } = config;

const exitCode = await runPageTest(NAME, { screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS,
  timeoutMs: 170_000 }, async (page) => {
  await loginToTasklist(page, { baseUrl: config.BASE_URL, user: config.LOGIN_USER, password: config.LOGIN_PASSWORD });
  await page.getByRole('link', { name: /Police Prevent officers/ }).first().click();
  const urgent = `Deconflict the referral: ${config.URGENT_CASE}`;
  const routine = `Screen the referral: ${config.ROUTINE_CASE}`;
  await waitVisible(taskCard(page, urgent), 'the urgent task in the police queue', 20_000);

  const first = taskCards(page).first();
  const firstText = await first.innerText();
  if (!/Immediate risk/.test(firstText)) throw new Error(`the first task is not an immediate risk: ${firstText}`);
  const names = await taskCards(page).locator('h4.task a').allInnerTexts();
  const urgentAt = names.findIndex((name) => name.trim() === urgent);
  const routineAt = names.findIndex((name) => name.trim() === routine);
  if (routineAt !== -1 && routineAt < urgentAt) throw new Error('the routine task is above the urgent one');
  const urgentCard = await taskCard(page, urgent).innerText();
  for (const words of [`Case:\\s*${config.URGENT_CASE}`, 'Urgency:\\s*Immediate risk', 'Concern:\\s*Extreme Right-Wing',
    'Age:\\s*11 to 15']) {
    if (!new RegExp(words).test(urgentCard)) throw new Error(`the urgent task's card lacks ${words}: ${urgentCard}`);
  }
  if (await taskCard(page, urgent).locator('.priority').isVisible()) throw new Error('the card shows a bare priority number');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-police-queue.png');
  console.log('ok the urgent task is first in the police queue, its card shows the case and its facts in words');
  if (await page.getByText('Create task', { exact: true }).isVisible()) throw new Error('"Create task" is offered');

  let form = await openTask(page, urgent);
  if (await page.getByText(/Add comment/i).isVisible()) throw new Error('"Add comment" is offered');
  console.log('ok Tasklist offers neither "Create task" nor "Add comment"');
  await expectTaskFormAccessible(page, 'deconfliction');
  for (const words of ['Immediate risk', 'Extreme Right-Wing', '11 to 15']) {
    await waitVisible(form.getByText(words, { exact: true }), `"${words}" in the deconfliction form`);
  }
  await page.getByRole('button', { name: 'Complete' }).click();
  const summary = page.locator('.prevent-error-summary');
  await waitVisible(summary.getByText('Select whether the person is part of a live counter-terrorism investigation'),
    'the plain message at the top of the task form');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-deconfliction-refused.png');
  await page.waitForTimeout(500);
  if (await page.getByText(/An error happened/i).isVisible()) throw new Error('"An error happened" for a refusal the summary explains');
  await form.getByLabel('Not part of a live counter-terrorism investigation: continue with the screening').check();
  await completeTask(page, urgent);
  console.log('ok a deconfliction without its answer is refused in plain words; answered, it completes with no false error');

  const screening = `Screen the referral: ${config.SCREENING_CASE}`;
  form = await openTask(page, screening);
  await expectTaskFormAccessible(page, 'screening');
  for (const words of ['Earlier referrals about the person', 'How the earlier cases closed', 'Open the case record']) {
    await waitVisible(form.getByText(words, { exact: true }), `"${words}" in the screening form`);
  }
  await form.getByLabel('No further action: close the case').check();
  await form.getByLabel('Mistaken: an innocent comment or behaviour taken out of context').check();
  await form.getByLabel('Yes', { exact: true }).check();
  await form.getByLabel('Rationale for the outcome').fill('Synthetic rationale: a joke taken out of context.');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-screening.png');
  await completeTask(page, screening);
  console.log('ok the screener completes the screening form: outcome, reason, ideology and rationale');

  form = await openTask(page, `Confirm a possible match: referral ${config.MATCH_REFERRAL}`);
  await expectTaskFormAccessible(page, 'possible match');
  form = await openTask(page, `Deconflict new information: ${config.NEW_INFORMATION_CASE}`);
  await expectTaskFormAccessible(page, 'new information');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-new-information.png');
  for (const chrome of await axeViolations(page, { exclude: ['.task-details .fjs-container'] })) {
    console.log(`note: Tasklist chrome (Camunda's, not the form): ${chrome}`);
  }

  // signing out of a filled task form asks first; staying keeps the answer, agreeing signs out
  await form.getByLabel('New information deconflicted').check();
  const questions = [];
  page.on('dialog', (question) => {
    questions.push(question.message());
    (questions.length === 1 ? question.dismiss() : question.accept()).catch(() => {});
  });
  const logOut = page.locator('li.logout a').filter({ visible: true }).first();
  const signOut = async (step) => {
    if (!(await logOut.isVisible())) { // the account menu stays open after staying
      await page.locator('[cam-widget-header] .dropdown-toggle, .account .dropdown-toggle').filter({ visible: true }).last().click();
    }
    await waitVisible(logOut, `"Log out" in the account menu (${step})`, 10_000);
    await logOut.click();
  };
  await signOut('staying');
  await page.waitForTimeout(500);
  if (questions.length !== 1 || !/not been sent/.test(questions[0])) {
    throw new Error(`signing out of a filled form asked ${JSON.stringify(questions)}`);
  }
  if (!(await form.getByLabel('New information deconflicted').isChecked())) throw new Error('staying lost the answer');
  await signOut('leaving');
  await page.waitForURL((url) => url.pathname === '/login', { timeout: 15_000 });
  console.log('ok signing out of a filled task form asks first; staying keeps the answer, agreeing signs out');
});
process.exit(exitCode);
