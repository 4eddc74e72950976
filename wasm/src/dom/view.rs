//! borang's own nodes on the host page: a feedback line after each field, the summary panel
//! (in a shadow root, so the host's CSS and ours never meet), and a polite live region.
//! Every text is set with `textContent`; nothing is ever parsed as HTML. Nodes are only
//! touched when what they show changes.

use borang::ui::{self, Level, Meter, Ui};
use borang::{Lang, SectionReport, Severity, Status};
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlButtonElement, HtmlElement, HtmlProgressElement, Node, ShadowRoot, ShadowRootInit,
    ShadowRootMode, Text,
};

use super::session::Session;

/// Styles for the nodes borang puts into the host's document. Class names are prefixed, and
/// the rules set what a host's generic rules (`form ul`, `form div`) could change.
pub(crate) const PAGE_CSS: &str = "
.borang-feedback{display:block;box-sizing:border-box;margin:.35rem 0 .9rem;padding:0;border:0;background:none;
  font-size:.875rem;line-height:1.45;color:#1f2933;text-align:start;font-weight:400;letter-spacing:normal}
.borang-feedback[hidden]{display:none}
.borang-feedback[data-empty]{margin:0}
.borang-count{display:inline-block;margin:0;padding:.1rem .55rem;border-radius:1rem;background:#e6ecf2;color:#1e3a5f;
  font-weight:600;font-variant-numeric:tabular-nums;font-size:.8125rem}
.borang-count[hidden]{display:none}
.borang-count[data-level=warning]{background:#fff1c7;color:#6b4400}
.borang-count[data-level=error]{background:#fde2e2;color:#8f1d1d}
.borang-messages{display:block;list-style:none;margin:.3rem 0 0;padding:0}
.borang-messages:empty{display:none}
.borang-message{display:block;position:relative;margin:.2rem 0;padding:0 0 0 1.15rem;color:#6b4400;list-style:none}
.borang-message::before{content:'';position:absolute;left:.2rem;top:.5em;width:.5rem;height:.5rem;border-radius:50%;
  background:#b7791f}
.borang-message[data-severity=error]{color:#8f1d1d}
.borang-message[data-severity=error]::before{background:#c53030;border-radius:1px}
.borang-sr{position:absolute!important;width:1px!important;height:1px!important;margin:-1px!important;padding:0!important;
  overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
.borang-summary-host{display:block}
form:has(> .borang-summary-host[data-sticky=yes]) :is(input,textarea,select,[contenteditable],iframe){scroll-margin-top:9rem}
";

/// Styles inside the summary panel's shadow root.
const PANEL_CSS: &str = "
/* The host element sits in the host page: nothing of the page's CSS may reach it. */
:host{all:initial!important;display:block!important;margin:0 0 1.25rem!important}
:host([data-sticky=yes]){position:sticky!important;top:0!important;z-index:20!important}
/* After a refused submit, a panel that an ancestor's overflow kept from sticking floats at the
   top of the window; the host keeps its height in the page, so nothing below it moves. */
:host([data-float=yes]){min-height:var(--borang-height,0)!important}
:host([data-float=yes]) .panel{position:fixed;top:0;left:0;right:0;z-index:2147483000;max-height:60vh;overflow:auto;
  margin:0 auto;max-width:60rem;border-radius:0 0 6px 6px}
*{box-sizing:border-box}
.panel{all:initial;display:block;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;
  font-size:15px;line-height:1.45;color:#1f2933;background:#fff;border:1px solid #c5d0db;border-top:4px solid #1e3a5f;border-radius:6px;
  box-shadow:0 2px 10px rgba(16,42,67,.12);padding:.7rem 1rem .75rem}
.head{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem 1rem}
.heading{margin:0;font-size:.8125rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#486581}
.progress{margin:0;font-weight:700;font-size:1rem;color:#102a43}
.counts{margin:0;color:#486581;font-size:.875rem}
.toggle{margin-inline-start:auto;font:inherit;font-size:.875rem;color:#1e3a5f;background:#f0f4f8;border:1px solid #9fb3c8;
  border-radius:4px;padding:.25rem .7rem;cursor:pointer}
.bar{display:flex;gap:2px;margin:.55rem 0 0;height:6px}
.bar span{flex:1;border-radius:2px;background:#d9e2ec}
.bar span[data-status=ok]{background:#2f855a}
.bar span[data-status=warning]{background:#d69e2e}
.bar span[data-status=error]{background:#c53030}
.bar span[data-status=skipped]{background:transparent;border:1px dashed #bcccdc}
.note{margin:.6rem 0 0;padding:.45rem .7rem;border-radius:4px;background:#e6f0fa;color:#102a43}
.alert{margin:.6rem 0 0;padding:.45rem .7rem;border-radius:4px;background:#fde2e2;color:#8f1d1d;font-weight:600}
.alert[data-kind=ready]{background:#e3f4ea;color:#1c5e3a}
.draft{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:.6rem 0 0;padding:.5rem .7rem;border-radius:4px;
  background:#e8f1fb;color:#102a43}
.draft p{margin:0;flex:1 1 16rem}
.draft button{font:inherit;font-size:.875rem;border-radius:4px;padding:.3rem .8rem;cursor:pointer;border:1px solid #1e3a5f}
.draft .primary{background:#1e3a5f;color:#fff}
.draft .secondary{background:#fff;color:#1e3a5f}
[hidden]{display:none!important}
ol{list-style:none;margin:.6rem 0 0;padding:0;max-height:min(45vh,22rem);overflow:auto}
li{display:grid;grid-template-columns:minmax(0,1fr) 7.5rem auto;align-items:center;gap:.2rem .75rem;
  padding:.35rem .2rem;border-top:1px solid #e4e7eb}
.go{font:inherit;text-align:start;background:none;border:0;padding:0;color:#1e3a5f;text-decoration:underline;
  cursor:pointer}
.meter{display:flex;flex-direction:column;gap:2px;font-size:.8125rem;color:#486581;font-variant-numeric:tabular-nums}
progress{width:100%;height:6px;appearance:none;border:0;border-radius:3px;background:#d9e2ec;overflow:hidden}
progress::-webkit-progress-bar{background:#d9e2ec}
progress::-webkit-progress-value{background:#2f855a}
li[data-level=warning] progress::-webkit-progress-value{background:#d69e2e}
li[data-level=error] progress::-webkit-progress-value{background:#c53030}
progress::-moz-progress-bar{background:#2f855a}
.status{font-size:.8125rem;font-weight:600;padding:.05rem .5rem;border-radius:1rem;background:#e4e7eb;color:#3e4c59;
  white-space:nowrap}
li[data-status=ok] .status{background:#e3f4ea;color:#1c5e3a}
li[data-status=warning] .status{background:#fff1c7;color:#6b4400}
li[data-status=error] .status{background:#fde2e2;color:#8f1d1d}
li[data-status=skipped] .go,li[data-status=skipped] .meter{color:#52606d}
li[data-status=skipped] .status{background:#f5f7fa;color:#3e4c59;border:1px dashed #9aa5b1}
/* A ring of at least 3:1 against the white panel, and a white gap so it reads on any colour. */
button:focus-visible,.alert:focus-visible{outline:3px solid #1e3a5f;outline-offset:2px;box-shadow:0 0 0 2px #fff}
@media (max-width:560px){li{grid-template-columns:minmax(0,1fr) auto}.meter{grid-column:1/-1;grid-row:2}}
@media print{:host{display:none}}
";

fn element(doc: &Document, tag: &str, class: &str) -> HtmlElement {
    let el = doc.create_element(tag).expect("a valid tag name").unchecked_into::<HtmlElement>();
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// A message as shown: severity, rule, text.
pub(crate) struct Shown<'a> {
    pub severity: Severity,
    pub rule: &'a str,
    pub text: &'a str,
}

/// The line after a field: its counter and its messages. What each node shows is kept here,
/// so a keystroke that changes the count touches the counter's text and nothing else (no
/// reading back from the page, no list rebuilt).
pub(crate) struct Feedback {
    pub root: HtmlElement,
    counter: HtmlElement,
    /// The counter's one text node: a new count changes its data. (Setting `textContent`
    /// replaces the node, and the layout after it costs Chromium four times as much.)
    counter_text: Text,
    list: HtmlElement,
    /// The counter's text and level while it is in the node.
    counter_shows: Option<(String, &'static str)>,
    items: Vec<Item>,
}

/// One message's list item and what it shows.
struct Item {
    li: HtmlElement,
    text_node: Text,
    severity: Severity,
    rule: String,
    text: String,
}

fn severity_name(severity: Severity) -> &'static str {
    if severity == Severity::Error {
        "error"
    } else {
        "warning"
    }
}

impl Feedback {
    pub fn create(session: &Session, doc: &Document, anchor: &Node, id: &str, field: &str) -> Option<Feedback> {
        // Custom element names: host rules such as `form div` do not reach borang's nodes.
        let root = element(doc, "borang-feedback", "borang-feedback");
        root.set_id(id);
        set_attr(&root, "data-borang", "feedback");
        set_attr(&root, "data-field", field);
        // The counter and the list are in the node only while they show something, and an
        // empty node is empty rather than hidden: content hidden from screen readers inside a
        // host's block makes axe's `region` rule report that block piece by piece, so on a page
        // whose form stands outside its landmarks a hidden part of borang's would add
        // violations.
        let counter = element(doc, "span", "borang-count");
        let counter_text = doc.create_text_node("");
        counter.append_child(&counter_text).ok()?;
        let list = element(doc, "ul", "borang-messages");
        set_attr(&root, "data-empty", "");
        anchor.parent_node()?.insert_before(&root, anchor.next_sibling().as_ref()).ok()?;
        session.own(&root);
        Some(Feedback { root, counter, counter_text, list, counter_shows: None, items: Vec::new() })
    }

    pub fn render(&mut self, meter: Option<&Meter>, messages: &[Shown]) {
        let was_empty = self.counter_shows.is_none() && self.items.is_empty();
        match (meter, &mut self.counter_shows) {
            (Some(m), Some((text, level))) => {
                if *text != m.text {
                    self.counter_text.set_data(&m.text);
                    text.clone_from(&m.text);
                }
                if *level != m.level.as_str() {
                    *level = m.level.as_str();
                    let _ = self.counter.set_attribute("data-level", level);
                }
            }
            (Some(m), None) => {
                self.counter_text.set_data(&m.text);
                let _ = self.counter.set_attribute("data-level", m.level.as_str());
                let _ = self.root.prepend_with_node_1(&self.counter);
                self.counter_shows = Some((m.text.clone(), m.level.as_str()));
            }
            (None, Some(_)) => {
                self.counter.remove();
                self.counter_shows = None;
            }
            (None, None) => {}
        }
        let had_items = !self.items.is_empty();
        for (i, m) in messages.iter().enumerate() {
            if let Some(item) = self.items.get_mut(i) {
                if item.severity != m.severity {
                    item.severity = m.severity;
                    let _ = item.li.set_attribute("data-severity", severity_name(m.severity));
                }
                if item.rule != m.rule {
                    m.rule.clone_into(&mut item.rule);
                    let _ = item.li.set_attribute("data-rule", m.rule);
                }
                if item.text != m.text {
                    m.text.clone_into(&mut item.text);
                    item.text_node.set_data(m.text);
                }
                continue;
            }
            let Some(doc) = self.root.owner_document() else { return };
            let li = element(&doc, "li", "borang-message");
            let _ = li.set_attribute("data-severity", severity_name(m.severity));
            let _ = li.set_attribute("data-rule", m.rule);
            let text_node = doc.create_text_node(m.text);
            let _ = li.append_child(&text_node);
            let _ = self.list.append_child(&li);
            self.items.push(Item {
                li,
                text_node,
                severity: m.severity,
                rule: m.rule.to_owned(),
                text: m.text.to_owned(),
            });
        }
        for item in self.items.drain(messages.len().min(self.items.len())..) {
            item.li.remove();
        }
        match (had_items, messages.is_empty()) {
            (true, true) => self.list.remove(),
            (false, false) => {
                let _ = self.root.append_child(&self.list);
            }
            _ => {}
        }
        let empty = meter.is_none() && messages.is_empty();
        if empty != was_empty {
            if empty {
                let _ = self.root.set_attribute("data-empty", "");
            } else {
                let _ = self.root.remove_attribute("data-empty");
            }
        }
    }
}

/// One section's row in the summary, and what it shows (so a keystroke touches only the
/// nodes whose text or state changed).
struct Row {
    li: HtmlElement,
    go: HtmlButtonElement,
    progress: HtmlProgressElement,
    /// The meter's text node (its data changes with the count).
    meter_text: Text,
    status: HtmlElement,
    segment: HtmlElement,
    shows: RowShows,
}

#[derive(Default)]
struct RowShows {
    status: &'static str,
    level: &'static str,
    title: String,
    meter: String,
    /// The progress bar's maximum and value while it is shown.
    progress: Option<(u32, u32)>,
}

/// What a row shows.
pub(crate) struct RowData<'a> {
    pub report: &'a SectionReport,
    pub meter: Option<&'a Meter>,
}

/// The summary panel: progress of the whole form, one row per section with a link to its
/// field, the draft offer and the message shown when a submit was stopped.
pub(crate) struct Summary {
    pub host: HtmlElement,
    pub shadow: ShadowRoot,
    progress: HtmlElement,
    counts: HtmlElement,
    toggle: HtmlButtonElement,
    alert: HtmlElement,
    /// Where a summary link that cannot move focus says why (a step not shown …).
    note: HtmlElement,
    list: HtmlElement,
    rows: Vec<Row>,
    pub draft: HtmlElement,
    draft_text: HtmlElement,
    lang: Lang,
    sticky: bool,
    /// What the progress line shows: complete, total, by status.
    totals: Option<(u32, u32, [u32; 3])>,
}

/// Where the summary goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Place {
    Top,
    Bottom,
    Inside(Element),
    Nowhere,
}

impl Summary {
    pub fn create(
        session: &Session,
        doc: &Document,
        form: &Element,
        place: &Place,
        sections: &[(String, String)],
        lang: Lang,
    ) -> Option<Summary> {
        if *place == Place::Nowhere {
            return None;
        }
        let host = element(doc, "borang-summary", "borang-summary-host");
        set_attr(&host, "data-borang", "summary");
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?;
        session.adopt(&shadow, PANEL_CSS);
        let panel = element(doc, "section", "panel");
        set_attr(&panel, "aria-labelledby", "borang-summary-heading");
        let head = element(doc, "div", "head");
        // The heading's level fits the page: set once the panel is in place (`fit_heading`).
        let h2 = element(doc, "h2", "heading");
        h2.set_id("borang-summary-heading");
        h2.set_text_content(Some(&ui::text(Ui::SummaryHeading, lang, &[])));
        let progress = element(doc, "p", "progress");
        let counts = element(doc, "p", "counts");
        let toggle = element(doc, "button", "toggle").unchecked_into::<HtmlButtonElement>();
        toggle.set_type("button");
        set_attr(&toggle, "data-action", "toggle");
        set_attr(&toggle, "aria-controls", "borang-summary-list");
        toggle.set_text_content(Some(&ui::text(Ui::SummaryToggle, lang, &[])));
        for child in [&h2, &progress, &counts, &toggle] {
            head.append_child(child).ok()?;
        }
        let bar = element(doc, "div", "bar");
        set_attr(&bar, "aria-hidden", "true");
        let alert = element(doc, "p", "alert");
        set_attr(&alert, "role", "alert");
        // Focus goes here when no failing field can take it (all on steps not shown).
        set_attr(&alert, "tabindex", "-1");
        alert.set_hidden(true);
        let (draft, draft_text) = draft_offer(doc, lang)?;
        let list = element(doc, "ol", "");
        list.set_id("borang-summary-list");
        let mut rows = Vec::new();
        for (i, (id, title)) in sections.iter().enumerate() {
            let row = row(doc, i, id, title, lang)?;
            list.append_child(&row.li).ok()?;
            bar.append_child(&row.segment).ok()?;
            rows.push(row);
        }
        let note = element(doc, "p", "note");
        set_attr(&note, "role", "status");
        note.set_hidden(true);
        for child in [&head, &bar, &draft, &alert, &note, &list] {
            panel.append_child(child).ok()?;
        }
        shadow.append_child(&panel).ok()?;
        match place {
            Place::Top => form.prepend_with_node_1(&host).ok()?,
            Place::Bottom => form.append_with_node_1(&host).ok()?,
            Place::Inside(container) => container.append_with_node_1(&host).ok()?,
            Place::Nowhere => unreachable!("returned above"),
        }
        let sticky = *place == Place::Top;
        session.own(&host);
        fit_heading(doc, &host, &h2, lang);
        let mut summary = Summary {
            host,
            shadow,
            progress,
            counts,
            toggle,
            alert,
            note,
            list,
            rows,
            draft,
            draft_text,
            lang,
            sticky,
            totals: None,
        };
        // A sticky panel starts folded to its progress line; elsewhere it shows every row.
        summary.set_open(!sticky);
        Some(summary)
    }

    /// Shows or folds the rows. An open panel is never sticky: it would cover the fields.
    pub fn set_open(&mut self, open: bool) {
        self.list.set_hidden(!open);
        set_attr(&self.toggle, "aria-expanded", if open { "true" } else { "false" });
        set_text(&self.toggle, &ui::text(if open { Ui::SummaryHide } else { Ui::SummaryToggle }, self.lang, &[]));
        set_attr(&self.host, "data-sticky", if self.sticky && !open { "yes" } else { "no" });
    }

    /// Says, in a status line of the panel, why a link did not move focus.
    pub fn say(&self, text: &str) {
        set_text(&self.note, text);
        self.note.set_hidden(false);
    }

    /// Moves focus to the alert of a refused submit (and brings it into view).
    pub fn focus_alert(&self) {
        let _ = self.alert.focus();
        self.alert.scroll_into_view_with_bool(false);
    }

    /// Whether the alert (or, when none is shown, the panel) is wholly inside the window.
    pub fn in_view(&self, window: &web_sys::Window) -> bool {
        let el: &HtmlElement = if self.alert.hidden() { &self.host } else { &self.alert };
        let rect = el.get_bounding_client_rect();
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
        rect.height() > 0.0 && rect.top() >= 0.0 && rect.bottom() <= height
    }

    /// Floats the panel at the top of the window (an ancestor's `overflow` stopped it from
    /// sticking), or puts it back in its place.
    pub fn set_floating(&mut self, on: bool) {
        if on == (self.host.get_attribute("data-float").as_deref() == Some("yes")) {
            return;
        }
        if on {
            let height = format!("{}px", self.host.offset_height());
            let _ = self.host.style().set_property("--borang-height", &height);
            set_attr(&self.host, "data-float", "yes");
        } else {
            let _ = self.host.remove_attribute("data-float");
        }
    }

    /// Whether the panel sticks to the top of the window while folded.
    pub fn is_sticky(&self) -> bool {
        self.sticky
    }

    pub fn is_open(&self) -> bool {
        !self.list.hidden()
    }

    /// The progress line; `by_status` counts sections with an error, a warning, nothing.
    pub fn render_totals(&mut self, complete: u32, total: u32, by_status: [u32; 3]) {
        if self.totals == Some((complete, total, by_status)) {
            return;
        }
        self.totals = Some((complete, total, by_status));
        let [errors, warnings, empty] = by_status;
        let n = |v: u32| ui::number(v.into(), self.lang);
        let progress = ui::text(Ui::SummaryProgress, self.lang, &[("complete", &n(complete)), ("total", &n(total))]);
        set_text(&self.progress, &progress);
        let counts = ui::text(
            Ui::SummaryCounts,
            self.lang,
            &[("errors", &n(errors)), ("warnings", &n(warnings)), ("empty", &n(empty))],
        );
        set_text(&self.counts, &counts);
    }

    pub fn render_row(&mut self, index: usize, data: RowData) {
        let Some(row) = self.rows.get_mut(index) else { return };
        let r = data.report;
        let shows = &mut row.shows;
        let status = status_name(r.status);
        if shows.status != status {
            shows.status = status;
            let _ = row.li.set_attribute("data-status", status);
            let _ = row.segment.set_attribute("data-status", status);
            row.status.set_text_content(Some(&ui::status(r.status, self.lang)));
        }
        let level = data.meter.map_or(Level::Ok, |m| m.level).as_str();
        if shows.level != level {
            shows.level = level;
            let _ = row.li.set_attribute("data-level", level);
        }
        if shows.title != r.title {
            shows.title.clone_from(&r.title);
            row.go.set_text_content(Some(&r.title));
        }
        let meter_text = data.meter.map_or("", |m| m.text.as_str());
        if shows.meter != meter_text {
            meter_text.clone_into(&mut shows.meter);
            row.meter_text.set_data(meter_text);
        }
        let progress = data.meter.and_then(|m| m.max.map(|max| (max.max(1), m.value.min(max))));
        if shows.progress != progress {
            match progress {
                Some((max, value)) => {
                    if shows.progress.map(|(m, _)| m) != Some(max) {
                        row.progress.set_max(f64::from(max));
                    }
                    row.progress.set_value(f64::from(value));
                    if shows.progress.is_none() {
                        row.progress.set_hidden(false);
                    }
                }
                None => row.progress.set_hidden(true),
            }
            shows.progress = progress;
        }
    }

    /// Shows the outcome of a submit attempt: the sections that block it (none: ready), or
    /// nothing.
    pub fn render_alert(&mut self, blocking: Option<&[&str]>) {
        match blocking {
            Some([]) => {
                set_text(&self.alert, &ui::text(Ui::SubmitReady, self.lang, &[]));
                set_attr(&self.alert, "data-kind", "ready");
                self.alert.set_hidden(false);
            }
            Some(titles) => {
                let count = ui::number(titles.len() as u64, self.lang);
                let sections = ui::titles(titles, 4, self.lang);
                let text = ui::text(Ui::SubmitBlocked, self.lang, &[("count", &count), ("sections", &sections)]);
                set_text(&self.alert, &text);
                set_attr(&self.alert, "data-kind", "blocked");
                self.alert.set_hidden(false);
            }
            None => self.alert.set_hidden(true),
        }
    }

    pub fn show_draft(&self, text: Option<&str>) {
        match text {
            Some(t) => {
                set_text(&self.draft_text, t);
                // After a note (`show_note`), an offer has its buttons again.
                self.draft_buttons(false);
                self.draft.set_hidden(false);
            }
            None => self.draft.set_hidden(true),
        }
    }

    /// A note in the draft area without the restore buttons (drafts cannot be saved, or a
    /// restore did not take).
    pub fn show_note(&self, text: &str) {
        set_text(&self.draft_text, text);
        self.draft_buttons(true);
        self.draft.set_hidden(false);
    }

    fn draft_buttons(&self, hidden: bool) {
        let buttons = self.draft.query_selector_all("button");
        if let Ok(buttons) = buttons {
            for b in (0..buttons.length()).filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok()) {
                b.set_hidden(hidden);
            }
        }
    }
}

/// Gives the panel's heading the level that follows the page's last heading before the panel
/// (an `h4` card title → `h5`), so it never breaks the host's heading order; `h2` on a page
/// with no heading before it.
fn fit_heading(doc: &Document, host: &Element, heading: &Element, lang: Lang) {
    let Ok(all) = doc.query_selector_all("h1, h2, h3, h4, h5, h6, [role=heading]") else { return };
    let mut level = 1;
    for node in (0..all.length()).filter_map(|i| all.item(i)) {
        let before = host.compare_document_position(&node) & web_sys::Node::DOCUMENT_POSITION_PRECEDING != 0;
        let Ok(el) = node.dyn_into::<Element>() else { continue };
        if !before {
            continue;
        }
        let tag = el.tag_name().to_ascii_lowercase();
        level = el
            .get_attribute("aria-level")
            .and_then(|l| l.parse().ok())
            .or_else(|| tag.strip_prefix('h').and_then(|n| n.parse().ok()))
            .unwrap_or(2);
    }
    let level: u32 = (level + 1).clamp(2, 6);
    if level != 2 {
        let fitted = element(doc, &format!("h{level}"), "heading");
        fitted.set_id("borang-summary-heading");
        fitted.set_text_content(Some(&ui::text(Ui::SummaryHeading, lang, &[])));
        let _ = heading.replace_with_with_node_1(&fitted);
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Warning => "warning",
        Status::Error => "error",
        Status::Empty => "empty",
        Status::Skipped => "skipped",
    }
}

fn row(doc: &Document, index: usize, id: &str, title: &str, lang: Lang) -> Option<Row> {
    let li = element(doc, "li", "");
    set_attr(&li, "data-section", id);
    let go = element(doc, "button", "go").unchecked_into::<HtmlButtonElement>();
    go.set_type("button");
    set_attr(&go, "data-action", "go");
    set_attr(&go, "data-index", &index.to_string());
    set_attr(&go, "aria-label", &ui::text(Ui::GoTo, lang, &[("title", title)]));
    go.set_text_content(Some(title));
    let meter = element(doc, "span", "meter");
    let meter_span = element(doc, "span", "");
    let meter_text = doc.create_text_node("");
    meter_span.append_child(&meter_text).ok()?;
    let progress = element(doc, "progress", "").unchecked_into::<HtmlProgressElement>();
    set_attr(&progress, "aria-hidden", "true");
    progress.set_hidden(true);
    meter.append_child(&meter_span).ok()?;
    meter.append_child(&progress).ok()?;
    let status = element(doc, "span", "status");
    for child in [go.unchecked_ref::<HtmlElement>(), &meter, &status] {
        li.append_child(child).ok()?;
    }
    let segment = element(doc, "span", "");
    Some(Row { li, go, progress, meter_text, status, segment, shows: RowShows::default() })
}

fn draft_offer(doc: &Document, lang: Lang) -> Option<(HtmlElement, HtmlElement)> {
    let draft = element(doc, "div", "draft");
    set_attr(&draft, "role", "group");
    draft.set_hidden(true);
    let text = element(doc, "p", "");
    let restore = element(doc, "button", "primary").unchecked_into::<HtmlButtonElement>();
    restore.set_type("button");
    set_attr(&restore, "data-action", "restore");
    restore.set_text_content(Some(&ui::text(Ui::DraftRestore, lang, &[])));
    let discard = element(doc, "button", "secondary").unchecked_into::<HtmlButtonElement>();
    discard.set_type("button");
    set_attr(&discard, "data-action", "discard");
    discard.set_text_content(Some(&ui::text(Ui::DraftDiscard, lang, &[])));
    for child in [&text, restore.unchecked_ref::<HtmlElement>(), discard.unchecked_ref()] {
        draft.append_child(child).ok()?;
    }
    Some((draft, text))
}

/// The polite live region: announcements after the applicant pauses.
pub(crate) fn live_region(
    session: &Session,
    doc: &Document,
    after: Option<&Element>,
    form: &Element,
) -> Option<HtmlElement> {
    let live = element(doc, "borang-live", "borang-sr");
    set_attr(&live, "data-borang", "live");
    set_attr(&live, "role", "status");
    set_attr(&live, "aria-live", "polite");
    set_attr(&live, "aria-atomic", "true");
    match after {
        Some(node) => node.after_with_node_1(&live).ok()?,
        None => form.prepend_with_node_1(&live).ok()?,
    }
    session.own(&live);
    Some(live)
}
