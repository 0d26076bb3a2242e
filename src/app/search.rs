//! Searching codes, ids, titles, descriptions and notes, ignoring case and accents, and
//! moving between the matches.
//!
//! The first search builds a [`SearchIndex`]: every node's text folded (see
//! [`crate::fold`]) into one string, in tree order. A query is folded the same way and
//! looked for in that string; its matches are kept ([`Search`]), so that `n` and `N` are a
//! binary search over them, and a character typed at the end of the query only filters the
//! matches of the query it extends. A note written in the app patches its indicator's text
//! and the kept matches.

use memchr::memmem::Finder;

use super::input::Input;
use super::tree::{self, Filter};
use super::{Action, App, Effect, Mode, Msg};
use crate::fold::fold_into;
use crate::plan::{Indicator, IndicatorPath, Layer, NodePath, Plan};
use crate::score::Scores;

/// Ends each field of a node's text, so that no match runs from one field into the next: a
/// folded query never holds it (control characters fold to spaces).
const END: char = '\n';

/// The folded text of every node of a plan, in tree order.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    nodes: Vec<NodePath>,
    /// Where each node's text starts in `text`; one more, the end of the last.
    starts: Vec<usize>,
    text: String,
}

/// A node's fields folded and each ended with [`END`].
fn folded_fields(fields: &[&str], out: &mut String) {
    for f in fields {
        fold_into(f, out);
        out.push(END);
    }
}

fn indicator_fields(ind: &Indicator, out: &mut String) {
    folded_fields(
        &[&ind.id, &ind.description, ind.note.as_deref().unwrap_or("")],
        out,
    );
}

impl SearchIndex {
    pub fn build(plan: &Plan) -> SearchIndex {
        let mut ix = SearchIndex::default();
        let add = |ix: &mut SearchIndex, node: NodePath, fill: &dyn Fn(&mut String)| {
            ix.nodes.push(node);
            ix.starts.push(ix.text.len());
            fill(&mut ix.text);
        };
        for (p, persp) in plan.perspectives.iter().enumerate() {
            add(&mut ix, NodePath::Perspective(p), &|t| {
                folded_fields(&[&persp.name], t)
            });
            for (s, so) in persp.objectives.iter().enumerate() {
                add(&mut ix, NodePath::Strategic(p, s), &|t| {
                    folded_fields(&[&so.code, &so.title], t)
                });
                for (o, oo) in so.operational.iter().enumerate() {
                    // The holder of a strategic objective's own indicators is not a row.
                    if !oo.direct {
                        add(&mut ix, NodePath::Operational(p, s, o), &|t| {
                            folded_fields(&[&oo.code, &oo.title], t)
                        });
                    }
                    for layer in Layer::BOTH {
                        for (index, ind) in oo.layer(layer).iter().enumerate() {
                            let path = IndicatorPath::new(p, s, o, layer, index);
                            add(&mut ix, NodePath::Indicator(path), &|t| {
                                indicator_fields(ind, t)
                            });
                        }
                    }
                }
            }
        }
        ix.starts.push(ix.text.len());
        ix
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node at a place of the index.
    pub fn node(&self, at: u32) -> NodePath {
        self.nodes[at as usize]
    }

    /// The place of a node in the index (its rank in tree order).
    pub fn position(&self, node: NodePath) -> Option<usize> {
        self.nodes
            .binary_search_by(|n| tree::cmp_tree_order(*n, node))
            .ok()
    }

    fn node_text(&self, at: usize) -> &str {
        &self.text[self.starts[at]..self.starts[at + 1]]
    }

    /// The places of the nodes whose text holds `folded`, in tree order: one pass over the
    /// whole text.
    pub fn scan(&self, folded: &str) -> Vec<u32> {
        let finder = Finder::new(folded.as_bytes());
        let text = self.text.as_bytes();
        let mut out = Vec::new();
        let mut from = 0;
        let mut node = 0;
        while let Some(i) = finder.find(&text[from..]) {
            let at = from + i;
            // The node holding `at`: the last one starting at or before it. Usually this
            // one or one just after (a short query matches most rows): a few steps, then a
            // binary search.
            let mut steps = 0;
            while self.starts[node + 1] <= at && steps < 4 {
                node += 1;
                steps += 1;
            }
            if self.starts[node + 1] <= at {
                node += self.starts[node..].partition_point(|&s| s <= at) - 1;
            }
            out.push(node as u32);
            from = self.starts[node + 1];
        }
        out
    }

    /// Those of `among` whose text holds `folded`.
    pub fn refine(&self, among: &[u32], folded: &str) -> Vec<u32> {
        let finder = Finder::new(folded.as_bytes());
        among
            .iter()
            .copied()
            .filter(|&n| finder.find(self.node_text(n as usize).as_bytes()).is_some())
            .collect()
    }

    /// Puts an indicator's text as it now is in its place; returns that place.
    fn patch(&mut self, path: IndicatorPath, ind: &Indicator) -> Option<usize> {
        let at = self.position(NodePath::Indicator(path))?;
        let mut fresh = String::new();
        indicator_fields(ind, &mut fresh);
        let (start, end) = (self.starts[at], self.starts[at + 1]);
        self.text.replace_range(start..end, &fresh);
        let grown = fresh.len() as isize - (end - start) as isize;
        for s in &mut self.starts[at + 1..] {
            *s = (*s as isize + grown) as usize;
        }
        Some(at)
    }
}

/// What the app keeps between keys to search quickly.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Built by the first search of the plan.
    index: Option<SearchIndex>,
    /// The matches of the last query and of the queries it extends, shortest first: each
    /// folded query with the places of its matches.
    kept: Vec<(String, Vec<u32>)>,
    /// The matches of the last query the filter lets through, as the filter and the
    /// results were when they were picked.
    shown: Option<Shown>,
    /// Counts the changes of results and notes, so that `shown` knows when it is stale.
    generation: u64,
}

#[derive(Debug, Clone)]
struct Shown {
    query: String,
    filter: Filter,
    generation: u64,
    matches: Vec<u32>,
}

impl Search {
    /// Builds the index of the plan, when it is not built yet.
    pub fn prepare(&mut self, plan: &Plan) {
        self.index.get_or_insert_with(|| SearchIndex::build(plan));
    }

    pub fn index(&self) -> Option<&SearchIndex> {
        self.index.as_ref()
    }

    /// The matches of `folded`, from the kept matches of a query it extends when there is
    /// one.
    fn keep_matches_of(&mut self, plan: &Plan, folded: &str) {
        let index = self.index.get_or_insert_with(|| SearchIndex::build(plan));
        while self
            .kept
            .last()
            .is_some_and(|(q, _)| !folded.starts_with(q.as_str()))
        {
            self.kept.pop();
        }
        if self.kept.last().is_none_or(|(q, _)| q != folded) {
            let found = match self.kept.last() {
                Some((_, among)) => index.refine(among, folded),
                None => index.scan(folded),
            };
            self.kept.push((folded.to_string(), found));
        }
    }

    /// The matches of `folded` the filter lets through (objectives always: the filter
    /// hides only indicators).
    fn shown(&mut self, plan: &Plan, scores: &Scores, filter: &Filter, folded: &str) -> &Shown {
        let current = self.shown.as_ref().is_some_and(|s| {
            s.query == folded && s.filter == *filter && s.generation == self.generation
        });
        if !current {
            let generation = self.generation;
            self.keep_matches_of(plan, folded);
            let all = &self.kept.last().expect("just kept").1;
            let matches = if *filter == Filter::All {
                all.to_vec()
            } else {
                let index = self.index.as_ref().expect("built");
                all.iter()
                    .copied()
                    .filter(|&n| match index.node(n) {
                        NodePath::Indicator(p) => filter.admits(plan, scores, p),
                        _ => true,
                    })
                    .collect()
            };
            self.shown = Some(Shown {
                query: folded.to_string(),
                filter: filter.clone(),
                generation,
                matches,
            });
        }
        self.shown.as_ref().expect("just picked")
    }

    /// An indicator's result or override changed: what the filter lets through may too.
    pub(super) fn results_changed(&mut self) {
        self.generation += 1;
    }

    /// An indicator's note changed: its text in the index, and the kept matches, follow.
    pub(super) fn text_changed(&mut self, path: IndicatorPath, ind: &Indicator) {
        self.generation += 1;
        let Some(index) = self.index.as_mut() else {
            return;
        };
        let Some(at) = index.patch(path, ind) else {
            return;
        };
        let text = index.node_text(at).as_bytes();
        for (q, matches) in &mut self.kept {
            let holds = Finder::new(q.as_bytes()).find(text).is_some();
            match matches.binary_search(&(at as u32)) {
                Ok(i) if !holds => {
                    matches.remove(i);
                }
                Err(i) if holds => matches.insert(i, at as u32),
                _ => {}
            }
        }
    }
}

/// A query as it is looked for: trimmed and folded.
fn folded_query(query: &str) -> String {
    crate::fold::fold(query.trim())
}

impl App {
    /// Nodes whose code, id, title, description or note contains the query (ignoring case
    /// and accents), in tree order; indicators only when the filter shows them.
    pub fn matches(&mut self, query: &str) -> Vec<NodePath> {
        let q = folded_query(query);
        if q.is_empty() {
            return Vec::new();
        }
        let shown = self
            .search
            .shown(&self.plan, &self.scores, &self.filter, &q)
            .matches
            .clone();
        let index = self.search.index().expect("built by the search");
        shown.into_iter().map(|n| index.node(n)).collect()
    }

    /// How many rows match the query being typed (as the last key left it).
    pub fn match_count(&self) -> usize {
        let q = folded_query(&self.query);
        match &self.search.shown {
            Some(s) if !q.is_empty() && s.query == q => s.matches.len(),
            _ => 0,
        }
    }

    /// Selects the next (or previous) match of the last search; `from_here` counts the
    /// selected row itself as a match (while typing the query).
    pub(super) fn jump_match(&mut self, forward: bool, from_here: bool) {
        let q = folded_query(&self.query);
        if q.is_empty() {
            self.info(Msg::NoSearchYet);
            return;
        }
        let shown = self
            .search
            .shown(&self.plan, &self.scores, &self.filter, &q);
        let count = shown.matches.len();
        if count == 0 {
            self.error(Msg::NoMatch {
                query: self.query.clone(),
            });
            return;
        }
        let index = self.search.index.as_ref().expect("built by the search");
        let matches = &self.search.shown.as_ref().expect("picked").matches;
        let here = self
            .tree
            .selected()
            .and_then(|h| index.position(h))
            .map(|h| h as u32);
        let pick = match here {
            None => 0,
            Some(h) if forward => {
                let i = if from_here {
                    matches.partition_point(|&m| m < h)
                } else {
                    matches.partition_point(|&m| m <= h)
                };
                if i == count { 0 } else { i }
            }
            Some(h) => match matches.partition_point(|&m| m < h) {
                0 => count - 1,
                i => i - 1,
            },
        };
        let node = index.node(matches[pick]);
        if !self.reveal(node) {
            // An objective whose indicators the filter hides: show everything rather than
            // stay put.
            self.filter = Filter::All;
            self.reveal(node);
        }
        self.info(Msg::MatchAt {
            index: pick + 1,
            count,
            query: self.query.clone(),
        });
    }

    pub(super) fn update_search(
        &mut self,
        mut input: Input,
        origin: Option<NodePath>,
        action: Action,
    ) -> Effect {
        match action {
            Action::Input(edit) => {
                input.apply(&edit);
                self.query = input.text();
                if let Some(o) = origin
                    && let Some(i) = self.tree.position(o)
                {
                    self.tree.select_index(i);
                }
                if !self.query.trim().is_empty() {
                    self.jump_match(true, true);
                }
                self.mode = Mode::Search { input, origin };
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                if self.query.trim().is_empty() {
                    self.info(Msg::SearchCleared);
                }
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.query.clear();
                if let Some(o) = origin {
                    self.reveal(o);
                }
                self.info(Msg::SearchCancelled);
            }
            _ => {}
        }
        Effect::None
    }
}
