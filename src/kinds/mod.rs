//! The rule kinds, one file each (garde's shape). A kind's file holds all of it: what the
//! rules file says under its key (the spec type, its reader and its schema), how it is
//! compiled (problems reported at paths under its key), how it is checked (its rule ids in
//! reports) and which messages of the catalogue it uses. It says so by implementing [`Kind`].
//!
//! What every kind shares stays where it was: the section and the document in `spec.rs`, the
//! compiled section in `rules.rs`, the report in `check.rs`. Those iterate over the kinds of
//! [`each_kind!`] without naming any: the section's keys in `SectionSpec` and its reader, the
//! compiled [`Kinds`] of a `Section`, and the checking phases are generated from that list.
//!
//! # Adding a kind
//!
//! A file here, its messages in `messages.rs` (the `Key`, its Indonesian and English texts),
//! and its name in [`each_kind!`]; then `BORANG_UPDATE_SCHEMA=1 cargo test` regenerates the
//! schema, the TypeScript types and the known-key lists from it. Nothing else names a kind.
//! A section-level `lines` check would be `src/kinds/lines.rs`:
//!
//! ```ignore
//! //! `lines`: at most this many lines.
//!
//! pub(crate) const RULE: &str = "lines";
//!
//! pub(crate) struct Rule;
//!
//! impl Kind for Rule {
//!     type Spec = Check<u32>; // `"lines": 10` or `{"value": 10, "severity": "warning"}`
//!     type Schema = Check<u32>;
//!     type Compiled = Option<(u32, Meta)>;
//!     const DOC: &'static str = "At most this many lines.";
//!     const KEYS: &'static [Key] = &[Key::Lines];
//!
//!     fn compile(cx: &mut Cx, spec: Check<u32>, _covered: &[String]) -> Self::Compiled {
//!         let (max, severity, message) = spec.parts();
//!         if max == 0 {
//!             cx.expected_with(Code::OutOfRange, "a maximum above 0", "0"); // at `sections[i].lines`
//!         }
//!         Some((max, meta(cx, severity, message)))
//!     }
//!
//!     fn text(c: &Self::Compiled, cx: &mut SectionCx, field: &str, text: &str, _: Option<&str>) {
//!         let Some((max, meta)) = c else { return };
//!         let lines = text.lines().count() as u64;
//!         if lines > u64::from(*max) {
//!             let args = Args::new(&cx.section.title).with("count", cx.n(lines)).with("max", cx.n((*max).into()));
//!             cx.push(RULE, meta, Key::Lines, args, Some(field));
//!         }
//!     }
//! }
//! ```
//!
//! The hooks a kind leaves out do nothing; a kind that reports limits or tells the DOM layer
//! something also fills its field of `AppliedLimits` or `SectionInfo`.

use std::fmt;
use std::marker::PhantomData;

use schemars::JsonSchema;

use crate::check::{AppliedLimits, SectionCx};
use crate::count::TextStats;
use crate::messages::Key;
use crate::problem::{Cx, FromValue};
use crate::rules::{Section, SectionInfo};
use crate::value::Value;
use crate::values::Values;

/// Every rule kind, in the order of a section's keys. Each name is the kind's key in a
/// section (one lowercase word) and its file here, whose `Rule` implements [`Kind`]. Reading,
/// compiling, checking and reporting go through the kinds in this order.
///
/// Called with the name of a macro, which receives the list.
macro_rules! each_kind {
    ($then:ident) => {
        $then! { when, required, words, chars, format, pattern, choice, checked, files, compare }
    };
}
pub(crate) use each_kind;

/// A rule kind: implemented by the unit type `Rule` in the kind's file. The checking hooks are called
/// in the order a section is checked; a kind implements those it needs.
pub(crate) trait Kind {
    /// What the rules file says under the kind's key, as read (with every problem collected).
    type Spec: FromValue + Clone + fmt::Debug;
    /// What the JSON Schema says the key takes (the spec type, or one that also describes the
    /// shorthands the reader accepts).
    type Schema: JsonSchema;
    /// The kind compiled; `Default` when the section does not give the key.
    type Compiled: Default + Clone + fmt::Debug;
    /// The description of the key in the schema.
    const DOC: &'static str;
    /// The messages of the catalogue the kind uses.
    const KEYS: &'static [Key];

    /// Compiles the spec, called under the kind's key (problems' paths are below it).
    /// `covered` is every field some section covers, for kinds that read other fields.
    fn compile(cx: &mut Cx, spec: Self::Spec, covered: &[String]) -> Self::Compiled;

    /// Whether the section applies to these values (else it is `skipped`).
    fn applies(_: &Self::Compiled, _: &Values) -> bool {
        true
    }
    /// The section applies and nothing was entered.
    fn empty(_: &Self::Compiled, _: &mut SectionCx) {}
    /// The counts of the section's text, before its values are looked at one by one.
    fn counts(_: &Self::Compiled, _: &mut SectionCx, _: &TextStats) {}
    /// One non-empty text value (trimmed) of `field`, with its visible text if it has one.
    fn text(_: &Self::Compiled, _: &mut SectionCx, _field: &str, _text: &str, _label: Option<&str>) {}
    /// One non-empty chosen option (trimmed) of `field`, with its visible text if it has one.
    fn item(_: &Self::Compiled, _: &mut SectionCx, _field: &str, _item: &str, _label: Option<&str>) {}
    /// The section's values as a whole (counts of options, files, other fields), last.
    fn values(_: &Self::Compiled, _: &mut SectionCx, _: &Values, _sections: &[Section]) {}
    /// The limits in force, for the report.
    fn limits(_: &Self::Compiled, _: &mut AppliedLimits) {}
    /// What the DOM layer needs to know of the kind.
    fn info(_: &Self::Compiled, _: &mut SectionInfo) {}
}

/// A kind's key in `SectionSpec`: read as its [`Kind::Spec`], described as its
/// [`Kind::Schema`] (so the schema is the kind's to say, not the section's).
pub(crate) struct Field<K: Kind>(pub(crate) K::Spec, PhantomData<fn() -> K>);

impl<K: Kind> Clone for Field<K> {
    fn clone(&self) -> Self {
        Field(self.0.clone(), PhantomData)
    }
}

impl<K: Kind> fmt::Debug for Field<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<K: Kind> FromValue for Field<K> {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        K::Spec::from_value(cx, v).map(|spec| Field(spec, PhantomData))
    }
}

impl<K: Kind> JsonSchema for Field<K> {
    fn inline_schema() -> bool {
        K::Schema::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        K::Schema::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        K::Schema::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        K::Schema::json_schema(generator)
    }
}

macro_rules! declare {
    ($($name:ident),*) => {
        $(pub(crate) mod $name;)*

        /// Every kind: its key in a section, and the message keys of the catalogue it uses.
        #[cfg_attr(not(test), allow(dead_code))]
        pub(crate) const KINDS: &[(&str, &[Key])] = &[$((stringify!($name), <$name::Rule as Kind>::KEYS),)*];

        /// A section's kinds, compiled.
        #[derive(Debug, Clone, Default)]
        pub(crate) struct Kinds {
            $(pub(crate) $name: <$name::Rule as Kind>::Compiled,)*
        }

        impl Kinds {
            /// Compiles the kinds a section gives, in the order of its keys.
            pub(crate) fn compile(cx: &mut Cx, s: &mut crate::spec::SectionSpec, covered: &[String]) -> Kinds {
                Kinds {
                    $($name: match s.$name.take() {
                        Some(spec) => cx.key(stringify!($name), |cx| <$name::Rule as Kind>::compile(cx, spec.0, covered)),
                        None => Default::default(),
                    },)*
                }
            }

            pub(crate) fn applies(&self, values: &Values) -> bool {
                true $(&& <$name::Rule as Kind>::applies(&self.$name, values))*
            }

            pub(crate) fn empty(&self, cx: &mut SectionCx) {
                $(<$name::Rule as Kind>::empty(&self.$name, cx);)*
            }

            pub(crate) fn counts(&self, cx: &mut SectionCx, stats: &TextStats) {
                $(<$name::Rule as Kind>::counts(&self.$name, cx, stats);)*
            }

            pub(crate) fn text(&self, cx: &mut SectionCx, field: &str, text: &str, label: Option<&str>) {
                $(<$name::Rule as Kind>::text(&self.$name, cx, field, text, label);)*
            }

            pub(crate) fn item(&self, cx: &mut SectionCx, field: &str, item: &str, label: Option<&str>) {
                $(<$name::Rule as Kind>::item(&self.$name, cx, field, item, label);)*
            }

            pub(crate) fn values(&self, cx: &mut SectionCx, values: &Values, sections: &[Section]) {
                $(<$name::Rule as Kind>::values(&self.$name, cx, values, sections);)*
            }

            pub(crate) fn limits(&self, limits: &mut AppliedLimits) {
                $(<$name::Rule as Kind>::limits(&self.$name, limits);)*
            }

            pub(crate) fn info(&self, info: &mut SectionInfo) {
                $(<$name::Rule as Kind>::info(&self.$name, info);)*
            }
        }
    };
}

each_kind!(declare);

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

    /// Every file here is a kind of the list (a file without its line is caught), and the
    /// files every kind shares name none of them: adding a kind touches none of them.
    #[test]
    fn a_kind_is_its_file_and_its_line() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut files: Vec<String> = std::fs::read_dir(format!("{dir}/kinds"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
            .filter(|name| name != "mod")
            .collect();
        files.sort();
        let mut listed: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        listed.sort();
        assert_eq!(files, listed);
        for shared in ["spec.rs", "rules.rs", "check.rs"] {
            let text = std::fs::read_to_string(format!("{dir}/{shared}")).unwrap();
            let imports: Vec<&str> = text.lines().filter(|l| l.starts_with("use crate::kinds::")).collect();
            for (name, _) in KINDS {
                for named in [format!("kinds::{name}"), format!("kinds.{name}")] {
                    assert!(!text.contains(&named), "{shared} names the kind `{name}` ({named})");
                }
                assert!(!imports.iter().any(|l| l.contains(name)), "{shared} imports the kind `{name}`");
            }
        }
    }

    /// Each kind is a key of a section in the schema, in the order of the list.
    #[test]
    fn every_kind_is_a_section_key() {
        let schema = crate::rules_schema();
        let keys: Vec<&str> = schema["$defs"]["SectionSpec"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| !["id", "title", "fields", "help"].contains(k))
            .collect();
        let kinds: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(keys, kinds);
    }
}
