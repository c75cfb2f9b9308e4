// Prevent Case Engine: additions to Camunda's webapps, loaded as an ES module through each app's
// scripts/config.js (customScripts). No default export: Tasklist would take it for a plugin.

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

// for tests and support: the additions are in place
window.preventWebapps = true;
