//! Zero-config mode: limits read from label and hint texts, cleaned titles, and inferred
//! documents that compile and check forms end to end.

use borang::infer::{char_limit, clean_title, infer_rules, maxlength_cuts_words, word_limit, Limit};
use borang::{FieldDescription, FieldKind, FieldValue, FileMeta, Lang, Note, Rules, Value, Values, MAX_SECTIONS};

const NONE: Limit = Limit { min: None, max: None };

const fn max(n: u32) -> Limit {
    Limit { min: None, max: Some(n) }
}

const fn min(n: u32) -> Limit {
    Limit { min: Some(n), max: None }
}

const fn range(lo: u32, hi: u32) -> Limit {
    Limit { min: Some(lo), max: Some(hi) }
}

/// Label and hint texts as portals write them → (word limit, character limit).
const HINTS: &[(&str, Limit, Limit)] = &[
    // Indonesian maxima.
    ("maksimal 500 kata", max(500), NONE),
    ("Maksimal 300 kata", max(300), NONE),
    ("maks. 300 kata", max(300), NONE),
    ("maks 300 kata", max(300), NONE),
    ("maksimum 300 kata", max(300), NONE),
    ("paling banyak 500 kata", max(500), NONE),
    ("tidak lebih dari 500 kata", max(500), NONE),
    ("(300 kata)", max(300), NONE),
    ("Ringkasan (300 kata)", max(300), NONE),
    ("maks. 1000 kata", max(1000), NONE),
    ("1.000 kata", max(1000), NONE),
    ("MAKSIMAL 300 KATA", max(300), NONE),
    ("Maksimal\u{a0}300\u{a0}kata", max(300), NONE),
    ("Ringkasan\n(maksimal\n  200   kata)", max(200), NONE),
    ("maksimal300kata", max(300), NONE),
    ("Maksimal 500 (lima ratus) kata", max(500), NONE),
    ("Jumlah kata maksimal 500", max(500), NONE),
    ("Uraian, maks.\u{200b} 250 kata.", max(250), NONE),
    ("Maksimal 2 halaman (± 500 kata)", max(500), NONE),
    ("Bab 3 dan 4 maksimal 300 kata", max(300), NONE),
    ("Tahun 2025, maksimal 300 kata", max(300), NONE),
    ("Kurang dari 200 kata", max(200), NONE),
    // Indonesian minima and ranges.
    ("minimal 300 kata", min(300), NONE),
    ("min. 100 kata", min(100), NONE),
    ("paling sedikit 50 kata", min(50), NONE),
    ("sekurang-kurangnya 50 kata", min(50), NONE),
    ("sekurang\u{2011}kurangnya 50 kata", min(50), NONE),
    ("Tulis 500 kata atau lebih", min(500), NONE),
    ("Tidak kurang dari 200 kata", min(200), NONE),
    ("100–300 kata", range(100, 300), NONE),
    ("100 - 300 kata", range(100, 300), NONE),
    ("antara 100 dan 300 kata", range(100, 300), NONE),
    ("100 s.d. 300 kata", range(100, 300), NONE),
    ("100 s/d 300 kata", range(100, 300), NONE),
    ("minimal 100 kata, maksimal 300 kata", range(100, 300), NONE),
    ("minimal 100 dan maksimal 300 kata", range(100, 300), NONE),
    ("Maksimal 500 kata\u{2028}Minimal 100 kata", range(100, 500), NONE),
    ("Jumlah kata: 300 - 500 kata", range(300, 500), NONE),
    // English.
    ("max 250 words", max(250), NONE),
    ("maximum 250 words", max(250), NONE),
    ("at most 250 words", max(250), NONE),
    ("up to 250 words", max(250), NONE),
    ("no more than 250 words", max(250), NONE),
    ("250 words max", max(250), NONE),
    ("300 words or less", max(300), NONE),
    ("1,000 words", max(1000), NONE),
    ("a 500-word essay", max(500), NONE),
    ("Word limit: 250", max(250), NONE),
    ("at least 100 words", min(100), NONE),
    ("minimum of 100 words", min(100), NONE),
    ("between 100 and 300 words", range(100, 300), NONE),
    ("between 1.000 and 2.000 words", range(1000, 2000), NONE),
    ("Keep it under 300 words", max(300), NONE),
    ("at least 100 words and no more than 300", range(100, 300), NONE),
    // Character limits are not word limits.
    ("maksimal 500 karakter", NONE, max(500)),
    ("maks. 200 huruf", NONE, max(200)),
    ("max 250 characters", NONE, max(250)),
    ("max. 250 chars", NONE, max(250)),
    ("minimal 8 karakter", NONE, min(8)),
    ("Kata sandi minimal 8 karakter", NONE, min(8)),
    ("2.000 karakter (termasuk spasi)", NONE, max(2000)),
    ("Maksimal 2.000 karakter atau 300 kata", max(300), max(2000)),
    ("Ringkasan (maks. 200 kata, PDF maks. 2 MB)", max(200), NONE),
    // Numbers that are not text limits.
    ("Lampiran maksimal 2 MB", NONE, NONE),
    ("Tahun 2025", NONE, NONE),
    ("SDGs 1–17", NONE, NONE),
    ("maksimal 3 file", NONE, NONE),
    ("Tuliskan 3-5 kata kunci", NONE, NONE),
    ("paling banyak 5 kata kunci", NONE, NONE),
    ("Maksimal 2 halaman", NONE, NONE),
    ("Ringkasan 300 kata. Lampiran maksimal 2", max(300), NONE),
    ("maksimal 0 kata", NONE, NONE),
    ("maksimal 1,5 kata", NONE, NONE),
    ("99999999999 kata", NONE, NONE),
    ("", NONE, NONE),
    ("Jelaskan dengan kata-kata sendiri, maksimal 300", NONE, NONE),
];

#[test]
fn limits_in_label_and_hint_texts() {
    let mut failures = Vec::new();
    for &(text, words, chars) in HINTS {
        let got = (word_limit(text), char_limit(text));
        if got != (words, chars) {
            failures.push(format!("{text:?}: expected {:?}, got {got:?}", (words, chars)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(HINTS.len() >= 40);
}

#[test]
fn clean_titles() {
    for (label, title) in [
        ("Ringkasan (maksimal 200 kata) *", "Ringkasan"),
        ("1. Latar Belakang:", "Latar Belakang"),
        ("Latar Belakang (wajib diisi)", "Latar Belakang"),
        ("Latar Belakang (Wajib)", "Latar Belakang"),
        ("Email (required)", "Email"),
        ("Ringkasan, maksimal 200 kata", "Ringkasan"),
        ("Ringkasan – maks. 200 kata", "Ringkasan"),
        ("Ringkasan 200 kata", "Ringkasan"),
        ("Unggah Proposal [PDF, maks. 2 MB]", "Unggah Proposal"),
        ("Unggah Proposal (PDF, maks. 2 MB", "Unggah Proposal"),
        ("Nomor Induk Kependudukan (NIK)", "Nomor Induk Kependudukan (NIK)"),
        ("  Ringkasan\u{a0}\u{a0}Inovasi  ", "Ringkasan Inovasi"),
        ("Ringkasan\nTuliskan ringkasan inovasi, maksimal 200 kata", "Ringkasan"),
        ("Ringkasan inovasi maksimal 1 halaman atau 300 kata", "Ringkasan inovasi"),
        ("Jelaskan latar belakang (maksimal 500 kata). Lampirkan data pendukung.", "Jelaskan latar belakang"),
        ("Ringkasan. Tuliskan ringkasan inovasi", "Ringkasan"),
        ("No. HP/WA", "No. HP/WA"),
        ("Alamat Prov. Jawa Barat", "Alamat Prov. Jawa Barat"),
        ("Unggah 1 file PDF", "Unggah 1 file PDF"),
        ("1.\nLatar Belakang", "Latar Belakang"),
        ("a. Identitas Inovator", "Identitas Inovator"),
        ("IV. Profil Inovasi", "Profil Inovasi"),
        ("1.2 Tujuan", "Tujuan"),
        ("2) Tujuan :", "Tujuan"),
        ("Tautan Video (opsional)", "Tautan Video"),
        ("Tautan Video (jika ada)", "Tautan Video"),
        ("*Nama Inovasi", "Nama Inovasi"),
        ("Nama Inovasi (*)", "Nama Inovasi"),
        ("SDGs yang didukung (pilih 1–17)", "SDGs yang didukung"),
        ("Tahun 2025", "Tahun 2025"),
        ("3 Kata Kunci", "3 Kata Kunci"),
        ("NIP (wajib bagi ASN)", "NIP (wajib bagi ASN)"),
        // Nothing but a hint or a mark: the input, as there is nothing better.
        ("Maksimal 300 kata", "Maksimal 300 kata"),
        ("(wajib)", "(wajib)"),
        ("*", ""),
        ("", ""),
    ] {
        assert_eq!(clean_title(label), title, "{label:?}");
    }
    let long = "Uraikan ".repeat(30);
    let cut = clean_title(&long);
    assert!(cut.ends_with('…') && cut.chars().count() <= 101, "{cut:?}");
}

fn field(key: &str, kind: FieldKind) -> FieldDescription {
    FieldDescription::new(key, kind)
}

fn compile(inferred: &borang::Inferred) -> Rules {
    Rules::from_value(inferred.rules.clone()).unwrap_or_else(|e| panic!("{e}\n{:?}", inferred.rules))
}

/// The section of `key`'s field in an inferred document.
fn section<'a>(rules: &'a Value, key: &str) -> &'a Value {
    let Some(Value::Array(sections)) = rules.get("sections") else { panic!("no sections") };
    sections
        .iter()
        .find(|s| s.get("fields") == Some(&Value::Array(vec![Value::String(key.into())])))
        .unwrap_or_else(|| panic!("no section for {key}"))
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}

fn words(n: usize) -> String {
    vec!["kata"; n].join(" ")
}

#[test]
fn maxlength_that_cuts_the_word_limit_is_not_a_character_limit() {
    assert!(maxlength_cuts_words(300, 300));
    assert!(maxlength_cuts_words(1199, 300));
    assert!(!maxlength_cuts_words(1200, 300));
    assert!(!maxlength_cuts_words(2000, 50));
    assert!(!maxlength_cuts_words(u32::MAX, 1));
    assert!(maxlength_cuts_words(u32::MAX, u32::MAX), "no overflow");

    let mut trap = field("latar_belakang", FieldKind::LongText);
    trap.title = Some("Latar Belakang".into());
    trap.hints = vec!["Maksimal 300 kata".into()];
    trap.max_length = Some(300);
    let mut fine = field("ringkasan", FieldKind::LongText);
    fine.max_words = Some(50);
    fine.max_length = Some(2000);
    let inferred = infer_rules("Proposal", &[trap, fine]);
    assert_eq!(
        inferred.notes,
        [Note::MaxLengthCutsWords { field: "latar_belakang".into(), max_length: 300, max_words: 300 }]
    );
    let trapped = section(&inferred.rules, "latar_belakang");
    assert_eq!(trapped.get("chars"), None);
    assert_eq!(number(trapped.get("words").and_then(|w| w.get("max"))), Some(300.0));
    let kept = section(&inferred.rules, "ringkasan");
    assert_eq!(number(kept.get("chars").and_then(|c| c.get("max"))), Some(2000.0));
    assert_eq!(number(kept.get("words").and_then(|w| w.get("max"))), Some(50.0));

    // 300 words pass and warn (from 90 %); 301 are too many; no character limit cuts in.
    let rules = compile(&inferred);
    let mut values = Values::new();
    values.text("latar_belakang", words(300));
    let report = rules.check_section("latar_belakang", &values, Lang::Id).unwrap();
    assert_eq!(report.messages.iter().map(|m| m.rule).collect::<Vec<_>>(), ["words.warnAt"]);
    values.text("latar_belakang", words(301));
    let report = rules.check_section("latar_belakang", &values, Lang::Id).unwrap();
    assert_eq!(report.messages.iter().map(|m| m.rule).collect::<Vec<_>>(), ["words.max"]);
    assert_eq!(report.messages[0].text, "Latar Belakang berisi 301 kata; batasnya 300 kata.");
    values.text("ringkasan", "x".repeat(2001));
    let report = rules.check_section("ringkasan", &values, Lang::En).unwrap();
    assert_eq!(report.messages.iter().map(|m| m.rule).collect::<Vec<_>>(), ["chars.max"]);
}

#[test]
fn data_attributes_come_first_and_disagreements_are_noted() {
    let mut f = field("ringkasan", FieldKind::LongText);
    f.title = Some("Ringkasan (maksimal 200 kata)".into());
    f.hints = vec!["Minimal 50 kata, maksimal 250 kata".into()];
    f.max_words = Some(150);
    let inferred = infer_rules("", &[f]);
    let words = section(&inferred.rules, "ringkasan").get("words").unwrap();
    assert_eq!((number(words.get("min")), number(words.get("max"))), (Some(50.0), Some(150.0)));
    assert_eq!(number(words.get("warnAt")), Some(0.9));
    assert_eq!(
        inferred.notes,
        [Note::ConflictingLimits {
            field: "ringkasan".into(),
            limit: "words.max",
            kept: 150,
            ignored: 200,
            kept_from: "data-max-words=\"150\"".into(),
            ignored_from: "the label “Ringkasan (maksimal 200 kata)”".into(),
        }]
    );
    assert_eq!(inferred.rules.get("title"), Some(&Value::String("Formulir".into())));
    compile(&inferred);

    // A minimum above the maximum is dropped, or the document would not compile.
    let mut f = field("x", FieldKind::Text);
    f.min_words = Some(500);
    f.hints = vec!["maksimal 300 kata".into()];
    let mut g = field("y", FieldKind::Email);
    g.min_length = Some(10);
    g.max_length = Some(5);
    let inferred = infer_rules("F", &[f, g]);
    assert_eq!(
        inferred.notes,
        [
            Note::MinAboveMax { field: "x".into(), limit: "words", min: 500, max: 300 },
            Note::MinAboveMax { field: "y".into(), limit: "chars", min: 10, max: 5 },
        ]
    );
    compile(&inferred);
}

#[test]
fn patterns_the_engine_supports_are_kept() {
    let mut nik = field("nik", FieldKind::Text);
    nik.pattern = Some("\\d{16}".into());
    let mut password = field("sandi", FieldKind::Text);
    password.pattern = Some("(?=.*\\d).{8,}".into());
    let mut essay = field("uraian", FieldKind::LongText);
    essay.pattern = Some("[a-z]+".into());
    let inferred = infer_rules("F", &[nik, password, essay]);
    assert_eq!(section(&inferred.rules, "nik").get("pattern"), Some(&Value::String("\\d{16}".into())));
    assert_eq!(section(&inferred.rules, "sandi").get("pattern"), None);
    // Browsers ignore `pattern` on a textarea; so does borang.
    assert_eq!(section(&inferred.rules, "uraian").get("pattern"), None);
    assert!(
        matches!(&inferred.notes[..], [Note::PatternNotSupported { field, pattern, reason }]
            if field == "sandi" && pattern == "(?=.*\\d).{8,}" && reason.contains("character")),
        "{:?}",
        inferred.notes
    );

    // Anchored to the whole value, like HTML.
    let rules = compile(&inferred);
    let mut values = Values::new();
    values.text("nik", "3201234567890123x");
    assert_eq!(rules.check_section("nik", &values, Lang::Id).unwrap().messages[0].rule, "pattern");
    values.text("nik", "3201234567890123");
    assert!(rules.check_section("nik", &values, Lang::Id).unwrap().messages.is_empty());
}

#[test]
fn file_inputs() {
    let mut proposal = field("proposal", FieldKind::File);
    proposal.title = Some("Unggah Proposal (PDF, maksimal 2 MB) *".into());
    proposal.accept = Some(" .pdf, application/pdf ,pdf,,".into());
    let mut photos = field("foto[]", FieldKind::File);
    photos.hints = vec!["JPG/PNG, maks. 500 KB per file".into(), "Unggah maksimal 3 file".into()];
    photos.accept = Some("image/*".into());
    photos.multiple = true;
    let mut decimal = field("lampiran", FieldKind::File);
    decimal.hints = vec!["Ukuran berkas maksimal 1,5 MB".into()];
    let inferred = infer_rules("F", &[proposal, photos, decimal]);
    assert_eq!(
        inferred.notes,
        [
            Note::RequiredFromLabel { field: "proposal".into() },
            Note::AcceptIgnored { field: "proposal".into(), entry: "pdf".into() },
        ]
    );
    let files = |key: &str| section(&inferred.rules, key).get("files").unwrap().clone();
    let p = files("proposal");
    assert_eq!(
        p.get("accept"),
        Some(&Value::Array(vec![Value::String(".pdf".into()), Value::String("application/pdf".into())]))
    );
    assert_eq!((number(p.get("maxBytes")), number(p.get("maxFiles"))), (Some(2_097_152.0), Some(1.0)));
    let f = files("foto[]");
    assert_eq!((number(f.get("maxBytes")), number(f.get("maxFiles"))), (Some(512_000.0), Some(3.0)));
    assert_eq!(number(files("lampiran").get("maxBytes")), Some(1_572_864.0));
    assert_eq!(section(&inferred.rules, "proposal").get("title"), Some(&Value::String("Unggah Proposal".into())));

    let rules = compile(&inferred);
    let pdf = |name: &str, mime: &str, size: u64| FileMeta { name: name.into(), mime: mime.into(), size };
    let mut values = Values::new();
    values.insert("proposal", FieldValue::Files(vec![pdf("p.docx", "", 3 << 20)]));
    let rules_hit: Vec<&str> =
        rules.check_section("proposal", &values, Lang::Id).unwrap().messages.iter().map(|m| m.rule).collect();
    assert_eq!(rules_hit, ["files.accept", "files.maxBytes"]);
    values.insert("foto[]", FieldValue::Files((0..4).map(|i| pdf(&format!("{i}.png"), "image/png", 1000)).collect()));
    let rules_hit: Vec<&str> =
        rules.check_section("foto", &values, Lang::Id).unwrap().messages.iter().map(|m| m.rule).collect();
    assert_eq!(rules_hit, ["files.maxFiles"]);
}

#[test]
fn choice_controls() {
    let mut sdgs = field("sdgs[]", FieldKind::Checkbox);
    sdgs.title = Some("SDGs yang didukung".into());
    sdgs.hints = vec!["Pilih maksimal 3 (SDGs 1–17)".into()];
    sdgs.required = true;
    let mut agree = field("setuju", FieldKind::Checkbox);
    agree.required = true;
    let mut optional = field("topik", FieldKind::Checkbox);
    optional.hints = vec!["pilih minimal 2".into()];
    let mut kelompok = field("kelompok", FieldKind::Radio);
    kelompok.required = true;
    kelompok.hints = vec!["Maksimal 300 kata".into()];
    let mut kategori = field("kategori", FieldKind::Select);
    kategori.title = Some("Kategori".into());
    let mut jumlah = field("jumlah", FieldKind::Number);
    jumlah.required = true;
    jumlah.max_length = Some(3);
    let inferred = infer_rules("F", &[sdgs, agree, optional, kelompok, kategori, jumlah]);
    assert!(inferred.notes.is_empty(), "{:?}", inferred.notes);
    let checked = |key: &str| {
        let c = section(&inferred.rules, key).get("checked");
        (number(c.and_then(|c| c.get("min"))), number(c.and_then(|c| c.get("max"))))
    };
    assert_eq!(checked("sdgs[]"), (Some(1.0), Some(3.0)));
    assert_eq!(checked("setuju"), (Some(1.0), None));
    assert_eq!(checked("topik"), (Some(2.0), None));
    // Radio, select, number: `required` only.
    for (key, required) in [("kelompok", true), ("kategori", false), ("jumlah", true)] {
        let s = section(&inferred.rules, key);
        let Value::Object(pairs) = s else { panic!() };
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        let expected: &[&str] =
            if required { &["id", "title", "fields", "required"] } else { &["id", "title", "fields"] };
        assert_eq!(keys, expected, "{key}");
    }

    let rules = compile(&inferred);
    let mut values = Values::new();
    values.insert("sdgs[]", FieldValue::List(["1", "4", "8", "10"].map(String::from).to_vec()));
    let report = rules.check(&values, Lang::Id);
    let sdgs = &report.sections[0];
    assert_eq!((sdgs.id.as_str(), sdgs.messages[0].rule), ("sdgs", "checked.max"));
    assert_eq!(report.sections[1].messages[0].rule, "required");
    assert!(report.sections[2].messages.is_empty(), "nothing checked in an optional group is fine");
}

#[test]
fn formats_from_input_types() {
    let mut email = field("email", FieldKind::Email);
    email.required = true;
    email.max_length = Some(100);
    let video = field("video", FieldKind::Url);
    let hp = field("no_hp", FieldKind::Tel);
    let inferred = infer_rules("F", &[email, video, hp]);
    let format = |key: &str| section(&inferred.rules, key).get("format").cloned();
    assert_eq!(format("email"), Some(Value::String("email".into())));
    assert_eq!(format("video"), Some(Value::String("url".into())));
    assert_eq!(format("no_hp"), Some(Value::String("phone".into())));
    assert_eq!(section(&inferred.rules, "email").get("title"), Some(&Value::String("Email".into())));
    assert_eq!(section(&inferred.rules, "no_hp").get("title"), Some(&Value::String("No hp".into())));

    let rules = compile(&inferred);
    let values: Values = [("email", "bukan-email"), ("video", "youtube.com/watch?v=x"), ("no_hp", "0812 3456 7890")]
        .into_iter()
        .collect();
    let report = rules.check(&values, Lang::En);
    let found: Vec<Vec<&str>> = report.sections.iter().map(|s| s.messages.iter().map(|m| m.rule).collect()).collect();
    assert_eq!(found, [vec!["format"], vec!["format"], vec![]]);
}

#[test]
fn labels_marked_required() {
    let mut starred = field("judul", FieldKind::Text);
    starred.title = Some("Judul Inovasi *".into());
    let mut wajib = field("nama", FieldKind::Text);
    wajib.title = Some("Nama (wajib)".into());
    let mut both = field("tim", FieldKind::Text);
    both.title = Some("Tim *".into());
    both.required = true;
    let mut hint_only = field("latar_belakang", FieldKind::LongText);
    hint_only.title = Some("Maksimal 300 kata".into());
    let inferred = infer_rules("F", &[starred, wajib, both, hint_only]);
    assert_eq!(
        inferred.notes,
        [Note::RequiredFromLabel { field: "judul".into() }, Note::RequiredFromLabel { field: "nama".into() }]
    );
    let get = |key: &str, what: &str| section(&inferred.rules, key).get(what).cloned();
    for key in ["judul", "nama", "tim"] {
        assert_eq!(get(key, "required"), Some(Value::Bool(true)), "{key}");
    }
    assert_eq!(get("judul", "title"), Some(Value::String("Judul Inovasi".into())));
    // A label that is only a hint gives the limit, and the key gives the title.
    assert_eq!(get("latar_belakang", "title"), Some(Value::String("Latar belakang".into())));
    assert_eq!(get("latar_belakang", "required"), None);
    compile(&inferred);
}

#[test]
fn any_keys_compile() {
    let keys = [
        "sdgs[]",
        "data.ringkasan",
        "proposal[latar_belakang]",
        "nama lengkap",
        "say \"hi\"",
        "it's",
        "ringkasan_é",
        "катя",
        "中文",
        "[]",
        "_",
        "-",
        ".",
        "a..b",
        "sdgs",
        "sdgs",
        "sdgs-2",
        "",
        "   ",
        "latarBelakang",
        " padded ",
    ];
    let fields: Vec<FieldDescription> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let kind = [FieldKind::Text, FieldKind::LongText, FieldKind::Checkbox, FieldKind::File][i % 4];
            let mut f = field(k, kind);
            f.title = Some(format!("{k} (maks. {i}0 kata) *"));
            f.hints = vec![format!("Maksimal {} kata", 300 + i), "maks. 2 MB".into(), "pilih maksimal 3".into()];
            f
        })
        .collect();
    let inferred = infer_rules("  Formulir   KIPP\n2025 ", &fields);
    let rules = compile(&inferred);
    assert_eq!(rules.title(), "Formulir KIPP 2025");
    let info = rules.sections_info();
    assert_eq!(info.len(), keys.len() - 3);
    let ids: Vec<&str> = info.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sdgs",
            "data.ringkasan",
            "proposal_latar_belakang",
            "nama_lengkap",
            "say_hi",
            "it_s",
            "ringkasan",
            "field",
            "field-2",
            "field-3",
            "field-4",
            "field-5",
            "field-6",
            "a..b",
            "sdgs-2",
            "sdgs-2-2",
            "latarBelakang",
            "padded",
        ]
    );
    let titles: Vec<&str> = info.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles[..4], ["sdgs", "data.ringkasan", "proposal[latar_belakang]", "nama lengkap"]);
    assert!(inferred.notes.contains(&Note::DuplicateField { field: "sdgs".into() }));
    assert!(inferred.notes.contains(&Note::Unnamed { index: 17 }));
    assert!(inferred.notes.contains(&Note::Unnamed { index: 18 }));
}

#[test]
fn many_fields() {
    let many = |n: usize| -> Vec<FieldDescription> {
        (0..n)
            .map(|i| {
                let mut f = field(&format!("isian_{i}"), FieldKind::LongText);
                f.title = Some(format!("{}. Bagian {i} (maksimal {} kata)", i + 1, 100 + i));
                f.max_length = Some(100);
                f
            })
            .collect()
    };
    let inferred = infer_rules("F", &many(300));
    assert_eq!(compile(&inferred).sections_info().len(), 300);
    assert_eq!(inferred.notes.len(), 300, "every maxlength=100 cuts its word limit");

    let inferred = infer_rules("F", &many(MAX_SECTIONS + 12));
    assert_eq!(compile(&inferred).sections_info().len(), MAX_SECTIONS);
    assert_eq!(inferred.notes.last(), Some(&Note::TooManyFields { kept: MAX_SECTIONS, skipped: 12 }));
}

#[test]
fn no_fields_no_sections() {
    let inferred = infer_rules("F", &[field("", FieldKind::Text)]);
    assert_eq!(inferred.notes, [Note::Unnamed { index: 0 }, Note::NoFields]);
    assert!(Rules::from_value(inferred.rules).is_err());
}

#[test]
fn notes_read_as_one_line() {
    let notes = [
        Note::MaxLengthCutsWords { field: "ringkasan".into(), max_length: 300, max_words: 300 },
        Note::PatternNotSupported { field: "sandi".into(), pattern: "(?=.*\\d)".into(), reason: "lookaround".into() },
        Note::ConflictingLimits {
            field: "ringkasan".into(),
            limit: "words.max",
            kept: 150,
            ignored: 200,
            kept_from: "data-max-words=\"150\"".into(),
            ignored_from: "the hint “maksimal 200 kata”".into(),
        },
        Note::OppositeLimits {
            field: "ringkasan".into(),
            kept: "words.max",
            ignored: "words.min",
            value: 200,
            kept_from: "the label “Ringkasan (maksimal 200)”".into(),
            ignored_from: "the hint “Minimal 200 kata”".into(),
        },
        Note::MinAboveMax { field: "x".into(), limit: "words", min: 500, max: 300 },
        Note::RequiredFromLabel { field: "judul".into() },
        Note::AcceptIgnored { field: "proposal".into(), entry: "pdf".into() },
        Note::DuplicateField { field: "sdgs".into() },
        Note::Unnamed { index: 3 },
        Note::TooManyFields { kept: 500, skipped: 12 },
        Note::NoFields,
    ];
    let text: Vec<String> = notes.iter().map(ToString::to_string).collect();
    assert!(text.iter().all(|t| !t.contains('\n')));
    assert_eq!(notes[0].field(), Some("ringkasan"));
    assert_eq!(notes[8].field(), None);
    insta::assert_snapshot!(text.join("\n"));
}

/// One whole inferred document, as a portal's proposal form would give it.
#[test]
fn a_proposal_form() {
    let mut judul = field("judul_proposal", FieldKind::Text);
    judul.title = Some("1. Judul Inovasi *".into());
    judul.required = true;
    judul.max_length = Some(150);
    let mut ringkasan = field("ringkasan", FieldKind::LongText);
    ringkasan.title = Some("2. Ringkasan".into());
    ringkasan.hints = vec!["Gambaran singkat inovasi (maksimal 200 kata)".into()];
    ringkasan.required = true;
    ringkasan.max_length = Some(200);
    let mut video = field("video", FieldKind::Url);
    video.title = Some("Tautan Video YouTube (opsional)".into());
    let mut sdgs = field("sdgs[]", FieldKind::Checkbox);
    sdgs.title = Some("SDGs".into());
    sdgs.hints = vec!["pilih paling banyak 3".into()];
    sdgs.required = true;
    let mut lampiran = field("u_ringkasan", FieldKind::File);
    lampiran.title = Some("Lampiran Ringkasan (PDF, maks. 2 MB)".into());
    lampiran.accept = Some(".pdf,application/pdf".into());
    let inferred = infer_rules("Proposal KIPP 2025", &[judul, ringkasan, video, sdgs, lampiran]);
    compile(&inferred);
    let notes: Vec<String> = inferred.notes.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!("a_proposal_form_notes", notes.join("\n"));
    insta::assert_json_snapshot!("a_proposal_form_rules", inferred.rules);
}

/// Odd texts and keys never panic, and every document with a field compiles.
#[test]
fn odd_inputs_always_compile() {
    const PIECES: &[&str] = &[
        "maksimal",
        "maks.",
        "min",
        "paling",
        "banyak",
        "sedikit",
        "tidak lebih dari",
        "antara",
        "dan",
        "s.d.",
        "s/d",
        "-",
        "–",
        "(",
        ")",
        "[",
        "]",
        "*",
        ":",
        ".",
        ",",
        "0",
        "1",
        "300",
        "1.000",
        "1,5",
        "99999999999999999999",
        "0,0000000000000000000001",
        "kata",
        "kunci",
        "words",
        "karakter",
        "MB",
        "KB",
        "GB",
        "file",
        "pilih",
        "wajib",
        "(wajib)",
        "opsional",
        "1.",
        "a)",
        "IV.",
        "\u{a0}",
        "\n",
        "\u{200b}",
        "é",
        "中",
        "👩🏽‍💻",
        "\u{2011}",
        "’",
        "'",
        "at",
        "least",
        "most",
        "up",
        "to",
        "or",
        "more",
        "less",
        "",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: usize| {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    };
    let kinds = [
        FieldKind::Text,
        FieldKind::LongText,
        FieldKind::Email,
        FieldKind::Url,
        FieldKind::Tel,
        FieldKind::Number,
        FieldKind::Select,
        FieldKind::Checkbox,
        FieldKind::Radio,
        FieldKind::File,
        FieldKind::Other,
    ];
    for round in 0..300 {
        let mut phrase = |len: usize| -> String {
            (0..next(len + 1)).map(|_| PIECES[next(PIECES.len())]).collect::<Vec<_>>().join([" ", ""][next(2)])
        };
        let fields: Vec<FieldDescription> = (0..1 + round % 7)
            .map(|i| FieldDescription {
                key: format!("{}{i}", phrase(3)),
                kind: kinds[(round + i) % kinds.len()],
                title: Some(phrase(12)),
                hints: vec![phrase(12), phrase(8)],
                required: round % 3 == 0,
                min_length: Some((round * 7 % 50) as u32),
                max_length: Some((round * 13 % 400) as u32),
                pattern: Some(phrase(4)),
                min_words: Some((round % 11) as u32),
                max_words: Some((round * 3 % 9) as u32),
                accept: Some(phrase(5).replace(' ', ",")),
                multiple: round % 2 == 0,
                group: (round % 4 == 0).then(|| phrase(6)),
            })
            .collect();
        for f in &fields {
            for text in f.hints.iter().chain(&f.title) {
                let (w, c) = (word_limit(text), char_limit(text));
                assert!(w.max != Some(0) && c.max != Some(0), "{text:?}");
                if !text.chars().any(char::is_alphabetic) {
                    continue;
                }
                assert!(!clean_title(text).is_empty(), "{text:?}");
            }
        }
        let inferred = infer_rules(&phrase(6), &fields);
        if !inferred.notes.contains(&Note::NoFields) {
            compile(&inferred);
        }
    }
}

/// A label and a hint that give the same number as opposite bounds: one of them is a slip.
/// The label's bound is kept, the note names both texts, and `explained` says where each
/// limit came from.
#[test]
fn a_label_and_a_hint_that_disagree_are_named_and_the_label_wins() {
    let mut f = field("ringkasan", FieldKind::LongText);
    f.title = Some("Ringkasan (maksimal 200 kata)".into());
    f.hints = vec!["Minimal 200 kata".into()];
    f.required = true;
    let inferred = infer_rules("Proposal", &[f]);
    let words = section(&inferred.rules, "ringkasan").get("words").unwrap();
    assert_eq!((number(words.get("min")), number(words.get("max"))), (None, Some(200.0)));
    assert_eq!(
        inferred.notes,
        [Note::OppositeLimits {
            field: "ringkasan".into(),
            kept: "words.max",
            ignored: "words.min",
            value: 200,
            kept_from: "the label “Ringkasan (maksimal 200 kata)”".into(),
            ignored_from: "the hint “Minimal 200 kata”".into(),
        }]
    );
    let why = &inferred.explained[0];
    assert_eq!(why.title_from, "the label “Ringkasan (maksimal 200 kata)”");
    assert_eq!(why.required_from.as_deref(), Some("the required attribute"));
    assert_eq!(
        why.limits,
        [borang::infer::ExplainedLimit {
            limit: "words.max",
            value: 200,
            from: "the label “Ringkasan (maksimal 200 kata)”".into()
        }]
    );
    compile(&inferred);

    // The same text giving both bounds means it ("tepat 200 kata" as a range): both are kept.
    let mut g = field("g", FieldKind::LongText);
    g.hints = vec!["antara 200 dan 200 kata".into()];
    let inferred = infer_rules("F", &[g]);
    let words = section(&inferred.rules, "g").get("words").unwrap();
    assert_eq!((number(words.get("min")), number(words.get("max"))), (Some(200.0), Some(200.0)));
    assert_eq!(inferred.notes, []);
    assert_eq!(inferred.explained[0].title_from, "the name \"g\" (no label found)");
}

/// What real portal rows need: a bare "(maksimal 200)" beside a hint in words is in words; a
/// select of several choices gets counts; rows that share a label get titles that tell them
/// apart, by the row title (group) or section before them.
#[test]
fn portal_rows() {
    let mut bare = field("kebaruan", FieldKind::LongText);
    bare.title = Some("Uraian Kebaruan (maksimal 300)".into());
    bare.hints = vec!["Tulis dalam kata, minimal 50 kata".into()];
    let mut chars_only = field("alamat", FieldKind::LongText);
    chars_only.title = Some("Alamat (maksimal 200)".into());
    let mut urusan = field("urusan", FieldKind::Select);
    urusan.multiple = true;
    urusan.hints = vec!["Pilih paling banyak 2 urusan".into()];
    let mut ringkasan = field("ringkasan", FieldKind::LongText);
    ringkasan.title = Some("Ringkasan".into());
    let mut u1 = field("u_ringkasan", FieldKind::File);
    u1.title = Some("Unggah Dokumen Pendukung".into());
    let mut sub = field("adaptabilitas_potensi", FieldKind::LongText);
    sub.title = Some("b. Potensi inovasi untuk direplikasi".into());
    sub.group = Some("Adaptabilitas *".into());
    let mut u2 = field("u_adaptabilitas", FieldKind::File);
    u2.title = Some("Unggah Dokumen Pendukung".into());
    let inferred = infer_rules("KIPP", &[bare, chars_only, urusan, ringkasan, u1, sub, u2]);
    let words = section(&inferred.rules, "kebaruan").get("words").unwrap();
    assert_eq!((number(words.get("min")), number(words.get("max"))), (Some(50.0), Some(300.0)));
    // No unit anywhere in the field's texts: no limit is guessed.
    assert_eq!(section(&inferred.rules, "alamat").get("words"), None);
    assert_eq!(section(&inferred.rules, "alamat").get("chars"), None);
    let checked = section(&inferred.rules, "urusan").get("checked").unwrap();
    assert_eq!(number(checked.get("max")), Some(2.0));
    let title = |id: &str| section(&inferred.rules, id).get("title").cloned();
    assert_eq!(title("u_ringkasan"), Some(Value::String("Unggah Dokumen Pendukung (Ringkasan)".into())));
    assert_eq!(title("u_adaptabilitas"), Some(Value::String("Unggah Dokumen Pendukung (Adaptabilitas)".into())));
    assert_eq!(inferred.explained[6].title, "Unggah Dokumen Pendukung (Adaptabilitas)");
    compile(&inferred);
}
