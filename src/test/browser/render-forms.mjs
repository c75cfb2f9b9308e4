// Renders every Camunda Form (*.form) of a folder with form-js 1.8.7 (the
// version Camunda 7.24 Tasklist bundles) in headless Chromium and checks that
// each keyed component shows up as a form field.
//
// usage: node render-forms.mjs <formsDir> <screenshotDir>
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { withBrowser, collectErrors, screenshot } from './lib/browser.mjs';

const require = createRequire(import.meta.url);
const FORM_JS_DIST = join(dirname(require.resolve('@bpmn-io/form-js/package.json')), 'dist');
const VIEWER_JS = join(FORM_JS_DIST, 'form-viewer.umd.js');
const VIEWER_CSS = join(FORM_JS_DIST, 'assets', 'form-js.css'); // form-js-base.css + flatpickr

const [formsDir, screenshotDir] = process.argv.slice(2);
if (!formsDir || !screenshotDir) {
  console.error('usage: node render-forms.mjs <formsDir> <screenshotDir>');
  process.exit(2);
}

/** All components of a schema that carry a `key`, depth first. */
function keyedComponents(component) {
  const own = component.key !== undefined ? [component] : [];
  return own.concat((component.components || []).flatMap(keyedComponents));
}

/**
 * Runs in the page: imports the schema the way Tasklist does (new Form +
 * importSchema) and reports, for each keyed field, whether it rendered.
 */
async function renderInPage(schema) {
  // a field offering a variable's options (valuesKey) renders them: give each such variable one, as Tasklist would
  function sampleOptions(components, data = {}) {
    for (const component of components) {
      if (component.valuesKey) data[component.valuesKey] = [{ label: 'Example', value: 'EXAMPLE' }];
      sampleOptions(component.components ?? [], data);
    }
    return data;
  }
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new FormViewer.Form({ container });
  let warnings;
  try {
    ({ warnings } = await form.importSchema(schema, sampleOptions(schema.components ?? [])));
  } catch (err) {
    return { error: `import failed: ${err.message}` };
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

  const formFields = form.get('formFields');
  const registry = form.get('formFieldRegistry');
  const hasCondition = (field) =>
    !!field && (!!field.conditional || hasCondition(registry.get(field._parent)));
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  const fields = registry.getAll()
    .filter((field) => field.key !== undefined && field.type !== 'default')
    .map((field) => {
      const { id, key, type } = field;
      const { config } = formFields.get(type);
      if (type === 'expression') return { key, type, status: 'invisible' };
      let rendered;
      if (config.keyed) {
        // Inputs get id fjs-form-<formId>-<fieldId>, plus _<n> inside repeated
        // lists, -<n> for radio/checklist options and -date/-time for datetime.
        const idPattern = new RegExp(`^${escape(`fjs-form-${form._id}-${id}`)}(_\\d+)*(-(\\d+|date|time))?$`);
        const input = [...container.querySelectorAll('[id]')].find((el) => idPattern.test(el.id));
        rendered = !!input?.closest(`.fjs-form-field.fjs-form-field-${type}`);
      } else {
        // Non-value component that still carries a key (e.g. a legacy button key).
        rendered = !!container.querySelector(`.fjs-form-field.fjs-form-field-${type}`);
      }
      if (!rendered && hasCondition(field)) return { key, type, status: 'hidden' };
      return { key, type, status: rendered ? 'ok' : 'missing' };
    });
  return { warnings, fields };
}

async function checkForm(context, file) {
  const name = basename(file, '.form');
  const schema = JSON.parse(await readFile(file, 'utf8'));
  if (schema.id !== name) return { id: name, problems: [`schema id "${schema.id}" differs from file name "${name}.form"`] };

  const { id } = schema;
  const page = await context.newPage();
  try {
    const errors = collectErrors(page);
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addStyleTag({ path: VIEWER_CSS });
    await page.addScriptTag({ path: VIEWER_JS });
    const result = await page.evaluate(renderInPage, schema);
    await screenshot(page, screenshotDir, `form-${id}.png`);

    const problems = [...errors];
    if (result.error) return { id, problems: [result.error, ...problems] };
    if (result.warnings.length) problems.push(`import warnings: ${result.warnings.map(String).join('; ')}`);
    const expected = keyedComponents(schema).length;
    if (result.fields.length !== expected) problems.push(`form-js imported ${result.fields.length} keyed fields, schema has ${expected}`);
    for (const f of result.fields.filter((f) => f.status === 'missing')) {
      problems.push(`field "${f.key}" (${f.type}) not rendered`);
    }
    return { id, problems, rendered: result.fields.filter((f) => f.status === 'ok').length };
  } finally {
    await page.close();
  }
}

const files = (await readdir(formsDir).catch(() => []))
  .filter((f) => f.endsWith('.form'))
  .sort()
  .map((f) => join(formsDir, f));

if (!files.length) {
  console.error(`no *.form files found in ${formsDir}`);
  console.log('forms: 0 passed, 0 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
try {
  await withBrowser(async (context) => {
    for (const file of files) {
      let result;
      try {
        result = await checkForm(context, file);
      } catch (err) {
        result = { id: basename(file, '.form'), problems: [err.message] };
      }
      if (result.problems.length) {
        failed++;
        console.log(`FAIL ${result.id}: ${result.problems.join('; ')}`);
      } else {
        passed++;
        console.log(`ok ${result.id} (${result.rendered} fields)`);
      }
    }
  });
} catch (err) {
  console.log(`FAIL browser: ${err.message.split('\n')[0]}`);
  failed = files.length - passed;
}
console.log(`forms: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
