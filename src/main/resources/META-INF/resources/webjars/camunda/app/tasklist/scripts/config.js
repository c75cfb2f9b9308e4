// Tasklist configuration of the Prevent Case Engine: Camunda's defaults (7.24) plus one custom
// script. This file shadows the webjar's scripts/config.js on the classpath.
export default {
  // Personal data never rests in the browser either: see scripts/prevent/no-form-drafts.js
  customScripts: ['scripts/prevent/no-form-drafts'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
