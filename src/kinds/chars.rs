//! `chars`: character limits, in extended grapheme clusters, line breaks not counted. Written
//! and compiled like `words` ([`super::words::Limits`]).
//!
//! ```json
//! "chars": {"max": 1000}
//! ```

use crate::check::SectionCx;
use crate::messages::Key;

/// The rule ids in reports: `min`, `max`, `warnAt`.
pub(crate) const RULES: [&str; 3] = ["chars.min", "chars.max", "chars.warnAt"];
/// Its messages in the catalogue, in the order of [`RULES`].
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KEYS: [Key; 3] = [Key::CharsMin, Key::CharsMax, Key::CharsNear];

pub(crate) use super::words::compile;

impl SectionCx<'_> {
    /// The section's character count against `chars`.
    pub(crate) fn chars(&mut self, count: u32) {
        let s = self.section;
        self.bounds(&s.chars, count, RULES, KEYS);
    }
}
