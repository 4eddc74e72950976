//! `chars`: character limits, in extended grapheme clusters, line breaks not counted. Written
//! and compiled like `words` ([`super::words::Limits`]).
//!
//! ```json
//! "chars": {"max": 1000}
//! ```

use super::words::{compile, Bounds, Limits};
use super::Kind;
use crate::check::{AppliedLimits, SectionCx};
use crate::count::TextStats;
use crate::messages::Key;
use crate::problem::Cx;

/// The rule ids in reports: `min`, `max`, `warnAt`.
pub(crate) const RULES: [&str; 3] = ["chars.min", "chars.max", "chars.warnAt"];
/// Its messages in the catalogue, in the order of [`RULES`].
pub(crate) const KEYS: [Key; 3] = [Key::CharsMin, Key::CharsMax, Key::CharsNear];

/// The kind `chars`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = Limits;
    type Schema = Limits;
    type Compiled = Bounds;
    const DOC: &'static str = "Character limits (extended grapheme clusters, line breaks not counted).";
    const KEYS: &'static [Key] = &KEYS;

    fn compile(cx: &mut Cx, spec: Limits, _: &[String]) -> Bounds {
        compile(cx, spec)
    }

    /// The section's character count against `chars`.
    fn counts(chars: &Bounds, cx: &mut SectionCx, stats: &TextStats) {
        cx.bounds(chars, stats.chars, RULES, KEYS);
    }

    fn limits(chars: &Bounds, limits: &mut AppliedLimits) {
        limits.chars = chars.range();
    }
}
