//! The engine from the outside: rules files (good and broken), presets, reports.

use borang::{FieldValue, FileMeta, Lang, Rules, Status, Values};

fn fixture(name: &str) -> Values {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Values::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn problems(json: &str) -> String {
    match Rules::from_json(json) {
        Ok(_) => panic!("rules were accepted: {json}"),
        Err(e) => e.to_string(),
    }
}

mod rules_errors {
    use super::*;

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let text = problems(
            r#"{
              "title": "Proposal",
              "wordcount": "office",
              "lang": "jv",
              "sections": [
                {"id": "ringkasan", "title": "Ringkasan", "words": {"max": "200"}},
                {"id": "ringkasan", "title": "Dua", "wrods": {"max": 10}},
                {"title": "Tanpa id", "words": {"min": 50, "max": 10, "warnAt": 1.5}},
                {"id": "video", "title": "Video", "format": {"type": "url", "hosts": ["you tube"], "min": 3}},
                {"id": "nip", "title": "NIP", "pattern": {"regex": "(\\d{18}"}},
                {"id": "f", "title": "Lampiran", "files": {"accept": ["pdf"], "maxBytes": -1, "maxFiles": 0}},
                {"id": "k", "title": "Kelompok", "when": {"field": "kelompok"}, "required": {"value": true, "message": {"id": "{judul} wajib"}}},
                {"id": "d", "title": "Tanggal", "format": {"type": "date", "min": "2025-02-30"}, "compare": [{"field": "x", "op": "after"}]},
                "oops"
              ]
            }"#,
        );
        insta::assert_snapshot!(text);
    }

    #[test]
    fn syntax_errors_and_wrong_shapes() {
        insta::assert_snapshot!(problems("{\"title\": \"x\",\n \"sections\": [}"));
        insta::assert_snapshot!(problems("[]"));
        insta::assert_snapshot!(problems(r#"{"sections": []}"#));
        insta::assert_snapshot!(problems(r#"{"title": "x", "sections": []}"#));
    }

    #[test]
    fn unknown_keys_list_the_known_ones() {
        let err =
            Rules::from_json(r#"{"title":"x","sections":[{"id":"a","title":"A","words":{"maks":3}}]}"#).unwrap_err();
        let p = &err.problems[0];
        assert_eq!(p.path, "sections[0].words.maks");
        assert_eq!(p.known, ["min", "max", "warnAt", "severity", "message"]);
        assert!(p.message.contains("did you mean `max`"), "{}", p.message);
    }

    #[test]
    fn huge_and_deep_inputs_are_refused_calmly() {
        let big = format!(r#"{{"title":"x","description":"{}","sections":[]}}"#, "a".repeat(borang::MAX_RULES_BYTES));
        assert!(problems(&big).contains("at most 1048576"));
        let many: Vec<String> = (0..=borang::MAX_SECTIONS).map(|i| format!(r#"{{"id":"s{i}","title":"S"}}"#)).collect();
        let text = problems(&format!(r#"{{"title":"x","sections":[{}]}}"#, many.join(",")));
        assert!(text.contains("at most 500 sections"), "{text}");
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(problems(&deep).contains("not valid JSON"));
    }

    #[test]
    fn never_panics_on_odd_documents() {
        let docs = [
            "",
            "null",
            "0",
            "\"x\"",
            "{}",
            r#"{"title":null,"sections":null}"#,
            r#"{"title":"x","sections":[null,1,[],{}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","when":[]}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","when":[{"field":"k","equals":"a","filled":true}]}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","required":{"value":1}}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","required":{}}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","words":{"max":1e300}}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","words":{"max":0.5}}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","format":{}}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","pattern":{}}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","compare":[{}]}]}"#,
            r#"{"title":"x","sections":[{"id":"a","title":"A","checked":{"min":3,"max":1}}]}"#,
            r#"{"extends":1}"#,
            r#"{"extends":"nope"}"#,
            r#"{"extends":"kipp-2023","sections":[]}"#,
            r#"{"extends":"kipp-2023","sections":{"tidak-ada":null}}"#,
            r#"{"extends":"kipp-2023","sections":{"baru":{}}}"#,
        ];
        for doc in docs {
            assert!(Rules::from_json(doc).is_err(), "accepted: {doc}");
        }
    }

    #[test]
    fn problems_in_an_extending_file_are_named_by_section_id() {
        let err = Rules::from_json(
            r#"{"extends":"kipp-2023","sections":{"ringkasan":{"words":{"max":"dua ratus"}},"baru":{"words":{}}}}"#,
        )
        .unwrap_err();
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["sections.ringkasan.words.max", "sections.baru"], "{err}");
        let err = Rules::from_json(r#"{"extends":"kipp-2099"}"#).unwrap_err();
        assert_eq!(err.problems[0].path, "extends");
        assert_eq!(err.problems[0].known, ["kipp-2023", "kipp-2021", "inovasi-daerah"]);
    }
}

mod presets {
    use super::*;

    #[test]
    fn every_preset_compiles_and_names_its_source() {
        for p in borang::presets() {
            let rules = Rules::preset(p.name).unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert!(!rules.source().unwrap_or_default().is_empty(), "{} has no source", p.name);
            let file: serde_json::Value = serde_json::from_str(p.json).unwrap();
            assert_eq!(file["$schema"], "../schema/rules.schema.json");
        }
    }

    #[test]
    fn kipp_2023_has_the_portal_fields_and_limits() {
        let rules = Rules::preset("kipp-2023").unwrap();
        let info = rules.sections_info();
        let limits: Vec<(&str, Option<u32>)> = info.iter().map(|s| (s.fields[0].as_str(), s.max_words)).collect();
        assert_eq!(
            limits,
            [
                ("judul_proposal", None),
                ("ringkasan", Some(200)),
                ("latar_belakang", Some(300)),
                ("kebaharuan", Some(200)),
                ("implementasi_inovasi", Some(200)),
                ("signifikansi", Some(600)),
                ("adaptabilitas_1", Some(100)),
                ("adaptabilitas_2", Some(200)),
                ("sumber_daya", Some(200)),
                ("keberlanjutan", Some(500)),
                ("link_youtube", None),
                ("kelompok", None),
                ("id_kategori", None),
                ("sdgs[]", None),
            ]
        );
        assert!(info.iter().all(|s| s.required));
        assert!(info[1].fields.contains(&"u_ringkasan".to_owned()));
    }

    #[test]
    fn a_sample_proposal_is_checked_correctly() {
        let rules = Rules::preset("kipp-2023").unwrap();
        let report = rules.check(&fixture("kipp-2023-sample.json"), Lang::Id);
        insta::assert_json_snapshot!("kipp-2023-sample-id", report);
        let report = rules.check(&fixture("kipp-2023-sample.json"), Lang::En);
        let texts: Vec<&str> = report.sections.iter().flat_map(|s| &s.messages).map(|m| m.text.as_str()).collect();
        insta::assert_snapshot!("kipp-2023-sample-en", texts.join("\n"));
    }

    #[test]
    fn a_valid_proposal_passes() {
        let rules = Rules::preset("kipp-2023").unwrap();
        let report = rules.check(&fixture("kipp-2023-valid.json"), Lang::Id);
        let problems: Vec<_> = report.sections.iter().flat_map(|s| &s.messages).collect();
        assert!(report.valid, "{problems:#?}");
        assert_eq!((report.complete, report.total, report.errors), (14, 14, 0));
    }

    #[test]
    fn kipp_2021_sections_follow_the_kelompok() {
        let rules = Rules::preset("kipp-2021").unwrap();
        let applying = |kelompok: &str| {
            let mut v = Values::new();
            v.text("kelompok", kelompok);
            let report = rules.check(&v, Lang::Id);
            report.sections.iter().filter(|s| s.status != Status::Skipped).map(|s| s.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(
            applying("replikasi"),
            ["judul", "kelompok", "inspirasi", "proses_replikasi", "faktor_pembeda", "video"]
        );
        assert_eq!(applying("khusus").len(), 7);
        assert_eq!(applying("umum").len(), 10);
        assert_eq!(applying("").len(), 3);
    }

    #[test]
    fn inovasi_daerah_wants_a_long_rancang_bangun_and_ordered_dates() {
        let rules = Rules::preset("inovasi-daerah").unwrap();
        let mut v = Values::new();
        v.text("rancang_bangun", "Rancang bangun singkat.")
            .text("waktu_uji_coba", "2024-03-01")
            .text("waktu_penerapan", "01/02/2024");
        let report = rules.check(&v, Lang::Id);
        let msgs = |id: &str| -> Vec<String> {
            report.sections.iter().find(|s| s.id == id).unwrap().messages.iter().map(|m| m.text.clone()).collect()
        };
        // Its source states 300 words and no character minimum (issue 13).
        assert_eq!(msgs("rancang_bangun"), ["Rancang Bangun baru berisi 3 kata; minimal 300 kata."]);
        assert_eq!(msgs("waktu_penerapan"), ["Waktu Penerapan harus paling cepat Waktu Uji Coba."]);
    }

    #[test]
    fn extending_a_preset_is_a_one_line_change() {
        let rules = Rules::from_json(r#"{"extends": "kipp-2023", "sections": {"ringkasan": {"words": {"max": 250}}}}"#)
            .unwrap();
        let base = Rules::preset("kipp-2023").unwrap();
        assert_eq!(rules.sections_info()[1].max_words, Some(250));
        assert_eq!(rules.sections_info().len(), base.sections_info().len());
        assert_eq!(rules.title(), base.title());

        let renamed = Rules::from_json(
            r#"{"extends": "kipp-2023", "title": "KOIN-YANLIK 2024", "lang": "en",
                "sections": {"video": {"fields": ["url_video"], "format": {"message": null}},
                             "kategori": null,
                             "kontak": {"title": "Telepon", "fields": "telp", "format": "phone"}}}"#,
        )
        .unwrap();
        let info = renamed.sections_info();
        assert_eq!(renamed.title(), "KOIN-YANLIK 2024");
        assert_eq!(renamed.lang(), Lang::En);
        assert!(info.iter().all(|s| s.id != "kategori"));
        assert_eq!(info.last().unwrap().fields, ["telp"]);
        let mut v = Values::new();
        v.text("url_video", "https://vimeo.com/1").text("telp", "12345");
        let report = renamed.check(&v, Lang::En);
        let text = |id: &str| report.sections.iter().find(|s| s.id == id).unwrap().messages[0].text.clone();
        assert_eq!(
            text("video"),
            "The link in Tautan Video must point to youtube.com or youtu.be; this one points to vimeo.com."
        );
        assert_eq!(text("kontak"), "Telepon is not a valid Indonesian phone number (e.g. 0812-3456-7890).");
    }
}

mod checks {
    use super::*;

    fn rules(sections: &str) -> Rules {
        Rules::from_json(&format!(r#"{{"title":"Uji","sections":[{sections}]}}"#)).unwrap()
    }

    fn messages(rules: &Rules, values: &Values) -> Vec<String> {
        let report = rules.check(values, Lang::Id);
        report
            .sections
            .iter()
            .flat_map(|s| &s.messages)
            .map(|m| format!("{} {:?}: {}", m.rule, m.severity, m.text))
            .collect()
    }

    #[test]
    fn word_limits_warn_before_and_block_after() {
        let r = rules(r#"{"id":"r","title":"Ringkasan","required":true,"words":{"min":3,"max":10,"warnAt":0.8}}"#);
        let mut v = Values::new();
        let report = r.check(&v, Lang::Id);
        assert_eq!(report.sections[0].status, Status::Empty);
        assert_eq!(messages(&r, &v), ["required Error: Ringkasan wajib diisi."]);
        v.text("r", "satu dua");
        assert_eq!(messages(&r, &v), ["words.min Error: Ringkasan baru berisi 2 kata; minimal 3 kata."]);
        v.text("r", "a b c d e f g h");
        assert_eq!(messages(&r, &v), ["words.warnAt Warning: Ringkasan berisi 8 kata, mendekati batas 10 kata."]);
        assert_eq!(r.check(&v, Lang::Id).sections[0].status, Status::Warning);
        assert!(r.check(&v, Lang::Id).valid);
        v.text("r", "a b c d e f g h i j k");
        assert_eq!(messages(&r, &v), ["words.max Error: Ringkasan berisi 11 kata; batasnya 10 kata."]);
        assert_eq!(r.check(&v, Lang::Id).sections[0].limits.words.unwrap().warn_at, Some(8));
    }

    #[test]
    fn limits_apply_to_all_fields_of_a_section_together() {
        let r = rules(r#"{"id":"a","title":"Adaptabilitas","fields":["a1","a2"],"words":{"max":5}}"#);
        let mut v = Values::new();
        v.text("a1", "satu dua tiga").text("a2", "empat lima enam");
        assert_eq!(messages(&r, &v), ["words.max Error: Adaptabilitas berisi 6 kata; batasnya 5 kata."]);
    }

    #[test]
    fn large_counts_read_as_indonesian_numbers() {
        let r = rules(r#"{"id":"a","title":"Isi","words":{"max":10000}}"#);
        let mut v = Values::new();
        v.text("a", "kata ".repeat(20_000));
        assert_eq!(messages(&r, &v), ["words.max Error: Isi berisi 20.000 kata; batasnya 10.000 kata."]);
    }

    #[test]
    fn formats_give_precise_messages() {
        let r = rules(
            r#"{"id":"v","title":"Video","format":{"type":"url","hosts":["youtube.com","youtu.be"]}},
               {"id":"e","title":"Surel","format":"email"},
               {"id":"n","title":"NIP","format":"nip"},
               {"id":"k","title":"NIK","format":{"type":"nik","severity":"warning"}},
               {"id":"a","title":"Anggaran","format":{"type":"number","min":0,"max":1000000000}},
               {"id":"t","title":"Tanggal","format":{"type":"date","min":"2020-01-01","max":"2025-12-31"}}"#,
        );
        let mut v = Values::new();
        v.text("v", "www.youtube.com/watch?v=x")
            .text("e", "nama@desa")
            .text("n", "19800101 200501 1 00")
            .text("k", "12345678901234AB")
            .text("a", "Rp1.500.000.000")
            .text("t", "31/04/2025");
        assert_eq!(
            messages(&r, &v),
            [
                "format Error: Tautan pada Video harus diawali https://.",
                "format Error: Surel bukan alamat surel yang valid.",
                "format Error: NIP harus 18 digit angka; ditemukan 17 digit.",
                "format Warning: NIK hanya boleh berisi angka.",
                "format Error: Anggaran paling banyak 1.000.000.000.",
                "format Error: Tanggal bukan tanggal yang valid.",
            ]
        );
        v.text("v", "https://youtu.be/dQw4w9WgXcQ").text("e", "nama@desa.go.id").text("n", "198001012005011001");
        v.text("k", "3201010101010001").text("a", "Rp 1.500.000").text("t", "6 Mei 2019");
        assert_eq!(messages(&r, &v), ["format Error: Tanggal tidak boleh sebelum 1 Januari 2020."]);
    }

    #[test]
    fn patterns_choices_and_checkbox_groups() {
        let r = rules(
            r#"{"id":"kode","title":"Kode","pattern":{"regex":"[A-Z]{2}-\\d+","description":{"id":"dua huruf kapital, tanda hubung, lalu angka"}}},
               {"id":"kelompok","title":"Kelompok","choice":["umum","khusus"]},
               {"id":"sdgs","title":"SDGs","fields":"sdgs[]","checked":{"min":1,"max":3},"required":true}"#,
        );
        let mut v = Values::new();
        v.text("kode", "ab-12")
            .text("kelompok", "replikasi")
            .insert("sdgs[]", FieldValue::List(vec!["1".into(), "2".into(), "3".into(), "4".into()]));
        assert_eq!(
            messages(&r, &v),
            [
                "pattern Error: Kode harus berupa dua huruf kapital, tanda hubung, lalu angka.",
                "choice Error: Pilihan \u{201c}replikasi\u{201d} pada Kelompok tidak tersedia.",
                "checked.max Error: Pilih paling banyak 3 pada SDGs; 4 dipilih.",
            ]
        );
        v.insert("sdgs[]", FieldValue::List(vec![]));
        assert_eq!(messages(&r, &v)[2], "required Error: SDGs wajib diisi.");
    }

    #[test]
    fn files_are_checked_by_type_size_and_count() {
        let r = rules(
            r#"{"id":"u","title":"Lampiran","fields":["u"],"files":{"accept":[".pdf","application/pdf"],"maxBytes":2097152,"maxFiles":1}}"#,
        );
        let file = |name: &str, mime: &str, size| FileMeta { name: name.into(), mime: mime.into(), size };
        let mut v = Values::new();
        v.insert("u", FieldValue::Files(vec![file("a.PDF", "", 10), file("b.docx", "application/msword", 3_000_000)]));
        assert_eq!(
            messages(&r, &v),
            [
                "files.accept Error: Berkas b.docx pada Lampiran harus berformat PDF.",
                "files.maxBytes Error: Berkas b.docx pada Lampiran berukuran 2,9 MB; batasnya 2 MB.",
                "files.maxFiles Error: Lampiran berisi 2 berkas; paling banyak 1 berkas.",
            ]
        );
    }

    #[test]
    fn conditions_skip_sections() {
        let r = rules(
            r#"{"id":"kelompok","title":"Kelompok"},
               {"id":"inspirasi","title":"Inspirasi","required":true,"when":{"field":"kelompok","equals":"replikasi"}},
               {"id":"lain","title":"Lainnya","required":true,"when":[{"field":"kelompok","filled":true},{"field":"kelompok","notEquals":"umum"}]}"#,
        );
        let mut v = Values::new();
        let statuses = |v: &Values| r.check(v, Lang::Id).sections.iter().map(|s| s.status).collect::<Vec<_>>();
        assert_eq!(statuses(&v), [Status::Empty, Status::Skipped, Status::Skipped]);
        v.text("kelompok", "replikasi");
        assert_eq!(statuses(&v), [Status::Ok, Status::Empty, Status::Empty]);
        let report = r.check(&v, Lang::Id);
        assert_eq!((report.valid, report.errors, report.complete, report.total), (false, 2, 1, 3));
        v.text("kelompok", "umum");
        assert_eq!(statuses(&v), [Status::Ok, Status::Skipped, Status::Skipped]);
    }

    #[test]
    fn custom_messages_and_severities() {
        let r = rules(
            r#"{"id":"r","title":"Ringkasan","words":{"max":{"value":2,"severity":"warning",
                "message":{"id":"{title}: {count} dari {max} kata.","en":"{title}: {count} of {max} words."}}}}"#,
        );
        let mut v = Values::new();
        v.text("r", "satu dua tiga");
        assert_eq!(messages(&r, &v), ["words.max Warning: Ringkasan: 3 dari 2 kata."]);
        assert!(r.check(&v, Lang::Id).valid);
        assert_eq!(r.check(&v, Lang::En).sections[0].messages[0].text, "Ringkasan: 3 of 2 words.");
    }

    #[test]
    fn check_section_matches_the_full_check() {
        let rules = Rules::preset("kipp-2023").unwrap();
        let values = fixture("kipp-2023-sample.json");
        let full = rules.check(&values, Lang::Id);
        for s in &full.sections {
            assert_eq!(rules.check_section(&s.id, &values, Lang::Id).as_ref(), Some(s));
        }
        assert_eq!(rules.check_section("tidak-ada", &values, Lang::Id), None);
    }

    #[test]
    fn results_do_not_depend_on_field_order() {
        let rules = Rules::preset("kipp-2023").unwrap();
        let text =
            std::fs::read_to_string(format!("{}/tests/fixtures/kipp-2023-sample.json", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        let forward: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        let reversed: serde_json::Map<String, serde_json::Value> = forward.clone().into_iter().rev().collect();
        let a = Values::from_json(&serde_json::to_string(&forward).unwrap()).unwrap();
        let b = Values::from_json(&serde_json::to_string(&reversed).unwrap()).unwrap();
        assert_eq!(rules.check(&a, Lang::Id), rules.check(&b, Lang::Id));
    }
}

mod schema {
    //! Files generated from the Rust types of a rules file, committed, and checked here for
    //! staleness: `BORANG_UPDATE_SCHEMA=1 cargo test -p borang --test engine schema` rewrites them.

    use serde_json::Value;

    /// Compares a generated file with the committed one (rewriting it when asked).
    fn up_to_date(relative: &str, fresh: &str) {
        let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("BORANG_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{relative} is stale: run `BORANG_UPDATE_SCHEMA=1 cargo test -p borang --test engine schema`"
        );
    }

    #[test]
    fn the_published_schema_is_up_to_date() {
        // Keys sorted, as the CLI prints it (tests see the types' declaration order).
        fn sorted(v: Value) -> Value {
            match v {
                Value::Object(map) => {
                    let mut pairs: Vec<(String, Value)> = map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
                    pairs.sort_by(|a, b| a.0.cmp(&b.0));
                    Value::Object(pairs.into_iter().collect())
                }
                Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
                other => other,
            }
        }
        let fresh = serde_json::to_string_pretty(&sorted(borang::rules_schema())).unwrap() + "\n";
        up_to_date("schema/rules.schema.json", &fresh);
    }

    /// The keys each object of a rules file takes, as the reader knows them: from the schema of
    /// each type (in the order the type declares them), never kept by hand.
    #[test]
    fn the_known_key_lists_are_up_to_date() {
        let schema = borang::rules_schema();
        let mut objects: Vec<(String, &Value)> = vec![("RulesSpec".into(), &schema)];
        for (name, def) in schema["$defs"].as_object().unwrap() {
            // `Detailed2`, `Detailed3`, … are `Detailed<T>` for other `T`: the same keys.
            let generic_copy = name.trim_end_matches(|c: char| c.is_ascii_digit()) != name;
            if def.get("properties").is_some() && !generic_copy {
                objects.push((name.clone(), def));
            }
        }
        let mut out = String::from(
            "//! The keys each object of a rules file takes, in the order its type declares them.\n\
             //! Generated from the schema of the types (`rules_schema()`) by the test\n\
             //! `schema::the_known_key_lists_are_up_to_date` in `tests/engine.rs`; do not edit.\n",
        );
        for (name, def) in objects {
            let mut constant = String::new();
            for (i, c) in name.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    constant.push('_');
                }
                constant.push(c.to_ascii_uppercase());
            }
            let keys: Vec<String> = def["properties"].as_object().unwrap().keys().map(|k| format!("{k:?}")).collect();
            out += &format!(
                "\n/// The keys of `{name}`.\npub(crate) const {constant}: &[&str] = &[{}];\n",
                keys.join(", ")
            );
        }
        up_to_date("src/known_keys.rs", &out);
    }
}

#[test]
fn warn_at_is_always_a_warning() {
    let err = Rules::from_json(
        r#"{"title":"x","sections":[{"id":"a","title":"A","words":{"max":10,"warnAt":{"value":0.8,"severity":"error"}}}]}"#,
    )
    .unwrap_err();
    assert_eq!(err.problems[0].path, "sections[0].words.warnAt.severity");
    let rules = Rules::from_json(
        r#"{"title":"x","sections":[{"id":"a","title":"A","words":{"max":10,"warnAt":{"value":0.8,"message":"{title}: {count}/{max}"}}}]}"#,
    )
    .unwrap();
    let mut v = Values::new();
    v.text("a", "a b c d e f g h");
    let report = rules.check(&v, Lang::En);
    assert_eq!(report.sections[0].messages[0].text, "A: 8/10");
    assert_eq!(report.sections[0].messages[0].severity, borang::Severity::Warning);
    assert!(report.valid);
}

mod codes {
    use borang::{Code, Rules};

    fn codes(text: &str) -> Vec<(String, Code)> {
        Rules::from_json(text).unwrap_err().problems.into_iter().map(|p| (p.path, p.code)).collect()
    }

    /// Tools and tests match problems by code, not by their prose.
    #[test]
    fn every_problem_has_a_stable_code() {
        let found = codes(
            r#"{"title": "x", "lang": "jv", "sectons": [], "sections": [
              {"id": "a", "title": "A", "words": {"min": 5, "max": 2, "warnAt": 2}},
              {"id": "a", "title": "", "when": {"field": "nope", "equals": "x", "filled": true}, "format": "fax"},
              {"id": "c d", "title": "C", "pattern": "(a", "chars": {"max": 0}, "choice": [],
               "format": {"type": "email", "hosts": ["x.id"]}, "required": {"value": true, "message": "{judul}"},
               "files": {"accept": ["pdf"], "maxFiles": 0}, "compare": [{"field": "a", "op": ">", "severity": "fatal"}]}
            ]}"#,
        );
        let expected = [
            ("sectons", Code::UnknownKey),
            ("lang", Code::UnknownValue),
            ("sections[0].words.min", Code::MinAboveMax),
            ("sections[0].words.warnAt", Code::OutOfRange),
            ("sections[1].title", Code::EmptyValue),
            ("sections[1].format", Code::UnknownValue),
            ("sections[1].id", Code::DuplicateId),
            ("sections[1].when.field", Code::UnknownFieldReference),
            ("sections[1].when", Code::ConditionTest),
            ("sections[2].compare[0].severity", Code::UnknownValue),
            ("sections[2].id", Code::InvalidValue),
            ("sections[2].required.message.id", Code::UnknownPlaceholder),
            ("sections[2].chars.max", Code::OutOfRange),
            ("sections[2].format.hosts", Code::NotApplicable),
            ("sections[2].pattern.regex", Code::InvalidPattern),
            ("sections[2].choice", Code::EmptyValue),
            ("sections[2].files.accept[0]", Code::InvalidValue),
            ("sections[2].files.maxFiles", Code::OutOfRange),
        ];
        let expected: Vec<(String, Code)> = expected.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn whole_file_problems_have_codes_too() {
        assert_eq!(codes("{"), [(String::new(), Code::NotJson)]);
        assert_eq!(codes(r#"{"extends": "kipp-1999"}"#), [("extends".to_owned(), Code::UnknownPreset)]);
        assert_eq!(codes(r#"{"title": "x"}"#), [(String::new(), Code::MissingKey)]);
        assert_eq!(codes(r#"{"title": "x", "sections": []}"#), [("sections".to_owned(), Code::NoSections)]);
        assert_eq!(Code::UnknownFieldReference.as_str(), "unknown-field-reference");
        let json = serde_json::to_value(Code::ExpectedType).unwrap();
        assert_eq!(json, "expected-type");
    }
}
