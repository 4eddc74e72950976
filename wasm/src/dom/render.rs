//! Rendering: the dirty sections checked by the core, then their feedback next to each field,
//! the summary panel's rows, totals and alert, ARIA and custom validity.

use borang::ui;
use borang::{SectionReport, Severity, Status, Values};

use super::fields::Control;
use super::presence::Presence;
use super::state::{Inner, Model};
use super::view::{Feedback, RowData, Shown};

impl Inner {
    /// Checks the dirty sections and updates their feedback, the summary and validity, then
    /// tells the page with a `borang:update` event (once nothing of borang's is borrowed, so
    /// a listener may call `report()`).
    pub(crate) fn render(&self) {
        if self.render_dirty() {
            if let Ok(event) = web_sys::CustomEvent::new("borang:update") {
                let _ = self.form.dispatch_event(&event);
            }
        }
    }

    /// Whether anything was rendered.
    pub(crate) fn render_dirty(&self) -> bool {
        let mut model = self.model.borrow_mut();
        let st = &mut *model;
        let dirty: Vec<usize> = (0..st.sections.len()).filter(|&i| st.sections[i].dirty).collect();
        if dirty.is_empty() {
            return false;
        }
        for &i in &dirty {
            let mut values = Values::new();
            for &f in &st.sections[i].reads {
                let field = &mut st.fields[f];
                if let Some(control) = &field.control {
                    let (value, seen) = control.read(std::mem::take(&mut field.seen));
                    field.seen = seen;
                    values.insert(field.name.clone(), value);
                    if let Some(labels) = control.labels() {
                        values.labels(field.name.clone(), labels);
                    }
                }
            }
            let section = &st.sections[i];
            // A section none of whose fields is on the page, or applies there, is skipped.
            let applies = |f: &usize| {
                let field = &st.fields[*f];
                field.control.is_some() && field.presence != Presence::NotApplicable
            };
            let missing = !section.own.iter().any(applies);
            let unsure = section.own.iter().any(|&f| st.fields[f].presence == Presence::Unsure);
            let mut report = self
                .rules
                .check_section_cached(&section.info.id, &values, self.lang, &mut st.counts)
                .expect("a known section");
            if missing {
                report.status = Status::Skipped;
                report.messages.clear();
            } else if unsure {
                // Hidden in a way borang cannot read: say what is wrong, never block on it.
                for message in &mut report.messages {
                    if message.severity == Severity::Error {
                        message.severity = Severity::Warning;
                    }
                }
                if report.status == Status::Error {
                    report.status = Status::Warning;
                }
            }
            let long_text = |f: &usize| st.fields[*f].control.as_ref().is_some_and(Control::is_long_text);
            let counts_words = section.own.iter().any(long_text);
            let section = &mut st.sections[i];
            section.meter = ui::meter(&report, self.lang, counts_words);
            section.report = report;
            section.dirty = false;
        }
        // Feedback next to each field of the dirty sections.
        let mut fields_to_render: Vec<usize> = dirty.iter().flat_map(|&i| st.sections[i].own.clone()).collect();
        fields_to_render.dedup();
        for f in fields_to_render {
            self.render_field(st, f);
        }
        if let Some(summary) = &mut self.view.borrow_mut().summary {
            for &i in &dirty {
                let s = &st.sections[i];
                summary.render_row(i, RowData { report: &s.report, meter: s.meter.as_ref() });
            }
            // "Lengkap" on the panel means filled in and without error: an optional section
            // left empty is not complete to the applicant, though it blocks nothing.
            let count = |status| st.sections.iter().filter(|s| s.report.status == status).count() as u32;
            let by_status = [count(Status::Error), count(Status::Warning), count(Status::Empty)];
            let total = st.sections.len() as u32 - count(Status::Skipped);
            summary.render_totals(count(Status::Ok) + count(Status::Warning), total, by_status);
            if self.submit.tried.get() {
                let titles: Vec<String> = st
                    .sections
                    .iter()
                    .filter(|s| failing(&s.report))
                    .map(|s| {
                        let step = s.own.iter().find_map(|&f| match &st.fields[f].presence {
                            Presence::OnHiddenStep { number, label } => Some((*number, label.as_deref())),
                            _ => None,
                        });
                        ui::section_on_step(&s.report.title, step, self.lang)
                    })
                    .collect();
                let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                summary.render_alert(Some(&titles));
                if titles.is_empty() {
                    summary.set_floating(false);
                }
            }
        }
        true
    }

    pub(crate) fn render_field(&self, st: &mut Model, f: usize) {
        let Some(&s) = st.fields[f].owners.first() else { return };
        let section = &st.sections[s];
        let field = &st.fields[f];
        let Some(control) = field.control.clone() else { return };
        let primary = section.own.iter().find(|&&g| st.fields[g].control.is_some()) == Some(&f);
        let show_all = section.touched || self.submit.tried.get() || section.report.status != Status::Empty;
        let shown: Vec<Shown> = section
            .report
            .messages
            .iter()
            .filter(|m| show_all && m.field.as_deref().map_or(primary, |name| name == field.name))
            .map(|m| Shown { severity: m.severity, rule: m.rule, text: &m.text })
            .collect();
        let meter = if primary && control.is_text() { section.meter.as_ref() } else { None };
        let first_error = shown.iter().find(|m| m.severity == Severity::Error).map(|m| m.text.to_owned());
        let needs_node = meter.is_some() || !shown.is_empty();
        let session_id = self.session.id();
        let field = &mut st.fields[f];
        if field.feedback.is_none() && needs_node {
            let id = format!("borang-{session_id}-{}", safe_id(&field.name, f));
            field.feedback = Feedback::create(&self.session, &self.doc, &control.anchor(), &id, &field.name);
            field.redescribe = true;
        }
        if let Some(feedback) = &mut field.feedback {
            feedback.render(meter, &shown);
        }
        // The control and the widget's element the applicant focuses (decided at bind).
        let targets = control.aria_targets().into_iter().chain(field.stand_in.clone());
        if field.redescribe {
            if let Some(feedback) = &field.feedback {
                field.redescribe = false;
                for target in targets.clone() {
                    self.session.describe(&target, &feedback.root);
                }
            }
        }
        let invalid = first_error.is_some();
        if field.applied.invalid != Some(invalid) {
            field.applied.invalid = Some(invalid);
            for target in targets {
                self.session.invalid(&target, invalid);
            }
        }
        if self.opts.block {
            if let Some(target) = &field.validity {
                let message = first_error.as_deref().unwrap_or("");
                if field.applied.validity.as_deref() != Some(message) {
                    self.session.set_validity(target, message);
                    field.applied.validity = Some(message.to_owned());
                }
            }
        }
    }
}

/// Whether a section stops a submit: any error, including a required section left empty.
pub(crate) fn failing(report: &SectionReport) -> bool {
    report.status != Status::Skipped && report.messages.iter().any(|m| m.severity == Severity::Error)
}

/// An id-safe version of a field name (ids must be unique: the index disambiguates).
fn safe_id(name: &str, index: usize) -> String {
    let clean: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    format!("{clean}-{index}")
}
