//! The rule kinds, one file each (garde's shape): what the rules file says (the spec type and
//! its reader), how it is compiled, how it is checked (with its rule ids) and which messages
//! of the catalogue it uses. What every kind shares stays where it was: the section and the
//! document in `spec.rs`, the compiled section in `rules.rs`, the report in `check.rs`.
//!
//! Adding a kind: a file here, its messages in `messages.rs`, its line in [`KINDS`], and its
//! place in `SectionSpec` (`spec.rs`), `Section` and `compile_section` (`rules.rs`) and
//! `check_section` (`check.rs`).

pub(crate) mod chars;
pub(crate) mod checked;
pub(crate) mod choice;
pub(crate) mod compare;
pub(crate) mod files;
pub(crate) mod format;
pub(crate) mod pattern;
pub(crate) mod required;
pub(crate) mod when;
pub(crate) mod words;

use crate::messages::Key;

/// Every kind: its key in a section, and the message keys of the catalogue it uses.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KINDS: &[(&str, &[Key])] = &[
    ("when", &[]),
    ("required", required::KEYS),
    ("words", &words::KEYS),
    ("chars", &chars::KEYS),
    ("format", format::KEYS),
    ("pattern", pattern::KEYS),
    ("choice", choice::KEYS),
    ("checked", checked::KEYS),
    ("files", files::KEYS),
    ("compare", compare::KEYS),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::ALL_KEYS;

    /// Each message of the catalogue belongs to exactly one kind.
    #[test]
    fn every_message_key_belongs_to_one_kind() {
        for key in ALL_KEYS {
            let owners: Vec<&str> =
                KINDS.iter().filter(|(_, keys)| keys.contains(key)).map(|(name, _)| *name).collect();
            assert_eq!(owners.len(), 1, "{key:?} is used by {owners:?}");
        }
    }

    /// Each kind is a key of a section in the schema.
    #[test]
    fn every_kind_is_a_section_key() {
        let schema = crate::rules_schema();
        for (name, _) in KINDS {
            assert!(schema["$defs"]["SectionSpec"]["properties"].get(name).is_some(), "{name}");
        }
    }
}
