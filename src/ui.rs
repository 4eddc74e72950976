//! Texts of the feedback borang shows around a form (counters, the summary panel, drafts,
//! announcements), in the same two languages as the check messages. Pure: the DOM layer
//! asks for a text and sets it with `textContent`.

use crate::check::{SectionReport, Status};
use crate::messages::{self, Args};
use crate::spec::{Lang, Severity};

/// Declares the texts once: each variant of [`Ui`] with its Indonesian and English template,
/// side by side, so a text cannot exist in one language only.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident => $id:literal, $en:literal;)*) => {
        /// Which text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Ui {
            $($(#[$doc])* #[doc = concat!("\n\n`", $en, "`")] $name,)*
        }

        #[cfg(test)]
        const ALL: &[Ui] = &[$(Ui::$name),*];

        fn template(key: Ui, lang: Lang) -> &'static str {
            match (key, lang) {
                $((Ui::$name, Lang::Id) => $id, (Ui::$name, Lang::En) => $en,)*
            }
        }
    };
}

texts! {
    WordsOfMax => "{count} / {max} kata", "{count} / {max} words";
    Words => "{count} kata", "{count} words";
    WordsOfMin => "{count} kata, minimal {min}", "{count} words, at least {min}";
    CharsOfMax => "{count} / {max} karakter", "{count} / {max} characters";
    Chars => "{count} karakter", "{count} characters";
    /// Heading of the summary panel.
    SummaryHeading => "Kelengkapan isian", "Form progress";
    SummaryProgress => "{complete} dari {total} bagian lengkap", "{complete} of {total} sections complete";
    /// Sections with an error, a warning, nothing entered.
    SummaryCounts =>
        "{errors} perlu diperbaiki · {warnings} perlu dicek · {empty} belum diisi",
        "{errors} to fix · {warnings} to check · {empty} not filled in";
    /// Shown when a submit was stopped; `{sections}` names the first of them.
    SubmitBlocked =>
        "Belum dapat dikirim: {count} bagian masih perlu diperbaiki ({sections}).",
        "Not sent yet: {count} sections still need fixing ({sections}).";
    /// A list of section titles, cut short.
    AndMore => "{titles} dan {count} lainnya", "{titles} and {count} more";
    /// A section whose field is on a wizard step, tab or panel not shown now.
    OnStep => "{title} (di langkah {number}: {step})", "{title} (on step {number}: {step})";
    OnStepNumber => "{title} (di langkah {number})", "{title} (on step {number})";
    /// Said when a summary link leads to a field the applicant cannot reach from here.
    GoHiddenStep => "{section}: buka langkah itu untuk mengisinya.", "{section}: open that step to fill it in.";
    GoNotApplicable =>
        "{title} tidak berlaku untuk isian saat ini.", "{title} does not apply to what is filled in now.";
    GoNotOnPage => "{title} tidak ada di halaman ini.", "{title} is not on this page.";
    /// Shown after a submit attempt once nothing blocks sending.
    SubmitReady => "Semua bagian wajib sudah terisi dengan benar.", "Every required section is filled in correctly.";
    /// The control that shows the summary's rows, and hides them.
    SummaryToggle => "Tampilkan rincian", "Show details";
    SummaryHide => "Sembunyikan rincian", "Hide details";
    StatusOk => "Lengkap", "Complete";
    StatusWarning => "Perlu dicek", "Check";
    StatusError => "Perlu diperbaiki", "Needs fixing";
    StatusEmpty => "Belum diisi", "Not filled in";
    StatusSkipped => "Tidak berlaku", "Not applicable";
    /// Accessible name of a summary link.
    GoTo => "Ke bagian {title}", "Go to {title}";
    DraftFound =>
        "Ada draf isian yang tersimpan di perangkat ini dari {time}.",
        "A draft of this form saved on this device was found, from {time}.";
    DraftRestore => "Pulihkan draf", "Restore draft";
    DraftDiscard => "Abaikan", "Dismiss";
    DraftRestored => "Draf dipulihkan.", "Draft restored.";
    /// Restored fields that did not take (an editor refused the text): their draft is kept.
    DraftNotRestored =>
        "Draf untuk {titles} belum dapat dipulihkan; draf tetap disimpan.",
        "The draft of {titles} could not be restored; it stays saved.";
    /// Another tab of the same form saved text newer than this one shows.
    DraftNewerElsewhere =>
        "Isian yang lebih baru untuk formulir ini disimpan di tab lain ({time}).",
        "Newer text for this form was saved in another tab ({time}).";
    /// Storage full or unavailable.
    DraftUnavailable =>
        "Draf tidak dapat disimpan di peramban ini; simpan salinan isian Anda sendiri.",
        "Drafts cannot be saved in this browser; keep your own copy of what you write.";
    /// What the live region says after the applicant pauses.
    LiveRemaining => "{title}: sisa {count} kata.", "{title}: {count} words left.";
    LiveOver => "{title}: kelebihan {count} kata.", "{title}: {count} words too many.";
    LiveCount => "{title}: {count} kata.", "{title}: {count} words.";
    /// For sections without a word limit.
    LiveStatus => "{title}: {status}.", "{title}: {status}.";
}

/// A UI text with its placeholders filled from `args` (name, value pairs).
pub fn text(key: Ui, lang: Lang, args: &[(&'static str, &str)]) -> String {
    let mut all = Args::default();
    for (name, value) in args {
        all = all.with(name, *value);
    }
    messages::render(template(key, lang), &all)
}

/// A count as people write it: `20.000` in Indonesian, `20,000` in English.
pub fn number(n: u64, lang: Lang) -> String {
    messages::number(n, lang)
}

/// Section titles for a sentence: all of them up to `shown`, else the first ones and how
/// many more (`Ringkasan, Signifikansi dan 3 lainnya`).
pub fn titles(titles: &[&str], shown: usize, lang: Lang) -> String {
    if titles.len() <= shown {
        return titles.join(", ");
    }
    let first = titles[..shown].join(", ");
    let more = number((titles.len() - shown) as u64, lang);
    text(Ui::AndMore, lang, &[("titles", &first), ("count", &more)])
}

/// A section's title, with the step it is on when that step is not shown now
/// (`Ringkasan (di langkah 1: Profil Inovasi)`), so a refused submit says where to go.
pub fn section_on_step(title: &str, step: Option<(usize, Option<&str>)>, lang: Lang) -> String {
    match step {
        None => title.to_owned(),
        Some((n, label)) => {
            let number = number(n as u64, lang);
            match label {
                Some(step) => text(Ui::OnStep, lang, &[("title", title), ("number", &number), ("step", step)]),
                None => text(Ui::OnStepNumber, lang, &[("title", title), ("number", &number)]),
            }
        }
    }
}

/// The word label of a status.
pub fn status(status: Status, lang: Lang) -> String {
    let key = match status {
        Status::Ok => Ui::StatusOk,
        Status::Warning => Ui::StatusWarning,
        Status::Error => Ui::StatusError,
        Status::Empty => Ui::StatusEmpty,
        Status::Skipped => Ui::StatusSkipped,
    };
    text(key, lang, &[])
}

/// How full a section is against its main limit, for a counter and a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meter {
    /// `148 / 200 kata`.
    pub text: String,
    /// The count shown.
    pub value: u32,
    /// The limit, when there is one.
    pub max: Option<u32>,
    /// How it looks.
    pub level: Level,
}

/// How a meter looks: calm, near the limit (or a warning), past it (or an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Calm.
    Ok,
    /// Near the limit, or a warning.
    Warning,
    /// Past the limit, or an error.
    Error,
}

impl Level {
    /// The name used in CSS classes (`ok`, `warning`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// The level of a section's messages about one count (`words` or `chars`).
    fn of(report: &SectionReport, count: &str) -> Level {
        let about = |m: &&crate::ReportMessage| m.rule.split('.').next() == Some(count);
        match report.messages.iter().find(about) {
            None => Level::Ok,
            Some(m) if m.severity == Severity::Warning || m.rule.ends_with("warnAt") => Level::Warning,
            Some(_) => Level::Error,
        }
    }
}

/// The counter of a section: words when it limits words (or `counts_words` asks for a plain
/// word count), characters when only characters are limited. `None` when there is nothing
/// to count (files, choices, a short value without limits).
pub fn meter(report: &SectionReport, lang: Lang, counts_words: bool) -> Option<Meter> {
    let n = |v: u32| number(v.into(), lang);
    if let Some(words) = report.limits.words {
        let count = n(report.words);
        let text = match (words.max, words.min) {
            (Some(max), _) => text(Ui::WordsOfMax, lang, &[("count", &count), ("max", &n(max))]),
            (None, Some(min)) => text(Ui::WordsOfMin, lang, &[("count", &count), ("min", &n(min))]),
            (None, None) => text(Ui::Words, lang, &[("count", &count)]),
        };
        return Some(Meter { text, value: report.words, max: words.max, level: Level::of(report, "words") });
    }
    if let Some(chars) = report.limits.chars {
        let count = n(report.chars);
        let text = match chars.max {
            Some(max) => text(Ui::CharsOfMax, lang, &[("count", &count), ("max", &n(max))]),
            None => text(Ui::Chars, lang, &[("count", &count)]),
        };
        return Some(Meter { text, value: report.chars, max: chars.max, level: Level::of(report, "chars") });
    }
    counts_words.then(|| Meter {
        text: text(Ui::Words, lang, &[("count", &n(report.words))]),
        value: report.words,
        max: None,
        level: Level::Ok,
    })
}

/// What the live region says about a section after the applicant pauses typing.
pub fn announcement(report: &SectionReport, lang: Lang) -> String {
    let title = report.title.as_str();
    match report.limits.words.and_then(|w| w.max) {
        Some(max) if report.words > max => {
            text(Ui::LiveOver, lang, &[("title", title), ("count", &number((report.words - max).into(), lang))])
        }
        Some(max) => {
            text(Ui::LiveRemaining, lang, &[("title", title), ("count", &number((max - report.words).into(), lang))])
        }
        None if report.words > 0 => {
            text(Ui::LiveCount, lang, &[("title", title), ("count", &number(report.words.into(), lang))])
        }
        None => text(Ui::LiveStatus, lang, &[("title", title), ("status", &status(report.status, lang))]),
    }
}

/// A moment as `29 Nov 2026 10.15` (Indonesian) or `29 Nov 2026 10:15` (English), from
/// milliseconds since the Unix epoch and the local offset from UTC in minutes.
pub fn timestamp(epoch_ms: f64, offset_minutes: i32, lang: Lang) -> String {
    let minutes = (epoch_ms / 60_000.0).floor() as i64 + i64::from(offset_minutes);
    let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (y, m, d) = civil_from_days(days);
    const MONTHS: [[&str; 12]; 2] = [
        ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    ];
    let (months, sep) = match lang {
        Lang::Id => (&MONTHS[0], '.'),
        Lang::En => (&MONTHS[1], ':'),
    };
    format!("{d} {} {y} {:02}{sep}{:02}", months[(m - 1) as usize], minute_of_day / 60, minute_of_day % 60)
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Rules, Values};

    #[test]
    fn title_lists() {
        assert_eq!(titles(&["A", "B"], 3, Lang::Id), "A, B");
        assert_eq!(titles(&["A", "B", "C", "D", "E"], 3, Lang::Id), "A, B, C dan 2 lainnya");
        assert_eq!(titles(&["A", "B", "C", "D"], 3, Lang::En), "A, B, C and 1 more");
    }

    #[test]
    fn timestamps() {
        // 2026-11-29 08:28 UTC, shown in WIB (UTC+7).
        let ms = 1_795_940_880_000.0;
        assert_eq!(timestamp(ms, 420, Lang::Id), "29 Nov 2026 15.28");
        assert_eq!(timestamp(ms, 0, Lang::En), "29 Nov 2026 08:28");
        assert_eq!(timestamp(0.0, -60, Lang::Id), "31 Des 1969 23.00");
        assert_eq!(timestamp(951_782_400_000.0, 0, Lang::En), "29 Feb 2000 00:00");
    }

    #[test]
    fn meters_follow_the_report() {
        let rules = Rules::preset("kipp-2023").unwrap();
        let mut values = Values::new();
        let words = |n: usize| vec!["kata"; n].join(" ");
        for (n, text, level) in [
            (148, "148 / 200 kata", Level::Ok),
            (185, "185 / 200 kata", Level::Warning),
            (212, "212 / 200 kata", Level::Error),
        ] {
            values.text("ringkasan", words(n));
            let report = rules.check_section("ringkasan", &values, Lang::Id).unwrap();
            let meter = meter(&report, Lang::Id, true).unwrap();
            assert_eq!((meter.text.as_str(), meter.level, meter.max), (text, level, Some(200)));
        }
        values.text("ringkasan", words(1200));
        let report = rules.check_section("ringkasan", &values, Lang::En).unwrap();
        assert_eq!(meter(&report, Lang::En, true).unwrap().text, "1,200 / 200 words");
        assert_eq!(announcement(&report, Lang::Id), "Ringkasan: kelebihan 1.000 kata.");
        values.text("ringkasan", words(150));
        let report = rules.check_section("ringkasan", &values, Lang::Id).unwrap();
        assert_eq!(announcement(&report, Lang::En), "Ringkasan: 50 words left.");
        let video = rules.check_section("video", &values, Lang::Id).unwrap();
        assert_eq!(meter(&video, Lang::Id, false), None);
        assert_eq!(announcement(&video, Lang::Id), "Tautan Video: Belum diisi.");
    }

    #[test]
    fn texts_use_the_same_placeholders_in_both_languages() {
        for &key in ALL {
            let (id, en) = (template(key, Lang::Id), template(key, Lang::En));
            assert!(!id.is_empty() && (id != en || key == Ui::LiveStatus), "{key:?}");
            let names = |t: &str| messages::unknown_placeholders(t);
            assert_eq!(names(id), names(en), "{key:?}");
        }
    }
}
