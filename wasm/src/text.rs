//! Reading a long text field without copying all of it into WebAssembly on every keystroke.
//! JavaScript compares the value with the one read last time (`delta` in `js/session.js`; used by `dom::fields`)
//! and passes only what changed between the common start and the common end; the copy kept
//! here is patched in place. A 30 KB section then costs a keystroke a few bytes of transfer
//! instead of an encoding of the whole text.

/// Replaces, in `text`, what lies between its first `prefix` and its last `suffix` UTF-16
/// code units with `middle`. Returns false, leaving `text` as it was, when an offset does
/// not fall between two characters of `text` or the two overlap: the caller then reads the
/// whole value instead.
pub(crate) fn splice_utf16(text: &mut String, prefix: usize, suffix: usize, middle: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(start) = offset_forward(bytes, prefix) else { return false };
    let Some(tail) = offset_backward(bytes, suffix) else { return false };
    let Some(end) = bytes.len().checked_sub(tail).filter(|&end| end >= start) else { return false };
    text.replace_range(start..end, middle);
    true
}

/// Whether the eight bytes from `at` are all ASCII (one UTF-16 unit each); false when fewer
/// than eight are left.
#[inline(always)]
fn ascii8(s: &[u8], at: usize) -> bool {
    s.get(at..).and_then(<[u8]>::first_chunk::<8>).is_some_and(|w| u64::from_le_bytes(*w) & 0x8080_8080_8080_8080 == 0)
}

/// The byte offset in `s` (UTF-8) after its first `units` UTF-16 code units.
fn offset_forward(s: &[u8], units: usize) -> Option<usize> {
    let (mut i, mut u) = (0, 0);
    while u < units {
        if units - u >= 8 && ascii8(s, i) {
            i += 8;
            u += 8;
            continue;
        }
        let (len, width) = match *s.get(i)? {
            0..=0x7f => (1, 1),
            0xc0..=0xdf => (2, 1),
            0xe0..=0xef => (3, 1),
            _ => (4, 2),
        };
        i += len;
        u += width;
    }
    (u == units).then_some(i)
}

/// The number of bytes at the end of `s` (UTF-8) that hold its last `units` UTF-16 code units.
fn offset_backward(s: &[u8], units: usize) -> Option<usize> {
    let (mut n, mut u) = (0, 0);
    while u < units {
        if units - u >= 8 && s.len() - n >= 8 && ascii8(s, s.len() - n - 8) {
            n += 8;
            u += 8;
            continue;
        }
        // Back over continuation bytes to the character's first byte.
        let mut len = 1;
        while s.len() - n - len > 0 && s[s.len() - n - len] & 0xc0 == 0x80 {
            len += 1;
        }
        if n + len > s.len() {
            return None;
        }
        n += len;
        u += if len == 4 { 2 } else { 1 };
    }
    (u == units).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What JavaScript's `delta` computes, on UTF-16: the common start and end (never
    /// splitting a surrogate pair) and the new middle.
    fn delta(old: &str, now: &str) -> (usize, usize, String) {
        let (a, b): (Vec<u16>, Vec<u16>) = (old.encode_utf16().collect(), now.encode_utf16().collect());
        let n = a.len().min(b.len());
        let mut p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        if p > 0 && (0xd800..0xdc00).contains(&b[p - 1]) {
            p -= 1;
        }
        let mut s = a.iter().rev().zip(b.iter().rev()).take(n - p).take_while(|(x, y)| x == y).count();
        if s > 0 && (0xdc00..0xe000).contains(&b[b.len() - s]) {
            s -= 1;
        }
        (p, s, String::from_utf16(&b[p..b.len() - s]).expect("whole characters"))
    }

    #[test]
    fn a_patched_copy_equals_the_new_text() {
        let texts = [
            "",
            "a",
            "Inovasi ini mempercepat layanan publik.",
            "Inovasi ini mempercepat layanan publik!",
            "Kupu-kupu e-KTP, 2019–2024.",
            "Kupu-kupu e-KTP, 2019—2024…",
            "😀😁 emoji 👩‍👩‍👧 dan 🇮🇩",
            "😀😂 emoji 👩‍👩‍👧 dan 🇮🇩",
            "naïve café, 中文字符, ภาษาไทย",
            "naïve cafe\u{301}, 中文字符, ภาษาไทย and more ASCII after it to pass eight bytes",
            "\r\n\r\nparagraf\n\nkedua\u{2028}baris",
        ];
        for old in texts {
            for now in texts {
                for now in [now.to_owned(), format!("{old}{now}"), format!("{now}{old}"), format!("x{old}y")] {
                    let (p, s, middle) = delta(old, &now);
                    let mut copy = old.to_owned();
                    assert!(splice_utf16(&mut copy, p, s, &middle), "{old:?} -> {now:?}");
                    assert_eq!(copy, now, "{old:?} -> {now:?} ({p}, {s}, {middle:?})");
                }
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_text_are_refused() {
        let mut text = "a😀b".to_owned(); // UTF-16: a, high, low, b
        assert!(!splice_utf16(&mut text, 2, 0, "x"), "between the two halves of a pair");
        assert!(!splice_utf16(&mut text, 0, 2, "x"), "from the end, between the halves");
        assert!(!splice_utf16(&mut text, 5, 0, "x"), "past the end");
        assert!(!splice_utf16(&mut text, 3, 3, "x"), "overlapping");
        assert_eq!(text, "a😀b", "left as it was");
        assert!(splice_utf16(&mut text, 1, 1, "x"));
        assert_eq!(text, "axb");
    }

    #[test]
    fn long_ascii_runs_take_the_eight_byte_path_on_both_sides() {
        let old = format!("{}é{}", "a".repeat(37), "b".repeat(41));
        let now = format!("{}é{}", "a".repeat(37), "b".repeat(40));
        let (p, s, middle) = delta(&old, &now);
        let mut copy = old.clone();
        assert!(splice_utf16(&mut copy, p, s, &middle));
        assert_eq!(copy, now);
        let mut copy = old.clone();
        assert!(splice_utf16(&mut copy, 38, 0, ""), "cut after é");
        assert_eq!(copy, format!("{}é", "a".repeat(37)));
    }
}
