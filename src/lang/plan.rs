//! The words of the plan's model: validation findings, values that cannot be scored,
//! how a realization was reached.

use super::{Lang, Say};
use crate::plan::check::{ValueError, WeightError};
use crate::validate::Finding;

pub trait PlanWords {}

// Until the typed messages of the plan are written in both languages, these say the
// English text. (To be replaced: this is the fallback the module exists to forbid.)
impl Say for Finding {
    fn say(&self, _lang: Lang) -> String {
        self.to_string()
    }
}

impl Say for ValueError {
    fn say(&self, _lang: Lang) -> String {
        self.to_string()
    }
}

impl Say for WeightError {
    fn say(&self, _lang: Lang) -> String {
        self.to_string()
    }
}
