//! A JSON tree that keeps key order and duplicate keys, so the rules parser can report
//! every problem with its path. It is read from JSON text by a small strict reader of its own
//! (no JSON library in the WebAssembly), or deserialized from anything serde can read:
//! `serde-wasm-bindgen` from a JS object in the browser.
//!
//! **Why hand-written** (measured 2026-12-05, `pkg/borang_bg.wasm` after `wasm-opt -Oz`, gzip -9):
//! [`Value::from_json`] on `serde_json` 1 (its `Value`, converted) instead of the reader below
//! grows the module from 218,448 to 227,555 bytes, **+9,107 bytes (+4.2 %)**, and `serde_json`
//! keeps only the last of repeated keys (its maps cannot hold them), so `repeated-key` problems
//! could no longer be reported. Kept hand-written; a test checks it agrees with `serde_json`.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// One JSON value. Objects are ordered lists of pairs.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its keys in the order written (repeated keys kept).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Parses JSON text (a leading byte-order mark is allowed). The error names the line and
    /// column.
    pub fn from_json(text: &str) -> Result<Value, String> {
        let mut reader = JsonReader { text: text.strip_prefix('\u{feff}').unwrap_or(text), pos: 0, depth: 0 };
        let value = reader.value()?;
        reader.skip_ws();
        match reader.peek() {
            None => Ok(value),
            Some(_) => Err(reader.error("trailing characters")),
        }
    }

    /// Compact JSON text (non-finite numbers become `null`, as in `JSON.stringify`).
    ///
    /// ```
    /// use borang::Value;
    /// let v = Value::from_json(r#"{"a": [1, "x\n\"y\""], "b": null}"#).unwrap();
    /// assert_eq!(v.to_json(), r#"{"a":[1,"x\n\"y\""],"b":null}"#);
    /// assert_eq!(Value::from_json(&v.to_json()).unwrap(), v);
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) if n.is_finite() => out.push_str(&json_number(*n)),
            Value::Number(_) => out.push_str("null"),
            Value::String(s) => write_json_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Value::Object(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_string(key, out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }

    /// The member `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(pairs) => pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of the value's kind, for "expected …, found …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// A short rendering of the value for messages: strings quoted, long values cut.
    pub fn describe(&self) -> String {
        let text = match self {
            Value::String(s) => format!("{s:?}"),
            Value::Number(n) => format_number(*n),
            Value::Bool(b) => b.to_string(),
            Value::Null => "null".to_owned(),
            Value::Array(items) if items.is_empty() => "an empty array".to_owned(),
            Value::Array(items) => format!("an array of {} items", items.len()),
            Value::Object(_) => "an object".to_owned(),
        };
        if text.chars().count() > 60 {
            let cut: String = text.chars().take(57).collect();
            format!("{cut}…")
        } else {
            text
        }
    }

    /// JSON merge patch (RFC 7386): objects merge key by key, `null` deletes, anything
    /// else replaces.
    pub fn merge_patch(&mut self, patch: Value) {
        let Value::Object(patch_pairs) = patch else {
            *self = patch;
            return;
        };
        if !matches!(self, Value::Object(_)) {
            *self = Value::Object(Vec::new());
        }
        let Value::Object(pairs) = self else { unreachable!() };
        for (key, value) in patch_pairs {
            let existing = pairs.iter().position(|(k, _)| *k == key);
            match (existing, value) {
                (Some(i), Value::Null) => {
                    pairs.remove(i);
                }
                (None, Value::Null) => {}
                (Some(i), value) => pairs[i].1.merge_patch(value),
                (None, mut value) => {
                    value.strip_nulls();
                    pairs.push((key, value));
                }
            }
        }
    }

    fn strip_nulls(&mut self) {
        if let Value::Object(pairs) = self {
            pairs.retain(|(_, v)| !matches!(v, Value::Null));
            for (_, v) in pairs {
                v.strip_nulls();
            }
        }
    }
}

/// Numbers in messages and as form text: `200`, `0.9`, `1500000.5`.
fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((n >> shift) & 0xf) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(crate) fn format_number(n: f64) -> String {
    crate::numbers::plain(n)
}

/// A finite number as JSON that reads back as the same number: whole numbers below 2^53
/// digit for digit; others with as few significant digits (at most 17) as the reader needs to
/// give the number back. (`numbers::plain` is for display: six decimals, four significant
/// digits in scientific form, which silently changed big or precise numbers in drafts and
/// inferred rules; found by the `rules_bytes` fuzz target.)
fn json_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        let digits = (x.abs() as u64).to_string();
        return if x < 0.0 { format!("-{digits}") } else { digits };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    // a = m × 10^e with 1 ≤ m < 10 (no float formatting, no libm).
    let (m, e) = crate::numbers::decimal_exponent(a);
    // The scaling above is not exact, so the neighbours of each rounding are tried too; the
    // first text the reader gives back exactly wins, else the closest one.
    let mut best: Option<(f64, String)> = None;
    for significant in 1..=17u32 {
        let scaled = (m * 10f64.powi(significant as i32 - 1)).round() as u64;
        for candidate in [scaled, scaled.saturating_sub(1), scaled + 1] {
            let text = scientific(sign, candidate, significant, e);
            match crate::numbers::parse(&text).filter(|v| v.is_finite()) {
                Some(v) if v == x => return text,
                Some(v) if best.as_ref().map_or(true, |(d, _)| (v - x).abs() < *d) => {
                    best = Some(((v - x).abs(), text))
                }
                _ => {}
            }
        }
    }
    best.map_or_else(|| crate::numbers::plain(x), |(_, text)| text)
}

/// `digits` (of `significant` digits, or one more after rounding up) × 10^(e − significant + 1).
fn scientific(sign: &str, digits: u64, significant: u32, e: i32) -> String {
    let mut digits = digits.to_string();
    let mut exp = e;
    if digits.len() > significant as usize {
        digits.pop();
        exp += 1;
    } else if digits.len() < significant as usize {
        // 9.99… rounded down past 1: one digit fewer, one power of ten lower.
        exp -= (significant as usize - digits.len()) as i32;
    }
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let n = digits.len() as i32;
    // Plain decimals where JavaScript prints them so (1e-7 < |x| < 1e21), else scientific.
    match exp {
        0..=20 if n - 1 <= exp => format!("{sign}{digits}{}", "0".repeat((exp - (n - 1)) as usize)),
        0..=20 => format!("{sign}{}.{}", &digits[..=exp as usize], &digits[exp as usize + 1..]),
        -6..=-1 => format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize)),
        _ if n == 1 => format!("{sign}{digits}e{exp}"),
        _ => format!("{sign}{}.{}e{exp}", &digits[..1], &digits[1..]),
    }
}

/// How deep arrays and objects may nest in JSON text.
const MAX_DEPTH: usize = 128;

/// A small strict JSON reader (RFC 8259) for rules files: a few kilobytes of WebAssembly
/// instead of a general-purpose JSON library. Errors name the line and column.
struct JsonReader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> JsonReader<'a> {
    fn error(&self, what: &str) -> String {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), String> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_ws();
        match self.peek() {
            Some(b'{') => self.nested(|r| r.object()),
            Some(b'[') => self.nested(|r| r.array()),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(self.error("EOF while parsing a value")),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<Value, String>) -> Result<Value, String> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(&format!("nested deeper than {MAX_DEPTH} arrays and objects")));
        }
        self.depth += 1;
        self.pos += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = self.pos;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let int_start = pos;
        let int_digits = digits(&mut pos);
        let leading_zero = int_digits > 1 && bytes[int_start] == b'0';
        let mut ok = int_digits > 0 && !leading_zero;
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            ok &= digits(&mut pos) > 0;
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            ok &= digits(&mut pos) > 0;
        }
        self.pos = pos;
        match crate::numbers::parse(&self.text[start..pos]) {
            Some(n) if ok && n.is_finite() => Ok(Value::Number(n)),
            Some(_) if ok => Err(self.error("number out of range")),
            _ => Err(self.error("invalid number")),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self.text.get(self.pos..self.pos + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run = self.text[self.pos..].find(|c: char| c == '"' || c == '\\' || c < ' ');
            let Some(run) = run else {
                self.pos = self.text.len();
                return Err(self.error("EOF while parsing a string"));
            };
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = self.peek();
                    self.pos += 1;
                    let c = match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) && self.text[self.pos..].starts_with("\\u") {
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code).ok_or_else(|| self.error("lone surrogate in hex escape"))?
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape"));
                        }
                    };
                    out.push(c);
                }
                _ => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, String> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        let mut pairs = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(pairs));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            pairs.push((key, self.value()?));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(pairs));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            pairs.push((key, value));
        }
        Ok(Value::Object(pairs))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            Value::Number(n) => s.serialize_f64(*n),
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn numbers_survive_a_json_round_trip() {
        let numbers = [
            0.0,
            1.0,
            -1.0,
            0.9,
            0.1,
            -2.5,
            1e-7,
            0.123456789,
            1795949404067.0,
            1795949404067.5,
            2097152.0,
            9007199254740991.0,
            9007199254740993.0,
            1.2345678901234567e20,
            1.1111777777777777e131,
            1e300,
            1.5e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            1.0 / 3.0,
            2.0 / 3.0,
            4294967296.0,
        ];
        for x in numbers {
            let text = Value::Number(x).to_json();
            let back = match Value::from_json(&text) {
                Ok(Value::Number(back)) => back,
                other => panic!("{x:e} printed as {text} reads back as {other:?}"),
            };
            // Exact where rules and drafts live; beyond, the reader's own scaling by powers of
            // ten is off by an ulp or two at most.
            if x == 0.0 || (1e-100..1e15).contains(&x.abs()) {
                assert_eq!(back, x, "{x:e} -> {text}");
            } else {
                assert!(((back - x) / x).abs() <= 1e-14, "{x:e} -> {text} -> {back:e}");
            }
        }
        assert_eq!(Value::Number(1795949404067.0).to_json(), "1795949404067");
        assert_eq!(Value::Number(0.9).to_json(), "0.9");
        assert_eq!(Value::Number(1e300).to_json(), "1e300");
        assert_eq!(Value::Number(1.1111777777777777e131).to_json(), "1.111177777777778e131");
        assert_eq!(Value::Number(-1e-7).to_json(), "-1e-7");
    }

    use super::*;

    #[test]
    fn keeps_order_and_duplicates() {
        let v = Value::from_json(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        let Value::Object(pairs) = &v else { panic!() };
        let keys: Vec<_> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(v.get("b"), Some(&Value::Number(3.0)));
    }

    #[test]
    fn merge_patch_follows_rfc7386() {
        let mut v = Value::from_json(r#"{"a":{"b":1,"c":2},"d":[1],"e":1}"#).unwrap();
        v.merge_patch(Value::from_json(r#"{"a":{"b":null,"x":{"y":null,"z":1}},"d":[2],"e":null}"#).unwrap());
        assert_eq!(v, Value::from_json(r#"{"a":{"c":2,"x":{"z":1}},"d":[2]}"#).unwrap());
    }

    #[test]
    fn the_json_reader_agrees_with_serde_json() {
        let docs = [
            r#"{"a":[1,-2.5e3,0,0.25,true,false,null],"b":{"c":"\u00e9\ud83d\ude00\n\"\\\/"},"d":[]}"#,
            "  [ ]  ",
            r#""plain""#,
            "123",
            "-0",
            r#"{"x":{}}"#,
        ];
        for doc in docs {
            // serde_json through our `Deserialize`, which keeps key order.
            let theirs: Value = serde_json::from_str(doc).unwrap();
            assert_eq!(Value::from_json(doc).unwrap(), theirs, "{doc}");
        }
        for preset in crate::presets() {
            let theirs: Value = serde_json::from_str(preset.json).unwrap();
            assert_eq!(Value::from_json(preset.json).unwrap(), theirs, "{}", preset.name);
        }
        let bad = [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "tru",
            "nul",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"a\u{1}b\"",
            "[1] 2",
            "{1:2}",
            "NaN",
            "1e999",
            "'a'",
        ];
        for doc in bad {
            assert!(Value::from_json(doc).is_err(), "accepted {doc:?}");
            assert!(serde_json::from_str::<serde_json::Value>(doc).is_err(), "serde_json accepts {doc:?}");
        }
        assert_eq!(Value::from_json("\u{feff}{}"), Ok(Value::Object(vec![])));
        let deep = "[".repeat(10_000);
        assert!(Value::from_json(&deep).unwrap_err().contains("nested deeper than 128"));
    }

    #[test]
    fn syntax_errors_name_the_position() {
        let err = Value::from_json("{\n  \"a\": 1,\n}").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }
}
