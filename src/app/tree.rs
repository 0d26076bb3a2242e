//! The tree as a flat list of visible rows, kept by the app and rebuilt only when its shape
//! changes (a row opened or closed, a filter chosen), never per frame: drawing reads only
//! the rows on screen, so a plan of 100,000 indicators draws as fast as one of 70.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::plan::{IndicatorPath, Layer, NodePath, Plan};
use crate::score::{Outcome, Scores};

/// Which indicators the tree shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Indicators with no result yet.
    Pending,
    /// Measured indicators whose target is not met.
    BelowTarget,
    /// Indicators whose realization is set by hand.
    Overridden,
    /// The indicators an office owns.
    Office(std::sync::Arc<str>),
    /// The indicators no office owns, in a plan where others are owned.
    NoOffice,
}

impl Filter {
    /// The filter after this one: all, pending, below target, overridden, then each office
    /// of the plan (its list, then any other owner named) and the indicators with none.
    pub fn next(&self, plan: &Plan) -> Filter {
        let offices = || {
            let mut names: Vec<&str> = Vec::new();
            for o in &plan.offices {
                // An office listed twice (an error `check` reports) is gone through once.
                if !names.contains(&o.name.as_str()) {
                    names.push(&o.name);
                }
            }
            let mut others: Vec<&str> = plan
                .indicators()
                .filter_map(|(p, _)| plan.owner_of(p))
                .filter(|o| !names.contains(o))
                .collect();
            others.sort_unstable();
            others.dedup();
            names.extend(others);
            names
        };
        let unowned = || plan.indicators().any(|(p, _)| plan.owner_of(p).is_none());
        match self {
            Filter::All => Filter::Pending,
            Filter::Pending => Filter::BelowTarget,
            Filter::BelowTarget => Filter::Overridden,
            Filter::Overridden => match offices().first() {
                Some(first) => Filter::Office((*first).into()),
                None => Filter::All,
            },
            Filter::Office(name) => {
                let names = offices();
                let at = names.iter().position(|n| **n == **name);
                match at.and_then(|i| names.get(i + 1)) {
                    Some(next) => Filter::Office((*next).into()),
                    None if unowned() => Filter::NoOffice,
                    None => Filter::All,
                }
            }
            Filter::NoOffice => Filter::All,
        }
    }

    /// Whether an indicator passes the filter.
    pub fn admits(&self, plan: &Plan, scores: &Scores, path: IndicatorPath) -> bool {
        match self {
            Filter::All => true,
            Filter::Pending => scores.outcome(path).is_pending(),
            Filter::BelowTarget => matches!(scores.outcome(path), Outcome::Scored(r) if !r.met),
            // The override of the period shown.
            Filter::Overridden => plan
                .indicator(path)
                .at(scores.period())
                .realization_override
                .is_some(),
            Filter::Office(name) => plan.owner_of(path) == Some(&**name),
            Filter::NoOffice => plan.owner_of(path).is_none(),
        }
    }
}

/// Sorts nodes in the order the tree shows them (see [`tree_order`]).
pub type TreeKey = (usize, Option<usize>, Option<usize>, Option<(Layer, usize)>);

/// A key that sorts nodes in the order the tree shows them: parents before children.
pub fn tree_order(node: NodePath) -> TreeKey {
    match node {
        NodePath::Perspective(p) => (p, None, None, None),
        NodePath::Strategic(p, s) => (p, Some(s), None, None),
        NodePath::Operational(p, s, o) => (p, Some(s), Some(o), None),
        NodePath::Indicator(i) => (
            i.perspective,
            Some(i.strategic),
            Some(i.operational),
            Some((i.layer, i.index)),
        ),
    }
}

pub fn cmp_tree_order(a: NodePath, b: NodePath) -> Ordering {
    tree_order(a).cmp(&tree_order(b))
}

/// The rows on show and which one is selected.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    collapsed: HashSet<NodePath>,
    rows: Vec<NodePath>,
    selected: usize,
    /// First row on screen.
    pub offset: usize,
}

impl Tree {
    pub fn new(plan: &Plan, scores: &Scores) -> Tree {
        let mut t = Tree::default();
        t.rebuild(plan, scores, &Filter::All);
        t
    }

    pub fn rows(&self) -> &[NodePath] {
        &self.rows
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<NodePath> {
        self.rows.get(self.selected).copied()
    }

    pub fn is_collapsed(&self, node: NodePath) -> bool {
        self.collapsed.contains(&node)
    }

    /// Recomputes the visible rows, keeping the selection on the same node when it is still
    /// shown, or on the nearest one before it.
    pub fn rebuild(&mut self, plan: &Plan, scores: &Scores, filter: &Filter) {
        let keep = self.selected();
        let mut rows = Vec::with_capacity(self.rows.len().max(64));
        for (p, persp) in plan.perspectives.iter().enumerate() {
            let p_node = NodePath::Perspective(p);
            let p_at = rows.len();
            rows.push(p_node);
            let mut p_any = false;
            let p_open = !self.collapsed.contains(&p_node);
            for (s, so) in persp.objectives.iter().enumerate() {
                let s_node = NodePath::Strategic(p, s);
                let s_at = rows.len();
                if p_open {
                    rows.push(s_node);
                }
                let s_open = p_open && !self.collapsed.contains(&s_node);
                let mut s_any = false;
                for (o, oo) in so.operational.iter().enumerate() {
                    let o_node = NodePath::Operational(p, s, o);
                    let o_at = rows.len();
                    // The strategic objective's own indicators: under it, with no
                    // operational objective's row between.
                    if s_open && !oo.direct {
                        rows.push(o_node);
                    }
                    let o_open = s_open && (oo.direct || !self.collapsed.contains(&o_node));
                    let mut o_any = false;
                    for layer in Layer::BOTH {
                        for index in 0..oo.layer(layer).len() {
                            let path = IndicatorPath::new(p, s, o, layer, index);
                            if *filter == Filter::All || filter.admits(plan, scores, path) {
                                o_any = true;
                                if o_open {
                                    rows.push(NodePath::Indicator(path));
                                }
                            }
                        }
                    }
                    if *filter != Filter::All && !o_any && s_open {
                        rows.truncate(o_at);
                    }
                    s_any |= o_any;
                }
                if *filter != Filter::All && !s_any && p_open {
                    rows.truncate(s_at);
                }
                p_any |= s_any;
            }
            if *filter != Filter::All && !p_any {
                rows.truncate(p_at);
            }
        }
        self.rows = rows;
        self.selected = match keep {
            Some(node) => self.position_or_before(node),
            None => 0,
        };
    }

    /// Index of `node`, or of the last row before it in tree order.
    fn position_or_before(&self, node: NodePath) -> usize {
        match self.rows.binary_search_by(|r| cmp_tree_order(*r, node)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    pub fn position(&self, node: NodePath) -> Option<usize> {
        self.rows
            .binary_search_by(|r| cmp_tree_order(*r, node))
            .ok()
    }

    pub fn select_index(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    pub fn set_collapsed(&mut self, node: NodePath, collapsed: bool) {
        if collapsed {
            self.collapsed.insert(node);
        } else {
            self.collapsed.remove(&node);
        }
    }

    /// Opens every ancestor of `node`, so that it can be shown.
    pub fn open_ancestors(&mut self, node: NodePath) {
        let mut n = node.parent();
        while let Some(p) = n {
            self.collapsed.remove(&p);
            n = p.parent();
        }
    }

    pub fn expand_all(&mut self) {
        self.collapsed.clear();
    }

    /// Closes every perspective.
    pub fn collapse_all(&mut self, plan: &Plan) {
        self.collapsed.clear();
        for p in 0..plan.perspectives.len() {
            self.collapsed.insert(NodePath::Perspective(p));
        }
    }

    /// Keeps the selected row inside a window of `height` rows.
    pub fn scroll_to_selection(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }
}

/// The row a node sits under in the tree: its parent, except that a strategic objective's
/// own indicators sit right under it (their holder is not a row).
pub fn row_parent(plan: &Plan, node: NodePath) -> Option<NodePath> {
    match node {
        NodePath::Indicator(i) if plan.is_own_indicator(i) => {
            Some(NodePath::Strategic(i.perspective, i.strategic))
        }
        other => other.parent(),
    }
}

/// Whether a node has children in the plan (collapsing a leaf means nothing).
pub fn has_children(plan: &Plan, node: NodePath) -> bool {
    match node {
        NodePath::Perspective(p) => !plan.perspectives[p].objectives.is_empty(),
        NodePath::Strategic(p, s) => !plan.perspectives[p].objectives[s].operational.is_empty(),
        NodePath::Operational(p, s, o) => {
            let oo = &plan.perspectives[p].objectives[s].operational[o];
            !(oo.strategic_indicators.is_empty() && oo.indicators.is_empty())
        }
        NodePath::Indicator(_) => false,
    }
}
