//! Decimal numbers to and from text without the standard library's float formatting and
//! parsing, which bring about 30 KB of tables and code into the WebAssembly. Rules and form
//! values need limits and amounts, not shortest round-trip digits: parsing is exact for up to
//! 15 significant digits (the `m × 10^e` fast path, correctly rounded), within a few units in
//! the last place beyond; formatting keeps at most [`FRACTION_DIGITS`] decimals.
//!
//! **Why hand-written** (measured 2026-12-05, `pkg/borang_bg.wasm` after `wasm-opt -Oz`, gzip -9):
//! [`parse`] on the standard library's `str::parse::<f64>` instead grows the module from 218,448
//! to 233,655 bytes, **+15,207 bytes (+7.0 %)**, for parsing alone. No crate reads Indonesian
//! grouping (`1.500.000,50`); that stays in [`crate::format::parse_number`] either way. Kept.

/// Decimals kept when formatting.
pub const FRACTION_DIGITS: u32 = 6;

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// `m × 10^exp`, rounding once where both parts are exact (m < 2^53, |exp| ≤ 22).
fn scale(m: f64, exp: i32) -> f64 {
    let mut v = m;
    let mut e = exp;
    while e > 22 {
        v *= 1e22;
        e -= 22;
    }
    while e < -22 {
        v /= 1e22;
        e += 22;
    }
    if e >= 0 {
        v * POW10[e as usize]
    } else {
        v / POW10[(-e) as usize]
    }
}

/// Parses a JSON-style decimal: `-?digits(.digits)?([eE][+-]?digits)?`. `None` for anything
/// else, including an empty string or a lone sign.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        i += 1;
    }
    let (mut mantissa, mut exp) = (0u64, 0i32);
    let mut any = false;
    let mut push = |d: u8, exp: &mut i32, after_point: bool| {
        // Digits past the 19th no longer fit; they only shift the exponent.
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            if after_point {
                *exp -= 1;
            }
        } else if !after_point {
            *exp += 1;
        }
    };
    while let Some(d @ b'0'..=b'9') = bytes.get(i).copied() {
        push(d, &mut exp, false);
        any = true;
        i += 1;
    }
    if !any {
        return None;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let before = i;
        while let Some(d @ b'0'..=b'9') = bytes.get(i).copied() {
            push(d, &mut exp, true);
            i += 1;
        }
        if i == before {
            return None;
        }
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let before = i;
        let mut e: i32 = 0;
        while let Some(d @ b'0'..=b'9') = bytes.get(i).copied() {
            e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            i += 1;
        }
        if i == before {
            return None;
        }
        exp = exp.saturating_add(sign * e.min(100_000));
    }
    if i != bytes.len() {
        return None;
    }
    let value = if mantissa == 0 { 0.0 } else { scale(mantissa as f64, exp.clamp(-400, 400)) };
    Some(if negative { -value } else { value })
}

/// Formats `x` with `.` as decimal point, no grouping, at most [`FRACTION_DIGITS`] decimals
/// (`1500000`, `0.9`, `-2.5`); very large or small magnitudes as `1.5e300`.
pub fn plain(x: f64) -> String {
    let (whole, fraction) = split(x);
    format!("{whole}{fraction}")
}

/// The sign and integer part, and the fraction with its point (`("-12", ".5")`), for callers
/// that group the digits. Non-finite values give `("NaN", "")`, `("inf", "")`, `("-inf", "")`.
pub fn split(x: f64) -> (String, String) {
    if x.is_nan() {
        return ("NaN".into(), String::new());
    }
    if x.is_infinite() {
        return (if x < 0.0 { "-inf" } else { "inf" }.into(), String::new());
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a != 0.0 && !(1e-6..1e15).contains(&a) {
        let (m, e) = decimal_exponent(a);
        let (w, f) = fixed(m, 3);
        return (format!("{sign}{w}"), format!("{f}e{e}"));
    }
    let (w, f) = fixed(a, FRACTION_DIGITS);
    let sign = if w == "0" && f.is_empty() { "" } else { sign };
    (format!("{sign}{w}"), f)
}

/// `a` (positive, finite) as `m × 10^e` with `1 ≤ m < 10`, found by scaling rather than
/// `log10` (keeps libm out of the module). The scaling is not exact in the last bits.
pub(crate) fn decimal_exponent(a: f64) -> (f64, i32) {
    let mut e = 0i32;
    let mut m = a;
    while m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    while m < 1.0 {
        m *= 10.0;
        e -= 1;
    }
    (m, e)
}

/// `a` (≥ 0, < 1e15) rounded to `places` decimals, as integer digits and `.fraction`
/// without trailing zeros.
fn fixed(a: f64, places: u32) -> (String, String) {
    let unit = 10u64.pow(places);
    // The integer part and the fraction are both exact below 2^53; only the fraction rounds.
    let mut whole = a.trunc() as u64;
    let mut frac = ((a - a.trunc()) * unit as f64).round() as u64;
    if frac >= unit {
        whole += 1;
        frac -= unit;
    }
    if frac == 0 {
        return (whole.to_string(), String::new());
    }
    let mut width = places as usize;
    while frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    (whole.to_string(), format!(".{frac:0width$}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_the_standard_library() {
        let cases = [
            "0",
            "-0",
            "1",
            "200",
            "0.9",
            "2097152",
            "1500000.5",
            "3.14159",
            "1e3",
            "2.5E-3",
            "-12.75",
            "1e22",
            "123456789012345",
            "0.000001",
            "9007199254740991",
            "1e-7",
            "4503599627370496.5",
            "1e300",
            "1e-300",
        ];
        for c in cases {
            let ours = parse(c).unwrap_or_else(|| panic!("{c}"));
            let std: f64 = c.parse().unwrap();
            let ulps = (ours.to_bits() as i64 - std.to_bits() as i64).abs();
            assert!(ulps <= 2, "{c}: {ours} vs {std}");
        }
        for exact in ["0.9", "0.1", "0.25", "2097152", "1500000.5", "123.456"] {
            assert_eq!(parse(exact), exact.parse().ok(), "{exact}");
        }
        for bad in ["", "-", ".", "1.", ".5", "1e", "1e+", "--1", "1.2.3", "0x10", " 1", "1 ", "NaN", "inf", "١"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse("1e999999999"), Some(f64::INFINITY));
        assert_eq!(parse(&"9".repeat(5000)), Some(f64::INFINITY));
        assert_eq!(parse("0e999999"), Some(0.0));
    }

    #[test]
    fn formats_plainly() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (200.0, "200"),
            (0.9, "0.9"),
            (-2.5, "-2.5"),
            (1500000.5, "1500000.5"),
            (1.0 / 3.0, "0.333333"),
            (0.1 + 0.2, "0.3"),
            (999999999999999.0, "999999999999999"),
            (1e15, "1e15"),
            (1.5e300, "1.5e300"),
            (1e-7, "1e-7"),
            (f64::MAX, "1.798e308"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (x, want) in cases {
            assert_eq!(plain(x), want, "{x:e}");
        }
    }
}
