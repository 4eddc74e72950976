//! How long a 5 MB field takes: a whole preset check with it, and patterns on it, unbounded
//! and within the checker's step cap: `cargo run --release -p borang --example pattern_cost`.
use std::time::Instant;

use borang::pattern::{Pattern, MAX_MATCH_STEPS};
use borang::{Lang, Rules, Values};

fn main() {
    let line = "Inovasi layanan KTP-el keliling menjangkau warga di 120 desa; kupu-kupu dan/atau Rp1.500.000,00.\n";
    let text = line.repeat(5 * 1024 * 1024 / line.len() + 1);
    let flat = text.replace('\n', " ");
    let rules = Rules::preset("kipp-2023").unwrap();
    let mut values = Values::new();
    values.text("ringkasan", text.clone());
    let started = Instant::now();
    let report = rules.check(&values, Lang::Id);
    println!(
        "kipp-2023 with a {} MB ringkasan ({} words): checked in {:?}",
        text.len() >> 20,
        report.sections[1].words,
        started.elapsed()
    );
    for n in [1usize, 2, 4] {
        let t = "a".repeat(n << 20);
        let p = Pattern::compile(".*", false).unwrap();
        let started = Instant::now();
        let m = p.is_match(&t);
        println!(".* on {n} MB of `a`: {m} in {:?}", started.elapsed());
    }
    for (pattern, t) in
        [(r"\d{18}", &text), (r"([^<>]*\n)*", &text), (r"[\s\S]*", &text), (r".*", &flat), (r"(.*a){20}", &flat)]
    {
        let p = Pattern::compile(pattern, false).unwrap();
        let started = Instant::now();
        let full = p.is_match(t);
        let unbounded = started.elapsed();
        let started = Instant::now();
        let capped = p.is_match_within(t, MAX_MATCH_STEPS);
        println!(
            "{pattern:>14} on {} MB: full {full} in {unbounded:?}; capped {capped:?} in {:?}",
            t.len() >> 20,
            started.elapsed()
        );
    }
}
