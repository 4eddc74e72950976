//! Field patterns: a small, linear-time matcher with no backtracking.
//!
//! **Why hand-written** (measured 2026-12-05, `pkg/borang_bg.wasm` after `wasm-opt -Oz`, gzip -9):
//! with `regex-lite` 0.1 doing compile and match in its place the module grows from 218,448 to
//! 233,418 bytes, **+14,970 bytes (+6.9 %)**. Kept: besides the bytes, `regex-lite` reads Rust's
//! syntax, not the ECMAScript subset HTML `pattern` uses (`\u{…}`, `(?<name>…)`, `[\b]`, class
//! rules), folds case differently, and has no step budget for [`Pattern::is_match_within`].
//!
//! Semantics follow the HTML `pattern` attribute: the pattern must match the
//! **whole** value, as if written `^(?:p)$`. Matching works on Unicode `char`s.
//!
//! # Grammar (an ECMAScript subset, strict like the `u`/`v` flags HTML uses)
//!
//! ```text
//! alternation := concat ('|' concat)*
//! concat      := (atom quantifier?)*
//! quantifier  := ('*' | '+' | '?' | '{n}' | '{n,}' | '{n,m}') '?'?   lazy `?` is ignored
//! atom        := char | '.' | '^' | '$' | class | escape
//!              | '(' alternation ')' | '(?:' alternation ')' | '(?<name>' alternation ')'
//! class       := '[' '^'? (class_atom ('-' class_atom)?)* ']'   `-` first/last is literal
//! escape      := \d \D \w \W \s \S | \n \t \r \f \v \0 | \xHH | \uHHHH | \u{H…}
//!              | \ and one of  \ . * + ? ( ) [ ] { } | ^ $ / -   (`[\b]` is backspace)
//! ```
//!
//! `.` is any char but `\n \r U+2028 U+2029`; `\d` and `\w` are ASCII; `\s` is Unicode
//! `White_Space` (NBSP included). `^` and `$` are real assertions (start / end of the
//! value), so they are no-ops at the ends and never match in the middle. `{` always
//! starts a quantifier and `}` / `]` are never literal unless escaped: `a{`, `x{,3}`
//! and a lone `}` are errors (no Annex B leniency, as with the `u`/`v` flags).
//! Case-insensitive matching folds Latin letters (ASCII, Latin-1 and Latin Extended-A: what
//! Indonesian and most European text use); other scripts match case-sensitively.
//!
//! Refused with a [`PatternError`] (char offset + message): backreferences, lookaround,
//! `\b`/`\B`, `\p{…}`, unknown escapes, unbalanced `()`/`[]`, dangling quantifiers,
//! `{n,m}` with n > m, patterns over [`MAX_PATTERN_LEN`] chars, groups nested over
//! [`MAX_NESTING`] deep, and programs over [`MAX_PROGRAM`] instructions.
//!
//! # Linear time
//!
//! Parsing recurses at most [`MAX_NESTING`] groups deep. The compiled program is a
//! Thompson NFA: counted repetition is expanded, and every expanded copy emits at least
//! one instruction, so compiling stops at [`MAX_PROGRAM`]. Matching is a Pike VM: two
//! sparse sets of program counters, one input char at a time, each instruction visited
//! at most once per char, no recursion. Cost is O(program × input), memory O(program).
//! The checker caps that work per value at [`MAX_MATCH_STEPS`] (see
//! [`Pattern::is_match_within`]), so even a large program on a megabytes-long text answers
//! quickly: with "too costly to check" rather than a frozen page.

use std::fmt;

/// Most instructions a compiled pattern may have.
pub const MAX_PROGRAM: usize = 10_000;
/// Longest accepted pattern, in chars.
pub const MAX_PATTERN_LEN: usize = 2_000;
/// Deepest accepted group nesting.
pub const MAX_NESTING: usize = 64;
/// The most matching work the checker spends on one field value (see
/// [`Pattern::is_match_within`]). A step is one live NFA state meeting one char; a
/// pattern keeps from one (`\d{18}`) to dozens (`(.*a){20}`) of them alive, so the cap
/// is met by a simple pattern on megabytes and by a costly one on a few hundred
/// kilobytes, and never by a pattern on what forms usually hold (an ID number, an
/// essay of some thousand words). In the release WebAssembly a step costs tens of
/// nanoseconds, so the cap is a fraction of a second to a second on a slow machine.
pub const MAX_MATCH_STEPS: u64 = 10_000_000;

/// Why a pattern was refused; `offset` counts chars from the start of the pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Where in the pattern, in chars.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (offset, message) = (self.offset, &self.message);
        write!(f, "invalid pattern at character {offset}: {message}")
    }
}

impl std::error::Error for PatternError {}

type Res<T> = Result<T, PatternError>;

fn err<T>(offset: usize, message: impl Into<String>) -> Res<T> {
    let message = message.into();
    Err(PatternError { offset, message })
}

/// One member of a character class; the `bool` of a shorthand means negated (`\D`).
#[derive(Debug, Clone, Copy)]
enum Item {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

impl Item {
    fn hits(self, c: char) -> bool {
        match self {
            Item::Range(lo, hi) => lo <= c && c <= hi,
            Item::Digit(neg) => c.is_ascii_digit() != neg,
            Item::Word(neg) => (c.is_ascii_alphanumeric() || c == '_') != neg,
            Item::Space(neg) => c.is_whitespace() != neg,
        }
    }
}

#[derive(Debug, Clone)]
struct Class {
    items: Vec<Item>,
    negated: bool,
}

#[derive(Debug, Clone, Copy)]
enum Inst {
    Char(char), // already case-folded when the pattern is case-insensitive
    Any,
    Class(usize),
    Start,
    End,
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// Parsed pattern. Invariant: a `Repeat` body is never `Empty` and its max is never 0,
/// so every node but `Empty` compiles to at least one instruction.
enum Node {
    Empty,
    Leaf(Inst),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// A compiled field pattern; see the module docs for the syntax.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    prog: Vec<Inst>,
    classes: Vec<Class>,
    case_insensitive: bool,
}

/// What an escape stands for: one char or a class shorthand like `\d`.
enum Esc {
    Char(char),
    Item(Item),
}

#[derive(Default)]
struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    classes: Vec<Class>,
    case_insensitive: bool,
}

impl Parser {
    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        self.pos += usize::from(hit);
        hit
    }

    fn alternation(&mut self) -> Res<Node> {
        let mut branches = vec![self.concat()?];
        while self.eat('|') {
            branches.push(self.concat()?);
        }
        Ok(match branches.len() {
            1 => branches.pop().unwrap_or(Node::Empty),
            _ => Node::Alt(branches),
        })
    }

    fn concat(&mut self) -> Res<Node> {
        let mut items = Vec::new();
        while self.peek().is_some_and(|c| c != '|' && c != ')') {
            let start = self.pos;
            let atom = self.atom()?;
            match self.quantifier(atom, start)? {
                Node::Empty => {}
                Node::Concat(nodes) => items.extend(nodes),
                node => items.push(node),
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Res<Node> {
        let at = self.pos;
        let c = self.peek().unwrap_or_default();
        self.pos += 1;
        Ok(Node::Leaf(match c {
            '.' => Inst::Any,
            '^' => Inst::Start,
            '$' => Inst::End,
            '(' => return self.group(at),
            '[' => return self.class(at),
            '\\' => match self.escape(at, false)? {
                Esc::Char(c) => self.literal(c),
                Esc::Item(item) => self.push_class(vec![item], false),
            },
            '*' | '+' | '?' | '{' => return err(at, format!("nothing to repeat before `{c}`")),
            ']' | '}' => return err(at, format!("lone `{c}`: escape it as `\\{c}`")),
            c => self.literal(c),
        }))
    }

    fn literal(&self, c: char) -> Inst {
        Inst::Char(if self.case_insensitive { fold(c) } else { c })
    }

    fn quantifier(&mut self, atom: Node, start: usize) -> Res<Node> {
        let at = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => self.braces()?,
            _ => return Ok(atom),
        };
        if self.pos == at {
            self.pos += 1; // a one-char quantifier
        }
        if matches!(self.chars[start], '^' | '$') {
            return err(at, "nothing to repeat: `^` and `$` cannot be quantified");
        }
        self.eat('?'); // laziness does not change whether the whole value matches
        if let Some(c @ ('*' | '+' | '?' | '{')) = self.peek() {
            return err(self.pos, format!("nothing to repeat before `{c}`"));
        }
        Ok(match (atom, max) {
            (Node::Empty, _) | (_, Some(0)) => Node::Empty,
            (atom, Some(1)) if min == 1 => atom,
            (atom, _) => Node::Repeat(Box::new(atom), min, max),
        })
    }

    /// `{n}`, `{n,}` or `{n,m}`; counts saturate (the program size limit refuses them).
    fn braces(&mut self) -> Res<(u32, Option<u32>)> {
        let at = self.pos;
        self.pos += 1;
        let min = self.number();
        let incomplete = "incomplete quantifier: expected `{n}`, `{n,}` or `{n,m}`";
        let max = if self.eat(',') { self.number() } else { min };
        match (min, max) {
            (Some(n), Some(m)) if m < n && self.eat('}') => err(at, format!("quantifier {{{n},{m}}} is out of order")),
            (Some(n), _) if self.eat('}') => Ok((n, max)),
            _ => err(at, incomplete),
        }
    }

    fn number(&mut self) -> Option<u32> {
        let mut n: Option<u32> = None;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d));
            self.pos += 1;
        }
        n
    }

    fn group(&mut self, at: usize) -> Res<Node> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let message = format!("groups are nested too deeply (over {MAX_NESTING} levels)");
            return err(at, message);
        }
        if self.eat('?') {
            match (self.peek(), self.peek_at(1)) {
                (Some(':'), _) => self.pos += 1,
                (Some('=' | '!'), _) => return err(at, "lookahead is not supported"),
                (Some('<'), Some('=' | '!')) => return err(at, "lookbehind is not supported"),
                (Some('<'), _) => {
                    self.pos += 1;
                    let name = self.pos;
                    let is_name = |c: char| c.is_alphanumeric() || crate::format::has_char("_$", c);
                    while self.peek().is_some_and(is_name) {
                        self.pos += 1;
                    }
                    if self.pos == name || self.chars[name].is_ascii_digit() || !self.eat('>') {
                        return err(at, "invalid group name: expected `(?<name>`");
                    }
                }
                _ => return err(at, "unknown group syntax: expected `(?:` or `(?<name>`"),
            }
        }
        let inner = self.alternation()?;
        if !self.eat(')') {
            return err(at, "unclosed group: expected `)`");
        }
        self.depth -= 1;
        Ok(inner)
    }

    fn push_class(&mut self, items: Vec<Item>, negated: bool) -> Inst {
        self.classes.push(Class { items, negated });
        Inst::Class(self.classes.len() - 1)
    }

    fn class(&mut self, at: usize) -> Res<Node> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            let lo_at = self.pos;
            let Some(lo) = self.class_atom(at)? else {
                break;
            };
            if self.peek() != Some('-') || matches!(self.peek_at(1), Some(']') | None) {
                items.push(match lo {
                    Esc::Char(c) => Item::Range(c, c),
                    Esc::Item(item) => item,
                });
                continue;
            }
            self.pos += 1;
            match (lo, self.class_atom(at)?) {
                (Esc::Char(a), Some(Esc::Char(b))) if a <= b => items.push(Item::Range(a, b)),
                (Esc::Char(a), Some(Esc::Char(b))) => {
                    return err(lo_at, format!("class range `{a}-{b}` is out of order"))
                }
                _ => return err(lo_at, "a class escape like `\\d` cannot be a range bound"),
            }
        }
        Ok(Node::Leaf(self.push_class(items, negated)))
    }

    /// One class member; `None` once the closing `]` is consumed.
    fn class_atom(&mut self, class_at: usize) -> Res<Option<Esc>> {
        let Some(c) = self.peek() else {
            return err(class_at, "unclosed character class: expected `]`");
        };
        self.pos += 1;
        Ok(match c {
            ']' => None,
            '\\' => Some(self.escape(self.pos - 1, true)?),
            c => Some(Esc::Char(c)),
        })
    }

    /// Parses what follows the `\` at `at`.
    fn escape(&mut self, at: usize, in_class: bool) -> Res<Esc> {
        let Some(c) = self.peek() else {
            return err(at, "pattern ends with a lone `\\`");
        };
        self.pos += 1;
        Ok(Esc::Char(match c {
            'd' | 'D' => return Ok(Esc::Item(Item::Digit(c == 'D'))),
            'w' | 'W' => return Ok(Esc::Item(Item::Word(c == 'W'))),
            's' | 'S' => return Ok(Esc::Item(Item::Space(c == 'S'))),
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\u{c}',
            'v' => '\u{b}',
            'b' if in_class => '\u{8}',
            '0' if !self.peek().is_some_and(|c| c.is_ascii_digit()) => '\0',
            '0' => return err(at, "octal escapes are not supported"),
            '1'..='9' | 'k' => return err(at, "backreferences are not supported"),
            'b' | 'B' => return err(at, "word boundaries `\\b` and `\\B` are not supported"),
            'p' | 'P' => return err(at, "unicode property escapes `\\p{…}` are not supported"),
            'x' => match self.hex(2) {
                Some(v) => char::from_u32(v).unwrap_or_default(),
                None => return err(at, "invalid `\\x` escape: expected 2 hex digits"),
            },
            'u' => self.unicode_escape(at)?,
            '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' | '/' | '-' => c,
            c => return err(at, format!("invalid escape `\\{c}`")),
        }))
    }

    fn hex(&mut self, digits: usize) -> Option<u32> {
        let mut v = 0;
        for k in 0..digits {
            v = v * 16 + self.peek_at(k)?.to_digit(16)?;
        }
        self.pos += digits;
        Some(v)
    }

    /// `\u{H…}`, `\uHHHH`, or a `\uHHHH\uHHHH` surrogate pair.
    fn unicode_escape(&mut self, at: usize) -> Res<char> {
        let value = if self.eat('{') {
            let (mut v, mut n) = (0u32, 0);
            while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                (v, n) = (v.saturating_mul(16).saturating_add(d), n + 1);
                self.pos += 1;
            }
            if n == 0 || !self.eat('}') {
                return err(at, "invalid `\\u{…}` escape: expected hex digits and `}`");
            }
            v
        } else {
            let Some(hi) = self.hex(4) else {
                return err(at, "invalid `\\u` escape: expected 4 hex digits");
            };
            let mark = self.pos;
            let pair = (0xD800..0xDC00).contains(&hi) && self.eat('\\') && self.eat('u');
            match self.hex(4).filter(|_| pair) {
                Some(lo @ 0xDC00..=0xDFFF) => 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                _ => {
                    self.pos = mark;
                    hi
                }
            }
        };
        match char::from_u32(value) {
            Some(c) => Ok(c),
            None => err(at, "escape is a lone surrogate or over U+10FFFF"),
        }
    }
}

/// Lower case of a Latin letter (ASCII, Latin-1, Latin Extended-A); other chars are their own
/// fold. Computed, so the WebAssembly carries no Unicode case tables (about 24 KB).
fn fold(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Upper case of a Latin letter, the inverse of [`fold`].
fn upper(c: char) -> char {
    let u = c as u32;
    let upper = match u {
        0x61..=0x7A | 0xE0..=0xFE if u != 0xF7 => u - 0x20,
        0xFF => 0x178,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 1 => u - 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 0 => u - 1,
        _ => u,
    };
    char::from_u32(upper).unwrap_or(c)
}

fn push(prog: &mut Vec<Inst>, inst: Inst) -> Res<usize> {
    if prog.len() >= MAX_PROGRAM {
        let message = format!("pattern is too large: over {MAX_PROGRAM} instructions");
        return err(0, message);
    }
    prog.push(inst);
    Ok(prog.len() - 1)
}

/// Every non-`Empty` node pushes at least one instruction (see [`Node`]), so the loops
/// over repetition counts stop at `MAX_PROGRAM` however large the counts are.
fn emit(prog: &mut Vec<Inst>, node: &Node) -> Res<()> {
    match node {
        Node::Empty => {}
        Node::Leaf(inst) => _ = push(prog, *inst)?,
        Node::Concat(nodes) => nodes.iter().try_for_each(|n| emit(prog, n))?,
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            let (init, last) = branches.split_at(branches.len().saturating_sub(1));
            for branch in init {
                let split = push(prog, Inst::Split(0, 0))?;
                emit(prog, branch)?;
                jumps.push(push(prog, Inst::Jmp(0))?);
                prog[split] = Inst::Split(split + 1, prog.len());
            }
            last.iter().try_for_each(|branch| emit(prog, branch))?;
            let end = prog.len();
            jumps.into_iter().for_each(|j| prog[j] = Inst::Jmp(end));
        }
        Node::Repeat(body, min, max) => {
            let mut last = prog.len();
            for _ in 0..*min {
                last = prog.len();
                emit(prog, body)?;
            }
            let mut splits = Vec::new();
            match max {
                None if *min > 0 => _ = push(prog, Inst::Split(last, prog.len() + 1))?,
                None => {
                    splits.push(push(prog, Inst::Split(0, 0))?);
                    emit(prog, body)?;
                    push(prog, Inst::Jmp(splits[0]))?;
                }
                Some(max) => {
                    for _ in *min..*max {
                        splits.push(push(prog, Inst::Split(0, 0))?);
                        emit(prog, body)?;
                    }
                }
            }
            let end = prog.len();
            splits.into_iter().for_each(|s| prog[s] = Inst::Split(s + 1, end));
        }
    }
    Ok(())
}

/// A set of program counters with O(1) insert, lookup and clear.
struct SparseSet {
    dense: Vec<usize>,
    sparse: Vec<usize>,
    len: usize,
}

impl SparseSet {
    fn new(n: usize) -> Self {
        let (dense, sparse) = (vec![0; n], vec![0; n]);
        SparseSet { dense, sparse, len: 0 }
    }

    fn contains(&self, pc: usize) -> bool {
        let i = self.sparse[pc];
        i < self.len && self.dense[i] == pc
    }

    /// Returns false if `pc` was already there.
    fn insert(&mut self, pc: usize) -> bool {
        if self.contains(pc) {
            return false;
        }
        self.dense[self.len] = pc;
        self.sparse[pc] = self.len;
        self.len += 1;
        true
    }
}

impl Pattern {
    /// Parses and compiles `source`; see the module docs for syntax and limits.
    pub fn compile(source: &str, case_insensitive: bool) -> Result<Pattern, PatternError> {
        let chars: Vec<char> = source.chars().collect();
        if chars.len() > MAX_PATTERN_LEN {
            let message = format!("pattern is too long (over {MAX_PATTERN_LEN} characters)");
            return err(MAX_PATTERN_LEN, message);
        }
        let mut parser = Parser { chars, case_insensitive, ..Parser::default() };
        let node = parser.alternation()?;
        if parser.pos < parser.chars.len() {
            return err(parser.pos, "unmatched `)`"); // `alternation` stops early only at `)`
        }
        let mut prog = Vec::new();
        emit(&mut prog, &node)?;
        push(&mut prog, Inst::Match)?;
        let (source, classes) = (source.to_owned(), parser.classes);
        Ok(Pattern { source, prog, classes, case_insensitive })
    }

    /// The pattern text as given to [`Pattern::compile`].
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches the whole of `text`. Linear time, never panics.
    pub fn is_match(&self, text: &str) -> bool {
        self.is_match_within(text, u64::MAX).unwrap_or(false)
    }

    /// [`Pattern::is_match`] with a cap on the work: `None` once more than `max_steps`
    /// threads have been stepped (one step is one live NFA state meeting one input char).
    /// The work is at most program size × text length, and only patterns that keep many
    /// states alive on long texts (`(.*a){20}` on megabytes) come near a cap such as
    /// [`MAX_MATCH_STEPS`]; the checker then says the pattern is too costly to check on a
    /// text that long instead of blocking the page.
    ///
    /// # Example
    /// ```
    /// use borang::pattern::Pattern;
    /// let p = Pattern::compile("(.*a){20}", false).unwrap();
    /// let long = "ab".repeat(100_000);
    /// assert_eq!(p.is_match_within(&long, 1_000_000), None);
    /// assert_eq!(Pattern::compile(r"\d{18}", false).unwrap().is_match_within(&long, 1_000_000), Some(false));
    /// ```
    pub fn is_match_within(&self, text: &str, max_steps: u64) -> Option<bool> {
        let n = self.prog.len();
        let (mut cur, mut next) = (SparseSet::new(n), SparseSet::new(n));
        let mut stack = Vec::with_capacity(2 * n + 2); // each pc is expanded once per step
        let mut chars = text.chars().peekable();
        let mut steps: u64 = 0;
        self.add(&mut cur, &mut stack, 0, (true, chars.peek().is_none()));
        while let Some(c) = chars.next() {
            if cur.len == 0 {
                return Some(false);
            }
            steps += cur.len as u64;
            if steps > max_steps {
                return None;
            }
            let at_end = chars.peek().is_none();
            let folded = if self.case_insensitive { fold(c) } else { c };
            for i in 0..cur.len {
                let pc = cur.dense[i];
                if self.step(self.prog[pc], c, folded) {
                    self.add(&mut next, &mut stack, pc + 1, (false, at_end));
                }
            }
            std::mem::swap(&mut cur, &mut next);
            next.len = 0;
        }
        Some(cur.contains(n - 1)) // `Match` is always the last instruction
    }

    /// Adds `pc` and all that it reaches without consuming input; `edges` tells whether
    /// the position is the start and the end of the text.
    fn add(&self, set: &mut SparseSet, stack: &mut Vec<usize>, pc: usize, edges: (bool, bool)) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !set.insert(pc) {
                continue;
            }
            match self.prog[pc] {
                Inst::Jmp(to) => stack.push(to),
                Inst::Split(a, b) => stack.extend([b, a]),
                Inst::Start if edges.0 => stack.push(pc + 1),
                Inst::End if edges.1 => stack.push(pc + 1),
                _ => {}
            }
        }
    }

    /// Whether the instruction of a thread consumes `c` (`folded` is its case fold).
    fn step(&self, inst: Inst, c: char, folded: char) -> bool {
        let Inst::Class(i) = inst else {
            return match inst {
                Inst::Char(p) => p == folded,
                Inst::Any => !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'),
                _ => false,
            };
        };
        let Class { items, negated } = &self.classes[i];
        let hits = |x: char| items.iter().any(|item| item.hits(x));
        let hit = hits(c) || (self.case_insensitive && (hits(folded) || hits(upper(c))));
        hit != *negated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: &str = r"(\+62|62|0)8\d{8,11}";
    const NIP: &str = r"^\d{18}$";

    #[rustfmt::skip]
    const CASES: &[(&str, &str, bool)] = &[
        // whole-value anchoring; `^`/`$` are assertions
        ("", "", true), ("", "a", false), ("abc", "abc", true), ("abc", "abcd", false),
        ("abc", "xabc", false), ("b", "abc", false), ("^abc$", "abc", true), ("^^abc$$", "abc", true),
        ("a^b", "ab", false), ("a$|b", "a", true), ("(^a|b$)", "b", true),
        // NIP and phone numbers
        (NIP, "198503302010121002", true), (NIP, "19850330201012100", false),
        (NIP, "1985033020101210023", false), (NIP, "19850330201012100a", false), (r"\d", "٣", false),
        (PHONE, "081234567890", true), (PHONE, "+6281234567890", true), (PHONE, "6281234567890", true),
        (PHONE, "0812345678", true), (PHONE, "081234567", false), (PHONE, "08123456789012", false),
        (PHONE, "6281234567", false), (PHONE, "+62 81234567890", false), (PHONE, "+6271234567890", false),
        (r"[A-Z]{2}-\d+", "AB-123", true), (r"[A-Z]{2}-\d+", "AB-", false),
        (r"[A-Z]{2}-\d+", "ab-1", false), (r"[A-Z]{2}-\d+", "ABC-1", false),
        // alternation precedence
        ("ab|cd", "ab", true), ("ab|cd", "cd", true), ("ab|cd", "abd", false), ("ab|cd", "acd", false),
        ("a(b|c)d", "acd", true), ("a(b|c)d", "ab", false), ("a|", "", true), ("|a", "a", true),
        ("a|b|c", "c", true), ("(?:x|y){2,3}z", "xyz", true), ("(?:x|y){2,3}z", "xz", false),
        // quantifiers (lazy forms accepted, same result)
        ("a*", "", true), ("a*", "aaaa", true), ("a+", "", false), ("a?b", "b", true), ("a?b", "aab", false),
        ("a{3}", "aaa", true), ("a{3}", "aa", false), ("a{2,}", "aaaaa", true), ("a{2,}", "a", false),
        ("a{2,3}", "aaaa", false), ("a{2,3}", "aa", true), ("a{0}", "", true), ("a{0}b", "b", true),
        ("a{0,2}", "", true), ("a*?b+?c??", "abbc", true), ("a{2,}?", "aaa", true),
        // nested quantifiers and empty loops
        ("(ab){2}", "abab", true), ("(ab)+", "ababa", false), ("(a|bc)*", "abcbca", true),
        ("((a{2}){2})+", "aaaaaaaa", true), ("((a{2}){2})+", "aaaaaa", false), ("(a*)*", "aaa", true),
        ("(a*)+b", "b", true), ("(a?){3}", "a", true), ("(|a)+", "aa", true), ("(^)*a", "a", true),
        ("(?:)*", "", true), (r"(?<year>\d{4})-\d{2}", "2024-05", true),
        // dot and unicode
        (".", "é", true), (".", "\n", false), (".*", "a\u{2028}", false), ("a.c", "a\u{1F600}c", true),
        ("é+", "ééé", true), ("[α-ω]+", "λογος", true), ("😀", "😀", true), (r"\u{1F600}", "😀", true),
        (r"\uD83D\uDE00", "😀", true), (r"\u00e9", "é", true), (r"\x41", "A", true),
        (r"Jl\. .+ No\. \d+", "Jl. Merdeka No. 17", true), ("Rp [0-9.]+,-", "Rp 1.500.000,-", true),
        // classes
        ("[-a]+", "-a-", true), ("[a-]+", "a-", true), ("[a-]", "b", false), (r"[\]]", "]", true),
        (r"[^\d]", "5", false), (r"[^\d]", "x", true), (r"[\d-]+", "1-2", true), ("[a-c-e]+", "b-e", true),
        ("[a-c-e]", "d", false), ("[^]", "\n", true), ("[]", "", false), ("[]", "a", false),
        (r"[\w.]+@[\w.]+", "a.b@c.id", true), (r"\w+", "naïve", false), (r"\s", "\u{a0}", true),
        (r"\S+", "a b", false), (r"[\s\S]+", "x\ny", true), (r"\D", "a", true), (r"\W", "_", false),
        (r"[\b]", "\u{8}", true), (r"[\^\-]+", "^-", true), (r"[^a-z\s]+", "ABC", true),
        // escapes
        (r"\\\.\*\+\?\(\)\[\]\{\}\|\^\$\/\-", r"\.*+?()[]{}|^$/-", true), (r"\n\t\r", "\n\t\r", true),
        (r"a\0", "a\0", true),
    ];

    #[test]
    fn table() {
        assert!(CASES.len() >= 60);
        for &(pattern, input, expected) in CASES {
            let p = Pattern::compile(pattern, false).unwrap_or_else(|e| panic!("{pattern:?}: {e}"));
            assert_eq!(p.is_match(input), expected, "{pattern:?} on {input:?}");
            assert_eq!(p.source(), pattern);
        }
    }

    #[rustfmt::skip]
    const CASE_INSENSITIVE: &[(&str, &str, bool)] = &[
        ("abc", "ABC", true), ("[a-z]+", "HeLLo", true), ("[A-Z]+", "hello", true), ("[^a-z]", "A", false),
        ("É", "é", true), ("k", "\u{212A}", false), ("ş", "Ş", true), ("[ÿ]", "Ÿ", true), ("[k]", "K", true), ("x", "y", false), (r"\W", "a", false),
    ];

    #[test]
    fn latin_case_mapping_agrees_with_the_standard_library() {
        for c in '\0'..='\u{17f}' {
            let mut lo = c.to_lowercase();
            let std_lower = match (lo.next(), lo.next()) {
                (Some(m), None) => m,
                _ => c,
            };
            assert_eq!(fold(c), std_lower, "lower {c:?}");
            let mut up = c.to_uppercase();
            let std_upper = match (up.next(), up.next()) {
                (Some(m), None) => m,
                _ => c,
            };
            // Dotless ı, long ſ and micro µ upper-case to letters of other blocks or to the
            // ASCII I and S; we leave them alone.
            if !matches!(c, 'ı' | 'ſ' | 'µ') {
                assert_eq!(upper(c), std_upper, "upper {c:?}");
            }
        }
    }

    #[test]
    fn case_insensitive() {
        for &(pattern, input, expected) in CASE_INSENSITIVE {
            let p = Pattern::compile(pattern, true).unwrap();
            assert_eq!(p.is_match(input), expected, "{pattern:?} on {input:?}");
        }
        assert!(!Pattern::compile("abc", false).unwrap().is_match("ABC"));
    }

    #[test]
    fn pathological_patterns_are_linear() {
        let a = "a".repeat(100_000);
        let ab = format!("{a}b");
        #[rustfmt::skip]
        let cases = [
            ("(a*)*", &a, &ab), ("(a|a)*b", &ab, &a), ("(a+)+b", &ab, &a), ("(a|aa)*c?", &a, &ab),
            ("(.*a){20}", &a, &ab), ("(a?){50}a{50}a*", &a, &ab), ("(x+x+)+y|a*", &a, &ab),
        ];
        for (pattern, yes, no) in cases {
            let p = Pattern::compile(pattern, false).unwrap();
            assert!(p.is_match(yes) && !p.is_match(no), "{pattern}");
        }
    }

    /// (pattern, error offset in chars, part of the message)
    #[rustfmt::skip]
    const REJECTED: &[(&str, usize, &str)] = &[
        (r"\1", 0, "backreference"), (r"(a)\1", 3, "backreference"), (r"\k<x>", 0, "backreference"),
        ("a(?=b)", 1, "lookahead"), ("(?!a)", 0, "lookahead"), ("(?<=a)b", 0, "lookbehind"),
        ("(?<!a)", 0, "lookbehind"), ("(?<1a>x)", 0, "group name"), ("(?<>x)", 0, "group name"),
        ("(?<a x)", 0, "group name"), ("(?i)a", 0, "unknown group"), ("(ab", 0, "unclosed group"),
        ("a(b(c)", 1, "unclosed group"), ("ab)", 2, "unmatched `)`"), (")", 0, "unmatched"),
        ("[ab", 0, "unclosed character class"), ("x[a-", 1, "unclosed character class"),
        (r"[\]", 0, "unclosed character class"), ("]", 0, "lone `]`"), ("a}", 1, "lone `}`"),
        ("*a", 0, "nothing to repeat"), ("a|*", 2, "nothing to repeat"), ("(+)", 1, "nothing to repeat"),
        ("a**", 2, "nothing to repeat"), ("a*??", 3, "nothing to repeat"), ("a{2}{3}", 4, "nothing to repeat"),
        ("^*", 1, "cannot be quantified"), ("a$?", 2, "cannot be quantified"), ("{", 0, "nothing to repeat"),
        ("{1}", 0, "nothing to repeat"), ("a{", 1, "incomplete quantifier"), ("a{2", 1, "incomplete quantifier"),
        ("x{,3}", 1, "incomplete quantifier"), ("a{2,x}", 1, "incomplete quantifier"),
        ("a{}", 1, "incomplete quantifier"), ("a{3,2}", 1, "out of order"), ("a{3,2", 1, "incomplete"),
        ("\\", 0, "lone `\\`"), ("ab\\", 2, "lone `\\`"), (r"\q", 0, "invalid escape"),
        (r"[\q]", 1, "invalid escape"), (r"a\b", 1, "word boundar"), (r"\B", 0, "word boundar"),
        (r"\p{L}", 0, "property"), (r"\u12", 0, "4 hex digits"), (r"\u{}", 0, "\\u{…}"),
        (r"\u{41", 0, "\\u{…}"), (r"\u{110000}", 0, "U+10FFFF"), (r"\uD800", 0, "surrogate"),
        (r"\uDE00x", 0, "surrogate"), (r"\x4", 0, "\\x"), (r"\00", 0, "octal"),
        ("[z-a]", 1, "out of order"), (r"[\d-z]", 1, "range bound"), (r"[a-\w]", 1, "range bound"),
    ];

    #[test]
    fn rejections() {
        let deep = |n| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        let p = Pattern::compile(&deep(MAX_NESTING), false).unwrap();
        assert!(p.is_match("a"));
        assert!(Pattern::compile(&"a".repeat(MAX_PATTERN_LEN), false).is_ok());
        let (too_deep, too_long) = (deep(MAX_NESTING + 1), "a".repeat(MAX_PATTERN_LEN + 1));
        #[rustfmt::skip]
        let limits = [(&*too_deep, 64, "nested too deeply"), (&too_long, 2000, "too long")];
        for &(pattern, offset, needle) in REJECTED.iter().chain(&limits) {
            let e = Pattern::compile(pattern, false).expect_err(pattern);
            assert_eq!(e.offset, offset, "{pattern:?}: {e}");
            assert!(e.message.contains(needle), "{pattern:?}: {e}");
            assert!(e.message.starts_with(char::is_lowercase), "{e}");
        }
        let e = Pattern::compile("(a", false).unwrap_err();
        let expected = "invalid pattern at character 0: unclosed group: expected `)`";
        assert_eq!(e.to_string(), expected);
    }

    #[test]
    fn size_limit() {
        let ok = Pattern::compile(&format!("a{{{}}}", MAX_PROGRAM - 1), false).unwrap(); // + Match
        assert!(ok.is_match(&"a".repeat(MAX_PROGRAM - 1)));
        let at_limit = format!("a{{{MAX_PROGRAM}}}");
        #[rustfmt::skip]
        let too_large = [
            &*at_limit, "(a{100}){100}", "((a{100}){100}){100}", "a{4294967295}", "a{99999999999999999999}",
            "a{0,100000}", "[a-z]{3000,}x{3000}y{3000}z{3000}", "(a|b|c|d){2000}", "(((a*)*)*){4000}",
        ];
        for pattern in too_large {
            let e = Pattern::compile(pattern, false).expect_err(pattern);
            assert!(e.message.contains("too large"), "{pattern}: {e}");
        }
        // Repeating nothing stays nothing, however large the count.
        #[rustfmt::skip]
        let empty = ["(?:){1000000000}", "((){100000}){100000}", "(a{0}){99999}", "(a{0,0})*"];
        for pattern in empty {
            let p = Pattern::compile(pattern, false).unwrap();
            assert!(p.is_match(""), "{pattern}");
        }
    }

    #[test]
    fn no_panics_on_awkward_input() {
        #[rustfmt::skip]
        let mut patterns: Vec<String> = [
            "", "\\", "[", "{", "a{", "a{2", "x{,3}", "[^", "(?", "(?<", r"\u{", r"\uD83D\u", "[]-a]", "[^-]",
        ].map(String::from).to_vec();
        let alphabet = "a\\[]()<{}|*+?^$-,1.duéx".chars();
        for x in alphabet.clone() {
            patterns.push(x.to_string());
            for y in alphabet.clone() {
                patterns.push(format!("{x}{y}"));
                patterns.extend(alphabet.clone().map(|z| format!("{x}{y}{z}")));
            }
        }
        #[rustfmt::skip]
        let inputs = ["", "a", "aa", "1", "-", "é", "\n", "a1-b", "{}[]()", "😀", "\0", "𝔸𝔹"];
        let mut compiled = 0;
        for (pattern, icase) in patterns.iter().flat_map(|p| [(p, false), (p, true)]) {
            match Pattern::compile(pattern, icase) {
                Ok(p) => {
                    inputs.iter().for_each(|i| _ = p.is_match(i));
                    compiled += 1;
                }
                Err(e) => assert!(e.offset <= pattern.chars().count(), "{pattern:?}: {e}"),
            }
        }
        assert!(compiled > 5_000, "{compiled}");
    }
}
