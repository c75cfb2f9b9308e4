// Builds static/govuk/ from the govuk-frontend package: the styles (govuk.scss, with the settings of a
// service not on GOV.UK), the script, and the favicons. The output is committed; run again after
// changing the govuk-frontend version in package.json (see docs/pages.md).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules/govuk-frontend/dist');
const out = join(here, '../resources/static/govuk');
mkdirSync(join(out, 'images'), { recursive: true });

const css = sass.compile(join(here, 'govuk.scss'), {
  loadPaths: [dist],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin'],
});
writeFileSync(join(out, 'govuk-frontend.min.css'), css.css);
copyFileSync(join(dist, 'govuk/govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js'));
for (const image of ['favicon.ico', 'favicon.svg']) {
  copyFileSync(join(dist, 'govuk/assets/images', image), join(out, 'images', image));
}
console.log('built', out);
