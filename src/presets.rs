//! The rulesets shipped with borang, embedded in every build.

use serde::Serialize;

/// A ruleset shipped with borang.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Preset {
    /// The name to use in `--rules` or `"extends"`.
    pub name: &'static str,
    /// The form's title.
    pub title: &'static str,
    /// Where its structure and limits come from.
    pub source: &'static str,
    /// The rules file itself.
    #[serde(skip)]
    pub json: &'static str,
}

static PRESETS: &[Preset] = &[
    Preset {
        name: "kipp-2023",
        title: "Proposal Kompetisi Inovasi Pelayanan Publik (KIPP) — format portal daerah 2023",
        source: "Formulir proposal KOIN-YANLIK Provinsi NTT 2023, yang mencerminkan sistematika proposal KIPP Kementerian PANRB",
        json: include_str!("../rules/kipp-2023.json"),
    },
    Preset {
        name: "kipp-2021",
        title: "Proposal KIPP — tiga kelompok (umum, replikasi, khusus)",
        source: "Sistematika proposal KIPP 2021 (PermenPANRB No. 91/2021), dicerminkan oleh portal KOVABLIK 2022",
        json: include_str!("../rules/kipp-2021.json"),
    },
    Preset {
        name: "inovasi-daerah",
        title: "Profil Inovasi Daerah (gaya Indeks Inovasi Daerah)",
        source: "Isian profil inovasi pada aplikasi Indeks Inovasi Daerah (Kemendagri), sebagaimana dipakai pemerintah daerah",
        json: include_str!("../rules/inovasi-daerah.json"),
    },
];

/// Every preset, in a stable order.
pub fn all() -> &'static [Preset] {
    PRESETS
}

/// The preset of that name.
pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}
