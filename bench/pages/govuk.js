// GOV.UK Frontend's Character Count with data-maxwords on each textarea.
import { CharacterCount } from "/vendor/govuk-frontend/dist/govuk/govuk-frontend.min.js";
const warn = console.warn;
console.warn = () => {}; // data-maxwords is deprecated in v6 (it still works: /\S+/g)
const counts = [...document.querySelectorAll('[data-module="govuk-character-count"]')].map((el) => new CharacterCount(el));
console.warn = warn;
window.__feedback();
window.benchLib = {
  frame: false,
  checkAll() {
    for (const c of counts) {
      c.updateCount();
      c.updateCountMessage();
    }
  },
};
window.__benchReady = true;
