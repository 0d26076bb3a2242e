//! Undo and redo. A step is the field changes one command made (one typed value, or a whole
//! restore); undoing it applies their inverses in reverse order.

use crate::plan::{FieldChange, IndicatorPath};

/// What made a step, for the words that describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A value typed in a field.
    Edit,
    /// Changes restored from the recovery journal.
    Restore,
    /// A column of values pasted at once.
    Paste,
    /// The values of the offices' forms, put in at once.
    Import,
}

/// One undoable step: changes with the place of their indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    pub changes: Vec<(IndicatorPath, FieldChange)>,
    /// For an import, the form each change came from (its file's name), for the audit log
    /// when the step is done again; empty otherwise.
    pub from: Vec<String>,
}

impl Step {
    /// The step that takes this one back.
    pub fn inverse(&self) -> Step {
        Step {
            kind: self.kind,
            // Taking an import back is the user's own change, not the forms'.
            from: Vec::new(),
            changes: self
                .changes
                .iter()
                .rev()
                .map(|(p, c)| (*p, c.inverse()))
                .collect(),
        }
    }

    /// The field changes alone, in order.
    pub fn field_changes(&self) -> Vec<FieldChange> {
        self.changes.iter().map(|(_, c)| c.clone()).collect()
    }
}

#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    /// How many steps were done when the plan was last saved; `None` once that state can no
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

    pub fn push(&mut self, step: Step) {
        if self.saved_at.is_some_and(|s| s > self.done.len()) {
            self.saved_at = None;
        }
        self.undone.clear();
        self.done.push(step);
    }

    /// The step to take back; it moves to the redo list.
    pub fn undo(&mut self) -> Option<&Step> {
        let s = self.done.pop()?;
        self.undone.push(s);
        self.undone.last()
    }

    /// The step to do again; it moves back to the undo list.
    pub fn redo(&mut self) -> Option<&Step> {
        let s = self.undone.pop()?;
        self.done.push(s);
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
