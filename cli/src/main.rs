//! `borang`: count words as a jury's office suite does, check drafts against rules, lint
//! rules files. Exit codes: 0 valid, 1 invalid, 2 unusable input.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use borang::{count, Lang, Report, Rules, Severity, Status, Values, WordCountMode};

const USAGE: &str = "\
borang — checks government proposal drafts against form rules

Usage:
  borang count [--mode office|unicode] [FILE]
      Count words, characters, sentences and paragraphs of FILE (stdin if absent).
  borang check --rules RULES [--lang id|en] [--format json|text] VALUES.json...
      Check drafts (field name → value, as JSON). RULES is a rules file or a preset name.
  borang rules check [--format json|text] FILE
      Report every problem of a rules file, each with its path (and, as JSON, its code).
  borang rules schema
      Print the JSON Schema of rules files.
  borang presets
      List the presets built into borang.

Exit status: 0 valid, 1 invalid (a draft has errors, a rules file has problems),
2 unusable input (unreadable file, bad rules or values, wrong arguments).
";

/// A failure that makes the input unusable (exit 2).
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("borang: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Fatal> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["help" | "--help" | "-h", ..] => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        ["--version" | "-V"] => {
            println!("borang {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        ["count", rest @ ..] => cmd_count(rest),
        ["check", rest @ ..] => cmd_check(rest),
        ["rules", "check", rest @ ..] => cmd_rules_check(rest),
        ["rules", "schema"] => {
            println!("{}", serde_json::to_string_pretty(&borang::rules_schema())?);
            Ok(ExitCode::SUCCESS)
        }
        ["presets"] => {
            for p in borang::presets() {
                println!("{:<16} {}\n{:<16} sumber: {}", p.name, p.title, "", p.source);
            }
            Ok(ExitCode::SUCCESS)
        }
        [other, ..] => Err(Fatal(format!("unknown command `{}`; see `borang --help`", other))),
    }
}

/// Splits `--name value` options from positional arguments.
struct Opts<'a> {
    named: Vec<(&'a str, &'a str)>,
    positional: Vec<&'a str>,
}

fn parse_opts<'a>(args: &[&'a str], known: &[&'a str]) -> Result<Opts<'a>, Fatal> {
    let mut opts = Opts { named: Vec::new(), positional: Vec::new() };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(name) = arg.strip_prefix("--") {
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (name, None),
            };
            let Some(known_name) = known.iter().find(|k| **k == name) else {
                return Err(Fatal(format!("unknown option `--{name}`; see `borang --help`")));
            };
            let value = match inline {
                Some(v) => v,
                None => iter.next().copied().ok_or_else(|| Fatal(format!("`--{name}` needs a value")))?,
            };
            opts.named.push((known_name, value));
        } else {
            opts.positional.push(arg);
        }
    }
    Ok(opts)
}

impl<'a> Opts<'a> {
    fn get(&self, name: &str) -> Option<&'a str> {
        self.named.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

fn read_input(path: Option<&str>) -> Result<String, Fatal> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => {
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| Fatal(format!("cannot read standard input: {e}")))?;
        }
        Some(p) => bytes = std::fs::read(p).map_err(|e| Fatal(format!("cannot read {p}: {e}")))?,
    }
    String::from_utf8(bytes).map_err(|e| {
        Fatal(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.unwrap_or("standard input"),
            e.utf8_error().valid_up_to()
        ))
    })
}

fn cmd_count(args: &[&str]) -> Result<ExitCode, Fatal> {
    let opts = parse_opts(args, &["mode"])?;
    let mode: WordCountMode = opts.get("mode").unwrap_or("office").parse()?;
    if opts.positional.len() > 1 {
        return Err(Fatal("`count` takes at most one file".into()));
    }
    let text = read_input(opts.positional.first().copied())?;
    println!("{}", serde_json::to_string(&count(&text, mode))?);
    Ok(ExitCode::SUCCESS)
}

fn load_rules(spec: &str) -> Result<Rules, Fatal> {
    let looks_like_file = spec.ends_with(".json") || spec.contains('/') || std::path::Path::new(spec).exists();
    let result = if looks_like_file { Rules::from_json(&read_input(Some(spec))?) } else { Rules::preset(spec) };
    result.map_err(|e| Fatal(format!("{spec}: {e}")))
}

fn cmd_check(args: &[&str]) -> Result<ExitCode, Fatal> {
    let opts = parse_opts(args, &["rules", "lang", "format"])?;
    let rules =
        load_rules(opts.get("rules").ok_or_else(|| Fatal("`check` needs `--rules FILE` or `--rules PRESET`".into()))?)?;
    let lang: Lang = match opts.get("lang") {
        None => rules.lang(),
        Some(name) => name.parse()?,
    };
    let json = match opts.get("format").unwrap_or("text") {
        "json" => true,
        "text" => false,
        other => return Err(Fatal(format!("unknown format `{other}`; expected json or text"))),
    };
    let files = if opts.positional.is_empty() { vec!["-"] } else { opts.positional.clone() };
    let mut reports = Vec::with_capacity(files.len());
    for file in &files {
        let values = Values::from_json(&read_input(Some(file))?)
            .map_err(|e| Fatal(format!("{file}: not a values file: {e}")))?;
        reports.push((*file, rules.check(&values, lang)));
    }
    let mut out = std::io::stdout().lock();
    if json {
        if let [(_, report)] = reports.as_slice() {
            writeln!(out, "{}", serde_json::to_string_pretty(report)?)?;
        } else {
            let list: Vec<_> =
                reports.iter().map(|(file, report)| serde_json::json!({"file": file, "report": report})).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
    } else {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        for (file, report) in &reports {
            if reports.len() > 1 {
                writeln!(out, "== {file}")?;
            }
            write_text(&mut out, rules.title(), report, lang, color)?;
        }
    }
    let all_valid = reports.iter().all(|(_, r)| r.valid);
    Ok(if all_valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn write_text(out: &mut impl Write, title: &str, report: &Report, lang: Lang, color: bool) -> std::io::Result<()> {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_owned() };
    let (words, of, sections_done, errors, warnings, ready, not_ready) = match lang {
        Lang::Id => ("kata", "dari", "bagian lengkap", "kesalahan", "peringatan", "siap dikirim", "belum siap dikirim"),
        Lang::En => {
            ("words", "of", "sections complete", "errors", "warnings", "ready to submit", "not ready to submit")
        }
    };
    writeln!(out, "{title}")?;
    let width = report.sections.iter().map(|s| s.title.chars().count()).max().unwrap_or(0);
    for s in &report.sections {
        let (mark, code) = match s.status {
            Status::Ok => ("✓", "32"),
            Status::Warning => ("!", "33"),
            Status::Error => ("✗", "31"),
            Status::Empty if s.messages.is_empty() => ("·", "2"),
            Status::Empty => ("✗", "31"),
            Status::Skipped => ("-", "2"),
        };
        let counted = match s.limits.words.and_then(|w| w.max) {
            Some(max) => format!("{} / {max} {words}", s.words),
            None => String::new(),
        };
        let status = match (lang, s.status) {
            (Lang::Id, Status::Ok) => "lengkap",
            (Lang::Id, Status::Warning) => "peringatan",
            (Lang::Id, Status::Error) => "perlu diperbaiki",
            (Lang::Id, Status::Empty) => "kosong",
            (Lang::Id, Status::Skipped) => "tidak berlaku",
            (Lang::En, Status::Ok) => "complete",
            (Lang::En, Status::Warning) => "warning",
            (Lang::En, Status::Error) => "needs fixing",
            (Lang::En, Status::Empty) => "empty",
            (Lang::En, Status::Skipped) => "not applicable",
        };
        writeln!(out, "{} {:<width$} {:>14}  {}", paint(code, mark), s.title, counted, paint(code, status))?;
        for m in &s.messages {
            let bullet = if m.severity == Severity::Error { paint("31", "•") } else { paint("33", "•") };
            writeln!(out, "    {bullet} {}", m.text)?;
        }
    }
    let verdict = if report.valid { paint("32", ready) } else { paint("31", not_ready) };
    // English plurals; Indonesian nouns don't change.
    let errors = if lang == Lang::En && report.errors == 1 { "error" } else { errors };
    let warnings = if lang == Lang::En && report.warnings == 1 { "warning" } else { warnings };
    writeln!(
        out,
        "{} {of} {} {sections_done} · {} {errors} · {} {warnings} · {verdict}",
        report.complete, report.total, report.errors, report.warnings
    )
}

fn cmd_rules_check(args: &[&str]) -> Result<ExitCode, Fatal> {
    let opts = parse_opts(args, &["format"])?;
    let [file] = opts.positional.as_slice() else {
        return Err(Fatal("`rules check` takes one rules file; see `borang --help`".into()));
    };
    let json = match opts.get("format").unwrap_or("text") {
        "json" => true,
        "text" => false,
        other => return Err(Fatal(format!("unknown format `{other}`; expected json or text"))),
    };
    let text = read_input(Some(file))?;
    let result = Rules::from_json(&text);
    if json {
        // Problems as data: `{"file", "valid", "problems": [{"code", "path", "message", …}]}`.
        let problems = result.as_ref().err().map(|e| e.problems.as_slice()).unwrap_or_default();
        let out = serde_json::json!({"file": file, "valid": result.is_ok(), "problems": problems});
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(if result.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    match result {
        Ok(rules) => {
            println!("{file}: ok — {} ({} sections)", rules.title(), rules.sections_info().len());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("{file}: {e}");
            Ok(ExitCode::from(1))
        }
    }
}
