//! Extended grapheme clusters (UAX #29): the clusters of `unicode-segmentation`'s
//! `graphemes(true)` (the version in `Cargo.lock`), from one small table instead of three.
//!
//! `unicode-segmentation` keeps each code point's Grapheme_Cluster_Break class as a
//! `(first, last, class)` triple of 12 bytes (19,416 bytes), an index over it (2,046) and a
//! separate `InCB=Extend` table (3,012): about 8.6 KB of the module's gzip. Here one table holds
//! both properties as runs of code points of one class, mostly a byte per run
//! (`src/grapheme_table.rs`, generated from `unicode-segmentation`'s own tables by the test
//! `grapheme::tests::the_table_is_up_to_date`): 1,953 bytes. With the smaller code, the lean
//! module went from 183,887 to 174,873 bytes gzip -9 (2026-12-06); counting is as fast.
//!
//! The rules are UAX #29's, applied as `unicode-segmentation` applies them: GB3 to GB8
//! (CR LF, controls, Hangul syllables), GB9 and GB9a (Extend, ZWJ, SpacingMark), GB9b
//! (Prepend), GB9c (Indic conjuncts: `InCB=Consonant [InCB=Extend InCB=Linker]* InCB=Linker
//! [InCB=Extend InCB=Linker]* × InCB=Consonant`), GB11 (`Extended_Pictographic Extend* ZWJ ×
//! Extended_Pictographic`), GB12 and GB13 (regional indicators in pairs). The tests hold every
//! code point, in strings built around it (in release builds: `cargo test --release -p borang
//! grapheme`), and random strings to `unicode-segmentation`'s clusters.

use crate::grapheme_table::{RUNS, SEEK_AT, SEEK_START};

/// A code point's class for the cluster rules: its Grapheme_Cluster_Break value, with `Extend`
/// split by Indic_Conjunct_Break (GB9c) and the Hangul syllables' LV and LVT told apart by
/// arithmetic. The first thirteen are the classes of the table, in the table's numbering.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Class {
    Any,
    Control,
    /// `Extend` with `InCB=Extend` (every `Extend` but the linkers and U+200C ZWNJ).
    Extend,
    /// `Extend` with `InCB=Linker` (viramas: U+094D …).
    Linker,
    Pictographic,
    /// A precomposed Hangul syllable, LV or LVT (resolved by [`class`], never returned).
    Syllable,
    /// `InCB=Consonant` (its Grapheme_Cluster_Break is `Other`).
    Consonant,
    L,
    V,
    T,
    Prepend,
    Regional,
    SpacingMark,
    // Not in the table: below U+0300, and U+200C/U+200D (checked before the table).
    Cr,
    Lf,
    /// U+200D: `ZWJ` with `InCB=Extend`.
    Zwj,
    /// U+200C: `Extend` with no InCB value, so it ends a GB9c sequence.
    Zwnj,
    Lv,
    Lvt,
}

/// The table's classes, by the number its runs carry in their high nibble.
const TABLE_CLASSES: [Class; 13] = [
    Class::Any,
    Class::Control,
    Class::Extend,
    Class::Linker,
    Class::Pictographic,
    Class::Syllable,
    Class::Consonant,
    Class::L,
    Class::V,
    Class::T,
    Class::Prepend,
    Class::Regional,
    Class::SpacingMark,
];

/// The first code point the table describes; below it [`class`] decides by itself (Latin-1,
/// Latin Extended, IPA: controls, two pictographs, the rest `Other`).
const TABLE_FROM: u32 = 0x300;

fn class(c: char) -> Class {
    let u = u32::from(c);
    if u < TABLE_FROM {
        return match u {
            0x0A => Class::Lf,
            0x0D => Class::Cr,
            0x00..=0x1F | 0x7F..=0x9F | 0xAD => Class::Control,
            0xA9 | 0xAE => Class::Pictographic,
            _ => Class::Any,
        };
    }
    match u {
        0x200C => Class::Zwnj,
        0x200D => Class::Zwj,
        _ => match TABLE_CLASSES[usize::from(table_class(u))] {
            Class::Syllable if (u - 0xAC00) % 28 == 0 => Class::Lv,
            Class::Syllable => Class::Lvt,
            class => class,
        },
    }
}

/// The table's class number for `u` (at least [`TABLE_FROM`]).
///
/// [`RUNS`] lists the runs one after another from `TABLE_FROM`: a byte `class << 4 | length`,
/// or `class << 4` followed by the length in LEB128 when it is over 15. [`SEEK_START`] holds the
/// first code point of every 32nd run and [`SEEK_AT`] where that run's byte is, so a lookup is a
/// binary search and at most 32 runs read.
fn table_class(u: u32) -> u8 {
    let k = SEEK_START.partition_point(|&s| s <= u) - 1;
    let mut end = SEEK_START[k];
    let mut at = usize::from(SEEK_AT[k]);
    loop {
        let head = RUNS[at];
        at += 1;
        let mut len = u32::from(head & 15);
        if len == 0 {
            let mut shift = 0;
            loop {
                let b = RUNS[at];
                at += 1;
                len |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
        }
        end += len;
        if u < end {
            return head >> 4;
        }
    }
}

/// What the code points before a position say about the rules that look further back than
/// one code point.
#[derive(Clone, Copy, Default)]
struct Context {
    /// GB9c: after `InCB=Consonant [InCB=Extend InCB=Linker]*`, and whether a linker came.
    conjunct: Conjunct,
    /// GB11: after `Extended_Pictographic Extend*`, and whether a ZWJ followed it.
    emoji: Emoji,
    /// GB12, GB13: an odd number of regional indicators just before.
    odd_regional: bool,
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Conjunct {
    #[default]
    None,
    Consonant,
    Linked,
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Emoji {
    #[default]
    None,
    Pictograph,
    Joined,
}

impl Context {
    /// The context after one more code point of class `c`.
    fn push(&mut self, c: Class) {
        self.conjunct = match c {
            Class::Consonant => Conjunct::Consonant,
            Class::Linker if self.conjunct != Conjunct::None => Conjunct::Linked,
            Class::Linker | Class::Extend | Class::Zwj => self.conjunct,
            _ => Conjunct::None,
        };
        self.emoji = match (c, self.emoji) {
            (Class::Pictographic, _) => Emoji::Pictograph,
            (Class::Extend | Class::Linker | Class::Zwnj, Emoji::Pictograph) => Emoji::Pictograph,
            (Class::Zwj, Emoji::Pictograph) => Emoji::Joined,
            _ => Emoji::None,
        };
        self.odd_regional = c == Class::Regional && !self.odd_regional;
    }

    /// Whether a cluster boundary lies between a code point of class `before` and one of class
    /// `after`, `self` being the context up to and including `before`.
    fn breaks(&self, before: Class, after: Class) -> bool {
        use Class::*;
        match (before, after) {
            (Cr, Lf) => false,                                                       // GB3
            (Control | Cr | Lf, _) | (_, Control | Cr | Lf) => true,                 // GB4, GB5
            (L, L | V | Lv | Lvt) | (Lv | V, V | T) | (Lvt | T, T) => false,         // GB6, GB7, GB8
            (_, Extend | Linker | Zwj | Zwnj | SpacingMark) | (Prepend, _) => false, // GB9, GB9a, GB9b
            (_, Consonant) => self.conjunct != Conjunct::Linked,                     // GB9c
            (Zwj, Pictographic) => self.emoji != Emoji::Joined,                      // GB11
            (Regional, Regional) => !self.odd_regional,                              // GB12, GB13
            _ => true,                                                               // GB999
        }
    }
}

/// The extended grapheme clusters of `s`, in order.
pub(crate) fn graphemes(s: &str) -> Graphemes<'_> {
    Graphemes { rest: s, context: Context::default() }
}

/// Iterator of [`graphemes`].
pub(crate) struct Graphemes<'a> {
    rest: &'a str,
    /// The context before `rest` (rules GB9c, GB11, GB12 look across cluster boundaries).
    context: Context,
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let mut chars = self.rest.char_indices();
        let (_, first) = chars.next()?;
        let mut before = class(first);
        self.context.push(before);
        let mut end = self.rest.len();
        for (i, c) in chars {
            let after = class(c);
            if self.context.breaks(before, after) {
                end = i;
                break;
            }
            self.context.push(after);
            before = after;
        }
        let (cluster, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(cluster)
    }
}

#[cfg(test)]
mod tests {
    //! The table is generated here from `unicode-segmentation`'s own tables (the version in
    //! `Cargo.lock`); `BORANG_UPDATE_GRAPHEME=1 cargo test -p borang grapheme` rewrites
    //! `src/grapheme_table.rs`. The clusters are then held to `unicode-segmentation`'s for every
    //! code point and for random strings.

    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// How many runs lie between two seek points.
    const SEEK_EVERY: usize = 32;

    /// `unicode-segmentation`'s `src/tables.rs`, found through `cargo metadata`.
    fn segmentation_tables() -> (String, String) {
        let out = std::process::Command::new(env!("CARGO"))
            .args(["metadata", "--format-version", "1", "--offline", "--manifest-path"])
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
            .output()
            .expect("cargo metadata");
        assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
        let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let packages: Vec<&serde_json::Value> =
            meta["packages"].as_array().unwrap().iter().filter(|p| p["name"] == "unicode-segmentation").collect();
        assert_eq!(packages.len(), 1, "one unicode-segmentation in the dependency graph");
        let manifest = std::path::Path::new(packages[0]["manifest_path"].as_str().unwrap());
        let tables = manifest.parent().unwrap().join("src/tables.rs");
        let version = packages[0]["version"].as_str().unwrap().to_string();
        (version, std::fs::read_to_string(&tables).unwrap_or_else(|e| panic!("{}: {e}", tables.display())))
    }

    /// The code points written `'\u{…}'` in `text`, in order.
    fn code_points(text: &str) -> Vec<u32> {
        text.split("'\\u{").skip(1).map(|s| u32::from_str_radix(&s[..s.find('}').unwrap()], 16).unwrap()).collect()
    }

    /// The `(first, last, class)` entries of the range table `name` (class "" when it has none).
    fn range_table<'t>(src: &'t str, name: &str) -> Vec<(u32, u32, &'t str)> {
        let start = src.find(&format!("const {name}: &[")).unwrap_or_else(|| panic!("{name} not found"));
        let body = &src[start..];
        let body = &body[body.find("= &[").unwrap()..body.find("];").unwrap()];
        body.split('(')
            .skip(1)
            .map(|entry| {
                let entry = &entry[..entry.find(')').unwrap()];
                let cps = code_points(entry);
                let class = entry.rsplit(',').next().unwrap().trim();
                (cps[0], cps[1], class.strip_prefix("GC_").unwrap_or(""))
            })
            .collect()
    }

    /// Each code point's table class number (for `TABLE_FROM..=0x10FFFF`), from
    /// `unicode-segmentation`'s grapheme category table, its `InCB=Extend` table and its list of
    /// `InCB=Linker`; checking on the way every assumption [`class`] makes.
    fn classes_from(src: &str) -> Vec<u8> {
        let mut gcb = vec!["Any"; 0x110000];
        for (first, last, class) in range_table(src, "grapheme_cat_table") {
            gcb[first as usize..=last as usize].fill(class);
        }
        let mut incb_extend = vec![false; 0x110000];
        for (first, last, _) in range_table(src, "InCB_Extend_table") {
            incb_extend[first as usize..=last as usize].fill(true);
        }
        let linkers_at = src.find("pub fn is_incb_linker").unwrap();
        let linkers = code_points(&src[linkers_at..linkers_at + src[linkers_at..].find("\n}").unwrap()]);
        assert!(linkers.len() > 10, "{linkers:?}");
        let number = |c: Class| TABLE_CLASSES.iter().position(|&t| t == c).unwrap() as u8;
        let mut out = Vec::new();
        for u in 0..0x110000u32 {
            let (g, ext, linker) = (gcb[u as usize], incb_extend[u as usize], linkers.contains(&u));
            let class = match g {
                _ if linker => {
                    assert!(g == "Extend" && !ext, "U+{u:04X}: a linker is Extend and not InCB=Extend");
                    Class::Linker
                }
                "Extend" if u == 0x200C => {
                    assert!(!ext, "U+200C is not InCB=Extend");
                    Class::Zwnj
                }
                "ZWJ" => {
                    assert!(u == 0x200D && ext, "U+{u:04X}: U+200D is the only ZWJ, and InCB=Extend");
                    Class::Zwj
                }
                "Extend" => {
                    assert!(ext, "U+{u:04X}: every other Extend is InCB=Extend");
                    Class::Extend
                }
                _ if ext => panic!("U+{u:04X}: InCB=Extend but {g}"),
                "Any" => Class::Any,
                "CR" => Class::Cr,
                "LF" => Class::Lf,
                "Control" => Class::Control,
                "Extended_Pictographic" => Class::Pictographic,
                "InCB_Consonant" => Class::Consonant,
                "L" => Class::L,
                "V" => Class::V,
                "T" => Class::T,
                "LV" => Class::Lv,
                "LVT" => Class::Lvt,
                "Prepend" => Class::Prepend,
                "Regional_Indicator" => Class::Regional,
                "SpacingMark" => Class::SpacingMark,
                other => panic!("U+{u:04X}: unknown class {other}"),
            };
            if matches!(class, Class::Lv | Class::Lvt) {
                assert!((0xAC00..=0xD7A3).contains(&u), "U+{u:04X}: LV and LVT are the Hangul syllables");
            }
            if (0xAC00..=0xD7A3).contains(&u) {
                assert_eq!(class == Class::Lv, (u - 0xAC00) % 28 == 0, "U+{u:04X}: LV or LVT");
            }
            if u < TABLE_FROM || u == 0x200C || u == 0x200D {
                assert_eq!(super::class(char::from_u32(u).unwrap()), class, "U+{u:04X}, decided without the table");
                if u >= TABLE_FROM {
                    out.push(u8::MAX); // [`fresh_table`] fills it in
                }
                continue;
            }
            assert!(!matches!(class, Class::Cr | Class::Lf), "U+{u:04X}: CR and LF are below the table");
            out.push(number(match class {
                Class::Lv | Class::Lvt => Class::Syllable,
                class => class,
            }));
        }
        out
    }

    /// The text of `src/grapheme_table.rs`.
    fn fresh_table() -> String {
        let (version, src) = segmentation_tables();
        let mut classes = classes_from(&src);
        // U+200C and U+200D are decided before the table: give them their neighbours' class
        // (U+200B and U+200E are controls), which saves two runs.
        for u in [0x200C, 0x200D] {
            classes[(u - TABLE_FROM) as usize] = classes[(0x200B - TABLE_FROM) as usize];
        }
        let mut runs = Vec::new();
        let mut seek = Vec::new();
        let mut start = 0;
        let mut count = 0;
        while start < classes.len() {
            let class = classes[start];
            let len = classes[start..].iter().take_while(|&&c| c == class).count();
            if count % SEEK_EVERY == 0 {
                seek.push((start as u32 + TABLE_FROM, runs.len()));
            }
            if len < 16 {
                runs.push(class << 4 | len as u8);
            } else {
                runs.push(class << 4);
                let mut rest = len;
                while rest >= 0x80 {
                    runs.push(0x80 | (rest & 0x7F) as u8);
                    rest >>= 7;
                }
                runs.push(rest as u8);
            }
            start += len;
            count += 1;
        }
        assert!(runs.len() <= usize::from(u16::MAX));
        let list =
            |items: Vec<String>| items.chunks(16).map(|line| format!("    {},\n", line.join(", "))).collect::<String>();
        format!(
            "//! Grapheme cluster classes of U+0300 to U+10FFFF as runs (read by `grapheme::table_class`),\n\
             //! generated from unicode-segmentation {version}'s tables (Unicode {}) by the test\n\
             //! `grapheme::tests::the_table_is_up_to_date`; do not edit.\n\
             \n\
             /// The runs: `class << 4 | length`, or `class << 4` and the length in LEB128.\n\
             pub(crate) const RUNS: [u8; {}] = [\n{}];\n\
             \n\
             /// The first code point of runs 0, {SEEK_EVERY}, {} …\n\
             pub(crate) const SEEK_START: [u32; {}] = [\n{}];\n\
             \n\
             /// Where in `RUNS` those runs start.\n\
             pub(crate) const SEEK_AT: [u16; {}] = [\n{}];\n",
            {
                let v = unicode_segmentation::UNICODE_VERSION;
                format!("{}.{}.{}", v.0, v.1, v.2)
            },
            runs.len(),
            list(runs.iter().map(|b| format!("0x{b:02X}")).collect()),
            2 * SEEK_EVERY,
            seek.len(),
            list(seek.iter().map(|s| format!("0x{:X}", s.0)).collect()),
            seek.len(),
            list(seek.iter().map(|s| s.1.to_string()).collect()),
        )
    }

    #[test]
    fn the_table_is_up_to_date() {
        let fresh = fresh_table();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/grapheme_table.rs");
        if std::env::var_os("BORANG_UPDATE_GRAPHEME").is_some() {
            std::fs::write(path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == fresh,
            "src/grapheme_table.rs is stale: run `BORANG_UPDATE_GRAPHEME=1 cargo test -p borang grapheme`"
        );
    }

    /// Whether our clusters of `s` are `unicode-segmentation`'s.
    fn check(s: &str) {
        if !graphemes(s).eq(s.graphemes(true)) {
            let ours: Vec<&str> = graphemes(s).collect();
            let theirs: Vec<&str> = s.graphemes(true).collect();
            panic!("{s:?}: ours {ours:?}, unicode-segmentation {theirs:?}");
        }
    }

    /// Strings around `c` that tell every class and rule apart: `c` before and after a member
    /// of each class, and inside the sequences of GB9c, GB11 and GB12.
    const PROBES: &[(&str, &str)] = &[
        ("", ""),
        ("a", ""),
        ("", "a"),
        ("\r", ""),
        ("", "\n"),
        ("\u{1}", ""),
        ("", "\u{1}"),
        ("", "\u{301}"),
        ("", "\u{903}"),
        ("", "\u{200C}"),
        ("", "\u{200D}"),
        ("\u{200D}", ""),
        ("\u{600}", ""),
        ("", "\u{600}"),
        ("\u{94D}", ""),
        ("", "\u{94D}\u{915}"),
        ("\u{915}\u{94D}", ""),
        ("\u{915}", "\u{915}"),
        ("\u{915}\u{94D}", "\u{915}"),
        ("\u{915}", "\u{94D}\u{915}"),
        ("\u{1F600}\u{200D}", ""),
        ("", "\u{200D}\u{1F600}"),
        ("\u{1F600}", "\u{200D}\u{1F600}"),
        ("", "\u{1F3FB}"),
        ("\u{1F1E6}", ""),
        ("", "\u{1F1E6}"),
        ("\u{1F1E6}\u{1F1E6}", ""),
        ("\u{1F1E6}", "\u{1F1E6}"),
        ("\u{1100}", ""),
        ("", "\u{1161}"),
        ("\u{1161}", ""),
        ("", "\u{11A8}"),
        ("\u{11A8}", ""),
        ("\u{AC00}", ""),
        ("\u{AC01}", ""),
    ];

    #[test]
    #[cfg_attr(debug_assertions, ignore = "two minutes unoptimised: `cargo test --release -p borang grapheme`")]
    fn every_code_point_clusters_as_unicode_segmentation() {
        // All of a code point's probes in one string, a line feed between them: both sides
        // break on each side of it and look back no further (GB4, GB5), so the clusters of the
        // whole are those of the probes; when they differ, each probe is checked on its own.
        let mut all = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            all.clear();
            for (before, after) in PROBES {
                all.push('\n');
                all.push_str(before);
                all.push(c);
                all.push_str(after);
            }
            all.extend(['\n', c, c]);
            if !graphemes(&all).eq(all.graphemes(true)) {
                for (before, after) in PROBES {
                    check(&format!("{before}{c}{after}"));
                }
                check(&format!("{c}{c}"));
                panic!("U+{:04X}: only the probes together cluster differently", u32::from(c));
            }
        }
    }

    /// A member (or several) of every class, the classes' edges, and the ASCII the counter meets.
    const REPRESENTATIVES: &[char] = &[
        'a',
        ' ',
        '\r',
        '\n',
        '\t',
        '\u{1}',
        '\u{7F}',
        '\u{85}',
        '\u{AD}',
        '\u{A9}',
        '\u{E9}',
        '\u{2FF}',
        '\u{300}',
        '\u{301}',
        '\u{94D}',
        '\u{9CD}',
        '\u{200C}',
        '\u{200D}',
        '\u{200B}',
        '\u{903}',
        '\u{E33}',
        '\u{600}',
        '\u{110BD}',
        '\u{915}',
        '\u{938}',
        '\u{995}',
        '\u{93C}',
        '\u{1100}',
        '\u{1161}',
        '\u{11A8}',
        '\u{AC00}',
        '\u{AC01}',
        '\u{D7A3}',
        '\u{1F1E6}',
        '\u{1F1F7}',
        '\u{1F600}',
        '\u{2764}',
        '\u{1F3FB}',
        '\u{FE0F}',
        '\u{E0020}',
        '\u{E007F}',
        '\u{4E2D}',
        '\u{5D0}',
        '\u{10FFFF}',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn random_strings_cluster_as_unicode_segmentation(
            picks in proptest::collection::vec(0..REPRESENTATIVES.len(), 0..24)
        ) {
            let s: String = picks.iter().map(|&i| REPRESENTATIVES[i]).collect();
            check(&s);
        }
    }

    #[test]
    fn examples() {
        fn clusters(s: &str) -> Vec<&str> {
            graphemes(s).collect()
        }
        assert_eq!(clusters("a\r\nb"), ["a", "\r\n", "b"]);
        assert_eq!(clusters("\u{915}\u{94D}\u{937}i"), ["\u{915}\u{94D}\u{937}", "i"]);
        assert_eq!(clusters("\u{915}\u{94D}\u{200C}\u{937}"), ["\u{915}\u{94D}\u{200C}", "\u{937}"]);
        assert_eq!(clusters("\u{915}\u{94D}\u{200D}\u{937}"), ["\u{915}\u{94D}\u{200D}\u{937}"]);
        assert_eq!(clusters("\u{915}\u{93C}\u{94D}\u{937}"), ["\u{915}\u{93C}\u{94D}\u{937}"]);
        assert_eq!(clusters("\u{1F469}\u{200D}\u{1F4BB}!"), ["\u{1F469}\u{200D}\u{1F4BB}", "!"]);
        assert_eq!(clusters("\u{1F469}\u{200C}\u{200D}\u{1F4BB}"), ["\u{1F469}\u{200C}\u{200D}\u{1F4BB}"]);
        assert_eq!(clusters("\u{1F469}\u{200D}\u{200D}\u{1F4BB}"), ["\u{1F469}\u{200D}\u{200D}", "\u{1F4BB}"]);
        assert_eq!(clusters("\u{1F1EE}\u{1F1E9}\u{1F1F2}"), ["\u{1F1EE}\u{1F1E9}", "\u{1F1F2}"]);
        assert_eq!(clusters("\u{600}1 \u{AC00}\u{11A8}"), ["\u{600}1", " ", "\u{AC00}\u{11A8}"]);
        assert_eq!(clusters(""), [] as [&str; 0]);
    }
}
