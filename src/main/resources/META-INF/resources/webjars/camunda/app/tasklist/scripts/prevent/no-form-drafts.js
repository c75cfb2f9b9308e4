// Tasklist keeps copies of form fields in the browser's localStorage: Camunda Forms under
// "camunda-form:<task id>" (the "Save" button, and when the session expires), embedded forms under
// "camForm:<id>". A referral's fields are personal data, which must not rest anywhere but the case
// record, so this script (loaded through config.js customScripts) removes every such copy when
// Tasklist loads and refuses to write new ones. A practitioner who leaves a form loses what they
// typed; that is the price of not leaving it on a shared computer.
const DRAFT = /^(camunda-form:|camForm:)/;

function clearDrafts() {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key && DRAFT.test(key)) {
      localStorage.removeItem(key);
    }
  }
}

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (this === window.localStorage && DRAFT.test(String(key))) {
    return;
  }
  return setItem.call(this, key, value);
};

clearDrafts();
window.addEventListener('pagehide', clearDrafts);
window.preventNoFormDrafts = true;

export default [];
