// Cockpit configuration of the Prevent Case Engine (replaces the webjar's default config.js).
export default {
  customScripts: ['../tasklist/scripts/prevent-webapps']
};
