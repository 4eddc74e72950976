// On a site the applicant listed in the options: attach as soon as the page is ready, with the
// rules they chose for the site (zero-config when they chose none). Registered with
// chrome.scripting.registerContentScripts after content.js, which defines borangExtension.
(async () => {
  try {
    const choice = (await globalThis.borangExtension.choice()) ?? { kind: "zero" };
    await globalThis.borangExtension.attach(choice);
  } catch (error) {
    console.error(`borang (extension): not attached: ${error?.message ?? error}. The form works as it would without borang.`);
  }
})();
