//! `files`: file inputs, checked from the files' name, type and size.
//!
//! ```json
//! "files": {"accept": [".pdf", "image/*"], "maxBytes": 5242880, "maxFiles": 1}
//! ```

use schemars::JsonSchema;

use super::Kind;
use crate::check::{AppliedLimits, SectionCx};
use crate::known_keys;
use crate::messages::{self, Args, Key};
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{group_meta, member, Meta, Section, SectionInfo};
use crate::spec::{Check, Message, Severity};
use crate::value::Value;
use crate::values::{FieldValue, FileMeta, Values};

/// The rule ids in reports.
pub(crate) const RULES: &[&str] = &["files.accept", "files.maxBytes", "files.maxFiles"];

/// Checks on file inputs, from the files' name, type and size. `severity` and `message` apply
/// to each of them unless it gives its own.
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FilesSpec {
    /// Like HTML `accept`: extensions (`.pdf`) and MIME types (`application/pdf`, `image/*`).
    pub accept: Option<Check<Vec<String>>>,
    /// Largest size of one file, in bytes.
    pub max_bytes: Option<Check<u64>>,
    /// Most files in the section.
    pub max_files: Option<Check<u32>>,
    pub severity: Option<Severity>,
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub message: Option<Message>,
}

impl FromValue for FilesSpec {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        let o = cx.object(v, known_keys::FILES_SPEC)?;
        Some(FilesSpec {
            accept: o.opt(cx, "accept"),
            max_bytes: o.opt(cx, "maxBytes"),
            max_files: o.opt(cx, "maxFiles"),
            severity: o.opt(cx, "severity"),
            message: o.opt(cx, "message"),
        })
    }
}

/// One entry of `accept`.
#[derive(Debug, Clone)]
pub(crate) enum Accept {
    Extension(String),
    Mime(String),
    MimePrefix(String),
}

impl Accept {
    /// An entry as HTML `accept` and rules files write it: `.pdf`, `image/*`,
    /// `application/pdf` (case and surrounding spaces ignored).
    pub(crate) fn parse(entry: &str) -> Option<Accept> {
        let a = entry.trim().to_ascii_lowercase();
        if let Some(ext) = a.strip_prefix('.').filter(|e| !e.is_empty() && !crate::format::has_char(e, '/')) {
            Some(Accept::Extension(ext.to_owned()))
        } else if let Some(prefix) = a.strip_suffix("/*").filter(|p| !p.is_empty() && !crate::format::has_char(p, '/')) {
            Some(Accept::MimePrefix(format!("{prefix}/")))
        } else if a.split('/').count() == 2 && a.split('/').all(|p| !p.is_empty()) {
            Some(Accept::Mime(a))
        } else {
            None
        }
    }

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

impl std::fmt::Display for Accept {
    /// As written in an HTML `accept` attribute.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Accept::Extension(ext) => write!(f, ".{ext}"),
            Accept::Mime(mime) => write!(f, "{mime}"),
            Accept::MimePrefix(prefix) => write!(f, "{prefix}*"),
        }
    }
}

/// Compiled `files`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Files {
    pub accept: Option<(Vec<Accept>, Meta)>,
    pub max_bytes: Option<(u64, Meta)>,
    pub max_files: Option<(u32, Meta)>,
}

/// The kind `files`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = FilesSpec;
    type Schema = FilesSpec;
    type Compiled = Files;
    const DOC: &'static str = "File inputs.";
    const KEYS: &'static [Key] = &[Key::FileType, Key::FileSize, Key::FileCount];

    fn compile(cx: &mut Cx, spec: FilesSpec, _: &[String]) -> Files {
        compile(cx, spec)
    }

    /// The section's files, field by field, against `files`.
    fn values(f: &Files, cx: &mut SectionCx, values: &Values, _: &[Section]) {
        if f.accept.is_none() && f.max_bytes.is_none() && f.max_files.is_none() {
            return;
        }
        let s = cx.section;
        let mut count = 0u64;
        for field in &s.fields {
            let Some(FieldValue::Files(list)) = values.get(field) else { continue };
            count += list.len() as u64;
            for file in list {
                check_file(f, cx, field, file);
            }
        }
        if let Some((max, meta)) = &f.max_files {
            if count > u64::from(*max) {
                let args = Args::new(&s.title).with("count", cx.n(count)).with("max", cx.n((*max).into()));
                cx.push(RULES[2], meta, Key::FileCount, args, None);
            }
        }
    }

    fn limits(f: &Files, limits: &mut AppliedLimits) {
        limits.max_files = f.max_files.as_ref().map(|x| x.0);
        limits.max_bytes = f.max_bytes.as_ref().map(|x| x.0);
    }

    fn info(f: &Files, info: &mut SectionInfo) {
        info.accept = f.accept.as_ref().map(|(accept, _)| accept.iter().map(Accept::to_string).collect());
    }
}

/// One file of `field` against `accept` and `maxBytes`.
fn check_file(f: &Files, cx: &mut SectionCx, field: &str, file: &FileMeta) {
    let title = &cx.section.title;
    if let Some((accept, meta)) = &f.accept {
        if !accept.iter().any(|a| a.allows(file)) {
            let names = Accept::labels(accept);
            let args =
                Args::new(title).with("file", file.name.as_str()).with("accept", messages::list_or(&names, cx.lang));
            cx.push(RULES[0], meta, Key::FileType, args, Some(field));
        }
    }
    if let Some((max, meta)) = &f.max_bytes {
        if file.size > *max {
            let args = Args::new(title)
                .with("file", file.name.as_str())
                .with("size", messages::file_size(file.size, cx.lang))
                .with("max", messages::file_size(*max, cx.lang));
            cx.push(RULES[1], meta, Key::FileSize, args, Some(field));
        }
    }
}

/// Compiles `files` (called under the key `files`).
fn compile(cx: &mut Cx, f: FilesSpec) -> Files {
    let group = group_meta(cx, f.severity, f.message);
    let accept = member(cx, "accept", f.accept, &group).map(|(list, meta)| {
        let parsed = list
            .into_iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let parsed = Accept::parse(&a);
                if parsed.is_none() {
                    cx.key("accept", |cx| {
                        cx.index(i, |cx| {
                            cx.invalid(
                                Code::InvalidValue,
                                "not a file type",
                                "an extension such as \".pdf\" or a MIME type such as \"application/pdf\"",
                                &Value::String(a.trim().to_ascii_lowercase()),
                            )
                        })
                    });
                }
                parsed
            })
            .collect::<Vec<_>>();
        (parsed, meta)
    });
    let max_bytes = member(cx, "maxBytes", f.max_bytes, &group);
    if let Some((0, _)) = max_bytes {
        cx.key("maxBytes", |cx| cx.expected_with(Code::OutOfRange, "a size above 0", "0"));
    }
    let max_files = member(cx, "maxFiles", f.max_files, &group);
    if let Some((0, _)) = max_files {
        cx.key("maxFiles", |cx| cx.expected_with(Code::OutOfRange, "at least 1", "0"));
    }
    Files { accept, max_bytes, max_files }
}
