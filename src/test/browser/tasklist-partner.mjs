// Browser test of a partner agency answering an information request in Tasklist (issue #9 item 6): in
// the agency's filter the request's card names the case; its form passes axe-core (WCAG 2.2 AA) in its
// content, names the agency and the due date in words and links to the request's page, which shows who
// the request is about (and passes axe-core too); completed without an answer it shows the plain
// message at the top; answered "we hold relevant information", the facts and the text appear, and
// once filled the request completes with no false "An error happened".
// Prints "tasklist-partner: 1 passed, 0 failed".
//
// env: BASE_URL LOGIN_USER LOGIN_PASSWORD SCREENSHOT_DIR CASE AGENCY_FILTER PERSON_NAME SHARED_TEXT
import { runPageTest, screenshot } from './lib/browser.mjs';
import { axeViolations } from './lib/axe.mjs';
import { EXPECTED_CONSOLE_ERRORS, completeTask, configOrExit, expectTaskFormAccessible, loginToTasklist, openTask,
  taskCard, waitVisible } from './lib/tasklist.mjs';

const NAME = 'tasklist-partner';
const config = configOrExit(NAME, ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'SCREENSHOT_DIR', 'CASE',
  'AGENCY_FILTER', 'PERSON_NAME', 'SHARED_TEXT']);
const { SCREENSHOT_DIR } = config;

const exitCode = await runPageTest(NAME, { screenshotDir: SCREENSHOT_DIR, ignoreConsole: EXPECTED_CONSOLE_ERRORS,
  timeoutMs: 170_000 }, async (page) => {
  await loginToTasklist(page, { baseUrl: config.BASE_URL, user: config.LOGIN_USER, password: config.LOGIN_PASSWORD });
  await page.getByRole('link', { name: config.AGENCY_FILTER }).first().click();
  const request = `Answer the information request: ${config.CASE}`;
  await waitVisible(taskCard(page, request), 'the information request in the agency\'s queue', 20_000);
  const cardText = await taskCard(page, request).innerText();
  if (!new RegExp(`Case:\\s*${config.CASE}`).test(cardText)) throw new Error(`the card lacks its case: ${cardText}`);
  console.log('ok the information request is in the agency\'s queue, its card names the case');

  const form = await openTask(page, request);
  await waitVisible(form.getByText('Education', { exact: true }), 'the agency asked, in words');
  await waitVisible(form.getByText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/), 'the due date in words');
  await expectTaskFormAccessible(page, 'information request');

  const link = form.getByRole('link', { name: 'Open the information request' });
  await waitVisible(link, 'the link to the request\'s page');
  const href = await link.getAttribute('href');
  if (href !== `/information-requests/${config.CASE}/EDUCATION`) throw new Error(`the link goes to ${href}`);
  const requestPage = await page.context().newPage();
  const shown = await requestPage.goto(new URL(href, config.BASE_URL).toString());
  if (shown.status() !== 200) throw new Error(`the request's page answered ${shown.status()}`);
  await waitVisible(requestPage.getByText(config.PERSON_NAME, { exact: true }), 'the person on the request\'s page');
  const pageViolations = await axeViolations(requestPage);
  if (pageViolations.length) throw new Error(`axe-core on the request's page: ${pageViolations.join('; ')}`);
  await screenshot(requestPage, SCREENSHOT_DIR, 'information-request-page.png');
  await requestPage.close();
  console.log('ok the request\'s page shows who it is about and passes axe-core');

  await page.getByRole('button', { name: 'Complete' }).click();
  const summary = page.locator('.prevent-error-summary');
  await waitVisible(summary.getByText('Select what your agency holds about the person'),
    'the plain message at the top of the task form');
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-information-request-refused.png');
  console.log('ok a request completed without an answer is refused in plain words');

  await form.getByLabel('We hold information relevant to the concern').check();
  await waitVisible(form.getByLabel('Isolation or exclusion'), 'the risk and vulnerability facts');
  await form.getByLabel('Isolation or exclusion').check();
  await form.getByLabel(/Describe the information your agency holds/).fill(config.SHARED_TEXT);
  await screenshot(page, SCREENSHOT_DIR, 'tasklist-information-request.png');
  await completeTask(page, request);
  console.log('ok the answered request completes with no false error');
});
process.exit(exitCode);
