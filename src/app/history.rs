//! Undo and redo of edits. An edit is the before and after of the fields the app edits on
//! one indicator, so undoing it is setting them back.

use crate::plan::{Indicator, IndicatorPath, Override, Value};

/// The fields of an indicator the controller edits in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub result: Option<Value>,
    pub realization_override: Option<Override>,
    pub note: Option<String>,
}

impl Fields {
    pub fn of(ind: &Indicator) -> Fields {
        Fields {
            result: ind.result,
            realization_override: ind.realization_override.clone(),
            note: ind.note.clone(),
        }
    }

    pub fn apply_to(&self, ind: &mut Indicator) {
        ind.result = self.result;
        ind.realization_override = self.realization_override.clone();
        ind.note = self.note.clone();
    }
}

/// One committed edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: IndicatorPath,
    pub id: String,
    pub before: Fields,
    pub after: Fields,
    /// What changed, in words: "result of 3.2.2-s2: 72 → 70".
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
    /// How many edits were done when the plan was last saved; `None` once that state can no
    /// longer be reached by undo or redo.
    saved_at: Option<usize>,
}

impl History {
    pub fn new() -> History {
        History {
            saved_at: Some(0),
            ..Default::default()
        }
    }

    pub fn push(&mut self, change: Change) {
        if self.saved_at.is_some_and(|s| s > self.done.len()) {
            self.saved_at = None;
        }
        self.undone.clear();
        self.done.push(change);
    }

    pub fn undo(&mut self) -> Option<&Change> {
        let c = self.done.pop()?;
        self.undone.push(c);
        self.undone.last()
    }

    pub fn redo(&mut self) -> Option<&Change> {
        let c = self.undone.pop()?;
        self.done.push(c);
        self.done.last()
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// The plan differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.done.len())
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}
