// The admin's opt-in snippet, as an external module (the page has no inline script).
import { keepOffline } from "/borang/embed.js";
keepOffline("sw.js").then((kept) => {
  document.documentElement.dataset.kept = String(kept);
});
