//! `choice`: every value must be one of the options, by its value or its visible text.
//!
//! ```json
//! "choice": ["Pemerintah Daerah", "BUMD"]
//! ```

use crate::check::SectionCx;
use crate::messages::{Args, Key};
use crate::problem::{Code, Cx};
use crate::rules::{check, Meta};
use crate::spec::Check;

/// The rule id in reports.
pub(crate) const RULE: &str = "choice";
/// Its messages in the catalogue.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KEYS: &[Key] = &[Key::Choice];

/// Compiles `choice`: the options and the check's severity and message.
pub(crate) fn compile(cx: &mut Cx, spec: Option<Check<Vec<String>>>) -> Option<(Vec<String>, Meta)> {
    let choice = check(cx, "choice", spec);
    if let Some((options, _)) = &choice {
        if options.is_empty() {
            cx.key("choice", |cx| cx.problem(Code::EmptyValue, "the list of options is empty"));
        }
    }
    choice
}

impl SectionCx<'_> {
    /// Every chosen option must be in the list, by its value or its visible text.
    pub(crate) fn choice(&mut self, field: &str, value: &str, label: Option<&str>) {
        let s = self.section;
        if let Some((options, meta)) = &s.choice {
            if !options.iter().any(|o| is_option(value, label, o)) {
                // Name the option as the applicant saw it.
                let shown = label.map(str::trim).filter(|l| !l.is_empty()).unwrap_or(value);
                self.push(RULE, meta, Key::Choice, Args::new(&s.title).with("value", shown), Some(field));
            }
        }
    }
}

/// Whether a chosen option is `wanted`: its value exactly, or its visible text with case and
/// runs of white space ignored ("Umum" for `<option value="3"> umum </option>`).
pub(crate) fn is_option(value: &str, label: Option<&str>, wanted: &str) -> bool {
    value == wanted || label.is_some_and(|l| !l.trim().is_empty() && loose(l) == loose(wanted))
}

fn loose(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}
