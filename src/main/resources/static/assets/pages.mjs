// The application's pages: GOV.UK Frontend's components (header menu, skip link, error summary, ...).
// A module from this origin, so the pages' CSP (script-src 'self', no inline script) holds.
import { initAll } from '/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
