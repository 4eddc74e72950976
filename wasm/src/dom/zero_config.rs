//! Zero-config: with no rules file, rules inferred from the form's own markup (labels, hints,
//! `required`, `maxlength`), and why each section is what it is. The reading of the page is
//! `describe`; the inferring is the core's (`borang::infer`).

use borang::Rules;
use js_sys::Error;
use web_sys::{Document, HtmlFormElement};

#[cfg(feature = "zero-config")]
use super::describe;
#[cfg(feature = "zero-config")]
use super::log::{info, warn};

/// What zero-config inferred: the rules document as JSON text, and why each section is what
/// it is.
pub(crate) struct Inferred {
    pub(crate) text: String,
    pub(crate) explained: Vec<borang::infer::Explained>,
}

/// Zero-config: rules from the form's own markup. The notes go to the console — a page that
/// disagrees with itself as a warning naming both texts — except the maxlength trap, which
/// `check_maxlength` reports for every mode alike.
#[cfg(feature = "zero-config")]
pub(crate) fn infer_rules(form: &HtmlFormElement, doc: &Document) -> Result<(Rules, Inferred), Error> {
    use borang::infer::Note;
    let (title, fields) = describe::describe(form, doc);
    let inferred = borang::infer::infer_rules(&title, &fields);
    let text = inferred.rules.to_json();
    for note in &inferred.notes {
        match note {
            Note::MaxLengthCutsWords { .. } => {}
            Note::ConflictingLimits { .. } | Note::OppositeLimits { .. } => {
                warn(&format!("borang (zero-config): {note}"));
            }
            _ => info(&format!("borang (zero-config): {note}")),
        }
    }
    let explained = inferred.explained;
    Rules::from_value(inferred.rules)
        .map(|rules| (rules, Inferred { text, explained }))
        .map_err(|e| Error::new(&format!("borang: no rules file, and the form has no field borang can check ({e})")))
}

/// The lean build (no `zero-config` feature) checks against a rules file only.
#[cfg(not(feature = "zero-config"))]
pub(crate) fn infer_rules(_form: &HtmlFormElement, _doc: &Document) -> Result<(Rules, Inferred), Error> {
    Err(Error::new(
        "borang: no rules file given, and this build (lean/) has no zero-config: load the full package (borang.js), or give a rules file or preset",
    ))
}
