//! Zero-config mode: a rules document inferred from the form itself, for portals that embed
//! borang without a rules file.
//!
//! The DOM layer describes every control (a checkbox or radio group counts as one) as a
//! [`FieldDescription`]: plain data, no DOM types. [`infer_rules`] turns the descriptions into
//! a rules document (the JSON tree a rules file is, for
//! [`Rules::from_value`](crate::Rules::from_value)) and [`Note`]s for the console: what was
//! left out, and why.
//!
//! | check | from |
//! |---|---|
//! | `required` | `required`, or a label marked `*`, `(wajib)`, `(wajib diisi)`, `(required)` |
//! | `words` | `data-min-words` / `data-max-words`, then limits written in the label and hints |
//! | `chars` | `minlength` / `maxlength`, then limits written in the label and hints |
//! | `format` | the kind: `email`, `url`, `phone` (Indonesian numbers) for `tel` |
//! | `pattern` | `pattern`, when borang's engine supports it (the browser checks it anyway) |
//! | `files` | `accept`, `multiple`, sizes and counts written in the label and hints |
//! | `checked` | at least 1 for a required group; counts written in the label and hints |
//!
//! The label is read first, then the hints in the order given (most specific first). For each
//! bound (`words.max`, `chars.min`, `files.maxBytes`, …) the first source that gives one wins;
//! a later source that disagrees adds [`Note::ConflictingLimits`].
//!
//! Limits written in text are found by a small tokenizer, in Indonesian and English: a number
//! (thousands written `1.000` or `1,000`, decimals `1,5` or `1.5`), its unit (`kata`/`words`,
//! `karakter`/`huruf`/`characters`, `KB`/`MB`/`GB`, `file`/`berkas`), and a marker before it
//! (`maksimal`, `maks.`, `paling banyak`, `tidak lebih dari`, `at most`, `up to`, `minimal`,
//! `paling sedikit`, `sekurang-kurangnya`, `at least` …) or after the unit (`250 words max`,
//! `500 kata atau lebih`). Ranges (`100–300 kata`, `antara 100 dan 300 kata`, `100 s.d. 300
//! kata`) give both bounds; a number and unit alone (`(300 kata)`) is a maximum. Numbers
//! without their unit (`Tahun 2025`, `SDGs 1–17`) are never limits.

use std::collections::BTreeSet;
use std::fmt;

use crate::pattern::Pattern;
use crate::rules::MAX_SECTIONS;
use crate::value::Value;

/// A `maxlength` below this many characters per allowed word cuts the text far short of its
/// word limit. An Indonesian word with its space averages about 7 characters; 4 leaves room for
/// texts of short words and figures, so a smaller `maxlength` cannot have been meant as a
/// character limit beside the word limit: it is the word limit written in the wrong unit.
pub const MIN_CHARS_PER_WORD: u32 = 4;

/// Inferred maxima warn from this fraction on (`warnAt`).
const WARN_AT: f64 = 0.9;
/// Smaller maxima get no early warning: at 5 words, 90 % is the limit itself.
const WARN_FROM_MAX: u64 = 10;
/// Longest title kept; a label that is a whole paragraph is cut at a word boundary.
const MAX_TITLE_CHARS: usize = 100;
/// Largest `maxBytes` a rules document can hold exactly (2^53 − 1).
const MAX_BYTES: u64 = (1 << 53) - 1;
/// The `source` of inferred documents.
const SOURCE: &str = "Disimpulkan dari formulir: atribut HTML dan petunjuk isian (tanpa berkas aturan).";

/// What kind of control a field is; decides which checks are inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldKind {
    /// A one-line text input (`text`, `search` …): words, characters, pattern.
    #[default]
    Text,
    /// A textarea, contenteditable or rich-text editor: words and characters (browsers ignore
    /// `pattern` on a textarea, so borang does too).
    LongText,
    /// `email`: the `email` format, characters, pattern.
    Email,
    /// `url`: the `url` format, characters, pattern.
    Url,
    /// `tel`: the `phone` format (Indonesian numbers), characters, pattern.
    Tel,
    /// `number`: the browser reads and checks it; borang checks only `required`.
    Number,
    /// A `<select>`: `required` only.
    Select,
    /// A checkbox group (or one checkbox): `required` and how many are checked.
    Checkbox,
    /// A radio group: `required` only.
    Radio,
    /// `file`: accepted types, size and count.
    File,
    /// Anything else (`date`, `time` …): `required`, `minlength`/`maxlength`, `pattern`.
    Other,
}

/// What the DOM layer read from one form control (or one checkbox or radio group).
///
/// # Example
/// ```
/// use borang::infer::{FieldDescription, FieldKind};
/// let mut f = FieldDescription::new("ringkasan", FieldKind::LongText);
/// f.title = Some("Ringkasan (maksimal 200 kata) *".into());
/// f.required = true;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldDescription {
    /// The field's name in form values (`name`, else `id`).
    pub key: String,
    /// What kind of control it is.
    pub kind: FieldKind,
    /// The best label text found; may hold hints, `*`, `:` and numbering.
    pub title: Option<String>,
    /// Other texts near the field, most specific first: `aria-describedby` help, placeholder,
    /// hint elements, the fieldset's legend …
    pub hints: Vec<String>,
    /// HTML `required`.
    pub required: bool,
    /// HTML `minlength` (characters).
    pub min_length: Option<u32>,
    /// HTML `maxlength` (characters).
    pub max_length: Option<u32>,
    /// HTML `pattern` (a JavaScript regular expression for the whole value).
    pub pattern: Option<String>,
    /// `data-min-words`.
    pub min_words: Option<u32>,
    /// `data-max-words`.
    pub max_words: Option<u32>,
    /// HTML `accept` of a file input, comma separated.
    pub accept: Option<String>,
    /// HTML `multiple` of a file input or a select.
    pub multiple: bool,
    /// The title of the row or group the field sits in, when the field has a label of its
    /// own beneath it ("Adaptabilitas" over sub-questions a. and b.): it tells rows that share
    /// a label apart.
    pub group: Option<String>,
}

impl FieldDescription {
    /// A description with nothing but its key and kind.
    pub fn new(key: impl Into<String>, kind: FieldKind) -> Self {
        FieldDescription { key: key.into(), kind, ..FieldDescription::default() }
    }
}

/// A rules document and what the console should say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    /// The rules document, for [`Rules::from_value`](crate::Rules::from_value). It has no
    /// `lang`, so messages default to Indonesian; add `"lang": "en"` to change that.
    pub rules: Value,
    /// What the inference noticed and decided (limits left out, conflicts).
    pub notes: Vec<Note>,
    /// For each section of `rules`, in order: where its title, `required` and each limit
    /// came from on the page, so an admin can see why (`attachment.explain()`).
    pub explained: Vec<Explained>,
}

/// Why an inferred section is what it is: the page text behind each part of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explained {
    /// The section's id in the inferred rules.
    pub section: String,
    /// The field (`name`, `id`, `name@2` or a CSS selector).
    pub field: String,
    /// The title given to the section.
    pub title: String,
    /// Where the title came from: `label “…”`, or `name "…"` when the page gave no label.
    pub title_from: String,
    /// The cleaned title of the row or group the field is in, if any (see
    /// [`FieldDescription::group`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Why the section is required (`required`, `label “… *”`), when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_from: Option<String>,
    /// Every limit, with the page text or attribute it came from.
    pub limits: Vec<ExplainedLimit>,
}

/// One inferred limit and its source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExplainedLimit {
    /// `words.max`, `chars.min`, `files.maxBytes` …
    pub limit: &'static str,
    /// Its value (a count, or bytes).
    pub value: u64,
    /// `label “Ringkasan (maksimal 200 kata)”`, `hint “Minimal 200 kata”`, `maxlength="300"` …
    pub from: String,
}

/// Something the console should tell the portal's admin. Displays as one line in English.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Note {
    /// `maxlength` cuts the text far short of its word limit (see [`maxlength_cuts_words`]); it
    /// was not used as a character limit. The DOM layer may remove the attribute.
    MaxLengthCutsWords {
        /// The field.
        field: String,
        /// Its `maxlength`.
        max_length: u32,
        /// The word limit the page states.
        max_words: u32,
    },
    /// borang's pattern engine refuses the pattern; it was left out (the browser still
    /// enforces it on submit).
    PatternNotSupported {
        /// The field.
        field: String,
        /// The pattern as the page gives it.
        pattern: String,
        /// Why borang's engine refuses it.
        reason: String,
    },
    /// Two sources give different values for one bound (`limit`, e.g. `words.max`); the first
    /// (attributes, then the label, then hints, most specific first) was kept. `kept_from` and
    /// `ignored_from` name the page texts (`label “…”`, `hint “…”`, `maxlength="300"`).
    ConflictingLimits {
        /// The field.
        field: String,
        /// The bound (`words.max`, …).
        limit: &'static str,
        /// The value kept.
        kept: u64,
        /// The value left out.
        ignored: u64,
        /// Where the kept value came from.
        kept_from: String,
        /// Where the value left out came from.
        ignored_from: String,
    },
    /// Two texts give the same number as opposite bounds ("maksimal 200" in the label,
    /// "Minimal 200" in a hint): one of them is a slip. The earlier source (as for
    /// `ConflictingLimits`) was kept; `ignored` is the bound left out (`words.min`).
    OppositeLimits {
        /// The field.
        field: String,
        /// The bound kept (`words.max`, …).
        kept: &'static str,
        /// The bound left out.
        ignored: &'static str,
        /// The number both texts give.
        value: u64,
        /// Where the kept bound came from.
        kept_from: String,
        /// Where the bound left out came from.
        ignored_from: String,
    },
    /// The minimum (`limit`: `words`, `chars` or `checked`) is above the maximum; it was left out.
    MinAboveMax {
        /// The field.
        field: String,
        /// Which limit (`words`, `chars` or `checked`).
        limit: &'static str,
        /// The minimum found.
        min: u64,
        /// The maximum found.
        max: u64,
    },
    /// Not `required` in HTML, but the label says so (`*`, `(wajib)`): checked as required.
    RequiredFromLabel {
        /// The field.
        field: String,
    },
    /// An `accept` entry that is no file type (`pdf` instead of `.pdf`); browsers ignore it too.
    AcceptIgnored {
        /// The field.
        field: String,
        /// The entry.
        entry: String,
    },
    /// A second description of a field already described; it was ignored.
    DuplicateField {
        /// The field.
        field: String,
    },
    /// The description at this index has no key; it was skipped.
    Unnamed {
        /// Its index.
        index: usize,
    },
    /// More fields than a form may have sections ([`MAX_SECTIONS`]); the rest were skipped.
    TooManyFields {
        /// Fields kept.
        kept: usize,
        /// Fields skipped.
        skipped: usize,
    },
    /// No field could be described: the document has no sections, and `Rules::from_value`
    /// refuses it.
    NoFields,
}

impl Note {
    /// The field the note is about, if it is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Note::MaxLengthCutsWords { field, .. }
            | Note::PatternNotSupported { field, .. }
            | Note::ConflictingLimits { field, .. }
            | Note::OppositeLimits { field, .. }
            | Note::MinAboveMax { field, .. }
            | Note::RequiredFromLabel { field }
            | Note::AcceptIgnored { field, .. }
            | Note::DuplicateField { field } => Some(field),
            Note::Unnamed { .. } | Note::TooManyFields { .. } | Note::NoFields => None,
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::MaxLengthCutsWords { field, max_length, max_words } => write!(
                f,
                "field {field:?}: maxlength={max_length} stops the text at {max_length} characters, far short of \
                 its limit of {max_words} words; not used as a character limit (remove the attribute, or opt in \
                 with data-fix-maxlength)"
            ),
            Note::PatternNotSupported { field, pattern, reason } => write!(
                f,
                "field {field:?}: pattern {pattern:?} is not checked live ({reason}); the browser checks it on \
                 submit"
            ),
            Note::ConflictingLimits { field, limit, kept, ignored, kept_from, ignored_from } => write!(
                f,
                "field {field:?}: {limit} is {kept} by {kept_from} but {ignored} by {ignored_from}; using {kept} \
                 (attributes win over the label, the label over hints)"
            ),
            Note::OppositeLimits { field, kept, ignored, value, kept_from, ignored_from } => write!(
                f,
                "field {field:?}: {kept_from} gives {kept} {value}, but {ignored_from} gives {ignored} {value}; \
                 using {kept} {value} (the label wins over hints) — correct the page text that is wrong"
            ),
            Note::MinAboveMax { field, limit, min, max } => {
                write!(f, "field {field:?}: {limit} minimum {min} is above the maximum {max}; the minimum is left out")
            }
            Note::RequiredFromLabel { field } => {
                write!(f, "field {field:?}: not required in HTML, but its label marks it required; checked as required")
            }
            Note::AcceptIgnored { field, entry } => write!(
                f,
                "field {field:?}: accept entry {entry:?} is not a file type (write \".pdf\" or \"application/pdf\"); \
                 ignored, as browsers do"
            ),
            Note::DuplicateField { field } => write!(f, "field {field:?} is described twice; the first is used"),
            Note::Unnamed { index } => write!(f, "the field at index {index} has neither name nor id; not checked"),
            Note::TooManyFields { kept, skipped } => {
                write!(f, "the form has {} fields; only the first {kept} are checked", kept + skipped)
            }
            Note::NoFields => write!(f, "the form has no named fields to check"),
        }
    }
}

/// Lower and upper bounds read from text; `None` where the text gives none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limit {
    /// The lower bound.
    pub min: Option<u32>,
    /// The upper bound.
    pub max: Option<u32>,
}

/// The word limits a label or hint states, in Indonesian or English. Character limits
/// (`karakter`, `huruf`, `characters`) and numbers of other things are not word limits. Each
/// bound is the first the text gives; `min` may exceed `max` when the text says so.
///
/// # Example
/// ```
/// use borang::infer::{word_limit, Limit};
/// assert_eq!(word_limit("Ringkasan (maks. 1.000 kata)"), Limit { min: None, max: Some(1000) });
/// assert_eq!(word_limit("antara 100 dan 300 kata"), Limit { min: Some(100), max: Some(300) });
/// assert_eq!(word_limit("at least 50 words"), Limit { min: Some(50), max: None });
/// assert_eq!(word_limit("maksimal 500 karakter"), Limit::default());
/// ```
pub fn word_limit(text: &str) -> Limit {
    find(text, Unit::Words).into()
}

/// The character limits a label or hint states (`karakter`, `huruf`, `characters`, `chars`);
/// read like [`word_limit`].
///
/// # Example
/// ```
/// use borang::infer::{char_limit, Limit};
/// assert_eq!(char_limit("Maksimal 2.000 karakter"), Limit { min: None, max: Some(2000) });
/// assert_eq!(char_limit("Maksimal 300 kata"), Limit::default());
/// ```
pub fn char_limit(text: &str) -> Limit {
    find(text, Unit::Chars).into()
}

/// Whether `maxlength` cuts a text far short of its word limit: below [`MIN_CHARS_PER_WORD`]
/// characters per word. Portals write `maxlength="300"` beside "Maksimal 300 kata", and the
/// browser then stops the applicant at 300 characters.
///
/// # Example
/// ```
/// use borang::infer::maxlength_cuts_words;
/// assert!(maxlength_cuts_words(300, 300));
/// assert!(!maxlength_cuts_words(2000, 50));
/// ```
pub fn maxlength_cuts_words(max_length: u32, max_words: u32) -> bool {
    u64::from(max_length) < u64::from(max_words) * u64::from(MIN_CHARS_PER_WORD)
}

/// A label as a section title: the first line that has letters, without bracketed hints
/// (`(maksimal 200 kata)`, `(wajib)`, `(opsional)`, `(*)`), limit clauses (`, maks. 200 kata`),
/// `*` and `:` marks, or leading numbering (`1.`, `a)`, `IV.`); white space collapsed, at most
/// 100 characters. When that leaves no letter, the input's line is returned as it is, so the
/// result is empty only for input without letters.
///
/// # Example
/// ```
/// use borang::infer::clean_title;
/// assert_eq!(clean_title("Ringkasan (maksimal 200 kata) *"), "Ringkasan");
/// assert_eq!(clean_title("1. Latar Belakang:"), "Latar Belakang");
/// assert_eq!(clean_title("Nomor Induk Kependudukan (NIK)"), "Nomor Induk Kependudukan (NIK)");
/// ```
pub fn clean_title(text: &str) -> String {
    label(text).0
}

/// Infers a rules document from the form's title and its fields, one section per field in the
/// order given. See the [module docs](self) for what each check is inferred from.
///
/// Section ids are made from the keys (letters, digits, `-`, `.`; anything else becomes `_`) and
/// kept unique with `-2`, `-3` …; titles are the cleaned labels, else the key made readable
/// (`latar_belakang` → "Latar belakang"). Fields without a key and repeated keys are skipped,
/// and at most [`MAX_SECTIONS`] fields are kept, each with a [`Note`]. The document compiles
/// whenever one field is left.
///
/// # Example
/// ```
/// use borang::infer::{infer_rules, FieldDescription, FieldKind, Note};
/// use borang::{Lang, Rules, Values};
///
/// let mut ringkasan = FieldDescription::new("ringkasan", FieldKind::LongText);
/// ringkasan.title = Some("Ringkasan *".into());
/// ringkasan.hints = vec!["Maksimal 3 kata".into()];
/// ringkasan.required = true;
/// ringkasan.max_length = Some(3);
/// let inferred = infer_rules("Proposal", &[ringkasan]);
/// assert!(matches!(inferred.notes[0], Note::MaxLengthCutsWords { max_length: 3, max_words: 3, .. }));
///
/// let rules = Rules::from_value(inferred.rules).unwrap();
/// let mut values = Values::new();
/// values.text("ringkasan", "Inovasi ini mempercepat layanan.");
/// let report = rules.check(&values, Lang::Id);
/// assert_eq!(report.sections[0].messages[0].text, "Ringkasan berisi 4 kata; batasnya 3 kata.");
/// ```
pub fn infer_rules(title: &str, fields: &[FieldDescription]) -> Inferred {
    let mut notes = Vec::new();
    let (mut keys, mut ids) = (BTreeSet::new(), BTreeSet::new());
    let (mut sections, mut explained, mut skipped) = (Vec::new(), Vec::new(), 0);
    for (index, f) in fields.iter().enumerate() {
        if f.key.trim().is_empty() {
            notes.push(Note::Unnamed { index });
        } else if !keys.insert(f.key.as_str()) {
            notes.push(Note::DuplicateField { field: f.key.clone() });
        } else if sections.len() == MAX_SECTIONS {
            skipped += 1;
        } else {
            let id = unique_id(&f.key, &mut ids);
            let (section, why) = section(f, id, &mut notes);
            sections.push(section);
            explained.push(why);
        }
    }
    if skipped > 0 {
        notes.push(Note::TooManyFields { kept: MAX_SECTIONS, skipped });
    }
    distinct_titles(&mut sections, &mut explained);
    if sections.is_empty() {
        notes.push(Note::NoFields);
    }
    let title = cap(normalize(title));
    let title = if title.is_empty() { "Formulir".to_owned() } else { title };
    let mut rules =
        vec![pair("title", Value::String(title)), pair("wordCount", text("office")), pair("source", text(SOURCE))];
    // Where the page disagrees with itself, the document says which text it followed.
    let disagreements: Vec<String> = notes
        .iter()
        .filter(|n| matches!(n, Note::ConflictingLimits { .. } | Note::OppositeLimits { .. }))
        .map(ToString::to_string)
        .collect();
    if !disagreements.is_empty() {
        rules.push(pair("description", Value::String(disagreements.join("\n"))));
    }
    rules.push(pair("sections", Value::Array(sections)));
    let rules = Value::Object(rules);
    Inferred { rules, notes, explained }
}

// ---------------------------------------------------------------------------------------
// Sections.

/// Rows that share a label ("Unggah Dokumen Pendukung" under every narrative section) would
/// give sections the applicant cannot tell apart: each such title is followed by the title of
/// the nearest section before it whose title is its own ("Unggah Dokumen Pendukung
/// (Ringkasan)"), else by its number among its namesakes (the first keeps its title).
fn distinct_titles(sections: &mut [Value], explained: &mut [Explained]) {
    let titles: Vec<String> = explained.iter().map(|e| e.title.clone()).collect();
    let count = |t: &str| titles.iter().filter(|x| x.as_str() == t).count();
    let mut renamed: Vec<String> = titles.clone();
    for i in 0..titles.len() {
        if count(&titles[i]) < 2 {
            continue;
        }
        // The group of the section before (its row title), else its own title.
        let context =
            (0..i).rev().find(|&j| count(&titles[j]) == 1).map(|j| explained[j].group.as_ref().unwrap_or(&titles[j]));
        renamed[i] = match context {
            Some(context) => format!("{} ({context})", titles[i]),
            None => match titles[..=i].iter().filter(|t| **t == titles[i]).count() {
                1 => titles[i].clone(),
                nth => format!("{} ({nth})", titles[i]),
            },
        };
    }
    // Two namesakes after the same section: number them too.
    for i in 0..renamed.len() {
        let same: Vec<usize> = (0..renamed.len()).filter(|&j| renamed[j] == renamed[i]).collect();
        if same.len() > 1 && same[0] == i {
            for (n, &j) in same.iter().enumerate().skip(1) {
                renamed[j] = format!("{} {}", renamed[j], n + 1);
            }
        }
    }
    for (i, title) in renamed.into_iter().enumerate() {
        if title != titles[i] {
            if let Value::Object(pairs) = &mut sections[i] {
                if let Some(slot) = pairs.iter_mut().find(|(k, _)| k == "title") {
                    slot.1 = Value::String(title.clone());
                }
            }
            explained[i].title = title;
        }
    }
}

fn pair(key: &str, value: Value) -> (String, Value) {
    (key.to_owned(), value)
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

fn num(n: u64) -> Value {
    Value::Number(n as f64)
}

/// A bound read from the page, with where it came from (`label “…”`, `hint “…”`,
/// `maxlength="300"`) and the rank of that source (attributes 0, the label 1, hints after).
#[derive(Debug, Clone)]
struct Bound {
    value: u64,
    from: String,
    rank: usize,
}

/// The texts of a field in the order they are trusted, each with how to name it.
struct Sources<'a> {
    texts: Vec<&'a str>,
    names: Vec<String>,
}

impl<'a> Sources<'a> {
    fn new(f: &'a FieldDescription) -> Self {
        let mut texts = Vec::new();
        let mut names = Vec::new();
        if let Some(t) = f.title.as_deref() {
            texts.push(t);
            names.push(format!("the label “{t}”"));
        }
        for h in &f.hints {
            texts.push(h);
            names.push(format!("the hint “{h}”"));
        }
        Sources { texts, names }
    }

    /// Each text's bound in `unit`, `pick`ed from what [`find`] reads, as candidates after
    /// an attribute's (rank 0).
    fn bounds(&self, unit: Unit, pick: fn(&Found) -> Option<u64>) -> Vec<Option<Bound>> {
        self.bounds_or_bare(unit, pick, false)
    }

    /// As [`Sources::bounds`]; with `bare`, a text that names no unit at all ("Uraian
    /// (maksimal 200)") gives its marked number in `unit` too — for a field whose other texts
    /// name `unit` and no other ([`Sources::only_unit`]).
    fn bounds_or_bare(&self, unit: Unit, pick: fn(&Found) -> Option<u64>, bare: bool) -> Vec<Option<Bound>> {
        self.texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let found = find(t, unit);
                let found = if bare && found == Found::default() { find_bare(t) } else { found };
                pick(&found).map(|value| Bound { value, from: self.names[i].clone(), rank: i + 1 })
            })
            .collect()
    }

    /// The one unit of words or characters this field's texts name, if they name just one.
    fn only_unit(&self) -> Option<Unit> {
        let names = |unit| self.texts.iter().any(|t| find(t, unit) != Found::default());
        match (names(Unit::Words), names(Unit::Chars)) {
            (true, false) => Some(Unit::Words),
            (false, true) => Some(Unit::Chars),
            _ => None,
        }
    }
}

fn attr(name: &str, value: Option<u64>) -> Option<Bound> {
    value.map(|value| Bound { value, from: format!("{name}=\"{value}\""), rank: 0 })
}

fn section(f: &FieldDescription, id: String, notes: &mut Vec<Note>) -> (Value, Explained) {
    use FieldKind::*;
    let field = f.key.as_str();
    let (label, marked, named) = label(f.title.as_deref().unwrap_or_default());
    let title = if named { label } else { humanize(field) };
    let sources = Sources::new(f);
    let positive = |n: Option<u32>| n.filter(|&n| n > 0).map(u64::from);
    let required = f.required || marked;
    if marked && !f.required {
        notes.push(Note::RequiredFromLabel { field: field.to_owned() });
    }
    let mut why = Explained {
        section: id.clone(),
        field: field.to_owned(),
        title: title.clone(),
        group: f.group.as_deref().map(clean_title).filter(|g| !g.is_empty()),
        title_from: match f.title.as_deref() {
            Some(t) if named => format!("the label “{t}”"),
            _ => format!("the name \"{field}\" (no label found)"),
        },
        required_from: match (f.required, marked) {
            (true, _) => Some("the required attribute".to_owned()),
            (false, true) => Some(format!("the label “{}”", f.title.as_deref().unwrap_or_default())),
            _ => None,
        },
        limits: Vec::new(),
    };

    let mut s = vec![
        pair("id", Value::String(id)),
        pair("title", Value::String(title)),
        pair("fields", Value::Array(vec![text(field)])),
    ];
    if required {
        s.push(pair("required", Value::Bool(true)));
    }
    let text_like = matches!(f.kind, Text | LongText);
    let bare = |unit| text_like && sources.only_unit() == Some(unit);
    let mut max_words = None;
    if text_like {
        let words = |pick| sources.bounds_or_bare(Unit::Words, pick, bare(Unit::Words));
        let min = first(
            field,
            "words.min",
            [attr("data-min-words", positive(f.min_words))].into_iter().chain(words(|h| h.min)),
            notes,
        );
        let max = first(
            field,
            "words.max",
            [attr("data-max-words", positive(f.max_words))].into_iter().chain(words(|h| h.max)),
            notes,
        );
        max_words = max.as_ref().map(|b| b.value);
        let bounds = ordered(field, "words", min, max, notes);
        push_limits(&mut s, &mut why, "words", bounds, true);
    }
    if text_like || matches!(f.kind, Email | Url | Tel | Other) {
        let mut max_length = f.max_length.filter(|&n| n > 0);
        if let (Some(m), Some(w)) = (max_length, max_words) {
            let w = u32::try_from(w).unwrap_or(u32::MAX);
            if maxlength_cuts_words(m, w) {
                notes.push(Note::MaxLengthCutsWords { field: field.to_owned(), max_length: m, max_words: w });
                max_length = None;
            }
        }
        let hinted =
            |pick| if text_like { sources.bounds_or_bare(Unit::Chars, pick, bare(Unit::Chars)) } else { Vec::new() };
        let min = first(
            field,
            "chars.min",
            [attr("minlength", positive(f.min_length))].into_iter().chain(hinted(|h| h.min)),
            notes,
        );
        let max = first(
            field,
            "chars.max",
            [attr("maxlength", positive(max_length))].into_iter().chain(hinted(|h| h.max)),
            notes,
        );
        let bounds = ordered(field, "chars", min, max, notes);
        push_limits(&mut s, &mut why, "chars", bounds, f.kind == LongText);
    }
    let format = match f.kind {
        Email => Some("email"),
        Url => Some("url"),
        Tel => Some("phone"),
        _ => None,
    };
    if let Some(kind) = format {
        s.push(pair("format", text(kind)));
    }
    if let Some(p) = f.pattern.as_deref().filter(|_| matches!(f.kind, Text | Email | Url | Tel | Other)) {
        // Both anchor the pattern to the whole value, so the attribute is used as it is.
        match Pattern::compile(p, false) {
            Ok(_) => s.push(pair("pattern", text(p))),
            Err(e) => notes.push(Note::PatternNotSupported {
                field: field.to_owned(),
                pattern: p.to_owned(),
                reason: e.to_string(),
            }),
        }
    }
    // A checkbox group, or a select of several choices: how many may be chosen.
    if f.kind == Checkbox || f.kind == Select && f.multiple {
        let min = first(field, "checked.min", sources.bounds(Unit::Choices, |h| h.min), notes);
        let max = first(field, "checked.max", sources.bounds(Unit::Choices, |h| h.max), notes);
        // `required` reports a group with nothing checked; the minimum shows in the limits.
        let min = match (required, min) {
            (true, None) => Some(Bound { value: 1, from: "the required mark".to_owned(), rank: 0 }),
            (_, min) => min,
        };
        let bounds = ordered(field, "checked", min, max, notes);
        push_limits(&mut s, &mut why, "checked", bounds, false);
    }
    if f.kind == File {
        s.push(pair("files", files(f, &sources, &mut why, notes)));
    }
    (Value::Object(s), why)
}

fn files(f: &FieldDescription, sources: &Sources, why: &mut Explained, notes: &mut Vec<Note>) -> Value {
    let field = f.key.as_str();
    let mut out = Vec::new();
    let mut accept = Vec::new();
    for entry in f.accept.as_deref().unwrap_or_default().split(',').map(str::trim).filter(|e| !e.is_empty()) {
        if crate::kinds::files::Accept::parse(entry).is_some() {
            accept.push(text(entry));
        } else {
            notes.push(Note::AcceptIgnored { field: field.to_owned(), entry: entry.to_owned() });
        }
    }
    if !accept.is_empty() {
        out.push(pair("accept", Value::Array(accept)));
    }
    if let Some(b) = first(field, "files.maxBytes", sources.bounds(Unit::Bytes(0), |h| h.max), notes) {
        out.push(pair("maxBytes", num(b.value)));
        why.limits.push(ExplainedLimit { limit: "files.maxBytes", value: b.value, from: b.from });
    }
    let max_files = if f.multiple {
        first(field, "files.maxFiles", sources.bounds(Unit::Files, |h| h.max), notes)
    } else {
        Some(Bound { value: 1, from: "no multiple attribute".to_owned(), rank: 0 })
    };
    if let Some(b) = max_files {
        out.push(pair("maxFiles", num(b.value)));
        why.limits.push(ExplainedLimit { limit: "files.maxFiles", value: b.value, from: b.from });
    }
    Value::Object(out)
}

/// The first of `candidates`; a note when a later one disagrees.
fn first(
    field: &str,
    limit: &'static str,
    candidates: impl IntoIterator<Item = Option<Bound>>,
    notes: &mut Vec<Note>,
) -> Option<Bound> {
    let mut kept: Option<Bound> = None;
    for c in candidates.into_iter().flatten() {
        match &kept {
            None => kept = Some(c),
            Some(k) if k.value != c.value => {
                notes.push(Note::ConflictingLimits {
                    field: field.to_owned(),
                    limit,
                    kept: k.value,
                    ignored: c.value,
                    kept_from: k.from.clone(),
                    ignored_from: c.from,
                });
                break;
            }
            Some(_) => {}
        }
    }
    kept
}

/// Drops a minimum above the maximum (rules refuse it), with a note. The same number given
/// as a minimum by one text and as a maximum by another ("maksimal 200" in the label,
/// "Minimal 200" in a hint) is a slip in one of them: the earlier source's bound is kept.
fn ordered(
    field: &str,
    limit: &'static str,
    min: Option<Bound>,
    max: Option<Bound>,
    notes: &mut Vec<Note>,
) -> (Option<Bound>, Option<Bound>) {
    match (min, max) {
        (Some(lo), Some(hi)) if lo.value > hi.value => {
            notes.push(Note::MinAboveMax { field: field.to_owned(), limit, min: lo.value, max: hi.value });
            (None, Some(hi))
        }
        (Some(lo), Some(hi)) if lo.value == hi.value && lo.rank != hi.rank => {
            let (min_name, max_name) = bound_names(limit);
            let (keep_min, kept, ignored) = if lo.rank < hi.rank { (true, lo, hi) } else { (false, hi, lo) };
            notes.push(Note::OppositeLimits {
                field: field.to_owned(),
                kept: if keep_min { min_name } else { max_name },
                ignored: if keep_min { max_name } else { min_name },
                value: kept.value,
                kept_from: kept.from.clone(),
                ignored_from: ignored.from,
            });
            if keep_min {
                (Some(kept), None)
            } else {
                (None, Some(kept))
            }
        }
        other => other,
    }
}

fn bound_names(limit: &str) -> (&'static str, &'static str) {
    match limit {
        "words" => ("words.min", "words.max"),
        "chars" => ("chars.min", "chars.max"),
        _ => ("checked.min", "checked.max"),
    }
}

fn push_limits(
    s: &mut Vec<(String, Value)>,
    why: &mut Explained,
    key: &'static str,
    (min, max): (Option<Bound>, Option<Bound>),
    warn: bool,
) {
    let (min_name, max_name) = bound_names(key);
    let mut o = Vec::new();
    if let Some(b) = min {
        o.push(pair("min", num(b.value)));
        why.limits.push(ExplainedLimit { limit: min_name, value: b.value, from: b.from });
    }
    if let Some(b) = max {
        o.push(pair("max", num(b.value)));
        if warn && b.value >= WARN_FROM_MAX {
            o.push(pair("warnAt", Value::Number(WARN_AT)));
        }
        why.limits.push(ExplainedLimit { limit: max_name, value: b.value, from: b.from });
    }
    if !o.is_empty() {
        s.push(pair(key, Value::Object(o)));
    }
}

/// A section id from a field key: letters, digits, `-` and `.` kept, runs of anything else
/// made one `_`; `field` when nothing is left; `-2`, `-3` … when taken.
fn unique_id(key: &str, used: &mut BTreeSet<String>) -> String {
    let mut base = String::new();
    for c in key.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('_') {
            base.push('_');
        }
    }
    let base = match base.trim_matches(|c| matches!(c, '_' | '-' | '.')) {
        "" => "field",
        b => b,
    };
    let mut id = base.to_owned();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

/// A readable title from a key: `latar_belakang`, `latarBelakang`, `data[latar-belakang]` →
/// "Latar belakang".
fn humanize(key: &str) -> String {
    let key = key.trim();
    let part = key.split(['.', '[', ']']).rfind(|p| p.chars().any(char::is_alphanumeric)).unwrap_or(key);
    let mut out = String::new();
    let mut after_lower = false;
    for c in part.chars() {
        if c == '_' || c == '-' || c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_ascii_uppercase() && after_lower {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(if out.is_empty() { c.to_ascii_uppercase() } else { c });
        }
        after_lower = c.is_lowercase();
    }
    cap(match out.trim_end() {
        "" => key.to_owned(),
        t => t.to_owned(),
    })
}

// ---------------------------------------------------------------------------------------
// Labels.

/// Bracketed texts that say the field is required.
const REQUIRED: &[&str] = &["wajib", "wajib diisi", "wajib isi", "harus diisi", "required", "mandatory"];
/// Words a cut limit clause can leave at the end of a label.
const DANGLING: &[&str] = &["atau", "dan", "dalam", "dengan", "sebanyak", "berisi", "or", "and", "in"];
/// Bracketed texts that say the field is optional.
const OPTIONAL: &[&str] = &["opsional", "optional", "tidak wajib", "jika ada", "bila ada", "if any"];

/// The cleaned label (see [`clean_title`]), whether it marks the field required, and whether
/// it is a name (not empty, not only a hint or mark).
fn label(text: &str) -> (String, bool, bool) {
    let line = normalize(text.lines().find(|l| l.chars().any(char::is_alphabetic)).unwrap_or(text));
    let mut required = false;
    // Bracketed hints and marks: `(maksimal 200 kata)`, `(wajib)`, `[PDF, maks. 2 MB]`, `(*)`.
    let mut t = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(open) = rest.find(['(', '[']) {
        let close = if rest.as_bytes()[open] == b'(' { ')' } else { ']' };
        let inner_end = rest[open + 1..].find(close).map_or(rest.len(), |c| open + 1 + c);
        let end = (inner_end + 1).min(rest.len());
        let inner = rest[open + 1..inner_end].trim();
        let lower = inner.to_ascii_lowercase();
        let req = inner == "*"
            || REQUIRED
                .iter()
                .any(|w| lower.strip_prefix(w).is_some_and(|r| r.is_empty() || r.starts_with([',', ';'])));
        required |= req;
        let hint = req
            || OPTIONAL.contains(&lower.as_str())
            || inner.bytes().any(|b| b.is_ascii_digit())
            || !inner.chars().any(char::is_alphabetic);
        t.push_str(&rest[..open]);
        if !hint {
            t.push_str(&rest[open..end]);
        }
        rest = &rest[end..];
    }
    t.push_str(rest);
    t.truncate(first_sentence(&t).len());
    // A limit clause outside brackets: `Ringkasan, maks. 200 kata`, `Ringkasan 200 kata`.
    let lower = t.to_ascii_lowercase();
    let toks = tokens(&lower);
    let plain: Vec<Tok> = toks.iter().map(|(_, t)| *t).collect();
    if let Some(p) = (0..plain.len()).find(|&p| limit_at(&plain, p)) {
        t.truncate(toks[p].0);
    }
    let mut s = t.as_str();
    loop {
        let before = s.len();
        s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';' | '-' | '–' | '—' | '|' | '•'));
        if let Some(x) = s.strip_suffix('*').or_else(|| s.strip_prefix('*')) {
            required = true;
            s = x;
        }
        s = strip_numbering(s);
        // What a cut clause leaves dangling: `Tulis dalam`, `Ringkasan atau`.
        if let Some((head, last)) = s.rsplit_once(' ') {
            if DANGLING.contains(&last.to_ascii_lowercase().as_str()) {
                s = head;
            }
        }
        if s.len() == before {
            break;
        }
    }
    let out = normalize(s);
    let named = out.chars().any(char::is_alphabetic);
    let out = if named || !line.chars().any(char::is_alphabetic) { out } else { line };
    (cap(out), required, named)
}

/// The first sentence of a label that runs on into instructions: up to a `.`, `?` or `!` followed
/// by a capital, unless it ends a short word (`No. HP`, `Prov. Jawa Barat`).
fn first_sentence(t: &str) -> &str {
    for (i, _) in t.match_indices(['.', '?', '!']) {
        let capital = t[i + 1..].strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
        let word = t[..i].rsplit(' ').next().unwrap_or_default();
        if capital && (word.is_empty() || word.chars().count() >= 5) {
            return &t[..i];
        }
    }
    t
}

/// `1. Latar`, `1.2 Latar`, `a) Latar`, `IV. Latar` → `Latar`.
fn strip_numbering(s: &str) -> &str {
    let Some((head, rest)) = s.split_once(' ') else { return s };
    let numbered = match head.strip_suffix(['.', ')']) {
        Some(b) => {
            (b.starts_with(|c: char| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit() || c == b'.'))
                || (b.len() == 1 && b.bytes().all(|c| c.is_ascii_alphabetic()))
                || (!b.is_empty() && b.bytes().all(|c| matches!(c, b'I' | b'V' | b'X')))
        }
        None => head.contains('.') && head.bytes().all(|c| c.is_ascii_digit() || c == b'.') && head.len() > 2,
    };
    if numbered {
        rest
    } else {
        s
    }
}

/// Cuts `s` to [`MAX_TITLE_CHARS`] at a word boundary, marking the cut with `…`.
fn cap(mut s: String) -> String {
    if let Some((at, _)) = s.char_indices().nth(MAX_TITLE_CHARS) {
        let cut = s[..at].rfind(' ').filter(|&c| c > 0).unwrap_or(at);
        s.truncate(cut);
        s.push('…');
    }
    s
}

/// Whether a limit clause starts at token `p`: markers and a number or range in any unit
/// (`maksimal 1 halaman`), or a number or range in words, characters or bytes (`200 kata`, not
/// `1 file PDF`).
fn limit_at(toks: &[Tok], p: usize) -> bool {
    let mut j = p;
    let marker_at = |j: usize| {
        MARKERS
            .iter()
            .map(|m| m.0)
            .chain(["antara", "between"])
            .filter(|m| phrase_at(toks, j, m))
            .max_by_key(|m| m.len())
    };
    while let Some(m) = marker_at(j) {
        j += m.split(' ').count();
        while matches!(toks.get(j), Some(Tok::Sym('.' | ':'))) {
            j += 1;
        }
    }
    let marked = j > p;
    if num_at(toks, j).is_none() {
        return false;
    }
    j += 1;
    if let Some(k) = connector(toks, j).filter(|&k| num_at(toks, k).is_some()) {
        j = k + 1;
    }
    unit_after(toks, j).is_some_and(|(u, _)| marked || matches!(u, Unit::Words | Unit::Chars | Unit::Bytes(_)))
}

// ---------------------------------------------------------------------------------------
// Limits in text.

/// Collapses white space (NBSP and line breaks included) to single spaces, drops invisible
/// characters (zero-width space, soft hyphen, BOM …) and reads non-breaking hyphens as `-`.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(if matches!(c, '\u{2010}' | '\u{2011}') { '-' } else { c });
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    /// Letters, with inner hyphens and apostrophes (`sekurang-kurangnya`).
    Word(&'a str),
    /// `digits / 10^scale`: `1.000` and `1,000` are (1000, 0); `1,5` and `1.5` are (15, 1).
    Num(u64, u32),
    Sym(char),
}

/// The tokens of normalized, lowercased text, each with its byte offset. White space separates.
fn tokens(text: &str) -> Vec<(usize, Tok<'_>)> {
    let bytes = text.as_bytes();
    let digits = |i: usize| bytes.get(i..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
    let read = |value: &mut u64, from: usize, n: usize| {
        for &d in &bytes[from..from + n] {
            *value = value.saturating_mul(10).saturating_add(u64::from(d - b'0'));
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let start = i;
        if c.is_ascii_digit() {
            let (mut value, mut scale) = (0, 0);
            let lead = digits(i);
            read(&mut value, i, lead);
            i += lead;
            // Groups of three after `.` or `,` are thousands (`1.000`, `1,000`, not after more
            // than three digits); any other digits after one are decimals, and end the number.
            while let Some(b'.' | b',') = bytes.get(i) {
                let n = digits(i + 1);
                if n == 0 {
                    break;
                }
                read(&mut value, i + 1, n);
                i += 1 + n;
                if n != 3 || lead > 3 {
                    scale = n as u32;
                    break;
                }
            }
            out.push((start, Tok::Num(value, scale)));
        } else if c.is_alphabetic() {
            i += c.len_utf8();
            loop {
                let mut next = text[i..].chars();
                match next.next() {
                    Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                    Some(h @ ('-' | '\'' | '’')) if next.next().is_some_and(char::is_alphabetic) => i += h.len_utf8(),
                    _ => break,
                }
            }
            out.push((start, Tok::Word(&text[start..i])));
        } else {
            i += c.len_utf8();
            if !c.is_whitespace() {
                out.push((start, Tok::Sym(c)));
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Words,
    Chars,
    /// Bytes: the number times `1 << shift` (KB 10, MB 20, GB 30).
    Bytes(u32),
    Files,
    /// Checked boxes of a group.
    Choices,
    /// Pages, paragraphs, sentences, lines: known, so their numbers are nobody else's.
    Other,
}

impl Unit {
    fn is(self, want: Unit) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&want)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Dir {
    Min,
    Max,
}

/// Markers before a number, in lowercase words. The longest one ending nearest the number wins
/// (`no more than` is a maximum, `more than` a minimum).
const MARKERS: &[(&str, Dir)] = &[
    ("maksimal", Dir::Max),
    ("maksimum", Dir::Max),
    ("maks", Dir::Max),
    ("mak", Dir::Max),
    ("max", Dir::Max),
    ("maximum", Dir::Max),
    ("maximal", Dir::Max),
    ("paling banyak", Dir::Max),
    ("sebanyak-banyaknya", Dir::Max),
    ("tidak lebih dari", Dir::Max),
    ("tak lebih dari", Dir::Max),
    ("tidak melebihi", Dir::Max),
    ("kurang dari", Dir::Max),
    ("hingga", Dir::Max),
    ("sampai", Dir::Max),
    ("batas", Dir::Max),
    ("dibatasi", Dir::Max),
    ("at most", Dir::Max),
    ("up to", Dir::Max),
    ("no more than", Dir::Max),
    ("not more than", Dir::Max),
    ("not exceeding", Dir::Max),
    ("less than", Dir::Max),
    ("fewer than", Dir::Max),
    ("limit", Dir::Max),
    ("limited to", Dir::Max),
    ("within", Dir::Max),
    ("under", Dir::Max),
    ("minimal", Dir::Min),
    ("minimum", Dir::Min),
    ("min", Dir::Min),
    ("paling sedikit", Dir::Min),
    ("sekurang-kurangnya", Dir::Min),
    ("sekurangnya", Dir::Min),
    ("setidaknya", Dir::Min),
    ("setidak-tidaknya", Dir::Min),
    ("tidak kurang dari", Dir::Min),
    ("lebih dari", Dir::Min),
    ("at least", Dir::Min),
    ("no less than", Dir::Min),
    ("not less than", Dir::Min),
    ("no fewer than", Dir::Min),
    ("more than", Dir::Min),
];

/// Markers after the unit: `250 words max`, `500 kata atau lebih`.
const MARKERS_AFTER: &[(&str, Dir)] = &[
    ("maksimal", Dir::Max),
    ("maksimum", Dir::Max),
    ("maks", Dir::Max),
    ("max", Dir::Max),
    ("maximum", Dir::Max),
    ("atau kurang", Dir::Max),
    ("or less", Dir::Max),
    ("or fewer", Dir::Max),
    ("minimal", Dir::Min),
    ("minimum", Dir::Min),
    ("min", Dir::Min),
    ("atau lebih", Dir::Min),
    ("or more", Dir::Min),
];

/// Bounds found in a text, in the unit's base (a count, or bytes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Found {
    min: Option<u64>,
    max: Option<u64>,
}

/// The bounds a text gives as marked numbers with no unit anywhere near them ("Uraian
/// (maksimal 200)"), for [`Sources::bounds_or_bare`]: a marker before the number, and after it
/// no word (`paling banyak 2 urusan` counts something else) and no unit ahead or before.
fn find_bare(text: &str) -> Found {
    let text = normalize(text).to_ascii_lowercase();
    let toks: Vec<Tok> = tokens(&text).into_iter().map(|(_, t)| t).collect();
    let mut found = Found::default();
    for i in 0..toks.len() {
        let Some((value, 0)) = num_at(&toks, i) else { continue };
        let Some(dir) = marker_before(&toks, i) else { continue };
        let named_before = words_before(&toks, i).0.iter().any(|&(j, _)| unit_at(&toks, j).is_some());
        if matches!(toks.get(i + 1), Some(Tok::Word(_) | Tok::Num(..)))
            || unit_ahead(&toks, i + 1).is_some()
            || named_before
        {
            continue;
        }
        found.set(dir, Some(value));
    }
    found
}

impl Found {
    /// Keeps the first value of each bound.
    fn set(&mut self, dir: Dir, value: Option<u64>) {
        let slot = match dir {
            Dir::Min => &mut self.min,
            Dir::Max => &mut self.max,
        };
        if slot.is_none() {
            *slot = value;
        }
    }
}

impl From<Found> for Limit {
    fn from(f: Found) -> Limit {
        let small = |n: Option<u64>| n.and_then(|n| u32::try_from(n).ok());
        Limit { min: small(f.min), max: small(f.max) }
    }
}

/// The limits `text` states in `want`'s unit (any byte multiple for `Bytes`).
fn find(text: &str, want: Unit) -> Found {
    let text = normalize(text).to_ascii_lowercase();
    let toks: Vec<Tok> = tokens(&text).into_iter().map(|(_, t)| t).collect();
    let mut found = Found::default();
    let mut i = 0;
    while i < toks.len() {
        let Some(a) = num_at(&toks, i) else {
            i += 1;
            continue;
        };
        // A range: `100–300 kata`, `antara 100 dan 300 kata`, `Jumlah kata: 100-300`.
        if let Some((j, b)) = connector(&toks, i + 1).and_then(|j| Some((j, num_at(&toks, j)?))) {
            let unit = unit_after(&toks, j + 1).map(|(u, _)| u).or_else(|| unit_before(&toks, i, want));
            if let Some(u) = unit.filter(|u| u.is(want)) {
                if let (Some(lo), Some(hi)) = (amount(a, u), amount(b, u)) {
                    found.set(Dir::Min, Some(lo.min(hi)));
                    found.set(Dir::Max, Some(lo.max(hi)));
                }
            }
            i = j + 1;
            continue;
        }
        let before = marker_before(&toks, i);
        if let Some((u, next)) = unit_after(&toks, i + 1) {
            if u.is(want) {
                let dir = before.or_else(|| marker_after(&toks, next)).unwrap_or(Dir::Max);
                found.set(dir, amount(a, u));
            }
            i = next;
            continue;
        }
        let unit = match before {
            // `minimal 100 dan maksimal 300 kata`: the unit of the next number; `pilih maksimal 3`.
            Some(_) => unit_ahead(&toks, i + 1)
                .or_else(|| unit_before(&toks, i, want))
                .or((want == Unit::Choices).then_some(Unit::Choices)),
            None => unit_before(&toks, i, want),
        };
        if let Some(u) = unit.filter(|u| u.is(want)) {
            found.set(before.unwrap_or(Dir::Max), amount(a, u));
        }
        i += 1;
    }
    found
}

fn num_at(toks: &[Tok], i: usize) -> Option<(u64, u32)> {
    match toks.get(i) {
        Some(Tok::Num(value, scale)) => Some((*value, *scale)),
        _ => None,
    }
}

/// A number in a unit's base: a whole count that fits `u32`, or bytes; `None` for 0.
fn amount((value, scale): (u64, u32), unit: Unit) -> Option<u64> {
    let div = 10u64.checked_pow(scale)?;
    let n = match unit {
        Unit::Bytes(shift) => u64::try_from((u128::from(value) << shift) / u128::from(div)).ok()?,
        _ if value % div == 0 => u64::from(u32::try_from(value / div).ok()?),
        _ => return None,
    };
    (n > 0 && n <= MAX_BYTES).then_some(n)
}

fn phrase_at(toks: &[Tok], j: usize, phrase: &str) -> bool {
    phrase.split(' ').enumerate().all(|(k, w)| toks.get(j + k) == Some(&Tok::Word(w)))
}

/// The unit word at `j`, if any. `kata kunci` (keywords), `kata sandi` (password) … are not
/// words.
fn unit_at(toks: &[Tok], j: usize) -> Option<Unit> {
    let Some(Tok::Word(w)) = toks.get(j) else { return None };
    Some(match *w {
        "kata" => {
            let compound = matches!(
                toks.get(j + 1),
                Some(Tok::Word("kunci" | "sandi" | "pengantar" | "sambutan" | "penutup" | "lain"))
            );
            if compound {
                return None;
            }
            Unit::Words
        }
        "word" | "words" => Unit::Words,
        "karakter" | "huruf" | "character" | "characters" | "char" | "chars" => Unit::Chars,
        "kb" | "kib" | "kilobyte" | "kilobytes" => Unit::Bytes(10),
        "mb" | "mib" | "megabyte" | "megabytes" => Unit::Bytes(20),
        "gb" | "gib" | "gigabyte" | "gigabytes" => Unit::Bytes(30),
        "file" | "files" | "berkas" | "dokumen" | "document" | "documents" => Unit::Files,
        "pilihan" | "opsi" | "option" | "options" | "choice" | "choices" | "item" | "items" | "butir" | "jawaban" => {
            Unit::Choices
        }
        "halaman" | "lembar" | "page" | "pages" | "paragraf" | "paragraph" | "paragraphs" | "kalimat" | "sentence"
        | "sentences" | "baris" | "line" | "lines" => Unit::Other,
        _ => return None,
    })
}

/// The unit right after a number, and the index after it. Skips a hyphen (`250-word`) and the
/// number in words of formal Indonesian (`500 (lima ratus) kata`).
fn unit_after(toks: &[Tok], mut j: usize) -> Option<(Unit, usize)> {
    match toks.get(j) {
        Some(Tok::Sym('-')) if matches!(toks.get(j + 1), Some(Tok::Word(_))) => j += 1,
        Some(Tok::Sym('(')) => {
            let close = (j + 1..toks.len().min(j + 8)).find(|&k| toks[k] == Tok::Sym(')'))?;
            if toks[j + 1..close].iter().all(|t| matches!(t, Tok::Word(_))) {
                j = close + 1;
            }
        }
        _ => {}
    }
    unit_at(toks, j).map(|u| (u, j + 1))
}

/// The index after a range connector at `j`: `-`, `–`, `s.d.`, `s/d`, `sampai (dengan)`, `hingga`,
/// `dan`, `to`, `and`.
fn connector(toks: &[Tok], j: usize) -> Option<usize> {
    match toks.get(j)? {
        Tok::Sym('-' | '–' | '—' | '−' | '~') => Some(j + 1),
        Tok::Word("sampai") if toks.get(j + 1) == Some(&Tok::Word("dengan")) => Some(j + 2),
        Tok::Word("sampai" | "hingga" | "sd" | "dan" | "to" | "and" | "until") => Some(j + 1),
        Tok::Word("s")
            if matches!(toks.get(j + 1), Some(Tok::Sym('.' | '/'))) && toks.get(j + 2) == Some(&Tok::Word("d")) =>
        {
            Some(j + 3 + usize::from(toks.get(j + 3) == Some(&Tok::Sym('.'))))
        }
        _ => None,
    }
}

/// Up to 5 words before token `i`, nearest first, with their indices, and whether a `:` came
/// between. Stops at a number or a symbol, except `:` and the dot of `maks.` or `min.`
fn words_before<'a>(toks: &[Tok<'a>], i: usize) -> (Vec<(usize, &'a str)>, bool) {
    let (mut words, mut colon) = (Vec::new(), false);
    let mut j = i;
    while j > 0 && words.len() < 5 {
        j -= 1;
        match toks[j] {
            Tok::Word(w) => words.push((j, w)),
            Tok::Sym(':' | '=') => colon = true,
            Tok::Sym('.')
                if j > 0 && matches!(toks[j - 1], Tok::Word("maks" | "mak" | "max" | "min" | "jml" | "d")) => {}
            _ => break,
        }
    }
    (words, colon)
}

/// The marker before token `i`: ending at most two words before it (`minimal berisi 100 kata`,
/// `minimum of 100 words`).
fn marker_before(toks: &[Tok], i: usize) -> Option<Dir> {
    let (words, _) = words_before(toks, i);
    (0..words.len().min(3)).find_map(|k| {
        MARKERS
            .iter()
            .filter(|(m, _)| m.split(' ').rev().enumerate().all(|(n, w)| words.get(k + n).is_some_and(|x| x.1 == w)))
            .max_by_key(|(m, _)| m.len())
            .map(|(_, dir)| *dir)
    })
}

/// A marker right after the unit, unless a number follows it (`300 kata maks. 2 MB`: that
/// `maks.` is the next limit's).
fn marker_after(toks: &[Tok], j: usize) -> Option<Dir> {
    let (m, dir) = MARKERS_AFTER.iter().find(|(m, _)| phrase_at(toks, j, m))?;
    let mut k = j + m.split(' ').count();
    while matches!(toks.get(k), Some(Tok::Sym('.' | ':'))) {
        k += 1;
    }
    num_at(toks, k).is_none().then_some(*dir)
}

/// The unit of the next number when only connectors and markers come between
/// (`minimal 100, maksimal 300 kata`).
fn unit_ahead(toks: &[Tok], mut j: usize) -> Option<Unit> {
    for _ in 0..5 {
        match toks.get(j)? {
            Tok::Num(..) => return unit_after(toks, j + 1).map(|(u, _)| u),
            Tok::Sym(',' | '.' | '-' | '–' | '/') => {}
            Tok::Word("dan" | "and" | "atau" | "or" | "serta") => {}
            Tok::Word(w) if MARKERS.iter().any(|(m, _)| m.split(' ').any(|p| p == *w)) => {}
            _ => return None,
        }
        j += 1;
    }
    None
}

/// The unit written before a number that has none after it (`Jumlah kata maksimal 500`,
/// `Word limit: 250`): among the words before it, with a marker or a `:` to tie them.
fn unit_before(toks: &[Tok], i: usize, want: Unit) -> Option<Unit> {
    let (words, colon) = words_before(toks, i);
    let unit = words.iter().find_map(|&(j, _)| unit_at(toks, j).filter(|u| u.is(want)))?;
    (colon || marker_before(toks, i).is_some()).then_some(unit)
}
