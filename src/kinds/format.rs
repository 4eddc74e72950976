//! `format`: the text must be a link, an e-mail address, a phone number, a NIP or NIK, a
//! number or a date (parsed by [`crate::format`]).
//!
//! ```json
//! "format": "email"
//! "format": {"type": "url", "hosts": ["youtube.com"]}
//! "format": {"type": "date", "min": "2024-01-01", "severity": "warning"}
//! ```

use schemars::JsonSchema;

use super::Kind;
use crate::check::SectionCx;
use crate::format::{self as parse, Date, FormatError};
use crate::known_keys;
use crate::messages::{self, Args, Key};
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{meta, Meta, SectionInfo};
use crate::spec::{enum_from, Detailed, InlineMeta, Lang, Message, Severity};
use crate::value::Value;

/// The rule id in reports.
pub(crate) const RULE: &str = "format";
/// Its messages in the catalogue.
const KEYS: &[Key] = &[
    Key::UrlInvalid,
    Key::UrlScheme,
    Key::UrlHost,
    Key::Email,
    Key::Phone,
    Key::DigitsCount,
    Key::DigitsOnly,
    Key::Number,
    Key::NumberMin,
    Key::NumberMax,
    Key::Date,
    Key::DateMin,
    Key::DateMax,
];

// Schema-only types for the shorthands the reader accepts, so editors accept them too.

/// A format type alone (`"email"`), a format check with options, or either as the `value`
/// of `{"value", "severity", "message"}`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum FormatSchema {
    Kind(FormatKind),
    Full(FormatSpec),
    Wrapped(Detailed<FormatValueSchema>),
}

/// A format type alone or a format check with options.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum FormatValueSchema {
    Kind(FormatKind),
    Full(FormatSpec),
}

/// The kinds of value a format check knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FormatKind {
    /// An http(s) link; `hosts` may restrict it (`youtube.com` also allows `www.` and `m.`).
    Url,
    /// An e-mail address.
    Email,
    /// An Indonesian phone number (+62, 62 or 0 prefix).
    Phone,
    /// Nomor Induk Pegawai: 18 digits.
    Nip,
    /// Nomor Induk Kependudukan: 16 digits.
    Nik,
    /// A number as Indonesians write it (`1.500.000,50`, `Rp1.500.000`); `min`/`max` are numbers.
    Number,
    /// A date (`2025-05-06`, `06/05/2025`, `6 Mei 2025`); `min`/`max` are `YYYY-MM-DD`.
    Date,
}

/// A format check.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FormatSpec {
    #[serde(rename = "type")]
    pub kind: FormatKind,
    /// For `url`: the hosts allowed (subdomains included).
    pub hosts: Option<Vec<String>>,
    /// For `number` and `date`: the smallest value allowed.
    pub min: Option<NumberOrDate>,
    /// For `number` and `date`: the largest value allowed.
    pub max: Option<NumberOrDate>,
    pub severity: Option<Severity>,
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub message: Option<Message>,
}

/// A number, or a date as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum NumberOrDate {
    Number(f64),
    Date(String),
}

impl FromValue for FormatKind {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        use FormatKind::*;
        let kinds = [
            ("url", Url),
            ("email", Email),
            ("phone", Phone),
            ("nip", Nip),
            ("nik", Nik),
            ("number", Number),
            ("date", Date),
        ];
        enum_from(cx, v, &kinds)
    }
}

impl FromValue for NumberOrDate {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        match v {
            Value::Number(n) if n.is_finite() => Some(NumberOrDate::Number(*n)),
            Value::String(s) => Some(NumberOrDate::Date(s.clone())),
            other => {
                cx.expected("a number or a date \"YYYY-MM-DD\"", other.describe());
                None
            }
        }
    }
}

impl InlineMeta for FormatSpec {
    fn meta_mut(&mut self) -> (&mut Option<Severity>, &mut Option<Message>) {
        (&mut self.severity, &mut self.message)
    }
}

impl FromValue for FormatSpec {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        if let Some(wrapped) = Self::read_wrapped(cx, v, FormatSpec::read_plain) {
            return wrapped;
        }
        Self::read_plain(cx, v)
    }
}

impl FormatSpec {
    fn read_plain(cx: &mut Cx, v: &Value) -> Option<Self> {
        if let Value::String(_) = v {
            // `"format": "email"` is short for `{"type": "email"}`.
            let kind = FormatKind::from_value(cx, v)?;
            return Some(FormatSpec { kind, hosts: None, min: None, max: None, severity: None, message: None });
        }
        let o = cx.object(v, known_keys::FORMAT_SPEC)?;
        let kind = o.req(cx, "type", "a format type");
        let spec = FormatSpec {
            kind: kind.unwrap_or(FormatKind::Url),
            hosts: o.opt(cx, "hosts"),
            min: o.opt(cx, "min"),
            max: o.opt(cx, "max"),
            severity: o.opt(cx, "severity"),
            message: o.opt(cx, "message"),
        };
        kind.map(|_| spec)
    }
}

/// A compiled format.
#[derive(Debug, Clone)]
pub(crate) enum Format {
    Url { hosts: Vec<String> },
    Email,
    Phone,
    Digits { count: usize },
    Number { min: Option<f64>, max: Option<f64> },
    Date { min: Option<Date>, max: Option<Date> },
}

impl Format {
    /// The name the DOM layer knows the format by.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Format::Url { .. } => "url",
            Format::Email => "email",
            Format::Phone => "phone",
            Format::Digits { .. } => "digits",
            Format::Number { .. } => "number",
            Format::Date { .. } => "date",
        }
    }
}

/// The kind `format`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = FormatSpec;
    type Schema = FormatSchema;
    type Compiled = Option<(Format, Meta)>;
    const DOC: &'static str = "The text must be of this format.";
    const KEYS: &'static [Key] = KEYS;

    fn compile(cx: &mut Cx, spec: FormatSpec, _: &[String]) -> Self::Compiled {
        compile(cx, spec)
    }

    /// One text value of `field` against the section's `format`.
    fn text(format: &Self::Compiled, cx: &mut SectionCx, field: &str, text: &str, _: Option<&str>) {
        if let Some((format, meta)) = format {
            if let Some((key, args)) = problem(&cx.section.title, cx.lang, format, text) {
                cx.push(RULE, meta, key, args, Some(field));
            }
        }
    }

    fn info(format: &Self::Compiled, info: &mut SectionInfo) {
        info.format = format.as_ref().map(|(f, _)| f.name());
    }
}

/// Compiles `format` (called under the key `format`).
fn compile(cx: &mut Cx, f: FormatSpec) -> Option<(Format, Meta)> {
    let meta = meta(cx, f.severity, f.message);
    let kind = f.kind;
    if f.hosts.is_some() && kind != FormatKind::Url {
        cx.key("hosts", |cx| cx.problem(Code::NotApplicable, "`hosts` applies to the `url` format only"));
    }
    if (f.min.is_some() || f.max.is_some()) && !matches!(kind, FormatKind::Number | FormatKind::Date) {
        cx.problem(Code::NotApplicable, "`min` and `max` apply to the `number` and `date` formats only");
    }
    let format = match kind {
        FormatKind::Url => {
            let hosts = f.hosts.unwrap_or_default();
            for (i, h) in hosts.iter().enumerate() {
                let ok = !h.is_empty()
                    && h.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                    && !h.starts_with('.');
                if !ok {
                    cx.key("hosts", |cx| {
                        cx.index(i, |cx| {
                            cx.invalid(
                                Code::InvalidValue,
                                "not a host name",
                                "a host such as \"youtube.com\"",
                                &Value::String(h.clone()),
                            )
                        })
                    });
                }
            }
            Format::Url { hosts: hosts.into_iter().map(|h| h.to_ascii_lowercase()).collect() }
        }
        FormatKind::Email => Format::Email,
        FormatKind::Phone => Format::Phone,
        FormatKind::Nip => Format::Digits { count: 18 },
        FormatKind::Nik => Format::Digits { count: 16 },
        FormatKind::Number => {
            let num = |cx: &mut Cx, key: &str, v: Option<NumberOrDate>| match v {
                Some(NumberOrDate::Number(n)) => Some(n),
                Some(NumberOrDate::Date(s)) => {
                    cx.key(key, |cx| cx.expected("a number", format!("{s:?}")));
                    None
                }
                None => None,
            };
            let (min, max) = (num(cx, "min", f.min), num(cx, "max", f.max));
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo > hi {
                    cx.key("min", |cx| {
                        cx.expected_with(Code::MinAboveMax, "at most max", messages::decimal(lo, Lang::En))
                    });
                }
            }
            Format::Number { min, max }
        }
        FormatKind::Date => {
            let day = |cx: &mut Cx, key: &str, v: Option<NumberOrDate>| match v {
                Some(NumberOrDate::Date(s)) => {
                    let d = Date::parse_iso(&s);
                    if d.is_none() {
                        cx.key(key, |cx| {
                            cx.expected_with(Code::InvalidValue, "a date \"YYYY-MM-DD\"", format!("{s:?}"))
                        });
                    }
                    d
                }
                Some(NumberOrDate::Number(n)) => {
                    cx.key(key, |cx| cx.expected("a date \"YYYY-MM-DD\"", messages::decimal(n, Lang::En)));
                    None
                }
                None => None,
            };
            let (min, max) = (day(cx, "min", f.min), day(cx, "max", f.max));
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo > hi {
                    cx.key("min", |cx| {
                        cx.expected_with(Code::MinAboveMax, format!("not after max ({hi})"), lo.to_string())
                    });
                }
            }
            Format::Date { min, max }
        }
    };
    Some((format, meta))
}

/// What is wrong with `text` for `format`, if anything.
fn problem<'a>(title: &'a str, lang: Lang, format: &Format, text: &'a str) -> Option<(Key, Args<'a>)> {
    let args = Args::new(title).with("value", text);
    match format {
        Format::Url { hosts } => match parse::parse_url(text) {
            Err(FormatError::MissingScheme) => Some((Key::UrlScheme, args)),
            Err(_) => Some((Key::UrlInvalid, args)),
            Ok(url) if !hosts.is_empty() && !hosts.iter().any(|h| parse::host_matches(url.host, h)) => {
                let host = url.host.to_owned();
                Some((Key::UrlHost, args.with("hosts", messages::list_or(hosts, lang)).with("host", host)))
            }
            Ok(_) => None,
        },
        Format::Email => parse::parse_email(text).err().map(|_| (Key::Email, args)),
        Format::Phone => parse::parse_phone_id(text).err().map(|_| (Key::Phone, args)),
        Format::Digits { count, .. } => match parse::parse_digits(text, *count) {
            Ok(()) => None,
            Err(FormatError::WrongDigitCount { found }) => {
                Some((Key::DigitsCount, args.with("digits", count.to_string()).with("count", found.to_string())))
            }
            Err(_) => Some((Key::DigitsOnly, args.with("digits", count.to_string()))),
        },
        Format::Number { min, max } => match parse::parse_number(text) {
            Err(_) => Some((Key::Number, args)),
            Ok(x) if min.is_some_and(|m| x < m) => {
                Some((Key::NumberMin, args.with("min", messages::decimal(min.unwrap_or_default(), lang))))
            }
            Ok(x) if max.is_some_and(|m| x > m) => {
                Some((Key::NumberMax, args.with("max", messages::decimal(max.unwrap_or_default(), lang))))
            }
            Ok(_) => None,
        },
        Format::Date { min, max } => match parse::parse_date(text) {
            Err(_) => Some((Key::Date, args)),
            Ok(d) => match (min, max) {
                (Some(m), _) if d < *m => Some((Key::DateMin, args.with("min", messages::date(*m, lang)))),
                (_, Some(m)) if d > *m => Some((Key::DateMax, args.with("max", messages::date(*m, lang)))),
                _ => None,
            },
        },
    }
}
