// The sites where borang attaches by itself: adding one asks for access to that site only
// (chrome.permissions.request, on the click) and registers the content script for it.
import { addSite, autoSites, localize, removeSite, siteOf, syncAutoScripts, t } from "./lib.js";

const $ = (id) => document.getElementById(id);
const say = (text) => ($("status").textContent = text);

async function render() {
  const sites = await autoSites();
  $("sites").replaceChildren(
    ...(sites.length
      ? sites.map((site) => {
          const remove = Object.assign(document.createElement("button"), { type: "button", textContent: t("removeSite") });
          remove.addEventListener("click", async () => {
            await removeSite(site);
            say(t("siteRemoved", site));
            await render();
          });
          const item = document.createElement("li");
          item.append(Object.assign(document.createElement("span"), { textContent: site }), " ", remove);
          return item;
        })
      : [Object.assign(document.createElement("li"), { textContent: t("noSites"), className: "note" })]),
  );
}

async function add(event) {
  event.preventDefault();
  const typed = $("site").value.trim();
  const site = siteOf(typed);
  if (!site) {
    say(t("siteInvalid", typed));
    return;
  }
  if (await addSite(site)) {
    say(t("siteAdded", site));
    $("site").value = "";
  } else {
    say(t("siteRefused", site));
  }
  await render();
}

localize();
$("add").addEventListener("submit", (event) => add(event).catch((error) => say(String(error?.message ?? error))));
// The registration follows the list (and the permissions the browser still holds).
syncAutoScripts().finally(render).then(() => (document.documentElement.dataset.ready = "yes"));
