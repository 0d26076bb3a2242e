//! Every word perfplan says, in English and in Italian, kept in one place.
//!
//! The program keeps what it has to say as values (a status message with its numbers, a
//! validation finding, why a value cannot be scored, why a file cannot be read) and turns
//! them into words only where they are shown, in the language chosen for the plan. Each
//! language is one module ([`en`], [`it`]) that implements the same traits ([`Words`] and
//! the traits it is made of); every trait method matches every variant of its message, so a
//! message without its Italian text does not compile, and there is no fallback at run time.
//!
//! Numbers and dates are not words: they follow the plan's locale (`plan::locale`), even
//! when the interface speaks the other language.

use clap::ValueEnum;

use crate::plan::Locale;

mod app;
pub(crate) use app::listed;
pub use app::{Question, RestoreFacts, ValueKind, Word};
mod cli;
mod diff;
pub mod en;
mod export;
mod forms;
pub mod it;
mod plan;
mod store;

pub use app::AppWords;
pub use cli::CliWords;
pub use diff::DiffWords;
pub use export::ExportWords;
pub use forms::FormWords;
pub use plan::PlanWords;
pub use store::StoreWords;

/// The language of the interface, the messages and the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ValueEnum)]
pub enum Lang {
    #[default]
    En,
    It,
}

/// All the words of one language.
pub trait Words:
    AppWords + CliWords + DiffWords + ExportWords + FormWords + PlanWords + StoreWords + Sync
{
}

impl<T: AppWords + CliWords + DiffWords + ExportWords + FormWords + PlanWords + StoreWords + Sync>
    Words for T
{
}

/// A value that can be said in words, in either language.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

/// The variable that overrides the language chosen by the plan (`it` or `en`).
pub const LANG_VAR: &str = "PERFPLAN_LANG";

impl Lang {
    pub fn words(self) -> &'static dyn Words {
        match self {
            Lang::En => &en::En,
            Lang::It => &it::It,
        }
    }

    /// The locale that goes with the language (for numbers said where no plan is at hand).
    pub fn locale(self) -> Locale {
        match self {
            Lang::It => Locale::It,
            Lang::En => Locale::En,
        }
    }

    /// The language that goes with a plan's locale.
    pub fn of_locale(locale: Locale) -> Lang {
        match locale {
            Locale::It => Lang::It,
            Locale::En => Lang::En,
        }
    }

    /// The language of a value like `it`, `en`, `it_IT.UTF-8`, `en_GB@euro`; `C` and
    /// `POSIX` are English; `None` for a language perfplan does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        if code == "C" || code == "POSIX" || code.starts_with("C.") {
            return Some(Lang::En);
        }
        let lang = code.split(['_', '.', '@', '-']).next().unwrap_or("");
        match lang.to_ascii_lowercase().as_str() {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language for a plan: `--lang`, else `PERFPLAN_LANG`, else the plan's locale.
    pub fn for_plan(flag: Option<Lang>, locale: Locale) -> Lang {
        Lang::resolve(flag, Some(locale), |k| std::env::var(k).ok())
    }

    /// The language for a command that reads no plan (or could not read it): `--lang`,
    /// else `PERFPLAN_LANG`, else the system's `LC_ALL`, `LC_MESSAGES`, `LANG`, in that
    /// order (the first one set decides; English when it names another language).
    pub fn for_system(flag: Option<Lang>) -> Lang {
        Lang::resolve(flag, None, |k| std::env::var(k).ok())
    }

    /// The choice, with the environment read through `env` (for tests).
    pub fn resolve(
        flag: Option<Lang>,
        locale: Option<Locale>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        if let Some(l) = flag {
            return l;
        }
        if let Some(l) = env(LANG_VAR).and_then(|v| Lang::from_code(&v)) {
            return l;
        }
        if let Some(locale) = locale {
            return Lang::of_locale(locale);
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.trim().is_empty())
            .map(|v| Lang::from_code(&v).unwrap_or(Lang::En))
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_plans_locale_decides_unless_overridden() {
        assert_eq!(Lang::resolve(None, Some(Locale::It), env(&[])), Lang::It);
        assert_eq!(Lang::resolve(None, Some(Locale::En), env(&[])), Lang::En);
        // The system's language does not outvote the plan.
        let it_system = env(&[("LANG", "it_IT.UTF-8")]);
        assert_eq!(Lang::resolve(None, Some(Locale::En), it_system), Lang::En);
        let var = env(&[("PERFPLAN_LANG", "en")]);
        assert_eq!(Lang::resolve(None, Some(Locale::It), var), Lang::En);
        let var = env(&[("PERFPLAN_LANG", "it")]);
        assert_eq!(
            Lang::resolve(Some(Lang::En), Some(Locale::It), var),
            Lang::En,
            "--lang wins over the variable"
        );
    }

    #[test]
    fn without_a_plan_the_system_locale_decides() {
        let it = env(&[("LANG", "it_IT.UTF-8")]);
        assert_eq!(Lang::resolve(None, None, it), Lang::It);
        let messages_first = env(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "it_IT.UTF-8")]);
        assert_eq!(Lang::resolve(None, None, messages_first), Lang::En);
        let all_first = env(&[("LC_ALL", "it_CH"), ("LC_MESSAGES", "en_US")]);
        assert_eq!(Lang::resolve(None, None, all_first), Lang::It);
        let empty_skipped = env(&[("LC_ALL", ""), ("LANG", "it_IT")]);
        assert_eq!(Lang::resolve(None, None, empty_skipped), Lang::It);
        assert_eq!(Lang::resolve(None, None, env(&[("LANG", "C")])), Lang::En);
        assert_eq!(
            Lang::resolve(None, None, env(&[("LANG", "fr_FR")])),
            Lang::En
        );
        assert_eq!(Lang::resolve(None, None, env(&[])), Lang::En);
    }

    /// Each language says its words: a word left in English in the Italian module (or the
    /// other way round) is caught here, whatever the screen it is on. The few words both
    /// languages write alike are named.
    #[test]
    fn every_fixed_word_is_said_in_each_language() {
        use crate::app::keymap::{Does, Hint};
        let same = ["Target", "File: ", "[file] "];
        let (en, it) = (Lang::En.words(), Lang::It.words());
        for w in Word::ALL {
            let (e, i) = (en.word(*w), it.word(*w));
            assert!(
                !e.trim().is_empty() && !i.trim().is_empty(),
                "{w:?} is empty"
            );
            assert!(
                e != i || same.contains(&e),
                "{w:?} is {e:?} in both languages"
            );
        }
        for d in Does::ALL {
            assert_ne!(en.key_help(*d), it.key_help(*d), "{d:?}");
        }
        for h in Hint::ALL {
            assert_ne!(en.key_hint(*h), it.key_hint(*h), "{h:?}");
        }
        for k in crate::app::dialog::DialogKind::ALL {
            assert_ne!(en.dialog_title(*k), it.dialog_title(*k), "{k:?}");
            for (a, b) in en.dialog_choices(*k).iter().zip(it.dialog_choices(*k)) {
                assert_eq!(
                    a.answer, b.answer,
                    "{k:?}: the same answers in the same order"
                );
                assert_ne!(a.label, b.label, "{k:?}");
            }
        }
    }

    /// The letters that pick a dialog's answers are the first letters of words in the
    /// interface's language, so each language has its own; two answers of one dialog
    /// never share a letter.
    #[test]
    fn a_dialogs_letters_are_distinct_in_each_language() {
        for lang in [Lang::En, Lang::It] {
            for k in crate::app::dialog::DialogKind::ALL {
                let choices = lang.words().dialog_choices(*k);
                for (i, a) in choices.iter().enumerate() {
                    for b in &choices[i + 1..] {
                        assert_ne!(a.key, b.key, "{lang:?} {k:?}: {} and {}", a.label, b.label);
                    }
                    assert!(
                        a.label.to_lowercase().contains(a.key),
                        "{lang:?} {k:?}: [{}] is not a letter of {:?}",
                        a.key,
                        a.label
                    );
                }
            }
        }
    }

    #[test]
    fn counts_are_said_with_their_plural() {
        let (en, it) = (Lang::En.words(), Lang::It.words());
        assert_eq!(it.errors(1), "1 errore");
        assert_eq!(it.errors(3), "3 errori");
        assert_eq!(it.warnings(1), "1 avvertenza");
        assert_eq!(it.warnings(2), "2 avvertenze");
        assert_eq!(en.errors(1), "1 error");
        assert_eq!(en.warnings(2), "2 warnings");
        let opened = |n| it.msg(&crate::app::Msg::Opened { indicators: n });
        assert!(opened(1).starts_with("1 indicatore ·"), "{}", opened(1));
        assert!(opened(70).starts_with("70 indicatori ·"), "{}", opened(70));
    }

    #[test]
    fn a_variable_naming_no_language_is_passed_over() {
        let bad = env(&[("PERFPLAN_LANG", "klingon")]);
        assert_eq!(Lang::resolve(None, Some(Locale::It), bad), Lang::It);
    }
}
