// Prevent Case Engine: additions to Camunda's webapps, loaded as an ES module through each app's
// scripts/config.js (customScripts). No default export: Tasklist would take it for a plugin.
// Browser-tested in src/test/browser (tasklist-*.mjs); what each part does: docs/tasklist.md.

// 1. Form drafts never rest in the browser. Tasklist's "Save" keeps a Camunda Form's values (a
//    referral's personal data) in localStorage under "camunda-form:<id>"; embedded forms under
//    "camForm:<id>". Such keys are refused, and any left from before are removed.
const DRAFT_PREFIXES = ['camunda-form:', 'camForm:'];
const isDraft = (key) => DRAFT_PREFIXES.some((prefix) => String(key).startsWith(prefix));

const storeItem = Storage.prototype.setItem;
Storage.prototype.setItem = function setItemUnlessDraft(key, value) {
  if (this === window.localStorage && isDraft(key)) {
    return;
  }
  storeItem.call(this, key, value);
};

for (let index = window.localStorage.length - 1; index >= 0; index--) {
  const key = window.localStorage.key(index);
  if (isDraft(key)) {
    window.localStorage.removeItem(key);
  }
}

// 2. One sign-in: the webapps' own login form is closed, so after signing out (or when the session
//    has ended) go to the application's sign-in page instead.
function toSignIn() {
  if (/^#\/login\b/.test(window.location.hash)) {
    window.location.replace('/login?logout');
  }
}
window.addEventListener('hashchange', toSignIn);
toSignIn();

// 3. Tasklist actions no role may use are not offered: "Create task" and "Add comment" (comments and
//    attachments are refused by the engine, docs/security.md), and a task card's bare priority number
//    (the card shows the urgency in words instead, from the filter's card variables).
const style = document.createElement('style');
style.textContent = `
  [data-plugin-id="create-task-action"], [data-plugin-id="task-action-comment"], .create-task-action,
  .task-action-comment, .createCommentLink,
  .tasks-list .task .priority { display: none !important; }
  .prevent-error-summary { border: 5px solid #d4351c; padding: 15px 20px; margin: 0 0 20px; background: #fff; }
  .prevent-error-summary:focus { outline: 3px solid #fd0; }
  .prevent-error-summary h2 { font-size: 1.3em; font-weight: bold; margin: 0 0 10px; color: #0b0c0c; }
  .prevent-error-summary ul { margin: 0; padding-left: 0; list-style: none; }
  .prevent-error-summary li { margin: 0 0 5px; }
  .prevent-error-summary a, .prevent-error-summary span { color: #d4351c; font-weight: bold; }
`;
document.head.appendChild(style);

// 4. Plain messages (GOV.UK style) instead of form-js 1.8's fixed ones. Each form names them in a
//    field's custom properties: `requiredMessage` ("Enter the person's given names") replaces
//    "Field is required.", `invalidMessage` every other "Field must ..." (a length, a range, an
//    e-mail). The schemas are read from the forms Tasklist loads.
const fields = new Map(); // component id -> { key, label, requiredMessage, invalidMessage }

function learn(schema) {
  const walk = (components) => (components || []).forEach((component) => {
    if (component.id) {
      const properties = component.properties || {};
      fields.set(component.id, {
        key: component.key,
        label: component.label || component.dateLabel || component.key || '',
        requiredMessage: properties.requiredMessage,
        invalidMessage: properties.invalidMessage,
      });
    }
    walk(component.components);
  });
  walk(schema && schema.components);
}

/** The component an element of form-js belongs to, from its DOM id "fjs-form-<form>-<component>...". */
function componentOf(element) {
  const id = element && element.id;
  if (!id) {
    return null;
  }
  for (const [componentId, field] of fields) {
    if (id.endsWith(`-${componentId}-error-message`) || id.endsWith(`-${componentId}`)) {
      return { componentId, field };
    }
  }
  return null;
}

function plainFieldMessage(message, field) {
  if (!/^Field /.test(message)) {
    return message;
  }
  if (/^Field is required\.?$/.test(message)) {
    return field.requiredMessage || `Enter ${field.label.replace(/[*:?]\s*$/, '').trim()}`;
  }
  return field.invalidMessage || `${field.label.replace(/[*:?]\s*$/, '').trim()} is not in the right format`;
}

function rewriteFieldErrors(root) {
  root.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const owner = componentOf(error);
    if (!owner) {
      return;
    }
    error.querySelectorAll('li').forEach((item) => {
      const plain = plainFieldMessage(item.textContent.trim(), owner.field);
      if (plain !== item.textContent.trim()) {
        item.textContent = plain;
      }
    });
  });
}

// 5. Errors where the user is looking: after a refused submission, a summary at the top of the form
//    ("There is a problem", each message a link to its field), which the page moves to; a refusal
//    by the server is shown there too, in plain words, never with an engine id or JSON.
const SUMMARY = 'prevent-error-summary';
let serverProblems = [];
let dirty = false; // a form has input not yet sent (part 6)

function formContainer() {
  return document.querySelector('.modal .fjs-container') || document.querySelector('.fjs-container');
}

/** The input of a component (its first one, for radios and checklists). */
function inputOf(container, componentId) {
  return container.querySelector(
    `[id$="-${componentId}"], [id$="-${componentId}-0"], [id*="-${componentId}_"]`);
}

/**
 * The input of the field a server's message names by its key; a date entered as day, month and
 * year (`personDateOfBirth`) is its day (`personDateOfBirthDay`).
 */
function inputOfKey(container, key) {
  for (const candidate of [key, `${key}Day`]) {
    for (const [componentId, field] of fields) {
      if (field.key === candidate) {
        const input = inputOf(container, componentId);
        if (input) {
          return input;
        }
      }
    }
  }
  return null;
}

function browserProblems(container) {
  const problems = [];
  container.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const owner = componentOf(error);
    const target = owner && inputOf(container, owner.componentId);
    error.querySelectorAll('li').forEach((item) => problems.push({ text: item.textContent.trim(), target }));
  });
  return problems;
}

function renderSummary(moveThere) {
  const container = formContainer();
  const existing = document.querySelector(`.${SUMMARY}`);
  if (!container) {
    existing?.remove();
    return;
  }
  rewriteFieldErrors(container);
  const problems = [...serverProblems.map((problem) => ({ text: problem.text,
    target: problem.field ? inputOfKey(container, problem.field) : null })), ...browserProblems(container)];
  if (!problems.length) {
    existing?.remove();
    return;
  }
  const signature = JSON.stringify(problems.map((problem) => [problem.text, problem.target && problem.target.id]));
  if (existing && existing.dataset.signature === signature && existing.nextSibling === container) {
    if (moveThere) {
      existing.scrollIntoView({ block: 'start' });
      existing.focus();
    }
    return;
  }
  const summary = existing || document.createElement('div');
  summary.dataset.signature = signature;
  summary.className = SUMMARY;
  summary.setAttribute('role', 'alert');
  summary.setAttribute('tabindex', '-1');
  summary.setAttribute('aria-labelledby', `${SUMMARY}-title`);
  summary.replaceChildren();
  const title = document.createElement('h2');
  title.id = `${SUMMARY}-title`;
  title.textContent = 'There is a problem';
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    const text = document.createElement(problem.target ? 'a' : 'span');
    text.textContent = problem.text;
    if (problem.target) {
      text.href = `#${problem.target.id}`;
      text.addEventListener('click', (event) => {
        event.preventDefault();
        problem.target.focus();
        problem.target.scrollIntoView({ block: 'center' });
      });
    }
    item.appendChild(text);
    list.appendChild(item);
  }
  summary.append(title, list);
  if (summary.parentNode !== container.parentNode) {
    container.parentNode.insertBefore(summary, container);
  }
  if (moveThere) {
    summary.scrollIntoView({ block: 'start' });
    summary.focus();
  }
}

/**
 * Plain messages from an error body, each with the key of the field it names when the body says:
 * a list of field errors (`errors: [{field, message}]`, docs/forms.md), or a message without the
 * engine's prefix, whose "There is a problem: a [key]; b [key]." (the referral validator's) gives a
 * line per problem.
 */
function plainServerMessages(body) {
  const plain = (text) => String(text || '')
    .replace(/[\w.-]+:\d+:[0-9a-f-]{36}/gi, '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '')
    .replace(/^(?:Cannot (?:instantiate|submit|complete|start)[^:]*:\s*)+/i, '')
    .trim();
  const safe = (text) => (!text || /[{}[\]\\^$|]|Exception|\bat org\./.test(text)
    ? 'The form was not sent. Check your answers and try again.' : text);
  const listed = Array.isArray(body && body.errors) ? body.errors : [];
  if (listed.length) {
    return listed.map((error) => ({ text: safe(plain(error.message || error.detail)),
      field: typeof error.field === 'string' ? error.field : null }));
  }
  const message = plain(body && (body.message || body.detail));
  const parts = message.match(/^[^:]*(?:There is a problem|Please correct):\s*([\s\S]*?)\.?$/);
  return (parts ? parts[1].split(/;\s+/) : [message]).map((part) => {
    const keyed = part.match(/^([\s\S]*?)\s*\[([A-Za-z][\w.-]*)\]$/);
    return keyed ? { text: safe(keyed[1]), field: keyed[2] } : { text: safe(part), field: null };
  });
}

function isSubmission(method, url) {
  return method === 'POST' && /\/(submit-form|complete|start)(\?|$)/.test(url);
}

function isFormSchema(url) {
  return /\/(deployed-form|deployed-start-form|form)(\?|$)/.test(url);
}

/** What a refused submission's body becomes: its plain messages, remembered for the summary. */
function refused(responseText) {
  let parsed = null;
  try {
    parsed = JSON.parse(responseText);
  } catch {
    parsed = null;
  }
  serverProblems = plainServerMessages(parsed);
  setTimeout(() => renderSummary(true), 0);
  return JSON.stringify({ type: 'InvalidRequestException', message: serverProblems.map((p) => p.text).join(' ') });
}

function accepted() {
  serverProblems = [];
  dirty = false;
  lastAccepted = Date.now();
}

// Tasklist says "An error happened while submitting the task form" when form-js itself refuses a
// task form (the summary says what to correct) and leaves it standing after the task is then
// completed: such a notice is closed. One about a refusal by the server stays, in plain words.
let lastAccepted = 0;
function closeFalseAlarms() {
  document.querySelectorAll('.notifications .alert').forEach((alert) => {
    if (!/An error happened/i.test(alert.textContent)) {
      return;
    }
    const container = formContainer();
    const refusedByTheForm = container && container.querySelector('.fjs-form-field-error') && !serverProblems.length;
    if (refusedByTheForm || Date.now() - lastAccepted < 60_000) {
      alert.querySelector('[ng-click^="removeNotification"]')?.click();
    }
  });
}

// Tasklist fetches a Camunda Form's schema with fetch(); its other calls use XMLHttpRequest.
const fetchOriginal = window.fetch;
window.fetch = async function fetchAndWatch(resource, init) {
  const url = String(resource && resource.url ? resource.url : resource);
  const method = String((init && init.method) || (resource && resource.method) || 'GET').toUpperCase();
  const response = await fetchOriginal.call(this, resource, init);
  if (method === 'GET' && isFormSchema(url) && response.ok) {
    response.clone().json().then(learn).catch(() => {});
  }
  if (isSubmission(method, url)) {
    if (response.status >= 400) {
      const answer = refused(await response.clone().text());
      return new Response(answer, { status: response.status, statusText: response.statusText,
        headers: { 'Content-Type': 'application/json' } });
    }
    if (response.ok) {
      accepted();
    }
  }
  return response;
};

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
const responseTextOf = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'responseText').get;
const responseOf = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'response').get;
XMLHttpRequest.prototype.open = function openAndRemember(method, url, ...rest) {
  const request = { method: String(method).toUpperCase(), url: String(url) };
  this.preventRequest = request;
  if (isSubmission(request.method, request.url)) {
    // whoever reads a refusal first (Tasklist's own handler included) reads it in plain words
    const plainIfRefused = (xhr, raw) => {
      if (xhr.readyState !== 4 || xhr.status < 400) {
        return raw;
      }
      if (request.answer === undefined) {
        request.answer = refused(responseTextOf.call(xhr));
      }
      return request.answer;
    };
    Object.defineProperty(this, 'responseText', { configurable: true,
      get() { return plainIfRefused(this, responseTextOf.call(this)); } });
    Object.defineProperty(this, 'response', { configurable: true,
      get() { const raw = responseOf.call(this); return typeof raw === 'string' ? plainIfRefused(this, raw) : raw; } });
  }
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function sendAndWatch(body) {
  const request = this.preventRequest || {};
  if (isFormSchema(request.url) && request.method === 'GET') {
    this.addEventListener('readystatechange', () => {
      if (this.readyState === 4 && this.status === 200) {
        try {
          learn(JSON.parse(this.responseText));
        } catch {
          // not a Camunda Form: an embedded or generated form
        }
      }
    });
  }
  if (isSubmission(request.method, request.url)) {
    this.addEventListener('readystatechange', () => {
      if (this.readyState === 4 && this.status >= 400) {
        this.responseText; // eslint-disable-line no-unused-expressions -- makes sure the summary shows it
      } else if (this.readyState === 4 && this.status < 300) {
        accepted();
      }
    });
  }
  return send.call(this, body);
};

// A submit button of a form (Tasklist's "Start" in the dialog, "Complete" under a task form): when
// form-js refuses the submission, the summary appears and the page moves to it.
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('button');
  if (!button || !formContainer()) {
    return;
  }
  if (button.matches('[type="submit"], .btn-primary') && !button.closest('.fjs-container')) {
    serverProblems = [];
    setTimeout(() => renderSummary(true), 50);
  }
}, true);

new MutationObserver((mutations) => {
  const own = (mutation) => {
    const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
    const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
    return (target && target.closest(`.${SUMMARY}`))
      || (nodes.length > 0 && nodes.every((node) => node.classList && node.classList.contains(SUMMARY)));
  };
  if (mutations.every(own)) {
    return; // the summary's own changes
  }
  closeFalseAlarms();
  const container = formContainer();
  if (container) {
    rewriteFieldErrors(container);
    if (document.querySelector(`.${SUMMARY}`)) {
      renderSummary(false);
    }
  } else {
    serverProblems = [];
    dirty = false;
    document.querySelector(`.${SUMMARY}`)?.remove();
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// 6. A filled form is not thrown away without a word: closing the dialog, Esc, the browser's Back,
//    another task, signing out or leaving the page first ask.
const LEAVE = 'Your answers have not been sent and will be lost. Leave this form?';
let lastUrl = window.location.href;
for (const method of ['pushState', 'replaceState']) {
  const original = window.history[method];
  window.history[method] = function rememberUrl(...args) {
    const result = original.apply(this, args);
    lastUrl = window.location.href;
    return result;
  };
}

document.addEventListener('input', (event) => {
  if (event.target.closest && event.target.closest('.fjs-container')) {
    dirty = true;
  }
}, true);
document.addEventListener('change', (event) => {
  if (event.target.closest && event.target.closest('.fjs-container')) {
    dirty = true;
  }
}, true);

/** True when nothing filled would be lost, or the user agreed to lose it. */
function mayLeave() {
  if (!dirty || !formContainer()) {
    return true;
  }
  if (window.confirm(LEAVE)) {
    dirty = false;
    return true;
  }
  return false;
}

// (the header's menus themselves only open: their toggles are not leaving, their links are)
const LEAVING = ['.modal [ng-click="$dismiss()"]', '.modal .close', 'li.logout a', '.tasks-list a',
  '[cam-tasklist-filters] a', '.task-filters a', '.navbar-brand', '.app-menu a:not(.dropdown-toggle)',
  '.start-process-action a'].join(', ');
window.addEventListener('click', (event) => {
  const leaving = event.target.closest && event.target.closest(LEAVING);
  if (leaving && !mayLeave()) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && document.querySelector('.modal .fjs-container') && !mayLeave()) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

for (const type of ['popstate', 'hashchange']) {
  window.addEventListener(type, (event) => {
    if (window.location.href === lastUrl) {
      return;
    }
    if (!mayLeave()) {
      event.stopImmediatePropagation();
      window.history.pushState(null, '', lastUrl);
      return;
    }
    lastUrl = window.location.href;
  }, true);
}

window.addEventListener('beforeunload', (event) => {
  if (dirty && formContainer()) {
    event.preventDefault();
    event.returnValue = '';
  }
});

// for tests and support: the additions are in place
window.preventWebapps = true;
