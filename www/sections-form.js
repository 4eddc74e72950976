// The form a rules file describes, built in the page: one block per section, the control each
// field needs (textarea for word-limited text, file input with the section's `accept`, radio or
// checkbox groups for choices, url/email/tel inputs for formats). Used by the rules playground
// and by Periksa Draf. Text from the rules goes in with textContent only, never as HTML.

/** Creates an element; `text` always goes in as textContent. */
export function el(tag, { text, className, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === undefined || v === null) continue;
    node.setAttribute(k, v === true ? "" : String(v));
  }
  node.append(...children);
  return node;
}

/** The field of a section that gets the file input: the `u_…` one, or the last. */
export function fileFieldOf(section) {
  const fields = section.fields ?? [];
  return fields.find((f) => f.startsWith("u_")) ?? fields[fields.length - 1];
}

/** Which control a field gets. `checked` is true (or an object, in older builds) for a
 *  section that counts ticked boxes. */
export function kindOf(section, field) {
  const choice = Array.isArray(section.choice) && section.choice.length > 0;
  if (choice && section.checked) return "checkbox";
  if (choice) return "radio";
  if (Array.isArray(section.accept) && field === fileFieldOf(section)) return "file";
  // A build whose sections() does not list `accept` yet: attachments are named `u_…` by convention.
  if (section.accept === undefined && field.startsWith("u_")) return "file";
  switch (section.format) {
    case "url":
      return "url";
    case "email":
      return "email";
    case "phone":
      return "tel";
    case "date":
      return "date";
    case "digits":
      return "digits";
    case "number":
      return "number";
    default:
      break;
  }
  if (section.maxWords) return "textarea";
  return "text";
}

function requiredMark() {
  return [el("span", { className: "req", text: " *", attrs: { "aria-hidden": "true" } }), el("span", { className: "sr-only", text: " (wajib)" })];
}

function limitText(section) {
  return section.maxWords ? ` (maksimal ${section.maxWords} kata)` : "";
}

/** Builds one section's block. `n` is its number in the form. */
export function buildSection(section, n) {
  const base = `uji-${n}`;
  const fields = section.fields ?? [];
  const helpId = section.help ? `${base}-help` : null;
  const help = section.help ? el("p", { className: "help", text: section.help, attrs: { id: helpId } }) : null;
  const heading = (extra = "") => {
    const parts = [el("span", { className: "num", text: `${n}.` }), document.createTextNode(`${section.title}${extra}`)];
    if (section.required) parts.push(...requiredMark());
    return parts;
  };

  const kinds = fields.map((f) => kindOf(section, f));
  const grouped = kinds.length > 0 && kinds.every((k) => k === "checkbox" || k === "radio");

  if (grouped) {
    const box = el("fieldset", { className: "field", attrs: { "aria-describedby": helpId } });
    box.dataset.section = section.id;
    box.append(el("legend", {}, ...heading()));
    if (help) box.append(help);
    fields.forEach((field, fi) => {
      const list = el("div", { className: section.choice.length > 4 ? "choices choices-grid" : "choices" });
      section.choice.forEach((value, ci) => {
        const id = `${base}-${fi}-${ci}`;
        const input = el("input", { attrs: { type: kinds[fi], id, name: field, value } });
        list.append(el("div", { className: "choice" }, input, el("label", { text: value, attrs: { for: id } })));
      });
      box.append(list);
    });
    return box;
  }

  const box = el("div", { className: "field" });
  box.dataset.section = section.id;
  fields.forEach((field, fi) => {
    const kind = kinds[fi];
    const id = `${base}-${fi}`;
    let control;
    if (kind === "textarea") {
      control = el("textarea", { attrs: { id, name: field, rows: section.maxWords > 300 ? 10 : 6 } });
    } else if (kind === "file") {
      const accept = Array.isArray(section.accept) ? section.accept.join(",") : undefined;
      control = el("input", { attrs: { type: "file", id, name: field, accept } });
    } else if (kind === "digits" || kind === "number") {
      // Text, not type=number: "1.500.000,50" and 18-digit NIPs are not numbers to the browser.
      const inputmode = kind === "digits" ? "numeric" : "decimal";
      control = el("input", { attrs: { type: "text", inputmode, id, name: field, autocomplete: "off" } });
    } else {
      control = el("input", { attrs: { type: kind, id, name: field, autocomplete: "off" } });
    }
    if (helpId) control.setAttribute("aria-describedby", helpId);

    if (kind === "file" && fields.length > 1) {
      const label = el("label", { text: `Lampiran: ${section.title}`, attrs: { for: id } });
      box.append(el("div", { className: "attach" }, label, control));
      return;
    }
    const first = fi === 0;
    const label = first
      ? el("label", { attrs: { for: id } }, ...heading(limitText(section)))
      : el("label", { text: `${section.title} — ${field}`, attrs: { for: id } });
    box.append(label);
    if (first && help) box.append(help);
    box.append(control);
  });
  return box;
}

/** What the user typed in `form`, by field name, so a rebuilt form can be refilled. */
export function snapshot(form) {
  const byName = new Map();
  for (const control of form.elements) {
    if (!control.name) continue;
    const entry = byName.get(control.name) ?? { values: [], checked: new Set(), files: null };
    if (control.type === "checkbox" || control.type === "radio") {
      if (control.checked) entry.checked.add(control.value);
    } else if (control.type === "file") {
      if (control.files && control.files.length) entry.files = control.files;
    } else if (control.tagName !== "BUTTON") {
      entry.values.push(control.value);
    }
    byName.set(control.name, entry);
  }
  return byName;
}

/** Puts a `snapshot()` back into `form` (files only where the browser allows moving them). */
export function restore(form, byName) {
  const seen = new Map();
  for (const control of form.elements) {
    const entry = control.name ? byName.get(control.name) : undefined;
    if (!entry) continue;
    if (control.type === "checkbox" || control.type === "radio") {
      control.checked = entry.checked.has(control.value) || entry.values.includes(control.value);
    } else if (control.type === "file") {
      if (entry.files) {
        try {
          control.files = entry.files;
        } catch {
          // a browser that cannot move files between inputs: the user picks them again
        }
      }
    } else if (control.tagName !== "BUTTON") {
      const i = seen.get(control.name) ?? 0;
      seen.set(control.name, i + 1);
      const value = entry.values[i] ?? (entry.checked.size ? [...entry.checked].join(", ") : undefined);
      if (value !== undefined) control.value = value;
    }
  }
}
