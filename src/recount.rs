//! Counting again after an edit: only the blocks the edit touched are re-counted.
//!
//! On every keystroke the DOM layer checks the edited section again, and the section's fields
//! are counted whole (a 20,000-word proposal has sections of 30–40 KB). A [`Recount`] keeps the
//! previous text of one field cut into *blocks*, each with its [`TextStats`]; for a new text it
//! finds the bytes the edit left alone at both ends, keeps the blocks lying wholly inside them
//! and counts only the blocks in between. The result is always exactly [`count`]'s.
//!
//! # Where a text is cut, and why the counts add up there
//!
//! A block ends at a position `p` that starts a blank line right after a line break: the byte
//! before `p` is `\n`, or a `\r` not followed by `\n`, and from `p` the text holds only spaces and
//! tabs up to a `\n` or `\r` (see `is_boundary`). For such a `p`, every field of
//! `count(a + b)` is the sum of `count(a)` and `count(b)` (`a` ending at `p`, `b` starting
//! there), in both modes:
//!
//! * `count` walks the text line by line; what carries from one line to the next is the
//!   paragraph (open or not), the open sentence (a word seen, a terminator at a line's end
//!   waiting for the next line's case) and Writer's word scanner (stopped by a zero-width space,
//!   or jumping after one). A line ended by `\n` or `\r` resets the scanner (U+2028, U+2029 end
//!   lines that don't), and the blank line at `p` holds no token, so it closes the paragraph and
//!   its sentence just as the end of `a` does when `a` is counted alone; after it the state is
//!   the one `count` starts with.
//! * Nothing in a line looks past its line break (the sentence rules look at the rest of the
//!   line, the cluster rules at the characters next to a run, both stopping at `\n` and `\r`), so
//!   the lines of `a` count the same alone, and the blank line's spaces count the same at the
//!   start of `b` (characters in `office`, nothing else).
//! * `count`'s special cases sit at the two ends of a text: a leading BOM (only the first block
//!   starts at the text's start, and a block starting at a cut begins with a space, a tab or a
//!   line break) and, in `office`, a final U+001A (only the last block ends at the text's end; a
//!   block ending at a cut ends with a line break).
//! * Counts saturate at `u32::MAX`; they only ever grow, so a saturating sum of the blocks is
//!   the saturating count of the whole.
//!
//! The property tests below hold `count` to this for every cut of generated texts built from
//! the characters these rules single out, and [`Recount`] to `count` after every edit of
//! random edit sequences. They fail at once for looser cuts: at every line start (a sentence
//! or paragraph that goes on, a SUB before the line break), or between the `\r` and `\n` of a
//! CR LF. A text without a blank line is one block: still exact, no faster.

use crate::count::{count, TextStats, WordCountMode};

/// A field's text counted block by block, so that counting it again after an edit re-counts
/// only the blocks the edit touched. [`Recount::count`] always equals
/// [`count`].
///
/// # Example
/// ```
/// use borang::count::{count, WordCountMode};
/// use borang::Recount;
///
/// let mut r = Recount::new(WordCountMode::Office);
/// let mut text = String::from("Paragraf satu.\n\nParagraf dua.\n\nParagraf tiga.");
/// assert_eq!(r.count(&text), count(&text, WordCountMode::Office));
/// text.insert_str(24, " kedua");
/// assert_eq!(r.count(&text).words, 7);
/// ```
#[derive(Debug, Clone)]
pub struct Recount {
    mode: WordCountMode,
    /// The text counted last.
    text: String,
    /// Its blocks in order: where each ends (the next starts there) and its counts. The last
    /// ends at `text.len()`; none is empty, so an empty text has none.
    blocks: Vec<Block>,
    /// The next list of blocks is built here, then swapped in: both keep their capacity.
    spare: Vec<Block>,
    /// Blocks and bytes counted by the last [`Recount::count`], for the tests.
    #[cfg(test)]
    recounted: (usize, usize),
}

#[derive(Debug, Clone, Copy)]
struct Block {
    end: usize,
    stats: TextStats,
}

impl Recount {
    /// Nothing counted yet: the first [`Recount::count`] counts its text whole.
    pub fn new(mode: WordCountMode) -> Recount {
        Recount {
            mode,
            text: String::new(),
            blocks: Vec::new(),
            spare: Vec::new(),
            #[cfg(test)]
            recounted: (0, 0),
        }
    }

    /// How words are counted.
    pub fn mode(&self) -> WordCountMode {
        self.mode
    }

    /// Equal to `count(text, mode)`, always; re-counts only the blocks an edit touched.
    ///
    /// The blocks of the previous text that lie wholly inside the bytes it shares with `text`
    /// at the start or at the end are kept, provided they still end (or start) at a cut of
    /// `text`; what lies between them is cut again and counted.
    pub fn count(&mut self, text: &str) -> TextStats {
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let prefix = common_prefix(old, new);
        let suffix = common_suffix(old, new, old.len().min(new.len()) - prefix);
        self.spare.clear();

        // Blocks wholly inside the common prefix, while each still ends at a cut.
        let mut kept_front = 0;
        let mut from = 0;
        for block in self.blocks.iter().take_while(|b| b.end <= prefix) {
            if block.end != new.len() && !is_boundary(new, block.end) {
                break;
            }
            self.spare.push(*block);
            kept_front += 1;
            from = block.end;
        }
        // Blocks wholly inside the common suffix, from the last, while each still starts at a
        // cut; they move by the change in length.
        let mut kept_back = self.blocks.len();
        let mut to = new.len();
        while kept_back > kept_front {
            let start = kept_back.checked_sub(2).map_or(0, |k| self.blocks[k].end);
            let Some(moved) = (start + new.len()).checked_sub(old.len()) else { break };
            if start < old.len() - suffix || moved < from || (moved != 0 && !is_boundary(new, moved)) {
                break;
            }
            kept_back -= 1;
            to = moved;
        }

        // The rest, cut at every boundary and counted.
        let mut start = from;
        while start < to {
            let end = next_boundary(new, start, to);
            let stats = count(slice(text, start, end), self.mode);
            self.spare.push(Block { end, stats });
            start = end;
        }
        #[cfg(test)]
        {
            self.recounted = (self.spare.len() - kept_front, to - from);
        }
        let shift = |end: usize| end + new.len() - old.len();
        let back = self.blocks.get(kept_back..).unwrap_or_default();
        self.spare.extend(back.iter().map(|b| Block { end: shift(b.end), stats: b.stats }));

        std::mem::swap(&mut self.blocks, &mut self.spare);
        self.text.clear();
        self.text.push_str(text);
        self.blocks.iter().fold(TextStats::default(), |sum, b| add(sum, b.stats))
    }
}

/// Field-by-field sum, saturating as [`count`] does.
fn add(a: TextStats, b: TextStats) -> TextStats {
    TextStats {
        words: a.words.saturating_add(b.words),
        chars: a.chars.saturating_add(b.chars),
        chars_no_spaces: a.chars_no_spaces.saturating_add(b.chars_no_spaces),
        sentences: a.sentences.saturating_add(b.sentences),
        paragraphs: a.paragraphs.saturating_add(b.paragraphs),
    }
}

fn slice(t: &str, a: usize, b: usize) -> &str {
    t.get(a..b).unwrap_or("")
}

/// Whether a block may start at `p` in `t`: right after a line break (`\n`, or a `\r` that is
/// not the first half of `\r\n`), at a line holding only spaces and tabs and ending with a line
/// break. Such a line is always blank (no token), and `p` is always a character boundary.
fn is_boundary(t: &[u8], p: usize) -> bool {
    let after_break = match (p.checked_sub(1).and_then(|k| t.get(k)), t.get(p)) {
        (Some(b'\n'), _) => true,
        (Some(b'\r'), Some(&x)) => x != b'\n',
        _ => false,
    };
    after_break
        && t.get(p..)
            .unwrap_or_default()
            .iter()
            .find(|&&x| x != b' ' && x != b'\t')
            .is_some_and(|&x| x == b'\n' || x == b'\r')
}

/// The first cut after `start` and before `to`, or `to`.
fn next_boundary(t: &[u8], start: usize, to: usize) -> usize {
    let mut k = start;
    while let Some(i) = t.get(k..to).and_then(|r| r.iter().position(|&x| x == b'\n' || x == b'\r')) {
        let p = k + i + 1;
        if p >= to {
            break;
        }
        if is_boundary(t, p) {
            return p;
        }
        k = p;
    }
    to
}

/// Length of the longest common prefix of `a` and `b`, eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut i = 0;
    // `chunks_exact` lets the compiler drop the bounds checks: at `opt-level = "z"` the
    // slicing of every step cost a keystroke in a 30 KB section a tenth of a millisecond.
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let d = word(x) ^ word(y);
        if d != 0 {
            return i + (d.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// Length of the longest common suffix of `a` and `b`, at most `max`, eight bytes at a time.
fn common_suffix(a: &[u8], b: &[u8], max: usize) -> usize {
    let (a, b) = (&a[a.len() - max..], &b[b.len() - max..]);
    let mut i = 0;
    for (x, y) in a.rchunks_exact(8).zip(b.rchunks_exact(8)) {
        // The byte nearest the end is the most significant one.
        let d = word(x) ^ word(y);
        if d != 0 {
            return i + (d.leading_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < max && a[max - 1 - i] == b[max - 1 - i] {
        i += 1;
    }
    i
}

/// Eight bytes as one little-endian word. Always inlined: at `opt-level = "z"` the call alone
/// was most of the comparison's time.
#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    // `chunks_exact(8)` only gives chunks of eight: the 0 is never taken (and no panic path
    // is left in the loop).
    chunk.first_chunk().map_or(0, |b| u64::from_le_bytes(*b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use WordCountMode::{Office, Unicode};

    /// What the cut rules have to survive: letters, digits, every kind of white space and line
    /// break, blank lines with spaces, a BOM and a SUB (special at a text's ends), zero-width
    /// space (stops Writer's scanner), soft hyphen, lone and attached marks, a ZWJ emoji, a
    /// Prepend character, CJK and Thai, terminators, quotes, brackets, abbreviations, list
    /// numbers, lines starting in lower- and uppercase.
    const PIECES: &[&str] = &[
        "a",
        "Kata",
        "ia",
        "Z",
        "7",
        "2024",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "\n  \n",
        "\n\t \n",
        "\r\n\r\n",
        "\r\r",
        " \n",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        "\u{A0}",
        "\u{3000}",
        "\u{B}",
        "\u{C}",
        "\u{FEFF}",
        "\u{1A}",
        "\u{200B}",
        "\u{AD}",
        "\u{301}",
        "e\u{301}",
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        "\u{200D}",
        "\u{600}",
        "\u{4E2D}\u{6587}",
        "\u{E44}\u{E17}\u{E22}",
        ".",
        "!",
        "?",
        "...",
        "\u{2026}",
        ",",
        "-",
        "--",
        "\u{2013}",
        "\u{2014}",
        "\"",
        "'",
        "\u{201C}",
        "\u{201D}",
        "(",
        ")",
        "[",
        "]",
        "Dr.",
        "No.",
        "dll.",
        "1.",
        "a.",
        "II.",
        "\u{7F}",
        "\u{1}",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat())
    }

    #[derive(Debug, Clone)]
    enum Edit {
        /// Insert at the n-th character boundary (modulo their number, the end included).
        Insert(usize, String),
        /// Delete so many characters from the n-th boundary.
        Delete(usize, usize),
        /// Replace so many characters from the n-th boundary.
        Replace(usize, usize, String),
        /// Replace the whole text (perhaps with nothing).
        Whole(String),
        /// Delete the n-th line break (merges lines and paragraphs, removes blank lines).
        DeleteBreak(usize),
        /// Insert a `\n` after the n-th `\n` (makes a blank line).
        BlankLine(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let n = any::<usize>();
        prop_oneof![
            3 => (n, text()).prop_map(|(p, t)| Edit::Insert(p, t)),
            3 => (n, 0..12usize).prop_map(|(p, l)| Edit::Delete(p, l)),
            2 => (n, 0..12usize, text()).prop_map(|(p, l, t)| Edit::Replace(p, l, t)),
            1 => text().prop_map(Edit::Whole),
            2 => n.prop_map(Edit::DeleteBreak),
            2 => n.prop_map(Edit::BlankLine),
        ]
    }

    /// The byte offset of the `n`-th character boundary, modulo their number (end included).
    fn boundary(t: &str, n: usize) -> usize {
        let count = t.chars().count() + 1;
        t.char_indices().map(|(i, _)| i).chain([t.len()]).nth(n % count).unwrap_or(t.len())
    }

    fn apply(t: &mut String, e: &Edit) {
        let range = |t: &str, p: usize, l: usize| {
            let a = boundary(t, p);
            let b = slice(t, a, t.len()).char_indices().map(|(i, _)| a + i).chain([t.len()]).nth(l).unwrap_or(t.len());
            a..b
        };
        match e {
            Edit::Insert(p, s) => t.insert_str(boundary(t, *p), s),
            Edit::Delete(p, l) => t.replace_range(range(t, *p, *l), ""),
            Edit::Replace(p, l, s) => t.replace_range(range(t, *p, *l), s),
            Edit::Whole(s) => s.clone_into(t),
            Edit::DeleteBreak(n) => {
                let breaks: Vec<usize> = t.match_indices(['\n', '\r']).map(|(i, _)| i).collect();
                if !breaks.is_empty() {
                    t.remove(breaks[n % breaks.len()]);
                }
            }
            Edit::BlankLine(n) => {
                let breaks: Vec<usize> = t.match_indices('\n').map(|(i, _)| i).collect();
                let at = if breaks.is_empty() { t.len() } else { breaks[n % breaks.len()] + 1 };
                t.insert(at, '\n');
            }
        }
    }

    /// The blocks cover the text, each ends at a cut (the last at the end) and holds the counts
    /// of its own text.
    fn assert_blocks(r: &Recount) {
        let mut start = 0;
        for (k, b) in r.blocks.iter().enumerate() {
            assert!(b.end > start, "empty block {k}");
            let last = k + 1 == r.blocks.len();
            assert!(if last { b.end == r.text.len() } else { is_boundary(r.text.as_bytes(), b.end) }, "block {k}");
            assert_eq!(b.stats, count(slice(&r.text, start, b.end), r.mode), "block {k} of {:?}", r.text);
            start = b.end;
        }
        assert_eq!(start, r.text.len());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The law the blocks rest on: at every cut, each metric of the whole is the sum of
        /// the two parts', in both modes.
        #[test]
        fn counts_add_up_at_every_cut(t in text()) {
            let b = t.as_bytes();
            for p in (1..t.len()).filter(|&p| is_boundary(b, p)) {
                prop_assert!(t.is_char_boundary(p));
                for mode in [Office, Unicode] {
                    let parts = add(count(&t[..p], mode), count(&t[p..], mode));
                    prop_assert_eq!(parts, count(&t, mode), "cut at {} of {:?}, {:?}", p, t, mode);
                }
            }
        }

        /// Whatever the edits, every count equals a count from scratch.
        #[test]
        fn recount_equals_count_after_every_edit(start in text(), edits in prop::collection::vec(edit(), 1..16)) {
            let mut t = start;
            let mut recounts = [Recount::new(Office), Recount::new(Unicode)];
            for r in &mut recounts {
                prop_assert_eq!(r.count(&t), count(&t, r.mode), "first count of {:?}", t);
            }
            for e in &edits {
                apply(&mut t, e);
                for r in &mut recounts {
                    prop_assert_eq!(r.count(&t), count(&t, r.mode), "after {:?}: {:?}", e, t);
                    assert_blocks(r);
                }
            }
        }

        #[test]
        fn common_ends_are_the_naive_ones(a in prop::collection::vec(0u8..3, 0..40), b in prop::collection::vec(0u8..3, 0..40)) {
            let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            prop_assert_eq!(common_prefix(&a, &b), p);
            let max = a.len().min(b.len()) - p;
            let s = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count().min(max);
            prop_assert_eq!(common_suffix(&a, &b, max), s);
        }
    }

    #[test]
    fn the_ends_of_a_text_stay_special() {
        // A BOM only counts as nothing at the very start, a SUB (office) only at the very end:
        // blocks that move there or away from there are counted again.
        let mut r = Recount::new(Office);
        for t in [
            "\u{FEFF}\n\nSatu.\n\nDua.\u{1A}",
            "\n\nSatu.\n\nDua.\u{1A}",
            "x\u{FEFF}\n\nSatu.\n\nDua.\u{1A}",
            "\n\nSatu.\n\nDua.\u{1A}\n\n",
            "\n\nSatu.\n\nDua.\u{1A}",
            "\n\nSatu.\n\n",
            "\n\nSatu.\n\n\u{1A}",
            "",
            "\u{1A}",
            "\n\n",
        ] {
            assert_eq!(r.count(t), count(t, Office), "{t:?}");
            assert_blocks(&r);
        }
    }

    fn proposal(paragraphs: usize) -> String {
        let mut t = String::new();
        for k in 0..paragraphs {
            t.push_str(&format!("Paragraf {k}: inovasi ini mempercepat layanan publik di Kab. PPU. "));
            t.push_str("Warga mengurus e-KTP dalam satu hari, tanpa antre.\nBaris kedua paragraf.\n\n");
        }
        t
    }

    #[test]
    fn an_edit_recounts_only_the_blocks_it_touches() {
        let mut t = proposal(200);
        let paragraph = t.len() / 200;
        for mode in [Office, Unicode] {
            let mut r = Recount::new(mode);
            let mut t = t.clone();
            r.count(&t);
            assert_eq!(r.recounted, (201, t.len()), "first use: every block (200 gaps, the last at the end)");
            assert_eq!(r.count(&t), count(&t, mode));
            assert_eq!(r.recounted, (0, 0), "nothing changed");

            // A word typed in the middle: its paragraph's block (and the blank line before it).
            let at = t.find("Paragraf 100:").unwrap() + 9;
            t.insert_str(at, "baru ");
            assert_eq!(r.count(&t), count(&t, mode));
            assert!(r.recounted.0 <= 2 && r.recounted.1 <= paragraph + 10, "{:?}", r.recounted);

            // A blank line removed: two paragraphs merge.
            let at = t.find("\n\nParagraf 120:").unwrap();
            t.remove(at);
            assert_eq!(r.count(&t), count(&t, mode));
            assert!(r.recounted.0 <= 3 && r.recounted.1 <= 2 * paragraph + 10, "{:?}", r.recounted);

            // ... and put back.
            t.insert(at, '\n');
            assert_eq!(r.count(&t), count(&t, mode));
            assert!(r.recounted.0 <= 3 && r.recounted.1 <= 2 * paragraph + 10, "{:?}", r.recounted);

            // Typing at the end and at the start.
            t.push_str("Paragraf terakhir");
            assert_eq!(r.count(&t), count(&t, mode));
            assert!(r.recounted.0 <= 2 && r.recounted.1 <= 2 * paragraph, "{:?}", r.recounted);
            t.insert_str(0, "Awal. ");
            assert_eq!(r.count(&t), count(&t, mode));
            assert!(r.recounted.0 <= 2 && r.recounted.1 <= paragraph + 10, "{:?}", r.recounted);
        }
        // A text without a blank line is one block, counted whole.
        t = t.replace("\n\n", "\n");
        let mut r = Recount::new(Office);
        r.count(&t);
        t.insert(t.len() / 2, 'x');
        assert_eq!(r.count(&t), count(&t, Office));
        assert_eq!(r.recounted, (1, t.len()));
    }
}
