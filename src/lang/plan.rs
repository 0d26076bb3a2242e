//! The words of the plan's model: validation findings, values that cannot be scored,
//! values typed or written that cannot be read.

use super::{Lang, Say};
use crate::plan::Locale;
use crate::plan::check::{ValueError, WeightError};
use crate::plan::locale::InputError;
use crate::plan::number::ReadError;
use crate::validate::{Finding, FindingKind, Place, Severity, Tally};

pub trait PlanWords {
    /// "error", "warning".
    fn severity(&self, severity: Severity) -> &'static str;
    /// "Processi interni › 2.1 › 2.1.1 › indicator 2.1.1-o1", "plan".
    fn place(&self, place: &Place) -> String;
    /// What a finding found; numbers and dates in `locale`.
    fn finding(&self, kind: &FindingKind, locale: Locale) -> String;
    /// "2 errors, 1 warning".
    fn tally(&self, tally: &Tally) -> String;
    /// Why an indicator cannot be scored; numbers in `locale`.
    fn value_error(&self, e: &ValueError, locale: Locale) -> String;
    /// Why a weight is wrong; numbers in `locale`.
    fn weight_error(&self, e: &WeightError, locale: Locale) -> String;
    /// What the controller typed that cannot be read.
    fn input_error(&self, e: &InputError) -> String;
    /// What the plan file has where a number, a date or the locale goes that cannot be read.
    fn read_error(&self, e: &ReadError) -> String;
}

impl ValueError {
    /// Said in `lang`, its numbers as `locale` writes them (the plan's: `Say` alone writes
    /// them as the language usually does).
    pub fn say_in(&self, lang: Lang, locale: Locale) -> String {
        lang.words().value_error(self, locale)
    }
}

/// "error: Processi interni › 2.1: weight 60 % differs …".
impl Say for Finding {
    fn say(&self, lang: Lang) -> String {
        let w = lang.words();
        format!(
            "{}: {}: {}",
            w.severity(self.severity),
            w.place(&self.place),
            w.finding(&self.kind, self.locale)
        )
    }
}

impl Say for Severity {
    fn say(&self, lang: Lang) -> String {
        lang.words().severity(*self).to_string()
    }
}

impl Say for Place {
    fn say(&self, lang: Lang) -> String {
        lang.words().place(self)
    }
}

impl Say for Tally {
    fn say(&self, lang: Lang) -> String {
        lang.words().tally(self)
    }
}

impl Say for ValueError {
    fn say(&self, lang: Lang) -> String {
        lang.words().value_error(self, lang.locale())
    }
}

impl Say for WeightError {
    fn say(&self, lang: Lang) -> String {
        lang.words().weight_error(self, lang.locale())
    }
}

impl Say for InputError {
    fn say(&self, lang: Lang) -> String {
        lang.words().input_error(self)
    }
}

impl Say for ReadError {
    fn say(&self, lang: Lang) -> String {
        lang.words().read_error(self)
    }
}

/// The parts of a place that are the plan's own (names and codes), joined by ` › `, with
/// the indicator named by `indicator` ("indicator", "indicatore") before its id (alone when
/// the id is empty: "indicatore", not "indicatore ").
pub(crate) fn place_with(place: &Place, plan: &str, indicator: &str) -> String {
    match place {
        Place::Plan => plan.to_string(),
        Place::Perspective { name } => name.clone(),
        Place::Strategic { perspective, code } => format!("{perspective} › {code}"),
        Place::Operational {
            perspective,
            strategic,
            code,
        } => format!("{perspective} › {strategic} › {code}"),
        Place::Indicator {
            perspective,
            strategic,
            operational,
            id,
        } if operational.is_empty() => format!("{perspective} › {strategic} › {indicator} {id}")
            .trim_end()
            .to_string(),
        Place::Indicator {
            perspective,
            strategic,
            operational,
            id,
        } if id.is_empty() => format!("{perspective} › {strategic} › {operational} › {indicator}"),
        Place::Indicator {
            perspective,
            strategic,
            operational,
            id,
        } => format!("{perspective} › {strategic} › {operational} › {indicator} {id}"),
    }
}
