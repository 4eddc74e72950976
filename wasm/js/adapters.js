// Adapters: reading and restoring fields through the editors and widgets that stand in for
// them. Restoring a draft into an editor's DOM does nothing (CKEditor 5 re-renders from its
// model and then overwrites the source) and setting a <select> under a widget leaves the
// widget showing the old choice; each library is asked through its own API instead.
//
// One small function per family, each feature-detected and wrapped: a library that throws
// never breaks the page, it only makes the restore "not taken" (false), and the Rust side
// reads every restored field back before it lets the draft go. Plain loops throughout: the
// host page may have replaced Array and Object methods (see tests/browser/hostile.test.mjs).
//
// Stored HTML is never inserted as page HTML: `clean` parses it into an inert document and
// rebuilds an allow-list of elements (no attributes but an http(s)/mailto href).

/** Tries `f`; an exception from the host's library counts as "did not take". */
function attempt(f) {
  try {
    return f() === true;
  } catch (error) {
    console.warn("borang: an editor or widget refused a restored value", error);
    return false;
  }
}

const fn = (x) => typeof x === "function";
const jq = () => (fn(window.jQuery) ? window.jQuery : null);

// ---- Sanitising -------------------------------------------------------------------------

/** Elements kept (without attributes, except a checked href on `a`). */
function allowed(tag) {
  switch (tag) {
    case "p": case "br": case "ul": case "ol": case "li": case "strong": case "b": case "em": case "i":
    case "u": case "s": case "sub": case "sup": case "h1": case "h2": case "h3": case "h4": case "h5":
    case "h6": case "blockquote": case "a": case "table": case "thead": case "tbody": case "tr":
    case "th": case "td":
      return true;
    default:
      return false;
  }
}

/** Elements dropped with everything inside them (code, embedded content, form controls). */
function dropped(tag) {
  switch (tag) {
    case "script": case "style": case "template": case "iframe": case "frame": case "frameset":
    case "object": case "embed": case "noscript": case "noembed": case "svg": case "math": case "head":
    case "title": case "textarea": case "select": case "button": case "input": case "img": case "video":
    case "audio": case "canvas": case "link": case "meta": case "base": case "form":
      return true;
    default:
      return false;
  }
}

function block(tag) {
  switch (tag) {
    case "p": case "div": case "ul": case "ol": case "table": case "blockquote": case "h1": case "h2":
    case "h3": case "h4": case "h5": case "h6": case "li": case "section": case "article":
      return true;
    default:
      return false;
  }
}

/** An http(s) or mailto URL, absolute, or null. */
function safeHref(href) {
  if (typeof href !== "string" || !href) return null;
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Copies the allowed part of `from`'s children into `to` (an element of `doc`); paragraphs
 * become `para` elements (`p`, or `div` for Trix, which reads a <p> as lines with gaps).
 */
function copy(from, to, doc, depth, para) {
  if (depth > 40) return;
  for (let n = from.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      to.appendChild(doc.createTextNode(n.data));
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = String(n.localName || "").toLowerCase();
    if (dropped(tag)) continue;
    let into = to;
    if (allowed(tag)) {
      into = doc.createElement(tag === "p" ? para : tag);
      if (tag === "a") {
        const href = safeHref(n.getAttribute("href"));
        if (href) into.setAttribute("href", href);
      }
      to.appendChild(into);
    } else if (tag === "div" && !hasBlockChild(n)) {
      // A block of text (Trix and plain contenteditable write lines as <div>s): a paragraph.
      into = doc.createElement(para);
      to.appendChild(into);
    }
    copy(n, into, doc, depth + 1, para);
  }
}

function hasBlockChild(el) {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (block(String(c.localName || "").toLowerCase())) return true;
  }
  return false;
}

/**
 * A tree of the allowed part of `html`, in an inert document: a <div> holding it. Without
 * HTML (a draft of plain text), one paragraph per non-empty line of `text`.
 */
function cleanTree(html, text, para) {
  const out = document.implementation.createHTMLDocument("");
  const root = out.createElement("div");
  if (typeof html === "string" && html) {
    // DOMParser documents run no script and load nothing (no <img onerror>).
    const parsed = new DOMParser().parseFromString(html, "text/html");
    if (parsed.body) copy(parsed.body, root, out, 0, para || "p");
  } else {
    let line = "";
    const s = String(text || "");
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s[i] : "\n";
      if (c === "\n" || c === "\r") {
        if (/\S/.test(line)) {
          const p = out.createElement(para || "p");
          p.textContent = line;
          root.appendChild(p);
        }
        line = "";
      } else {
        line += c;
      }
    }
  }
  return root;
}

/** The sanitised HTML of `html` (or of plain `text`), as a string for an editor's API. */
export function clean(html, text, para) {
  return cleanTree(html, text, para).innerHTML;
}

/** `html` with its no-break spaces as spaces (Quill 2.0's semantic HTML writes every space so). */
function spaces(html) {
  let out = "";
  for (let i = 0; i < html.length; i++) {
    if (html[i] === "&" && html.substr(i, 6) === "&nbsp;") {
      out += " ";
      i += 5;
    } else out += html[i];
  }
  return out;
}

// ---- Editors ----------------------------------------------------------------------------

/** CKEditor 5: the editable element carries the editor. */
function cke5(editable) {
  const editor = editable && editable.ckeditorInstance;
  return editor && fn(editor.setData) && fn(editor.getData) ? editor : null;
}

/** CKEditor 4: the instance whose element is the source, or whose editable is ours. */
function cke4(source, editable) {
  const CK = window.CKEDITOR;
  const instances = CK && CK.instances;
  if (!instances || typeof instances !== "object") return null;
  const own = Object.prototype.hasOwnProperty;
  for (const key in instances) {
    if (!own.call(instances, key)) continue;
    const editor = instances[key];
    if (!editor || !fn(editor.setData)) continue;
    if (source && editor.element && editor.element.$ === source) return editor;
    const body = fn(editor.editable) ? editor.editable() : null;
    if (body && body.$ === editable) return editor;
  }
  return null;
}

/** TinyMCE: the editor of the source's id, or the one whose body is our editable. */
function tiny(source, editable) {
  const t = window.tinymce;
  if (!t || !fn(t.get)) return null;
  if (source && source.id) {
    const editor = t.get(source.id);
    if (editor && fn(editor.setContent)) return editor;
  }
  const all = t.get();
  for (let i = 0; all && i < all.length; i++) {
    const editor = all[i];
    if (editor && fn(editor.getBody) && editor.getBody() === editable) return editor;
  }
  return null;
}

/** Summernote: the jQuery plugin on the source textarea. */
function summernote(source) {
  const $ = jq();
  if (!$ || !source || !$.fn || !fn($.fn.summernote)) return null;
  const $source = $(source);
  return $source.data("summernote") ? $source : null;
}

/** Quill: the instance of the editable's container. */
function quill(editable) {
  const Q = window.Quill;
  if (!Q || !fn(Q.find) || !editable || !editable.parentNode) return null;
  const editor = Q.find(editable.parentNode);
  return editor && editor.root === editable ? editor : null;
}

/** Trix: the <trix-editor> element and its editor. */
function trix(editable) {
  const el = editable && editable.closest ? editable.closest("trix-editor") : null;
  return el && el.editor && fn(el.editor.loadHTML) ? el : null;
}

/**
 * Puts a draft back into a rich-text field through its editor's API: `html` (sanitised
 * here) or, for a draft of plain text, `text` as paragraphs. `source` is the hidden field the
 * editor stands in for (null for a bare contenteditable). False when it could not be done;
 * whether it took is read back by the caller.
 */
export function restoreRich(source, editable, html, text) {
  const data = clean(html, text);
  const ck5 = cke5(editable);
  if (ck5) return attempt(() => (ck5.setData(data), true));
  const ck4 = cke4(source, editable);
  if (ck4) return attempt(() => (ck4.setData(data), true));
  const tmce = tiny(source, editable);
  if (tmce) {
    // Its "change" event tells the host's handlers (TinyMCE 6+ names the call `dispatch`).
    return attempt(() => (tmce.setContent(data), fn(tmce.dispatch) && tmce.dispatch("change"), true));
  }
  const sn = summernote(source);
  if (sn) return attempt(() => (sn.summernote("code", data), true));
  const q = quill(editable);
  if (q) return attempt(() => (q.setContents(q.clipboard.convert({ html: data }), "user"), true));
  const tx = trix(editable);
  if (tx) return attempt(() => (tx.editor.loadHTML(clean(html, text, "div")), true));
  // A plain contenteditable element (or a designMode document) is its own model.
  return attempt(() => {
    const tree = cleanTree(html, text);
    const doc = editable.ownerDocument;
    while (editable.firstChild) editable.removeChild(editable.firstChild);
    for (let n = tree.firstChild; n; n = n.nextSibling) editable.appendChild(doc.importNode(n, true));
    editable.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  });
}

/** The HTML a rich-text field holds, as its editor gives it (for the draft). */
export function richHtml(source, editable) {
  try {
    const ck5 = cke5(editable);
    if (ck5) return ck5.getData();
    const ck4 = cke4(source, editable);
    if (ck4 && fn(ck4.getData)) return ck4.getData();
    const tmce = tiny(source, editable);
    if (tmce && fn(tmce.getContent)) return tmce.getContent();
    const q = quill(editable);
    if (q && fn(q.getSemanticHTML)) return spaces(q.getSemanticHTML());
  } catch (error) {
    // Fall back to the editable's own markup.
  }
  return editable ? editable.innerHTML : "";
}

// ---- Widgets ----------------------------------------------------------------------------

/** Selectize and Tom Select keep their instance on the control they drive. */
function selectLike(control) {
  const s = control.selectize || control.tomselect;
  return s && fn(s.setValue) ? s : null;
}

function splitOn(text, delimiter) {
  const out = [];
  let item = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === delimiter) {
      if (item) out[out.length] = item;
      item = "";
    } else item += text[i];
  }
  if (item) out[out.length] = item;
  return out;
}

/** Choices.js 11 keeps no handle on the element: choose through its own list, as a click does. */
function choices(select, values) {
  if (!select.hasAttribute("data-choice") || !select.closest) return false;
  const outer = select.closest(".choices");
  if (!outer) return false;
  const items = outer.querySelectorAll("[data-choice][data-value]");
  let done = 0;
  for (let v = 0; v < values.length; v++) {
    for (let i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-value") !== values[v]) continue;
      items[i].dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
      done++;
      break;
    }
  }
  return done === values.length;
}

/**
 * Chooses `values` (an array of option values) in a <select> through the widget that shows
 * it. False when no widget drives it (the caller sets the options itself) or it refused.
 */
export function setChoice(select, values) {
  const single = !select.multiple;
  const s = selectLike(select);
  if (s) return attempt(() => (s.setValue(single ? values[0] || "" : values), true));
  const $ = jq();
  if ($ && fn($.fn && $.fn.val)) {
    const $select = $(select);
    const v = single ? values[0] || "" : values;
    if ($select.data("select2")) return attempt(() => ($select.val(v).trigger("change"), true));
    if ($select.data("chosen")) return attempt(() => ($select.val(v).trigger("change").trigger("chosen:updated"), true));
    if ($select.data("tagsinput")) return attempt(() => tagsinput($select, values));
  }
  if (select.hasAttribute("data-choice")) return attempt(() => choices(select, values));
  return false;
}

function tagsinput($input, items) {
  $input.tagsinput("removeAll");
  for (let i = 0; i < items.length; i++) $input.tagsinput("add", items[i]);
  return true;
}

/**
 * Puts text back into an <input> a widget drives (flatpickr's alt input, tags inputs,
 * Selectize and Tom Select on an input). False when none does.
 */
export function setText(input, value) {
  const picker = input._flatpickr;
  if (picker && fn(picker.setDate)) {
    return attempt(() => (value ? picker.setDate(value, true) : picker.clear(), true));
  }
  const s = selectLike(input);
  if (s) {
    const delimiter = (s.settings && s.settings.delimiter) || ",";
    return attempt(() => (s.setValue(splitOn(value, delimiter)), true));
  }
  const $ = jq();
  if ($ && fn($.fn && $.fn.tagsinput)) {
    const $input = $(input);
    if ($input.data("tagsinput")) return attempt(() => tagsinput($input, splitOn(value, ",")));
  }
  return false;
}

// ---- Widgets' jQuery events -------------------------------------------------------------

/**
 * selectize, select2, chosen and bootstrap-tagsinput tell the page about a choice with
 * jQuery's `trigger("change")`, which runs jQuery handlers only: no DOM event reaches
 * borang's listeners. This is an event target for `Session.listen` that hears those events
 * on the form (and only those: a DOM event already reached borang). Null without jQuery.
 */
export function jqueryEvents(form) {
  const $ = jq();
  if (!$ || !$.fn || !fn($.fn.on) || !fn($.fn.off)) return null;
  const bound = [];
  return {
    addEventListener(type, f) {
      const h = (e) => {
        if (!e.originalEvent) f(e);
      };
      bound[bound.length] = [type, f, h];
      $(form).on(type, h);
    },
    removeEventListener(type, f) {
      for (let i = 0; i < bound.length; i++) {
        if (bound[i] && bound[i][0] === type && bound[i][1] === f) {
          $(form).off(type, bound[i][2]);
          bound[i] = null;
        }
      }
    },
  };
}

// ---- Where the applicant is ---------------------------------------------------------------

/**
 * The element the applicant focuses for a control a widget drives, when it is not the
 * control itself: selectize's and Tom Select's input, select2's combobox, chosen's search
 * input, Choices' box (or its input), flatpickr's alt input, tagsinput's input. Null when no
 * widget drives it. Called when fields are bound, never on a keystroke.
 */
export function standIn(el) {
  try {
    const s = el.selectize;
    if (s && s.$control_input && s.$control_input[0]) return s.$control_input[0];
    const t = el.tomselect;
    if (t && t.focus_node && t.focus_node.nodeType === 1) return t.focus_node;
    const picker = el._flatpickr;
    if (picker && picker.altInput) return picker.altInput;
    const $ = jq();
    if ($ && fn($.data)) {
      const s2 = $.data(el, "select2");
      if (s2 && s2.$selection && s2.$selection[0]) return s2.$selection[0];
      const chosen = $.data(el, "chosen");
      if (chosen && chosen.search_field && chosen.search_field[0]) return chosen.search_field[0];
      const tags = $.data(el, "tagsinput");
      if (tags && tags.$input && tags.$input[0]) return tags.$input[0];
    }
    if (el.hasAttribute("data-choice") && el.closest) {
      const outer = el.closest(".choices");
      if (outer) {
        // A single choice is focused on its box; a multiple one (or one with search) on its input.
        const tabbable = outer.getAttribute("tabindex");
        if (tabbable !== null && tabbable !== "-1") return outer;
        const input = outer.querySelector("input.choices__input--cloned");
        if (input) return input;
      }
    }
  } catch (error) {
    // A widget whose insides are not as expected: no stand-in.
  }
  return null;
}
