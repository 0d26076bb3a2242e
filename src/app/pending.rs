//! The pending indicators (no realization yet) kept in tree order, so that `p` and `P` find
//! the next one without going through the plan: kept up to date as results change.

use std::collections::BTreeSet;
use std::ops::Bound::{Excluded, Included, Unbounded};

use crate::plan::{IndicatorPath, Layer, NodePath, Plan};
use crate::score::Scores;

#[derive(Debug, Clone, Default)]
pub struct Pending {
    set: BTreeSet<IndicatorPath>,
}

/// Whether an indicator counts as pending: it has no realization (no result, or one that
/// cannot be scored).
pub fn is_pending(scores: &Scores, path: IndicatorPath) -> bool {
    scores.outcome(path).is_pending()
}

/// The first place an indicator under `node` could have: every indicator before it in
/// tree order comes before `node`, every other one after it.
fn first_under(node: NodePath) -> IndicatorPath {
    let (p, s, o) = match node {
        NodePath::Perspective(p) => (p, 0, 0),
        NodePath::Strategic(p, s) => (p, s, 0),
        NodePath::Operational(p, s, o) => (p, s, o),
        NodePath::Indicator(i) => return i,
    };
    IndicatorPath::new(p, s, o, Layer::Strategic, 0)
}

impl Pending {
    pub fn new(plan: &Plan, scores: &Scores) -> Pending {
        Pending {
            set: plan
                .indicators()
                .map(|(p, _)| p)
                .filter(|p| is_pending(scores, *p))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    pub fn contains(&self, path: IndicatorPath) -> bool {
        self.set.contains(&path)
    }

    /// Records whether an indicator is pending now.
    pub fn set(&mut self, path: IndicatorPath, pending: bool) {
        if pending {
            self.set.insert(path);
        } else {
            self.set.remove(&path);
        }
    }

    /// The pending indicators in the order `p` (forward) or `P` visits them from `here`:
    /// those after it in tree order then, round again, those from the start; backward the
    /// other way. The selected indicator itself comes last.
    pub fn from(
        &self,
        here: Option<NodePath>,
        forward: bool,
    ) -> Box<dyn Iterator<Item = IndicatorPath> + '_> {
        let Some(here) = here else {
            return if forward {
                Box::new(self.set.iter().copied())
            } else {
                Box::new(self.set.iter().rev().copied())
            };
        };
        let at = first_under(here);
        // Where the indicators after `here` start, and those before it end.
        let (after, before) = match here {
            NodePath::Indicator(_) => (Excluded(at), Excluded(at)),
            _ => (Included(at), Excluded(at)),
        };
        if forward {
            Box::new(
                self.set
                    .range((after, Unbounded))
                    .chain(self.set.range((Unbounded, flip(after))))
                    .copied(),
            )
        } else {
            Box::new(
                self.set
                    .range((Unbounded, before))
                    .rev()
                    .chain(self.set.range((flip(before), Unbounded)).rev())
                    .copied(),
            )
        }
    }
}

/// The bound that takes what `b` leaves out of the same point.
fn flip(b: std::ops::Bound<IndicatorPath>) -> std::ops::Bound<IndicatorPath> {
    match b {
        Included(x) => Excluded(x),
        Excluded(x) => Included(x),
        Unbounded => Unbounded,
    }
}
