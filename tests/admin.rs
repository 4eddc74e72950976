//! The admin's path (issue 13): references that follow a rename made with `extends` or are
//! refused with their path, one `{value, severity, message}` shape for every check, and
//! unknown keys that list the keys allowed at their place.

use borang::{Lang, Rules, Values};

fn problems(json: &str) -> String {
    match Rules::from_json(json) {
        Ok(_) => panic!("rules were accepted: {json}"),
        Err(e) => e.to_string(),
    }
}

/// `rule Severity: text` of every message of the report.
fn messages(rules: &Rules, values: &Values) -> Vec<String> {
    let report = rules.check(values, Lang::Id);
    report
        .sections
        .iter()
        .flat_map(|s| &s.messages)
        .map(|m| format!("{} {:?}: {}", m.rule, m.severity, m.text))
        .collect()
}

fn rules(sections: &str) -> Rules {
    Rules::from_json(&format!(r#"{{"title":"Uji","sections":[{sections}]}}"#)).unwrap()
}

mod references {
    use super::*;

    #[test]
    fn a_compare_follows_a_field_renamed_with_extends() {
        let rules = Rules::from_json(
            r#"{"extends": "inovasi-daerah", "sections": {"waktu_uji_coba": {"fields": ["tgl_uji_coba"]}}}"#,
        )
        .unwrap();
        let info = rules.sections_info();
        let penerapan = info.iter().find(|s| s.id == "waktu_penerapan").unwrap();
        assert_eq!(penerapan.depends_on, ["tgl_uji_coba"]);
        let mut v = Values::new();
        v.text("tgl_uji_coba", "2024-03-01").text("waktu_penerapan", "2024-02-01");
        let report = rules.check(&v, Lang::Id);
        let section = report.sections.iter().find(|s| s.id == "waktu_penerapan").unwrap();
        assert_eq!(section.messages[0].text, "Waktu Penerapan harus paling cepat Waktu Uji Coba.");
    }

    #[test]
    fn a_condition_follows_a_field_renamed_with_extends() {
        let rules =
            Rules::from_json(r#"{"extends": "kipp-2021", "sections": {"kelompok": {"fields": "id_kelompok"}}}"#)
                .unwrap();
        let ringkasan = rules.sections_info().into_iter().find(|s| s.id == "ringkasan").unwrap();
        assert_eq!(ringkasan.depends_on, ["id_kelompok"]);
        let mut v = Values::new();
        v.text("id_kelompok", "umum");
        let report = rules.check(&v, Lang::Id);
        let status = |id: &str| report.sections.iter().find(|s| s.id == id).unwrap().status;
        assert_eq!(status("ringkasan"), borang::Status::Empty);
        assert_eq!(status("inspirasi"), borang::Status::Skipped);
    }

    #[test]
    fn a_reference_to_a_field_no_section_covers_is_refused_with_its_path() {
        // The section whose field a comparison reads is removed: nothing to follow.
        assert_eq!(
            problems(r#"{"extends": "inovasi-daerah", "sections": {"waktu_uji_coba": null}}"#),
            "the rules have 1 problem:\n  sections.waktu_penerapan.compare[0].field: no section covers the field \
             \"waktu_uji_coba\"; known fields: nama_inovasi, tahapan, inisiator, jenis, bentuk, urusan, \
             waktu_penerapan, rancang_bangun, tujuan, manfaat, hasil, file_anggaran, file_profil_bisnis"
        );
        // Two fields renamed at once: which old name became which is not said, so nothing follows.
        assert_eq!(
            problems(
                r#"{"extends": "inovasi-daerah", "sections": {"waktu_uji_coba": {"fields": ["mulai", "selesai"]},
                    "waktu_penerapan": {"fields": "tgl_penerapan"}}}"#
            ),
            "the rules have 1 problem:\n  sections.waktu_penerapan.compare[0].field: no section covers the field \
             \"waktu_uji_coba\"; known fields: nama_inovasi, tahapan, inisiator, jenis, bentuk, urusan, mulai, \
             selesai, tgl_penerapan, rancang_bangun, tujuan, manfaat, hasil, file_anggaran, file_profil_bisnis"
        );
        // A typo in a file of one's own, in `compare` and in `when` (one condition and a list).
        assert_eq!(
            problems(
                r#"{"title": "Uji", "sections": [
                    {"id": "tanggal_mulai", "title": "Mulai", "format": "date"},
                    {"id": "kelompok", "title": "Kelompok"},
                    {"id": "tanggal_selesai", "title": "Selesai", "compare": [{"field": "tgl_mulai", "op": ">"}]},
                    {"id": "a", "title": "A", "when": {"field": "kelompk", "equals": "umum"}},
                    {"id": "b", "title": "B", "when": [{"field": "kelompok", "filled": true}, {"field": "jenis", "equals": "x"}]}
                ]}"#
            ),
            "the rules have 3 problems:\n  \
             sections[2].compare[0].field: no section covers the field \"tgl_mulai\"; known fields: tanggal_mulai, kelompok, tanggal_selesai, a, b\n  \
             sections[3].when.field: no section covers the field \"kelompk\"; did you mean \"kelompok\"?; known fields: tanggal_mulai, kelompok, tanggal_selesai, a, b\n  \
             sections[4].when[1].field: no section covers the field \"jenis\"; known fields: tanggal_mulai, kelompok, tanggal_selesai, a, b"
        );
    }

    #[test]
    fn a_rename_does_not_move_references_when_the_old_field_is_still_covered() {
        // `waktu_uji_coba` is renamed, and another section now covers the old name: the
        // comparison keeps reading the field it named.
        let rules = Rules::from_json(
            r#"{"extends": "inovasi-daerah", "sections": {"waktu_uji_coba": {"fields": "tgl_uji_coba"},
                "lama": {"title": "Lama", "fields": "waktu_uji_coba"}}}"#,
        )
        .unwrap();
        let penerapan = rules.sections_info().into_iter().find(|s| s.id == "waktu_penerapan").unwrap();
        assert_eq!(penerapan.depends_on, ["waktu_uji_coba"]);
    }
}

mod check_shape {
    use super::*;

    #[test]
    fn every_check_takes_value_severity_and_message() {
        let r = rules(
            r#"{"id":"r","title":"Ringkasan","words":{"max":3,"message":"{title}: {count} kata, batas {max}."}},
               {"id":"c","title":"Isi","chars":{"min":{"value":5,"severity":"warning"}}},
               {"id":"e","title":"Surel","format":{"value":"email","severity":"warning"}},
               {"id":"d","title":"Tanggal","format":{"value":{"type":"date","min":"2024-01-01"},"message":"{title}: terlalu awal."}},
               {"id":"n","title":"NIP","pattern":{"value":"\\d{3}","message":"{title}: tiga angka."}},
               {"id":"s","title":"Selesai","compare":[{"value":{"field":"d","op":">"},"severity":"warning"}]},
               {"id":"k","title":"Kelompok","choice":{"value":["umum"],"message":"{title}: pilih umum."}},
               {"id":"g","title":"SDGs","checked":{"min":2,"severity":"warning"}},
               {"id":"f","title":"Lampiran","files":{"maxFiles":1,"message":"{title}: satu berkas saja."}},
               {"id":"w","title":"Wajib","required":{"value":true,"severity":"warning"}}"#,
        );
        let mut v = Values::new();
        v.text("r", "satu dua tiga empat")
            .text("c", "abc")
            .text("e", "bukan surel")
            .text("d", "2023-05-01")
            .text("n", "12")
            .text("s", "2023-01-01")
            .text("k", "khusus")
            .insert("g", vec!["1"].into())
            .insert(
                "f",
                borang::FieldValue::Files(vec![
                    borang::FileMeta { name: "a.pdf".into(), ..Default::default() },
                    borang::FileMeta { name: "b.pdf".into(), ..Default::default() },
                ]),
            );
        assert_eq!(
            messages(&r, &v),
            [
                "words.max Error: Ringkasan: 4 kata, batas 3.",
                "chars.min Warning: Isi baru berisi 3 karakter; minimal 5 karakter.",
                "format Warning: Surel bukan alamat surel yang valid.",
                "format Error: Tanggal: terlalu awal.",
                "pattern Error: NIP: tiga angka.",
                "compare Warning: Selesai harus setelah Tanggal.",
                "choice Error: Kelompok: pilih umum.",
                "checked.min Warning: Pilih paling sedikit 2 pada SDGs; baru 1 dipilih.",
                "files.maxFiles Error: Lampiran: satu berkas saja.",
                "required Warning: Wajib wajib diisi.",
            ]
        );
    }

    #[test]
    fn a_bound_own_message_wins_over_its_group() {
        let r = rules(
            r#"{"id":"r","title":"Ringkasan","words":{"min":{"value":2,"message":"{title}: terlalu pendek."},
                "max":3,"severity":"warning","message":"{title}: terlalu panjang."}}"#,
        );
        let mut v = Values::new();
        v.text("r", "satu");
        assert_eq!(messages(&r, &v), ["words.min Warning: Ringkasan: terlalu pendek."]);
        v.text("r", "satu dua tiga empat");
        assert_eq!(messages(&r, &v), ["words.max Warning: Ringkasan: terlalu panjang."]);
    }

    #[test]
    fn unknown_keys_list_the_keys_allowed_at_their_place() {
        assert_eq!(
            problems(
                r#"{"title":"x","sections":[{"id":"a","title":"A",
                    "words":{"max":{"value":200,"mesage":"m"},"pesan":"x"},
                    "format":{"value":"email","type":"url"},
                    "pattern":{"regex":"\\d","value":"x"},
                    "files":{"maxbytes":1},
                    "checked":{"min":1,"msg":"x"},
                    "compare":[{"value":{"field":"a","op":">","severity":"warning"},"severity":"error"}]}]}"#
            ),
            "the rules have 7 problems:\n  \
             sections[0].words.pesan: unknown key `pesan`; known keys: min, max, warnAt, severity, message\n  \
             sections[0].words.max.mesage: unknown key `mesage`; did you mean `message`?; known keys: value, severity, message\n  \
             sections[0].format.type: unknown key `type`; known keys: value, severity, message\n  \
             sections[0].pattern.regex: unknown key `regex`; known keys: value, severity, message\n  \
             sections[0].checked.msg: unknown key `msg`; did you mean `min`?; known keys: min, max, severity, message\n  \
             sections[0].files.maxbytes: unknown key `maxbytes`; did you mean `maxBytes`?; known keys: accept, maxBytes, maxFiles, severity, message\n  \
             sections[0].compare[0].value.severity: `severity` is given twice: here and beside `value`"
        );
        // A wrapped value's problems are reported once, at their path.
        assert_eq!(
            problems(r#"{"title":"x","sections":[{"id":"a","title":"A","format":{"value":"fax","severity":"warning"}}]}"#),
            "the rules have 1 problem:\n  sections[0].format.value: unknown value \"fax\" (expected \"url\" or \"email\" or \"phone\" or \"nip\" or \"nik\" or \"number\" or \"date\", found \"fax\")"
        );
    }
}

mod choice_labels {
    use super::*;

    fn kelompok() -> Rules {
        rules(
            r#"{"id":"kelompok","title":"Kelompok","choice":["Umum","Khusus"]},
               {"id":"sdgs","title":"SDGs","fields":"sdgs[]","choice":["Tanpa Kemiskinan","Pendidikan Berkualitas"]},
               {"id":"ringkasan","title":"Ringkasan","required":true,"when":{"field":"kelompok","equals":"Umum"}}"#,
        )
    }

    #[test]
    fn an_option_is_accepted_by_its_value_or_its_visible_text() {
        let r = kelompok();
        // The portal submits ids; the rules list what the applicant reads.
        let v = Values::from_json(
            r#"{"kelompok": {"value": "3", "label": "  umum "},
                "sdgs[]": [{"value": "1", "label": "Tanpa Kemiskinan"}, {"value": "4", "label": "Pendidikan berkualitas"}]}"#,
        )
        .unwrap();
        assert_eq!(messages(&r, &v), ["required Error: Ringkasan wajib diisi."], "the condition reads the label too");
        // The value itself still counts; so do plain strings (the old shape).
        let v = Values::from_json(r#"{"kelompok": "Khusus", "sdgs[]": ["Tanpa Kemiskinan"]}"#).unwrap();
        assert_eq!(messages(&r, &v), Vec::<String>::new());
        // Neither the value nor the text is an option: the message names what the applicant saw.
        let v = Values::from_json(
            r#"{"kelompok": {"value": "9", "label": "Replikasi"}, "sdgs[]": [{"value": "4", "label": "Pendidikan"}]}"#,
        )
        .unwrap();
        assert_eq!(
            messages(&r, &v),
            [
                "choice Error: Pilihan “Replikasi” pada Kelompok tidak tersedia.",
                "choice Error: Pilihan “Pendidikan” pada SDGs tidak tersedia."
            ]
        );
        // Labels set from Rust, as the DOM layer does.
        let mut v = Values::new();
        v.text("kelompok", "3").labels("kelompok", vec!["Khusus".into()]);
        assert_eq!(messages(&r, &v), Vec::<String>::new());
    }

    #[test]
    fn option_objects_are_read_strictly() {
        assert_eq!(
            Values::from_json(r#"{"k": {"value": "3", "text": "Umum"}}"#).unwrap_err(),
            "k: an option has `value` and `label`, not `text`"
        );
        assert_eq!(
            Values::from_json(r#"{"k": [{"value": "3"}, {"name": "x.pdf"}]}"#).unwrap_err(),
            "k: a list of options: an option has `value` and `label`, not `name`"
        );
        let v = Values::from_json(r#"{"k": [{"value": "3", "label": null}, "4"]}"#).unwrap();
        assert_eq!(v.get("k"), Some(&borang::FieldValue::List(vec!["3".into(), "4".into()])));
        assert_eq!(v.label("k", 0), Some(""));
    }
}

/// Every limit a preset sets is stated in its `source` text: a word or character bound next
/// to the section's title, a file size in MB, a date bound, every option of a choice.
#[test]
fn presets_cite_their_source_for_every_limit() {
    let dir = format!("{}/rules", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let preset: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let source = preset["source"].as_str().unwrap().to_lowercase();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for s in preset["sections"].as_array().unwrap() {
            let title = s["title"].as_str().unwrap().to_lowercase();
            // `1.000`, as the source text writes numbers.
            let indonesian = |n: u64| {
                let digits = n.to_string();
                let mut out = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        out.push('.');
                    }
                    out.push(c);
                }
                out
            };
            let near_title = |n: u64| {
                source.match_indices(&title).any(|(at, _)| {
                    let rest: String = source[at + title.len()..].chars().take(40).collect();
                    rest.contains(&indonesian(n))
                })
            };
            for kind in ["words", "chars"] {
                for bound in ["min", "max"] {
                    let limit = &s[kind][bound];
                    let n = limit.as_u64().or_else(|| limit["value"].as_u64());
                    if let Some(n) = n {
                        seen += 1;
                        assert!(near_title(n), "{name}: {}.{kind}.{bound} = {n} is not in the source", s["id"]);
                    }
                }
            }
            if let Some(bytes) = s["files"]["maxBytes"].as_u64() {
                seen += 1;
                assert!(source.contains(&format!("{} mb", bytes >> 20)), "{name}: {} maxBytes", s["id"]);
            }
            for bound in ["min", "max"] {
                if let Some(date) = s["format"][bound].as_str() {
                    seen += 1;
                    assert!(source.contains(date), "{name}: {}.format.{bound} = {date}", s["id"]);
                }
            }
            let options: Vec<String> =
                s["choice"].as_array().into_iter().flatten().map(|o| o.as_str().unwrap().to_lowercase()).collect();
            let numbers: Vec<u64> = options.iter().filter_map(|o| o.parse().ok()).collect();
            if !options.is_empty() && numbers.len() == options.len() {
                // Numbered options (SDGs 1–17) are cited as their range.
                let range = format!("{}–{}", numbers.iter().min().unwrap(), numbers.iter().max().unwrap());
                seen += 1;
                assert!(source.contains(&range), "{name}: {} options {range} are not in the source", s["id"]);
                continue;
            }
            for option in options {
                seen += 1;
                assert!(source.contains(&option), "{name}: {} option {option:?} is not in the source", s["id"]);
            }
        }
    }
    assert!(seen > 40, "{seen}");
}
