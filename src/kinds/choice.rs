//! `choice`: every value must be one of the options, by its value or its visible text.
//!
//! ```json
//! "choice": ["Pemerintah Daerah", "BUMD"]
//! ```

use super::Kind;
use crate::check::SectionCx;
use crate::messages::{Args, Key};
use crate::problem::{Code, Cx};
use crate::rules::{meta, Meta, SectionInfo};
use crate::spec::Check;

/// The rule id in reports.
pub(crate) const RULE: &str = "choice";

/// The kind `choice`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = Check<Vec<String>>;
    type Schema = Check<Vec<String>>;
    /// The options and the check's severity and message.
    type Compiled = Option<(Vec<String>, Meta)>;
    const DOC: &'static str = "Every value must be one of these options.";
    const KEYS: &'static [Key] = &[Key::Choice];

    fn compile(cx: &mut Cx, spec: Check<Vec<String>>, _: &[String]) -> Self::Compiled {
        let (options, severity, message) = spec.parts();
        let meta = meta(cx, severity, message);
        if options.is_empty() {
            cx.problem(Code::EmptyValue, "the list of options is empty");
        }
        Some((options, meta))
    }

    fn text(choice: &Self::Compiled, cx: &mut SectionCx, field: &str, text: &str, label: Option<&str>) {
        check(choice, cx, field, text, label);
    }

    fn item(choice: &Self::Compiled, cx: &mut SectionCx, field: &str, item: &str, label: Option<&str>) {
        check(choice, cx, field, item, label);
    }

    fn info(choice: &Self::Compiled, info: &mut SectionInfo) {
        info.choice = choice.as_ref().map(|(options, _)| options.clone());
    }
}

/// Every chosen option must be in the list, by its value or its visible text.
fn check(choice: &Option<(Vec<String>, Meta)>, cx: &mut SectionCx, field: &str, value: &str, label: Option<&str>) {
    if let Some((options, meta)) = choice {
        if !options.iter().any(|o| is_option(value, label, o)) {
            // Name the option as the applicant saw it.
            let shown = label.map(str::trim).filter(|l| !l.is_empty()).unwrap_or(value);
            let args = Args::new(&cx.section.title).with("value", shown);
            cx.push(RULE, meta, Key::Choice, args, Some(field));
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
