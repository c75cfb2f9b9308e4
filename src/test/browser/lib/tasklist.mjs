// Helpers for driving Camunda 7.24 Tasklist (AngularJS webapp) behind the
// application's Spring Security form login. Selectors follow the Tasklist
// sources in camunda-bpm-platform webapps/frontend/ui/tasklist.
import { axeViolations } from './axe.mjs';

// Console errors Tasklist logs in normal operation (e.g. the admin app's
// "default user" probe answers 404 before login).
export const EXPECTED_CONSOLE_ERRORS = [
  /Failed to load resource: the server responded with a status of 40[134]/,
  /\/camunda\/api\/admin\/auth\/user\/default/,
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for `locator` to be visible; the error names `what` instead of the selector. */
export async function waitVisible(locator, what, timeout = 15_000) {
  try {
    await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what} did not appear within ${timeout / 1000} s`);
  }
}

/** Reads the named environment variables; throws one error listing all that are missing. */
export function envConfig(names) {
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length) throw new Error(`missing environment variable(s): ${missing.join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, process.env[n]]));
}

/** envConfig for a test script: on a missing variable, prints the failure lines and exits 1. */
export function configOrExit(testName, names) {
  try {
    return envConfig(names);
  } catch (err) {
    console.log(`FAIL ${testName}: ${err.message}`);
    console.log(`${testName}: 0 passed, 1 failed`);
    process.exit(1);
  }
}

/**
 * Opens Tasklist; if Spring Security redirects to /login, signs in there.
 * Resolves once the Tasklist header (with its "Start process" action) is shown.
 */
export async function loginToTasklist(page, { baseUrl, user, password }) {
  const base = baseUrl.replace(/\/+$/, '');
  await page.goto(`${base}/camunda/app/tasklist/`);

  if (new URL(page.url()).pathname.endsWith('/login')) {
    await page.getByLabel('Username', { exact: true }).fill(user);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Success leaves /login; Spring's failure redirect is /login?error.
    await page.waitForURL((url) => !url.pathname.endsWith('/login') || url.searchParams.has('error'));
    if (new URL(page.url()).pathname.endsWith('/login')) {
      throw new Error(`login as "${user}" was rejected (${page.url()})`);
    }
  }
  return waitForTasklist(page);
}

/** Waits until the Tasklist app has booted and shows the signed-in header. */
export async function waitForTasklist(page) {
  const startAction = page.locator('.start-process-action a');
  const camundaLogin = page.locator('form[name="signinForm"]'); // Tasklist's own login page
  await waitVisible(startAction.or(camundaLogin), 'Tasklist header with "Start process"', 30_000);
  if (await camundaLogin.isVisible()) {
    throw new Error('Tasklist shows its own login form: the Spring Security login did not authenticate the Camunda webapp');
  }
}

/**
 * Opens the "Start process" dialog, picks the definition named `processName`
 * and waits for its Camunda Form (form-js) to render. Returns the dialog locator.
 */
export async function openStartForm(page, processName) {
  await page.locator('.start-process-action a').click();
  const dialog = page.locator('.modal-content');
  const list = dialog.locator('ul.processes');
  const noDefinitions = dialog.locator('.modal-body .well'); // NO_PROCESS_DEFINITION_AVAILABLE
  await waitVisible(list.or(noDefinitions), '"Start process" dialog');

  const link = list.getByRole('link', { name: processName, exact: true });
  if (!(await link.count())) {
    // The first page lists 15 definitions; the search box narrows by name (2 s debounce).
    await dialog.getByPlaceholder('Search by process name.').fill(processName);
    await waitVisible(link, `process "${processName}" in the "Start process" dialog`, 10_000);
  }
  await link.click();

  const form = dialog.locator('.modal-body .fjs-container .fjs-form');
  const formFailure = dialog.locator('.modal-body .alert-danger');
  await waitVisible(form.or(formFailure), `start form of "${processName}"`);
  if (await formFailure.isVisible()) {
    throw new Error(`start form of "${processName}" failed: ${(await formFailure.innerText()).trim()}`);
  }
  return dialog;
}

/**
 * Asserts that a field labelled `label` (or, for radio/checklist groups and
 * text, a visible text) is shown inside `scope`. A trailing required-marker
 * asterisk is tolerated.
 */
export async function expectLabelVisible(scope, label, { timeout = 5_000 } = {}) {
  const pattern = new RegExp(`^\\s*${escapeRegExp(label)}\\s*\\*?\\s*$`);
  await waitVisible(scope.getByLabel(pattern).or(scope.getByText(pattern)), `field label "${label}"`, timeout);
}

/** The task cards of the list Tasklist shows (the filter chosen). */
export const taskCards = (page) => page.locator('.tasks-list > li.task');

/** The card of the task named `name` ("Screen the referral: PR-..."). */
export const taskCard = (page, name) =>
  taskCards(page).filter({ has: page.getByRole('link', { name, exact: true }) }).first();

/**
 * Opens the task named `name` from the list, claims it if Tasklist offers "Claim", and waits for its
 * Camunda Form. Returns the form's container.
 */
export async function openTask(page, name) {
  await waitVisible(taskCard(page, name), `the card "${name}"`, 20_000);
  await taskCard(page, name).getByRole('link', { name, exact: true }).click();
  const claim = page.getByRole('button', { name: 'Claim' });
  const form = page.locator('.task-details .fjs-container');
  await waitVisible(claim.or(form), `the task "${name}"`);
  if (await claim.isVisible()) await claim.click();
  await waitVisible(form.locator('.fjs-form'), `the form of "${name}"`);
  return form;
}

/** Runs axe-core (WCAG 2.2 AA) on the open task's form (not Tasklist's own chrome); throws on a violation. */
export async function expectTaskFormAccessible(page, what) {
  const violations = await axeViolations(page, { include: '.task-details .fjs-container' });
  if (violations.length) throw new Error(`axe-core on the ${what} form: ${violations.join('; ')}`);
  console.log(`ok the ${what} form passes axe-core (WCAG 2.2 AA) in its content`);
}

/**
 * Clicks "Complete" on the open task named `name`; resolves once its card has left the list and no
 * (false) "An error happened" shows.
 */
export async function completeTask(page, name) {
  await page.getByRole('button', { name: 'Complete' }).click();
  await taskCard(page, name).waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForTimeout(1_000);
  if (await page.getByText(/An error happened/i).isVisible()) throw new Error(`"An error happened" after completing "${name}"`);
}
