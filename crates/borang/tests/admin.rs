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
    report.sections.iter().flat_map(|s| &s.messages).map(|m| format!("{} {:?}: {}", m.rule, m.severity, m.text)).collect()
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
            Rules::from_json(r#"{"extends": "kipp-2021", "sections": {"kelompok": {"fields": "id_kelompok"}}}"#).unwrap();
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
    }
}
