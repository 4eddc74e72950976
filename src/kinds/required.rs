//! `required`: the section must be filled.
//!
//! ```json
//! "required": true
//! "required": {"value": true, "message": "Lampirkan proposal."}
//! ```

use super::Kind;
use crate::check::SectionCx;
use crate::messages::{Args, Key};
use crate::problem::Cx;
use crate::rules::{meta, Meta, SectionInfo};
use crate::spec::Check;

/// The rule id in reports.
pub(crate) const RULE: &str = "required";

/// The kind `required`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = Check<bool>;
    type Schema = Check<bool>;
    /// `Some` when the section must be filled.
    type Compiled = Option<Meta>;
    const DOC: &'static str = "The section must be filled.";
    const KEYS: &'static [Key] = &[Key::Required];

    fn compile(cx: &mut Cx, spec: Check<bool>, _: &[String]) -> Option<Meta> {
        let (on, severity, message) = spec.parts();
        let meta = meta(cx, severity, message);
        on.then_some(meta)
    }

    /// An empty section that must be filled.
    fn empty(required: &Option<Meta>, cx: &mut SectionCx) {
        if let Some(meta) = required {
            let args = Args::new(&cx.section.title);
            cx.push(RULE, meta, Key::Required, args, None);
        }
    }

    fn info(required: &Option<Meta>, info: &mut SectionInfo) {
        info.required = required.is_some();
    }
}
