//! borang's pure engine: rules compiled from JSON, office-compatible text metrics, a checker
//! that turns a form snapshot into a report, and message catalogues in Indonesian and English.
//!
//! No browser, no JavaScript: the WebAssembly boundary (`borang-wasm`) and the CLI
//! (`borang-cli`) are thin layers over this crate.
//!
//! # Example
//! ```
//! use borang::{Lang, Rules, Values};
//!
//! let rules = Rules::from_json(r#"{
//!   "title": "Proposal",
//!   "sections": [{"id": "ringkasan", "title": "Ringkasan", "required": true, "words": {"max": 3}}]
//! }"#).unwrap();
//! let mut values = Values::new();
//! values.text("ringkasan", "Inovasi ini mempercepat layanan publik.");
//! let report = rules.check(&values, Lang::Id);
//! assert_eq!(report.sections[0].messages[0].text, "Ringkasan berisi 5 kata; batasnya 3 kata.");
//! ```

#![warn(missing_docs)]

pub mod count;
pub mod format;
pub mod infer;
pub mod numbers;
pub mod pattern;
pub mod recount;
pub mod ui;

mod check;
mod grapheme;
#[rustfmt::skip]
mod grapheme_table;
mod kinds;
#[rustfmt::skip]
mod known_keys;
mod messages;
mod presets;
mod problem;
mod rules;
mod spec;
mod value;
mod values;

pub use check::{AppliedLimits, CountCache, Range, Report, ReportMessage, SectionReport, Status};
pub use count::{count, TextStats, WordCountMode};
pub use infer::{infer_rules, FieldDescription, FieldKind, Inferred, Note};
pub use presets::{all as presets, find as find_preset, Preset};
pub use problem::{Code, Problem, RulesError};
pub use recount::Recount;
pub use rules::{Rules, SectionInfo, MAX_RULES_BYTES, MAX_SECTIONS};
pub use spec::{Lang, RulesSpec, Severity};
pub use value::Value;
pub use values::{FieldValue, FileMeta, Values};

/// The JSON Schema of rules files, generated from the Rust types.
pub fn rules_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(RulesSpec).to_value();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), "https://borang.invalid/rules.schema.json".into());
    }
    schema
}
