//! Pure parsers and validators for values people type into form fields:
//! links, e-mail addresses, Indonesian phone numbers, NIP/NIK, numbers and dates.
//!
//! **Why hand-written** (measured 2026-12-05, `pkg/borang_bg.wasm` after `wasm-opt -Oz`, gzip -9,
//! from 218,448 bytes): [`parse_url`] on the `url` 2 crate instead adds **+68,719 bytes (+31 %)**
//! (IDNA and its Unicode tables); [`Date::new`] and [`Date::parse_iso`] on `jiff` 1 (no default
//! features but `std`) add **+56,112 bytes (+26 %)**, and `jiff` reads neither Indonesian month
//! names nor day-first dates, so most of [`parse_date`] would stay. Both kept hand-written. Number
//! reading is in [`crate::numbers`].
//!
//! Every function trims surrounding Unicode whitespace (incl. NBSP, plus zero-width
//! space and BOM from copy-paste) first, never panics, and reports problems as a
//! [`FormatError`] precise enough for the checker to pick a message.
//!
//! Documented choices:
//! * URLs: only `http`/`https` with a host. User info (`user@host`) is rejected as
//!   [`FormatError::InvalidHost`] because `https://youtube.com@evil.io` points to `evil.io`.
//!   Single-label hosts such as `localhost` parse; whether they are acceptable is the caller's policy.
//! * Numbers: `"1.500"` is read the Indonesian way (one thousand five hundred), also
//!   `"12.345"`; `"1.5"`, `"0.500"` and `"1500000.5"` are decimals. Several commas without a dot
//!   (`"1,500,000"`) are rejected as ambiguous. `%`, exponents, `inf`/`NaN` are rejected.
//!   A trailing `",-"` (`"Rp 1.500.000,-"`) is accepted. Values that overflow `f64`
//!   (e.g. 5000 digits) return [`FormatError::OutOfRange`] instead of infinity.
//! * Dates: numeric forms are day-first unless the first group has 4 digits (ISO order);
//!   two-digit years are rejected as ambiguous. A leading weekday (`"Selasa, 6 Mei 2025"`) is ignored.

/// The problem with a value, for message selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatError {
    /// Nothing but whitespace was typed.
    Empty,
    /// Whitespace inside a URL or e-mail address ("Tautan tidak boleh mengandung spasi").
    ContainsWhitespace,
    /// Looks like a link without `https://` ("Tautan harus diawali https://").
    MissingScheme,
    /// A scheme other than http/https (`javascript:`, `ftp://`, `mailto:`).
    UnsupportedScheme,
    /// `https://` with no host after it.
    MissingHost,
    /// Malformed host / e-mail domain, an invalid IPv4 address, or user info in a URL.
    InvalidHost,
    /// Port is empty, not a number, 0 or above 65535.
    InvalidPort,
    /// Malformed value in general ("Alamat surel tidak valid", stray symbols in a phone number).
    Invalid,
    /// Phone number has no `0`/`62`/`+62` prefix.
    MissingPrefix,
    /// Phone number with a country code other than +62.
    NotIndonesian,
    /// Phone number has fewer than 9 digits in national form ("terlalu pendek").
    TooShort,
    /// Phone number has more than 13 digits in national form ("terlalu panjang").
    TooLong,
    /// Letters or other non-digit symbols where only digits and separators belong.
    NotDigits,
    /// Identifier has the wrong number of digits ("NIP harus 18 digit angka; ditemukan 17").
    WrongDigitCount {
        /// How many digits there are.
        found: usize,
    },
    /// Not a number ("Bukan angka"): letters, `%`, bad grouping such as `"1.50.000"`.
    NotANumber,
    /// A number too large to represent (overflows `f64`).
    OutOfRange,
    /// A date that does not exist in the calendar (31/04/2025, 29/02/2025, month 13).
    InvalidDate,
    /// A date with an unrecognised month name ("6 Mey 2025").
    UnknownMonth,
}

use FormatError::*;

/// Trims Unicode whitespace, zero-width space and BOM; `Empty` when nothing is left.
fn clean(s: &str) -> Result<&str, FormatError> {
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}');
    (!s.is_empty()).then_some(s).ok_or(Empty)
}

// ---------------------------------------------------------------- URL

/// A parsed http(s) URL; all parts borrow the (trimmed) input and keep their original case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Url<'a> {
    /// `http` or `https`, as typed (may be upper case).
    pub scheme: &'a str,
    /// Host as typed; IPv6 without brackets. Compare with [`host_matches`].
    pub host: &'a str,
    /// The port, when given.
    pub port: Option<u16>,
    /// Path including the leading `/`, or `""`.
    pub path: &'a str,
    /// Query without `?`, or `""`.
    pub query: &'a str,
    /// Fragment without `#`, or `""`.
    pub fragment: &'a str,
}

const URL_DELIMS: &[char] = &['/', '?', '#'];

/// Parses an http/https URL with a host.
pub fn parse_url(s: &str) -> Result<Url<'_>, FormatError> {
    let s = clean(s)?;
    if let Some(c) = s.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(if c.is_whitespace() { ContainsWhitespace } else { Invalid });
    }
    if s.starts_with("//") {
        return Err(MissingScheme);
    }
    let head_end = s.find(URL_DELIMS).unwrap_or(s.len());
    let (scheme, after) = match s[..head_end].find(':') {
        Some(i) if is_scheme(&s[..i]) && !s[i + 1..].starts_with(|c: char| c.is_ascii_digit()) => {
            (&s[..i], &s[i + 1..])
        }
        _ => {
            let head = &s[..head_end];
            let host = head.rsplit_once(':').map_or(head, |(h, _)| h);
            let hostlike = valid_host(host) && (has_char(host, '.') || host.eq_ignore_ascii_case("localhost"));
            return Err(if hostlike { MissingScheme } else { Invalid });
        }
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(UnsupportedScheme);
    }
    let rest = after.strip_prefix("//").ok_or(Invalid)?;
    let (auth, tail) = rest.split_at(rest.find(URL_DELIMS).unwrap_or(rest.len()));
    if has_char(auth, '@') {
        return Err(InvalidHost);
    }
    let (host, port) = if let Some(r) = auth.strip_prefix('[') {
        let (h, after) = r.split_once(']').ok_or(InvalidHost)?;
        let ok = has_char(h, ':') && h.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
        if !ok {
            return Err(InvalidHost);
        }
        match after {
            "" => (h, None),
            _ => (h, Some(after.strip_prefix(':').ok_or(InvalidHost)?)),
        }
    } else {
        match auth.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (auth, None),
        }
    };
    if host.is_empty() {
        return Err(MissingHost);
    }
    if !auth.starts_with('[') && !valid_host(host) {
        return Err(InvalidHost);
    }
    let port = port.map(parse_port).transpose()?;
    let (before_frag, fragment) = tail.split_once('#').unwrap_or((tail, ""));
    let (path, query) = before_frag.split_once('?').unwrap_or((before_frag, ""));
    Ok(Url { scheme, host, port, path, query, fragment })
}

fn parse_port(p: &str) -> Result<u16, FormatError> {
    let n = p.parse::<u16>().ok().filter(|_| !p.starts_with('+'));
    n.filter(|&n| n != 0).ok_or(InvalidPort)
}

fn is_scheme(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
}

/// Letters/digits (Unicode allowed for IDN) and inner hyphens; ASCII labels ≤ 63 bytes.
fn valid_label(l: &str) -> bool {
    !l.is_empty()
        && !l.starts_with('-')
        && !l.ends_with('-')
        && (l.len() <= 63 || !l.is_ascii())
        && l.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// Domain name (one optional trailing dot) or dotted IPv4 address.
fn valid_host(h: &str) -> bool {
    let h = h.strip_suffix('.').unwrap_or(h);
    if h.is_empty() || h.len() > 253 || !h.split('.').all(valid_label) {
        return false;
    }
    let numeric = |l: &str| l.bytes().all(|b| b.is_ascii_digit());
    if h.split('.').all(numeric) {
        return h.split('.').count() == 4 && h.split('.').all(|l| l.len() <= 3 && l.parse::<u8>().is_ok());
    }
    !h.rsplit('.').next().is_some_and(numeric)
}

/// True when `host` equals `allowed` or is a subdomain of it (case-insensitive, ignoring a
/// trailing dot): "m.youtube.com" matches "youtube.com"; "notyoutube.com" and
/// "youtube.com.evil.io" do not.
pub fn host_matches(host: &str, allowed: &str) -> bool {
    let norm = |s: &str| s.strip_suffix('.').unwrap_or(s).to_ascii_lowercase();
    let (h, a) = (norm(host), norm(allowed));
    if h.is_empty() || a.is_empty() {
        return false;
    }
    h == a || (h.len() > a.len() && h.ends_with(&a) && h.as_bytes()[h.len() - a.len() - 1] == b'.')
}

/// The video id when `url` is a YouTube video link (`youtube.com/watch?v=ID`, `youtu.be/ID`,
/// `/shorts/ID`, `/embed/ID`, `/live/ID`, `/v/ID`, any subdomain, youtube-nocookie.com), else `None`.
/// The id must be `[A-Za-z0-9_-]+`; its length is not checked (real ids have 11 characters,
/// so a caller can flag truncated links with `id.len() != 11`).
pub fn youtube_video_id<'a>(url: &Url<'a>) -> Option<&'a str> {
    let first_seg = |p: &'a str| p.split('/').next().unwrap_or("");
    let id = if host_matches(url.host, "youtu.be") {
        first_seg(url.path.strip_prefix('/')?)
    } else if host_matches(url.host, "youtube.com") || host_matches(url.host, "youtube-nocookie.com") {
        if url.path.trim_end_matches('/') == "/watch" {
            url.query.split('&').find_map(|kv| kv.strip_prefix("v="))?
        } else {
            let prefixes = ["/shorts/", "/embed/", "/live/", "/v/"];
            first_seg(prefixes.iter().find_map(|p| url.path.strip_prefix(p))?)
        }
    } else {
        return None;
    };
    let ok = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    (!id.is_empty() && id.bytes().all(ok)).then_some(id)
}

// ---------------------------------------------------------------- e-mail

/// Practical e-mail check: one `@`; local part of `A-Za-z0-9` and ``!#$%&'*+/=?^_`{|}~.-``
/// (no leading, trailing or double dot; ≤ 64 bytes); domain of ≥ 2 labels with a TLD of ≥ 2
/// letters. Unicode letters (IDN) are allowed in the domain. Quoted local parts are not supported.
/// Errors: `Empty`, `ContainsWhitespace`, `Invalid` (local part / `@`), `InvalidHost` (domain).
pub fn parse_email(s: &str) -> Result<(), FormatError> {
    let s = clean(s)?;
    if s.chars().any(char::is_whitespace) {
        return Err(ContainsWhitespace);
    }
    let (local, domain) = s.split_once('@').ok_or(Invalid)?;
    let local_ok = |c: char| c.is_ascii_alphanumeric() || has_char("!#$%&'*+/=?^_`{|}~.-", c);
    if has_char(domain, '@')
        || local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.as_bytes().windows(2).any(|w| w == b"..")
        || !local.chars().all(local_ok)
    {
        return Err(Invalid);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels[labels.len() - 1];
    if labels.len() < 2
        || domain.len() > 253
        || !labels.iter().all(|l| valid_label(l))
        || tld.chars().count() < 2
        || !tld.chars().all(char::is_alphabetic)
    {
        return Err(InvalidHost);
    }
    Ok(())
}

// ---------------------------------------------------------------- phone

/// Indonesian phone numbers: `+62` / `62` / `0` prefix (also `+62 (0)812…`); spaces, dashes,
/// dots and parentheses are separators. Returns the national form starting with `0`
/// (e.g. `"081234567890"`): 9..=13 digits, the digit after the `0` being 1-9.
pub fn parse_phone_id(s: &str) -> Result<String, FormatError> {
    let s = clean(s)?;
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            '-' | '.' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            c if c.is_alphabetic() => return Err(NotDigits),
            _ => return Err(Invalid),
        }
    }
    if digits.is_empty() {
        return Err(Invalid);
    }
    let national = if plus || digits.starts_with("62") {
        let r = digits.strip_prefix("62").ok_or(NotIndonesian)?;
        r.strip_prefix('0').unwrap_or(r)
    } else {
        digits.strip_prefix('0').ok_or(MissingPrefix)?
    };
    if national.starts_with('0') {
        return Err(Invalid);
    }
    match national.len() + 1 {
        n if n < 9 => Err(TooShort),
        n if n > 13 => Err(TooLong),
        _ => Ok(format!("0{national}")),
    }
}

// ---------------------------------------------------------------- NIP / NIK

/// Exactly `expected` ASCII digits (NIP 18, NIK 16); spaces, dots and dashes between groups
/// are ignored. `NotDigits` for any other character (or no digit at all),
/// `WrongDigitCount { found }` otherwise.
pub fn parse_digits(s: &str, expected: usize) -> Result<(), FormatError> {
    let s = clean(s)?;
    let mut found = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            found += 1;
        } else if !(c.is_whitespace() || c == '.' || c == '-') {
            return Err(NotDigits);
        }
    }
    match found {
        0 => Err(NotDigits),
        n if n != expected => Err(WrongDigitCount { found }),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------- numbers

/// Numbers as Indonesians type them (see the module docs for the ambiguity rules):
/// optional sign (`-`, `+`, `−`) before or after an optional `Rp`/`Rp.`/`IDR` prefix; spaces
/// ignored; with both `.` and `,` the last one is the decimal separator; a lone `,` is decimal;
/// dots alone are thousands separators when every group after the first has 3 digits and the
/// first has 1-3 digits not starting with 0, else a single dot is decimal.
pub fn parse_number(s: &str) -> Result<f64, FormatError> {
    let s = clean(s)?;
    let take_sign = |t: &str| -> (Option<bool>, String) {
        let t = t.trim_start();
        for (p, neg) in [("-", true), ("\u{2212}", true), ("+", false)] {
            if let Some(r) = t.strip_prefix(p) {
                return (Some(neg), r.trim_start().to_string());
            }
        }
        (None, t.to_string())
    };
    let (sign1, t) = take_sign(s);
    let lower = t.to_ascii_lowercase();
    let cur = ["rp.", "rp", "idr"].into_iter().find(|p| lower.starts_with(p));
    let (sign2, t) = take_sign(&t[cur.map_or(0, str::len)..]);
    if sign1.is_some() && sign2.is_some() {
        return Err(NotANumber);
    }
    let neg = sign1.or(sign2).unwrap_or(false);
    let body: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let suffix = body.strip_suffix(",-").or(body.strip_suffix(".-"));
    let body = suffix.unwrap_or(&body);
    let ok = |b: u8| b.is_ascii_digit() || b == b'.' || b == b',';
    if !body.bytes().any(|b| b.is_ascii_digit()) || !body.bytes().all(ok) {
        return Err(NotANumber);
    }
    let (int, frac, group) = match (body.rfind('.'), body.rfind(',')) {
        (Some(d), Some(c)) => {
            let dec = d.max(c);
            (&body[..dec], Some(&body[dec + 1..]), Some(if dec == d { ',' } else { '.' }))
        }
        (None, Some(c)) => (&body[..c], Some(&body[c + 1..]), None),
        (Some(_), None) if grouped(body, '.') => (body, None, Some('.')),
        (Some(d), None) => (&body[..d], Some(&body[d + 1..]), None),
        (None, None) => (body, None, None),
    };
    let int = match group {
        Some(g) if has_char(int, g) && grouped(int, g) => int.replace(g, ""),
        _ => int.to_string(),
    };
    let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(&int) || frac.is_some_and(|f| f.is_empty() || !all_digits(f)) {
        return Err(NotANumber);
    }
    let text =
        format!("{}{}.{}", if neg { "-" } else { "" }, if int.is_empty() { "0" } else { &int }, frac.unwrap_or("0"));
    match crate::numbers::parse(&text) {
        Some(v) if v.is_finite() => Ok(v),
        Some(_) => Err(OutOfRange),
        None => Err(NotANumber),
    }
}

/// `1.500.000`-style grouping: ≥ 2 groups, first 1-3 digits not starting with 0, rest exactly 3.
fn grouped(s: &str, sep: char) -> bool {
    let mut groups = s.split(sep);
    let first = groups.next().unwrap_or("");
    let is_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    has_char(s, sep)
        && (1..=3).contains(&first.len())
        && is_digits(first)
        && !first.starts_with('0')
        && groups.all(|g| g.len() == 3 && is_digits(g))
}

// ---------------------------------------------------------------- dates

/// A calendar date; orders chronologically. Displays as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1 to 9999.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month.
    pub day: u8,
}

impl Date {
    /// A valid date in years 1..=9999, or `None` (31 April, 29 February in a common year…).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Strict `YYYY-MM-DD` (no trimming), for rules files.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b.iter()
                .enumerate()
                .all(|(i, c)| matches!((i, *c), (4 | 7, b'-') | (0..=3 | 5 | 6 | 8 | 9, b'0'..=b'9')));
        if !shape {
            return None;
        }
        Date::new(s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..].parse().ok()?)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const MONTHS: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "pebruari", "february", "feb", "peb"],
    &["maret", "march", "mar"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["agustus", "august", "agu", "agt", "ags", "agst", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nopember", "nov", "nop"],
    &["desember", "december", "des", "dec"],
];

const WEEKDAYS: &str = "senin selasa rabu kamis jumat jum'at sabtu minggu ahad \
    monday tuesday wednesday thursday friday saturday sunday";

/// Dates as typed: ISO `2025-05-06` (also `2025/05/06`), day-first `06/05/2025`, `6-5-2025`,
/// `06.05.2025`, and `6 Mei 2025`, `6 Agt. 2025`, `6-Mei-2025`, `Selasa, 6 Mei 2025`,
/// `6 May 2025`, `May 6, 2025` (Indonesian and English month names/abbreviations, any case).
/// Errors: `Empty`, `Invalid` (shape, 2-digit year), `UnknownMonth`, `InvalidDate` (calendar).
pub fn parse_date(s: &str) -> Result<Date, FormatError> {
    let s = clean(s)?;
    let digits = |t: &str, max: usize| !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit());
    let shape = |y: &str, d: &str| (digits(d, 2) && y.len() == 4 && digits(y, 4)).then_some(()).ok_or(Invalid);
    let build = |y: &str, m: u8, d: &str| {
        shape(y, d)?;
        Date::new(y.parse().unwrap_or(0), m, d.parse().unwrap_or(0)).ok_or(InvalidDate)
    };
    let month_num = |m: &str| m.parse::<u8>().ok().filter(|_| digits(m, 2)).ok_or(Invalid);
    if s.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'/' || b == b'.') {
        let sep = s.bytes().find(|b| !b.is_ascii_digit()).ok_or(Invalid)? as char;
        let p: Vec<&str> = s.split(sep).collect();
        if p.len() != 3 {
            return Err(Invalid);
        }
        return if p[0].len() == 4 { build(p[0], month_num(p[1])?, p[2]) } else { build(p[2], month_num(p[1])?, p[0]) };
    }
    let mut tok: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/').filter(|t| !t.is_empty()).collect();
    if tok.len() == 4 && WEEKDAYS.split(' ').any(|w| w == tok[0].to_ascii_lowercase()) {
        tok.remove(0);
    }
    if tok.len() != 3 {
        return Err(Invalid);
    }
    let (d, name, y) = match (digits(tok[0], 2), digits(tok[1], 2)) {
        (true, _) => (tok[0], tok[1], tok[2]),
        (false, true) => (tok[1], tok[0], tok[2]),
        _ => return Err(Invalid),
    };
    shape(y, d)?;
    let month = if digits(name, 2) {
        month_num(name)?
    } else {
        let n = name.trim_end_matches('.').to_ascii_lowercase();
        let i = MONTHS.iter().position(|names| names.contains(&n.as_str())).ok_or(UnknownMonth)?;
        i as u8 + 1
    };
    build(y, month, d)
}

/// Whether `s` has the character `c`. The crate's code uses this (and a byte search for
/// `..`) instead of `str::contains`, whose char pattern brings the standard library's
/// substring search along: 1.3 KB gzip (size, issue "Weight").
pub(crate) fn has_char(s: &str, c: char) -> bool {
    s.chars().any(|x| x == c)
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;
    const YT: &str = "dQw4w9WgXcQ";

    #[test]
    fn urls() {
        // (input, host, port, path, query, fragment)
        #[allow(clippy::type_complexity)] let ok: &[(&str, &str, Option<u16>, &str, &str, &str)] = &[
            ("https://example.com", "example.com", None, "", "", ""), ("https://example.com/", "example.com", None, "/", "", ""),
            ("HTTPS://WWW.YouTube.COM/watch?v=abc", "WWW.YouTube.COM", None, "/watch", "v=abc", ""),
            ("http://192.168.1.10:8080/a", "192.168.1.10", Some(8080), "/a", "", ""), ("http://localhost", "localhost", None, "", "", ""),
            (" https://youtu.be/dQw4w9WgXcQ?t=10\u{a0}", "youtu.be", None, "/dQw4w9WgXcQ", "t=10", ""),
            ("https://www.youtube.com/watch?v=abc&list=x", "www.youtube.com", None, "/watch", "v=abc&list=x", ""),
            ("https://bücher.de/straße", "bücher.de", None, "/straße", "", ""), ("https://[::1]:443/x", "::1", Some(443), "/x", "", ""),
            ("https://example.com./a#b?c", "example.com.", None, "/a", "", "b?c"), ("https://a.id?x=1", "a.id", None, "", "x=1", ""),
            ("https://docs.google.com/document/d/1AbC/edit?usp=sharing", "docs.google.com", None, "/document/d/1AbC/edit", "usp=sharing", ""),
            ("\u{200B}https://kemdikbud.go.id/#top", "kemdikbud.go.id", None, "/", "", "top"),
        ];
        for &(input, host, port, path, query, fragment) in ok {
            let u = parse_url(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!((u.host, u.port, u.path, u.query, u.fragment), (host, port, path, query, fragment), "{input:?}");
        }
        let bad: &[(&str, FormatError)] = &[
            ("", Empty), ("  \u{a0}", Empty), ("www.youtube.com/watch?v=x", MissingScheme), ("youtube.com", MissingScheme),
            ("//example.com", MissingScheme), ("localhost:8080", MissingScheme), ("javascript:alert(1)", UnsupportedScheme),
            ("ftp://example.com", UnsupportedScheme), ("mailto:a@b.id", UnsupportedScheme), ("data:text/html,x", UnsupportedScheme),
            ("https://", MissingHost), ("https:///path", MissingHost), ("https://:80", MissingHost),
            ("https://exa mple.com", ContainsWhitespace), ("https://example.com/a b", ContainsWhitespace),
            ("https://-bad-.com", InvalidHost), ("https://a..b", InvalidHost), ("https://user:pw@example.com", InvalidHost),
            ("https://youtube.com@evil.io", InvalidHost), ("https://999.1.1.1", InvalidHost), ("https://exa_mple.com", InvalidHost),
            ("https://[zz]/", InvalidHost), ("https://example.123", InvalidHost), ("https://example.com:99999", InvalidPort),
            ("https://example.com:", InvalidPort), ("https://example.com:0", InvalidPort), ("https://a.id:+80", InvalidPort),
            ("https:/example.com", Invalid), ("hello", Invalid), ("https://a.com/\u{0}", Invalid),
        ];
        for &(input, err) in bad { assert_eq!(parse_url(input), Err(err), "{input:?}"); }
    }

    #[test]
    fn hosts_and_youtube() {
        let hosts: &[(&str, &str, bool)] = &[
            ("m.youtube.com", "youtube.com", true), ("YouTube.COM.", "youtube.com", true), ("youtube.com", "YOUTUBE.com.", true),
            ("notyoutube.com", "youtube.com", false), ("youtube.com.evil.io", "youtube.com", false),
            ("youtube.com", "m.youtube.com", false), ("", "", false), ("a.b", "", false),
        ];
        for &(h, a, want) in hosts { assert_eq!(host_matches(h, a), want, "{h:?} vs {a:?}"); }
        let vids: &[(&str, Option<&str>)] = &[
            ("https://youtu.be/dQw4w9WgXcQ?t=10", Some(YT)), ("https://www.youtube.com/watch?v=abc&list=x", Some("abc")),
            ("https://m.youtube.com/watch?list=x&v=dQw4w9WgXcQ", Some(YT)), ("https://music.youtube.com/watch/?v=dQw4w9WgXcQ", Some(YT)),
            ("https://youtube.com/shorts/dQw4w9WgXcQ?feature=share", Some(YT)), ("https://www.youtube.com/embed/dQw4w9WgXcQ", Some(YT)),
            ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", Some(YT)), ("https://www.youtube.com/channel/UC123", None),
            ("https://youtube.com.evil.io/watch?v=x", None), ("https://www.youtube.com/watch", None), ("https://youtu.be/", None),
            ("https://www.youtube.com/watch?v=<x>", None), ("https://vimeo.com/123", None),
        ];
        for &(input, want) in vids { assert_eq!(youtube_video_id(&parse_url(input).unwrap()), want, "{input:?}"); }
    }

    #[test]
    fn emails() {
        let rows: &[(&str, Result<(), FormatError>)] = &[
            ("nama@dinas.go.id", Ok(())), ("Nama.Lengkap+tag@Mail.Kaltimprov.GO.ID", Ok(())), (" a_b@x.co\u{a0}", Ok(())),
            ("user@bücher.de", Ok(())), ("x@sub-domain.example.org", Ok(())), ("", Err(Empty)), ("nama", Err(Invalid)),
            ("@x.id", Err(Invalid)), ("a@@x.id", Err(Invalid)), ("a@b@x.id", Err(Invalid)), ("a..b@x.id", Err(Invalid)),
            (".a@x.id", Err(Invalid)), ("mailto:nama@x.id", Err(Invalid)), ("nama @x.id", Err(ContainsWhitespace)),
            ("nama@", Err(InvalidHost)), ("nama@localhost", Err(InvalidHost)), ("nama@x.c", Err(InvalidHost)),
            ("nama@-x.id", Err(InvalidHost)), ("nama@x-.id", Err(InvalidHost)), ("nama@x.id.", Err(InvalidHost)),
            ("nama@x.123", Err(InvalidHost)), ("nama@x_y.id", Err(InvalidHost)), ("nama@[1.2.3.4]", Err(InvalidHost)),
        ];
        for &(input, want) in rows { assert_eq!(parse_email(input), want, "{input:?}"); }
    }

    #[test]
    fn phones_and_ids() {
        let rows: &[(&str, Result<&str, FormatError>)] = &[
            ("0812-3456-7890", Ok("081234567890")), ("+62 812 3456 7890", Ok("081234567890")), ("(0542) 123456", Ok("0542123456")),
            ("021-5551234", Ok("0215551234")), ("62812.3456.7890", Ok("081234567890")), ("+62 (0)812 3456 7890", Ok("081234567890")),
            ("\u{a0}0812 3456 789\u{a0}", Ok("08123456789")), ("021 555 123", Ok("021555123")), ("", Err(Empty)),
            ("08123", Err(TooShort)), ("+62", Err(TooShort)), ("0812345678901234", Err(TooLong)), ("+1 202 555 0101", Err(NotIndonesian)),
            ("0812-3456-789O", Err(NotDigits)), ("telp 0812", Err(NotDigits)), ("812 3456 7890", Err(MissingPrefix)),
            ("00812345678", Err(Invalid)), ("0812#3456", Err(Invalid)), ("08+12345678", Err(Invalid)), ("()", Err(Invalid)),
        ];
        for &(input, want) in rows { assert_eq!(parse_phone_id(input).as_deref().map_err(|e| *e), want, "{input:?}"); }
        let ids: &[(&str, usize, Result<(), FormatError>)] = &[
            ("19800101 200501 1 001", 18, Ok(())), ("198001012005011001", 18, Ok(())), ("6472.0101.0101.0001", 16, Ok(())),
            ("6472-0101-0101-0001", 16, Ok(())), ("19800101 200501 1 00", 18, Err(WrongDigitCount { found: 17 })),
            ("1980010120050110011", 18, Err(WrongDigitCount { found: 19 })), ("19800101 2005O1 1 001", 18, Err(NotDigits)),
            ("NIP 198001012005011001", 18, Err(NotDigits)), ("", 18, Err(Empty)), ("---", 16, Err(NotDigits)),
            ("１２３", 3, Err(NotDigits)), ("6472/0101", 8, Err(NotDigits)),
        ];
        for &(input, n, want) in ids { assert_eq!(parse_digits(input, n), want, "{input:?}"); }
    }

    #[test]
    fn numbers() {
        let rows: &[(&str, Result<f64, FormatError>)] = &[
            ("1500000", Ok(1.5e6)), ("1.500.000", Ok(1.5e6)), ("1.500.000,50", Ok(1500000.5)), ("1,5", Ok(1.5)),
            ("Rp 1.500.000", Ok(1.5e6)), ("Rp1.500.000,00", Ok(1.5e6)), ("-3", Ok(-3.0)), ("1500000.5", Ok(1500000.5)),
            ("1.500", Ok(1500.0)), ("Rp. 2.500.000,-", Ok(2.5e6)), ("IDR 1,500,000.00", Ok(1.5e6)), ("1.5", Ok(1.5)),
            ("0.500", Ok(0.5)), ("12.345", Ok(12345.0)), ("  7  ", Ok(7.0)), ("\u{2212}4,25", Ok(-4.25)), ("1 500 000", Ok(1.5e6)),
            ("-Rp 1.000", Ok(-1000.0)), ("rp -1.000", Ok(-1000.0)), (",5", Ok(0.5)), ("", Err(Empty)), ("12,5%", Err(NotANumber)),
            ("abc", Err(NotANumber)), ("1.50.000", Err(NotANumber)), ("1,500,000", Err(NotANumber)), ("1.500,000.5", Err(NotANumber)),
            ("Rp", Err(NotANumber)), ("--3", Err(NotANumber)), ("1e5", Err(NotANumber)), ("NaN", Err(NotANumber)),
            ("1500.", Err(NotANumber)), ("1,5.0", Err(NotANumber)), ("-Rp -3", Err(NotANumber)),
        ];
        for &(input, want) in rows { assert_eq!(parse_number(input), want, "{input:?}"); }
        assert_eq!(parse_number(&"9".repeat(5000)), Err(OutOfRange));
        assert_eq!(parse_number(&format!("0,{}1", "0".repeat(5000))), Ok(0.0));
    }

    #[test]
    fn dates() {
        let ok: &[(&str, (i32, u8, u8))] = &[
            ("2025-05-06", (2025, 5, 6)), ("06/05/2025", (2025, 5, 6)), ("6-5-2025", (2025, 5, 6)), ("06.05.2025", (2025, 5, 6)),
            ("6 Mei 2025", (2025, 5, 6)), ("6 Agustus 2025", (2025, 8, 6)), ("6 Agt 2025", (2025, 8, 6)), ("6 agt. 2025", (2025, 8, 6)),
            ("06 MEI 2025", (2025, 5, 6)), ("6 May 2025", (2025, 5, 6)), ("May 6, 2025", (2025, 5, 6)),
            ("Selasa, 6 Mei 2025", (2025, 5, 6)), ("29/02/2024", (2024, 2, 29)), ("29 Februari 2000", (2000, 2, 29)),
            ("2025/05/06", (2025, 5, 6)), ("1 Nopember 2025", (2025, 11, 1)), ("31 Des 2025", (2025, 12, 31)), ("6-Mei-2025", (2025, 5, 6)),
        ];
        for &(input, (year, month, day)) in ok { assert_eq!(parse_date(input), Ok(Date { year, month, day }), "{input:?}"); }
        let bad: &[(&str, FormatError)] = &[
            ("31/04/2025", InvalidDate), ("29/02/2025", InvalidDate), ("29-02-1900", InvalidDate), ("29-02-2100", InvalidDate),
            ("2025-13-01", InvalidDate), ("00/05/2025", InvalidDate), ("32 Januari 2025", InvalidDate), ("0000-01-01", InvalidDate),
            ("6 Mey 2025", UnknownMonth), ("6 Foo 2025", UnknownMonth), ("06/05/25", Invalid), ("20250506", Invalid),
            ("2025-05-06T10:00", Invalid), ("06/05-2025", Invalid), ("", Empty), ("besok", Invalid), ("6 Mei", Invalid),
        ];
        for &(input, err) in bad { assert_eq!(parse_date(input), Err(err), "{input:?}"); }
        let iso: &[(&str, bool)] = &[
            ("2025-05-06", true), ("2024-02-29", true), ("2000-02-29", true), ("2023-02-29", false), ("1900-02-29", false),
            ("2025-5-6", false), (" 2025-05-06", false), ("2025/05/06", false), ("2025-04-31", false), ("2025-05-+6", false),
        ];
        for &(input, want) in iso { assert_eq!(Date::parse_iso(input).is_some(), want, "{input:?}"); }
        let d = Date::parse_iso("2025-05-06").unwrap();
        assert_eq!((d.to_string(), Date::new(5, 1, 2).unwrap().to_string()), ("2025-05-06".into(), "0005-01-02".into()));
        assert!(d < parse_date("7 Mei 2025").unwrap() && d > parse_date("31/12/2024").unwrap());
    }

    #[test]
    fn never_panics() {
        let long = "9".repeat(5000);
        let mut inputs: Vec<String> = [
            "", "\u{0}", "\u{FFFD}", "+", "-", ".", ",", ":", "@", "@@", "//", "https://[", "https://[::1", "http://a:", "http://[::1]x",
            "Rp", "Rp.", "−", "٣", "é:", "https://é.é", "0.0.0", "1..2", ",-", "+62(", "31 Des", "Selasa, 6 Mei 2025 x", "-5-",
        ].iter().map(|s| s.to_string()).collect();
        inputs.extend([long.clone(), format!("{long},5"), format!("https://{long}.id"), format!("{long}@x.id")]);
        let alphabet = ["1", "0", ".", ",", "-", "/", ":", "@", "é", " ", "h", "[", "]", "+", "R", "#", "?"];
        for a in alphabet { for b in alphabet { for c in alphabet {
            inputs.extend([format!("{a}{b}{c}"), format!("https://{a}{b}{c}")]);
        } } }
        for s in &inputs {
            if let Ok(u) = parse_url(s) { let _ = (youtube_video_id(&u), host_matches(u.host, s)); }
            let _ = (parse_email(s), parse_phone_id(s), parse_digits(s, 18), parse_date(s), Date::parse_iso(s));
            if let Ok(v) = parse_number(s) { assert!(v.is_finite(), "{s:?}"); }
        }
    }
}
