// The host portal's own submit handler (an external script, so it also runs under a strict
// Content-Security-Policy): it records that it ran in the form data, as a portal script that
// adds a token or a timestamp would.
for (const form of document.querySelectorAll("form")) {
  form.addEventListener("submit", () => {
    const mark = document.createElement("input");
    mark.type = "hidden";
    mark.name = "host_handler";
    mark.value = "ran";
    form.append(mark);
    document.documentElement.dataset.hostSubmitted = "yes";
  });
}
