// axe-core (npm axe-core) run in the page: the WCAG 2.0, 2.1 and 2.2 A and AA rules.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page (or on `include`, a CSS selector) and returns its violations as readable lines.
 * axe is evaluated through the browser's debugging protocol, so the page's CSP (no inline script)
 * stays as it is. `exclude` lists selectors left out (Camunda's own chrome).
 */
export async function axeViolations(page, { include, exclude = [] } = {}) {
  await page.evaluate(await AXE_SOURCE);
  const violations = await page.evaluate(async ({ include, exclude, tags }) => {
    const context = { include: include ? [include] : [document], exclude: exclude.map((s) => [s]) };
    const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, { include, exclude, tags: WCAG_AA });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}
