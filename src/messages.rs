//! Message catalogues: Indonesian first, English. Every check has a default message in both
//! languages; a rules file may replace any of them with its own, using the same placeholders.

use crate::spec::{Lang, Message};

/// Which message. The catalogue holds one template per key and language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Required,
    WordsMax,
    WordsMin,
    WordsNear,
    CharsMax,
    CharsMin,
    CharsNear,
    UrlInvalid,
    UrlScheme,
    UrlHost,
    Email,
    Phone,
    DigitsCount,
    DigitsOnly,
    Number,
    NumberMin,
    NumberMax,
    Date,
    DateMin,
    DateMax,
    Pattern,
    PatternDescribed,
    PatternTooCostly,
    Choice,
    CheckedMin,
    CheckedMax,
    FileType,
    FileSize,
    FileCount,
    Compare,
}

/// Every key, for tests that each belongs to one rule kind.
#[cfg(test)]
pub(crate) const ALL_KEYS: &[Key] = &[
    Key::Required,
    Key::WordsMax,
    Key::WordsMin,
    Key::WordsNear,
    Key::CharsMax,
    Key::CharsMin,
    Key::CharsNear,
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
    Key::Pattern,
    Key::PatternDescribed,
    Key::PatternTooCostly,
    Key::Choice,
    Key::CheckedMin,
    Key::CheckedMax,
    Key::FileType,
    Key::FileSize,
    Key::FileCount,
    Key::Compare,
];

/// The placeholders a template may use. Custom messages are checked against this list.
pub(crate) const PLACEHOLDERS: &[&str] = &[
    "title",
    "count",
    "min",
    "max",
    "value",
    "host",
    "hosts",
    "digits",
    "description",
    "file",
    "accept",
    "size",
    "other",
    "relation",
];

fn template(key: Key, lang: Lang) -> &'static str {
    use Key::*;
    match lang {
        Lang::Id => match key {
            Required => "{title} wajib diisi.",
            WordsMax => "{title} berisi {count} kata; batasnya {max} kata.",
            WordsMin => "{title} baru berisi {count} kata; minimal {min} kata.",
            WordsNear => "{title} berisi {count} kata, mendekati batas {max} kata.",
            CharsMax => "{title} berisi {count} karakter; batasnya {max} karakter.",
            CharsMin => "{title} baru berisi {count} karakter; minimal {min} karakter.",
            CharsNear => "{title} berisi {count} karakter, mendekati batas {max} karakter.",
            UrlInvalid => "{title} bukan tautan yang valid.",
            UrlScheme => "Tautan pada {title} harus diawali https://.",
            UrlHost => "Tautan pada {title} harus mengarah ke {hosts}; tautan ini mengarah ke {host}.",
            Email => "{title} bukan alamat surel yang valid.",
            Phone => "{title} bukan nomor telepon Indonesia yang valid (contoh: 0812-3456-7890).",
            DigitsCount => "{title} harus {digits} digit angka; ditemukan {count} digit.",
            DigitsOnly => "{title} hanya boleh berisi angka.",
            Number => "{title} harus berupa angka.",
            NumberMin => "{title} paling sedikit {min}.",
            NumberMax => "{title} paling banyak {max}.",
            Date => "{title} bukan tanggal yang valid.",
            DateMin => "{title} tidak boleh sebelum {min}.",
            DateMax => "{title} tidak boleh setelah {max}.",
            Pattern => "{title} tidak sesuai format yang diminta.",
            PatternDescribed => "{title} harus berupa {description}.",
            PatternTooCostly => "Format {title} tidak dapat diperiksa pada teks sepanjang ini (pola terlalu berat).",
            Choice => "Pilihan \u{201c}{value}\u{201d} pada {title} tidak tersedia.",
            CheckedMin => "Pilih paling sedikit {min} pada {title}; baru {count} dipilih.",
            CheckedMax => "Pilih paling banyak {max} pada {title}; {count} dipilih.",
            FileType => "Berkas {file} pada {title} harus berformat {accept}.",
            FileSize => "Berkas {file} pada {title} berukuran {size}; batasnya {max}.",
            FileCount => "{title} berisi {count} berkas; paling banyak {max} berkas.",
            Compare => "{title} harus {relation} {other}.",
        },
        Lang::En => match key {
            Required => "{title} is required.",
            WordsMax => "{title} has {count} words; the limit is {max}.",
            WordsMin => "{title} has {count} words; it needs at least {min}.",
            WordsNear => "{title} has {count} words, close to the limit of {max}.",
            CharsMax => "{title} has {count} characters; the limit is {max}.",
            CharsMin => "{title} has {count} characters; it needs at least {min}.",
            CharsNear => "{title} has {count} characters, close to the limit of {max}.",
            UrlInvalid => "{title} is not a valid link.",
            UrlScheme => "The link in {title} must start with https://.",
            UrlHost => "The link in {title} must point to {hosts}; this one points to {host}.",
            Email => "{title} is not a valid e-mail address.",
            Phone => "{title} is not a valid Indonesian phone number (e.g. 0812-3456-7890).",
            DigitsCount => "{title} must have {digits} digits; found {count}.",
            DigitsOnly => "{title} may contain digits only.",
            Number => "{title} must be a number.",
            NumberMin => "{title} must be at least {min}.",
            NumberMax => "{title} must be at most {max}.",
            Date => "{title} is not a valid date.",
            DateMin => "{title} must not be before {min}.",
            DateMax => "{title} must not be after {max}.",
            Pattern => "{title} does not have the required format.",
            PatternDescribed => "{title} must be {description}.",
            PatternTooCostly => {
                "The format of {title} cannot be checked on a text this long (the pattern is too costly)."
            }
            Choice => "\u{201c}{value}\u{201d} is not one of the options of {title}.",
            CheckedMin => "Choose at least {min} in {title}; {count} chosen.",
            CheckedMax => "Choose at most {max} in {title}; {count} chosen.",
            FileType => "The file {file} in {title} must be {accept}.",
            FileSize => "The file {file} in {title} is {size}; the limit is {max}.",
            FileCount => "{title} has {count} files; at most {max} are allowed.",
            Compare => "{title} must be {relation} {other}.",
        },
    }
}

/// Values for a template's placeholders.
#[derive(Debug, Default)]
pub(crate) struct Args<'a> {
    pairs: Vec<(&'static str, std::borrow::Cow<'a, str>)>,
}

impl<'a> Args<'a> {
    pub(crate) fn new(title: &'a str) -> Self {
        Args { pairs: vec![("title", title.into())] }
    }

    pub(crate) fn with(mut self, name: &'static str, value: impl Into<std::borrow::Cow<'a, str>>) -> Self {
        self.pairs.push((name, value.into()));
        self
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
    }
}

/// The text of a message: the rules file's own in `lang` if it has one (falling back to its
/// other language only when the catalogue has no better choice), else the catalogue's.
pub(crate) fn text(key: Key, custom: Option<&Message>, lang: Lang, args: &Args) -> String {
    render(custom.and_then(|m| m.get(lang)).unwrap_or_else(|| template(key, lang)), args)
}

/// Replaces `{name}` by its value; unknown names and lone braces are kept as written.
pub(crate) fn render(template: &str, args: &Args) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if args.get(name).is_some() => {
                out.push_str(args.get(name).unwrap_or_default());
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholders in `template` that no message knows, for linting custom messages.
pub(crate) fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let looks_like_placeholder = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if looks_like_placeholder && !PLACEHOLDERS.contains(&name) {
            out.push(name.to_owned());
        }
        rest = &after[close + 1..];
    }
    out
}

/// A count as people write it: `20.000` in Indonesian, `20,000` in English.
pub(crate) fn number(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A decimal number as people write it (`1.500.000,5` / `1,500,000.5`).
pub(crate) fn decimal(x: f64, lang: Lang) -> String {
    let (whole, fraction) = crate::numbers::split(x);
    let point = match lang {
        Lang::Id => ",",
        Lang::En => ".",
    };
    let fraction = fraction.replacen('.', point, 1);
    let (sign, digits) = whole.split_at(usize::from(whole.starts_with('-')));
    match digits.parse::<u64>() {
        Ok(n) if !crate::format::has_char(&fraction, 'e') => format!("{sign}{}{fraction}", number(n, lang)),
        _ => format!("{whole}{fraction}"),
    }
}

/// A file size in MB (1 MB = 1,048,576 bytes, as portals mean it), KB below one MB.
pub(crate) fn file_size(bytes: u64, lang: Lang) -> String {
    const MB: f64 = 1_048_576.0;
    let (value, unit) =
        if bytes as f64 >= MB / 10.0 { (bytes as f64 / MB, "MB") } else { (bytes as f64 / 1024.0, "KB") };
    let rounded = (value * 10.0).round() / 10.0;
    format!("{} {unit}", decimal(rounded, lang))
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it: `6 Mei 2025` / `6 May 2025`.
pub(crate) fn date(d: crate::format::Date, lang: Lang) -> String {
    let months = match lang {
        Lang::Id => &MONTHS_ID,
        Lang::En => &MONTHS_EN,
    };
    let month = months.get(usize::from(d.month).wrapping_sub(1)).copied().unwrap_or("?");
    format!("{} {month} {}", d.day, d.year)
}

/// "a, b atau c" / "a, b or c".
pub(crate) fn list_or(items: &[String], lang: Lang) -> String {
    let or = match lang {
        Lang::Id => "atau",
        Lang::En => "or",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_placeholders_and_keeps_unknown_ones() {
        let args = Args::new("Ringkasan").with("count", "212").with("max", "200");
        assert_eq!(text(Key::WordsMax, None, Lang::Id, &args), "Ringkasan berisi 212 kata; batasnya 200 kata.");
        assert_eq!(render("{title} {nope} {", &args), "Ringkasan {nope} {");
        assert_eq!(unknown_placeholders("{title} {jumlah} {x y}"), vec!["jumlah".to_owned()]);
    }

    #[test]
    fn numbers_sizes_dates_read_naturally() {
        assert_eq!(number(20000, Lang::Id), "20.000");
        assert_eq!(number(1234567, Lang::En), "1,234,567");
        assert_eq!(number(999, Lang::Id), "999");
        assert_eq!(decimal(1500000.5, Lang::Id), "1.500.000,5");
        assert_eq!(decimal(-2.0, Lang::En), "-2");
        assert_eq!(file_size(2_516_582, Lang::Id), "2,4 MB");
        assert_eq!(file_size(2_097_152, Lang::En), "2 MB");
        assert_eq!(file_size(51_200, Lang::En), "50 KB");
        let d = crate::format::Date { year: 2025, month: 5, day: 6 };
        assert_eq!(date(d, Lang::Id), "6 Mei 2025");
        assert_eq!(list_or(&["youtube.com".into(), "youtu.be".into()], Lang::Id), "youtube.com atau youtu.be");
    }

    #[test]
    fn custom_message_falls_back_to_other_language() {
        let m = Message { id: Some("Ringkas saja, {title}!".into()), en: None };
        assert_eq!(text(Key::Required, Some(&m), Lang::En, &Args::new("X")), "Ringkas saja, X!");
    }
}
