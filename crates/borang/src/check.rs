//! The checker: a form snapshot in, a report out. Evaluation only; everything that can be
//! decided from the rules alone was decided when they were compiled.

use serde::Serialize;

use crate::count::{count, TextStats};
use crate::format::{self, FormatError};
use crate::messages::{self, Args, Key};
use crate::pattern::MAX_MATCH_STEPS;
use crate::rules::{Accept, Bounds, Compare, Condition, Format, Meta, Rules, Section};
use crate::spec::{CompareAs, CompareOp, Lang, Severity};
use crate::values::{FieldValue, FileMeta, Values};

/// The result of checking a whole form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// No error anywhere (warnings don't count).
    pub valid: bool,
    pub errors: u32,
    pub warnings: u32,
    /// Sections that apply and have nothing missing or wrong.
    pub complete: u32,
    /// Sections that apply (skipped ones are not counted).
    pub total: u32,
    pub sections: Vec<SectionReport>,
}

/// The result of checking one section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionReport {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub words: u32,
    pub chars: u32,
    pub chars_no_spaces: u32,
    /// The limits that applied.
    pub limits: AppliedLimits,
    pub messages: Vec<ReportMessage>,
}

/// A section's state, worst first: `skipped` when a condition excludes it, `empty` when
/// nothing was entered, then `error`, `warning`, `ok`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Error,
    Empty,
    Skipped,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportMessage {
    /// Which check: `required`, `words.max`, `words.min`, `words.warnAt`, `chars.max`,
    /// `chars.min`, `chars.warnAt`, `format`, `pattern`, `choice`, `checked.min`,
    /// `checked.max`, `files.accept`, `files.maxBytes`, `files.maxFiles`, `compare`.
    pub rule: &'static str,
    pub severity: Severity,
    pub text: String,
    /// The field the message is about, when it is about one field of the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Limits in force for a section; absent ones are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedLimits {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chars: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_files: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_bytes: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// The count from which a warning is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warn_at: Option<u32>,
}

impl Report {
    /// The form's totals over section reports (some of which may have been checked
    /// separately, on the keystroke path).
    pub fn from_sections(sections: Vec<SectionReport>) -> Report {
        let mut report = Report { valid: true, errors: 0, warnings: 0, complete: 0, total: 0, sections: Vec::new() };
        for s in sections.iter().filter(|s| s.status != Status::Skipped) {
            report.total += 1;
            let errors = s.messages.iter().filter(|m| m.severity == Severity::Error).count() as u32;
            report.errors += errors;
            report.warnings += s.messages.len() as u32 - errors;
            report.complete += u32::from(errors == 0);
        }
        report.valid = report.errors == 0;
        report.sections = sections;
        report
    }
}

impl Rules {
    /// Checks a whole form snapshot. Messages are in `lang`.
    ///
    /// # Example
    /// ```
    /// use borang::{Lang, Rules, Values};
    /// let rules = Rules::preset("kipp-2023").unwrap();
    /// let mut values = Values::new();
    /// values.text("ringkasan", "Inovasi ini mempercepat layanan.");
    /// let report = rules.check(&values, Lang::Id);
    /// assert!(!report.valid);
    /// assert_eq!(report.sections[1].words, 4);
    /// ```
    pub fn check(&self, values: &Values, lang: Lang) -> Report {
        Report::from_sections(self.sections.iter().map(|s| self.check_one(s, values, lang)).collect())
    }

    /// Checks one section (the keystroke path). `None` when no section has that id.
    pub fn check_section(&self, id: &str, values: &Values, lang: Lang) -> Option<SectionReport> {
        let section = self.sections.iter().find(|s| s.id == id)?;
        Some(self.check_one(section, values, lang))
    }

    fn check_one(&self, s: &Section, values: &Values, lang: Lang) -> SectionReport {
        let mut stats = TextStats::default();
        let mut empty = true;
        for value in s.fields.iter().filter_map(|f| values.get(f)) {
            if let FieldValue::Text(text) = value {
                let t = count(text, self.word_count);
                stats.words += t.words;
                stats.chars += t.chars;
                stats.chars_no_spaces += t.chars_no_spaces;
            }
            empty &= value.is_empty();
        }
        let mut out = SectionReport {
            id: s.id.clone(),
            title: s.title.clone(),
            status: Status::Ok,
            words: stats.words,
            chars: stats.chars,
            chars_no_spaces: stats.chars_no_spaces,
            limits: applied_limits(s),
            messages: Vec::new(),
        };
        if !s.when.iter().all(|c| c.holds(values)) {
            out.status = Status::Skipped;
            return out;
        }
        let mut cx = SectionCx { section: s, lang, messages: Vec::new() };
        if empty {
            if let Some(meta) = &s.required {
                cx.push("required", meta, Key::Required, Args::new(&s.title), None);
            }
            out.status = Status::Empty;
            out.messages = cx.messages;
            return out;
        }
        cx.bounds(
            &s.words,
            stats.words,
            ["words.min", "words.max", "words.warnAt"],
            [Key::WordsMin, Key::WordsMax, Key::WordsNear],
        );
        cx.bounds(
            &s.chars,
            stats.chars,
            ["chars.min", "chars.max", "chars.warnAt"],
            [Key::CharsMin, Key::CharsMax, Key::CharsNear],
        );
        let mut checked = 0u32;
        let mut files: Vec<(&str, &FileMeta)> = Vec::new();
        for field in &s.fields {
            match values.get(field) {
                Some(FieldValue::Text(text)) if !text.trim().is_empty() => {
                    checked += 1;
                    cx.text_value(field, text.trim(), values.label(field, 0));
                }
                Some(FieldValue::List(items)) => {
                    for (i, item) in items.iter().enumerate().filter(|(_, i)| !i.trim().is_empty()) {
                        checked += 1;
                        cx.choice(field, item.trim(), values.label(field, i));
                    }
                }
                Some(FieldValue::Files(list)) => files.extend(list.iter().map(|f| (field.as_str(), f))),
                _ => {}
            }
        }
        cx.checked(checked);
        cx.files(&files);
        for c in &s.compare {
            cx.compare(c, values, &self.sections);
        }
        out.status = match cx.messages.iter().map(|m| m.severity).min_by_key(|s| *s == Severity::Warning) {
            Some(Severity::Error) => Status::Error,
            Some(Severity::Warning) => Status::Warning,
            None => Status::Ok,
        };
        out.messages = cx.messages;
        out
    }
}

fn applied_limits(s: &Section) -> AppliedLimits {
    let range = |b: &Bounds| {
        let r = Range {
            min: b.min.as_ref().map(|x| x.0),
            max: b.max.as_ref().map(|x| x.0),
            warn_at: b.warn_from.as_ref().map(|x| x.0),
        };
        (r != Range::default()).then_some(r)
    };
    let checked =
        Range { min: s.checked_min.as_ref().map(|x| x.0), max: s.checked_max.as_ref().map(|x| x.0), warn_at: None };
    AppliedLimits {
        words: range(&s.words),
        chars: range(&s.chars),
        checked: (checked != Range::default()).then_some(checked),
        max_files: s.max_files.as_ref().map(|x| x.0),
        max_bytes: s.max_bytes.as_ref().map(|x| x.0),
    }
}

impl Condition {
    fn holds(&self, values: &Values) -> bool {
        let value = values.get(self.field());
        let any = |pred: &dyn Fn(&str, Option<&str>) -> bool| match value {
            Some(FieldValue::Text(t)) => pred(t.trim(), values.label(self.field(), 0)),
            Some(FieldValue::List(items)) => {
                items.iter().enumerate().any(|(i, item)| pred(item.trim(), values.label(self.field(), i)))
            }
            _ => false,
        };
        match self {
            Condition::Equals(_, v) => any(&|x, label| is_option(x, label, v)),
            Condition::NotEquals(_, v) => !any(&|x, label| is_option(x, label, v)),
            Condition::OneOf(_, vs) => any(&|x, label| vs.iter().any(|v| is_option(x, label, v))),
            Condition::Filled(_, want) => value.is_some_and(|v| !v.is_empty()) == *want,
        }
    }
}

/// Whether a chosen option is `wanted`: its value exactly, or its visible text with case and
/// runs of white space ignored ("Umum" for `<option value="3"> umum </option>`).
pub(crate) fn is_option(value: &str, label: Option<&str>, wanted: &str) -> bool {
    value == wanted || label.is_some_and(|l| !l.trim().is_empty() && loose(l) == loose(wanted))
}

fn loose(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

struct SectionCx<'r> {
    section: &'r Section,
    lang: Lang,
    messages: Vec<ReportMessage>,
}

impl SectionCx<'_> {
    fn push(&mut self, rule: &'static str, meta: &Meta, key: Key, args: Args, field: Option<&str>) {
        let text = messages::text(key, meta.message.as_ref(), self.lang, &args);
        let field = field.filter(|_| self.section.fields.len() > 1).map(str::to_owned);
        self.messages.push(ReportMessage { rule, severity: meta.severity, text, field });
    }

    fn n(&self, n: u64) -> String {
        messages::number(n, self.lang)
    }

    fn bounds(&mut self, b: &Bounds, count: u32, rules: [&'static str; 3], keys: [Key; 3]) {
        let title = &self.section.title;
        if let Some((max, meta)) = &b.max {
            if count > *max {
                let args = Args::new(title).with("count", self.n(count.into())).with("max", self.n((*max).into()));
                return self.push(rules[1], meta, keys[1], args, None);
            }
        }
        if let Some((min, meta)) = &b.min {
            if count < *min {
                let args = Args::new(title).with("count", self.n(count.into())).with("min", self.n((*min).into()));
                return self.push(rules[0], meta, keys[0], args, None);
            }
        }
        if let (Some((from, meta)), Some((max, _))) = (&b.warn_from, &b.max) {
            if count >= *from {
                let args = Args::new(title).with("count", self.n(count.into())).with("max", self.n((*max).into()));
                self.push(rules[2], meta, keys[2], args, None);
            }
        }
    }

    fn text_value(&mut self, field: &str, text: &str, label: Option<&str>) {
        let s = self.section;
        if let Some((format, meta)) = &s.format {
            if let Some((key, args)) = format_problem(&s.title, self.lang, format, text) {
                self.push("format", meta, key, args, Some(field));
            }
        }
        if let Some((pattern, description, meta)) = &s.pattern {
            let matched = pattern.is_match_within(text, MAX_MATCH_STEPS);
            if matched.is_none() {
                // Not the applicant's fault, and nothing to block on: say the format went
                // unchecked (the rules' own message is about a mismatch, so not that one).
                let meta = Meta { severity: Severity::Warning, message: None };
                self.push("pattern", &meta, Key::PatternTooCostly, Args::new(&s.title), Some(field));
            } else if matched == Some(false) {
                let (key, args) = match description.as_ref().and_then(|d| d.get(self.lang)) {
                    Some(d) => (Key::PatternDescribed, Args::new(&s.title).with("description", d)),
                    None => (Key::Pattern, Args::new(&s.title)),
                };
                self.push("pattern", meta, key, args.with("value", text), Some(field));
            }
        }
        self.choice(field, text, label);
    }

    /// Every chosen option must be in the list, by its value or its visible text.
    fn choice(&mut self, field: &str, value: &str, label: Option<&str>) {
        let s = self.section;
        if let Some((options, meta)) = &s.choice {
            if !options.iter().any(|o| is_option(value, label, o)) {
                // Name the option as the applicant saw it.
                let shown = label.map(str::trim).filter(|l| !l.is_empty()).unwrap_or(value);
                self.push("choice", meta, Key::Choice, Args::new(&s.title).with("value", shown), Some(field));
            }
        }
    }

    fn checked(&mut self, count: u32) {
        let s = self.section;
        if let Some((min, meta)) = &s.checked_min {
            if count < *min {
                let args = Args::new(&s.title).with("count", self.n(count.into())).with("min", self.n((*min).into()));
                self.push("checked.min", meta, Key::CheckedMin, args, None);
            }
        }
        if let Some((max, meta)) = &s.checked_max {
            if count > *max {
                let args = Args::new(&s.title).with("count", self.n(count.into())).with("max", self.n((*max).into()));
                self.push("checked.max", meta, Key::CheckedMax, args, None);
            }
        }
    }

    fn files(&mut self, files: &[(&str, &FileMeta)]) {
        let s = self.section;
        for (field, file) in files {
            if let Some((accept, meta)) = &s.accept {
                if !accept.iter().any(|a| a.allows(file)) {
                    let names = Accept::labels(accept);
                    let args = Args::new(&s.title)
                        .with("file", file.name.as_str())
                        .with("accept", messages::list_or(&names, self.lang));
                    self.push("files.accept", meta, Key::FileType, args, Some(field));
                }
            }
            if let Some((max, meta)) = &s.max_bytes {
                if file.size > *max {
                    let args = Args::new(&s.title)
                        .with("file", file.name.as_str())
                        .with("size", messages::file_size(file.size, self.lang))
                        .with("max", messages::file_size(*max, self.lang));
                    self.push("files.maxBytes", meta, Key::FileSize, args, Some(field));
                }
            }
        }
        if let Some((max, meta)) = &s.max_files {
            if files.len() as u64 > u64::from(*max) {
                let args =
                    Args::new(&s.title).with("count", self.n(files.len() as u64)).with("max", self.n((*max).into()));
                self.push("files.maxFiles", meta, Key::FileCount, args, None);
            }
        }
    }

    fn compare(&mut self, c: &Compare, values: &Values, sections: &[Section]) {
        let s = self.section;
        let first_text = |field: &str| match values.get(field) {
            Some(FieldValue::Text(t)) if !t.trim().is_empty() => Some(t.trim()),
            _ => None,
        };
        let (Some(mine), Some(theirs)) = (s.fields.iter().find_map(|f| first_text(f)), first_text(&c.field)) else {
            return;
        };
        let kind = c.as_kind.or(match &s.format {
            Some((Format::Date { .. }, _)) => Some(CompareAs::Date),
            Some((Format::Number { .. }, _)) => Some(CompareAs::Number),
            _ => None,
        });
        // Without a kind, values are read as dates first, then as numbers.
        let kinds = match kind {
            Some(k) => [Some(k), None],
            None => [Some(CompareAs::Date), Some(CompareAs::Number)],
        };
        let read = kinds.into_iter().flatten().find_map(|k| order(k, mine, theirs).map(|o| (k, o)));
        // Values that don't read as dates or numbers are the format check's business.
        let Some((read_as, ordering)) = read else { return };
        use std::cmp::Ordering::*;
        let holds = match c.op {
            CompareOp::Lt => ordering == Less,
            CompareOp::Le => ordering != Greater,
            CompareOp::Gt => ordering == Greater,
            CompareOp::Ge => ordering != Less,
            CompareOp::Eq => ordering == Equal,
            CompareOp::Ne => ordering != Equal,
        };
        if holds {
            return;
        }
        let other =
            sections.iter().find(|o| o.fields.contains(&c.field)).map_or(c.field.as_str(), |o| o.title.as_str());
        let args = Args::new(&s.title)
            .with("other", other)
            .with("relation", relation(c.op, read_as == CompareAs::Date, self.lang))
            .with("value", mine);
        self.push("compare", &c.meta, Key::Compare, args, None);
    }
}

/// What is wrong with `text` for `format`, if anything.
fn format_problem<'a>(title: &'a str, lang: Lang, format: &Format, text: &'a str) -> Option<(Key, Args<'a>)> {
    let args = Args::new(title).with("value", text);
    match format {
        Format::Url { hosts } => match format::parse_url(text) {
            Err(FormatError::MissingScheme) => Some((Key::UrlScheme, args)),
            Err(_) => Some((Key::UrlInvalid, args)),
            Ok(url) if !hosts.is_empty() && !hosts.iter().any(|h| format::host_matches(url.host, h)) => {
                let host = url.host.to_owned();
                Some((Key::UrlHost, args.with("hosts", messages::list_or(hosts, lang)).with("host", host)))
            }
            Ok(_) => None,
        },
        Format::Email => format::parse_email(text).err().map(|_| (Key::Email, args)),
        Format::Phone => format::parse_phone_id(text).err().map(|_| (Key::Phone, args)),
        Format::Digits { count, .. } => match format::parse_digits(text, *count) {
            Ok(()) => None,
            Err(FormatError::WrongDigitCount { found }) => {
                Some((Key::DigitsCount, args.with("digits", count.to_string()).with("count", found.to_string())))
            }
            Err(_) => Some((Key::DigitsOnly, args.with("digits", count.to_string()))),
        },
        Format::Number { min, max } => match format::parse_number(text) {
            Err(_) => Some((Key::Number, args)),
            Ok(x) if min.is_some_and(|m| x < m) => {
                Some((Key::NumberMin, args.with("min", messages::decimal(min.unwrap_or_default(), lang))))
            }
            Ok(x) if max.is_some_and(|m| x > m) => {
                Some((Key::NumberMax, args.with("max", messages::decimal(max.unwrap_or_default(), lang))))
            }
            Ok(_) => None,
        },
        Format::Date { min, max } => match format::parse_date(text) {
            Err(_) => Some((Key::Date, args)),
            Ok(d) => match (min, max) {
                (Some(m), _) if d < *m => Some((Key::DateMin, args.with("min", messages::date(*m, lang)))),
                (_, Some(m)) if d > *m => Some((Key::DateMax, args.with("max", messages::date(*m, lang)))),
                _ => None,
            },
        },
    }
}

/// How `a` compares with `b` read as `kind`; `None` when either doesn't read.
fn order(kind: CompareAs, a: &str, b: &str) -> Option<std::cmp::Ordering> {
    match kind {
        CompareAs::Date => Some(format::parse_date(a).ok()?.cmp(&format::parse_date(b).ok()?)),
        CompareAs::Number => format::parse_number(a).ok()?.partial_cmp(&format::parse_number(b).ok()?),
    }
}

fn relation(op: CompareOp, dates: bool, lang: Lang) -> &'static str {
    use CompareOp::*;
    match (lang, dates, op) {
        (Lang::Id, true, Lt) => "sebelum",
        (Lang::Id, true, Le) => "paling lambat",
        (Lang::Id, true, Gt) => "setelah",
        (Lang::Id, true, Ge) => "paling cepat",
        (Lang::Id, false, Lt) => "lebih kecil dari",
        (Lang::Id, false, Le) => "paling banyak",
        (Lang::Id, false, Gt) => "lebih besar dari",
        (Lang::Id, false, Ge) => "paling sedikit",
        (Lang::Id, _, Eq) => "sama dengan",
        (Lang::Id, _, Ne) => "berbeda dari",
        (Lang::En, true, Lt) => "before",
        (Lang::En, true, Le) => "on or before",
        (Lang::En, true, Gt) => "after",
        (Lang::En, true, Ge) => "on or after",
        (Lang::En, false, Lt) => "less than",
        (Lang::En, false, Le) => "at most",
        (Lang::En, false, Gt) => "greater than",
        (Lang::En, false, Ge) => "at least",
        (Lang::En, _, Eq) => "the same as",
        (Lang::En, _, Ne) => "different from",
    }
}

impl Accept {
    fn allows(&self, file: &FileMeta) -> bool {
        match self {
            Accept::Extension(ext) => file.name.rsplit_once('.').is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext)),
            Accept::Mime(m) => file.mime.eq_ignore_ascii_case(m),
            Accept::MimePrefix(p) => file.mime.to_ascii_lowercase().starts_with(p.as_str()),
        }
    }

    /// How the accepted types are named to the applicant: by extension ("PDF") when the
    /// rules give any, else by MIME type.
    fn labels(accept: &[Accept]) -> Vec<String> {
        let extensions: Vec<String> = accept
            .iter()
            .filter_map(|a| if let Accept::Extension(e) = a { Some(e.to_ascii_uppercase()) } else { None })
            .collect();
        if !extensions.is_empty() {
            return extensions;
        }
        accept
            .iter()
            .map(|a| match a {
                Accept::Extension(e) => e.to_ascii_uppercase(),
                Accept::Mime(m) => m.clone(),
                Accept::MimePrefix(p) => format!("{p}*"),
            })
            .collect()
    }
}
