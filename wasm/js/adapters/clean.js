// Sanitising stored HTML before an editor gets it: `clean` parses it into an inert document
// and rebuilds an allow-list of elements (no attributes but an http(s)/mailto href). Stored
// HTML is never inserted as page HTML.

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
export function cleanTree(html, text, para) {
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
