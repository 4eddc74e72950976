//! `required`: the section must be filled.
//!
//! ```json
//! "required": true
//! "required": {"value": true, "message": "Lampirkan proposal."}
//! ```

use crate::check::SectionCx;
use crate::messages::{Args, Key};
use crate::problem::Cx;
use crate::rules::{check, Meta};
use crate::spec::Check;

/// The rule id in reports.
pub(crate) const RULE: &str = "required";
/// Its messages in the catalogue.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KEYS: &[Key] = &[Key::Required];

/// Compiles `required`: `Some` when the section must be filled.
pub(crate) fn compile(cx: &mut Cx, spec: Option<Check<bool>>) -> Option<Meta> {
    check(cx, "required", spec).and_then(|(on, meta)| on.then_some(meta))
}

impl SectionCx<'_> {
    /// An empty section that must be filled.
    pub(crate) fn required(&mut self, required: Option<&Meta>) {
        if let Some(meta) = required {
            let s = self.section;
            let args = Args::new(&s.title);
            self.push(RULE, meta, Key::Required, args, None);
        }
    }
}
