//! The keys each object of a rules file takes, in the order its type declares them.
//! Generated from the schema of the types (`rules_schema()`) by the test
//! `schema::the_known_key_lists_are_up_to_date` in `tests/engine.rs`; do not edit.

/// The keys of `RulesSpec`.
pub(crate) const RULES_SPEC: &[&str] = &["$schema", "extends", "title", "lang", "wordCount", "source", "description", "sections"];

/// The keys of `SectionSpec`.
pub(crate) const SECTION_SPEC: &[&str] = &["id", "title", "fields", "help", "when", "required", "words", "chars", "format", "pattern", "choice", "checked", "files", "compare"];

/// The keys of `ConditionSpec`.
pub(crate) const CONDITION_SPEC: &[&str] = &["field", "equals", "notEquals", "oneOf", "filled"];

/// The keys of `Detailed`.
pub(crate) const DETAILED: &[&str] = &["value", "severity", "message"];

/// The keys of `Message`.
pub(crate) const MESSAGE: &[&str] = &["id", "en"];

/// The keys of `Limits`.
pub(crate) const LIMITS: &[&str] = &["min", "max", "warnAt", "severity", "message"];

/// The keys of `FormatSpec`.
pub(crate) const FORMAT_SPEC: &[&str] = &["type", "hosts", "min", "max", "severity", "message"];

/// The keys of `PatternSpec`.
pub(crate) const PATTERN_SPEC: &[&str] = &["regex", "caseInsensitive", "description", "severity", "message"];

/// The keys of `CountLimits`.
pub(crate) const COUNT_LIMITS: &[&str] = &["min", "max", "severity", "message"];

/// The keys of `FilesSpec`.
pub(crate) const FILES_SPEC: &[&str] = &["accept", "maxBytes", "maxFiles", "severity", "message"];

/// The keys of `CompareSpec`.
pub(crate) const COMPARE_SPEC: &[&str] = &["field", "op", "as", "severity", "message"];
