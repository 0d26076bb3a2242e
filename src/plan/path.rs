//! Places in the plan tree. Codes repeat across the tree, so a place is a path of indices.

/// Which of the two measuring layers an indicator belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Measures the strategic objective (the seed's first table).
    Strategic,
    /// Measures the operational objective (the seed's second table).
    Operational,
}

impl Layer {
    pub const BOTH: [Layer; 2] = [Layer::Strategic, Layer::Operational];

    pub fn index(self) -> usize {
        match self {
            Layer::Strategic => 0,
            Layer::Operational => 1,
        }
    }
}

/// The place of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorPath {
    pub perspective: usize,
    pub strategic: usize,
    pub operational: usize,
    pub layer: Layer,
    pub index: usize,
}

impl IndicatorPath {
    pub fn new(
        perspective: usize,
        strategic: usize,
        operational: usize,
        layer: Layer,
        index: usize,
    ) -> IndicatorPath {
        IndicatorPath {
            perspective,
            strategic,
            operational,
            layer,
            index,
        }
    }
}

/// The place of any node of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodePath {
    Perspective(usize),
    Strategic(usize, usize),
    Operational(usize, usize, usize),
    Indicator(IndicatorPath),
}

impl NodePath {
    /// How deep the node sits: 0 for a perspective, 3 for an indicator.
    pub fn depth(self) -> usize {
        match self {
            NodePath::Perspective(..) => 0,
            NodePath::Strategic(..) => 1,
            NodePath::Operational(..) => 2,
            NodePath::Indicator(..) => 3,
        }
    }

    pub fn perspective(self) -> usize {
        match self {
            NodePath::Perspective(p)
            | NodePath::Strategic(p, _)
            | NodePath::Operational(p, _, _) => p,
            NodePath::Indicator(i) => i.perspective,
        }
    }

    /// The node this one sits under, if any.
    pub fn parent(self) -> Option<NodePath> {
        match self {
            NodePath::Perspective(_) => None,
            NodePath::Strategic(p, _) => Some(NodePath::Perspective(p)),
            NodePath::Operational(p, s, _) => Some(NodePath::Strategic(p, s)),
            NodePath::Indicator(i) => Some(NodePath::Operational(
                i.perspective,
                i.strategic,
                i.operational,
            )),
        }
    }

    /// Whether `self` is `other` or sits somewhere under it.
    pub fn is_within(self, other: NodePath) -> bool {
        let mut node = Some(self);
        while let Some(n) = node {
            if n == other {
                return true;
            }
            node = n.parent();
        }
        false
    }
}

impl From<IndicatorPath> for NodePath {
    fn from(p: IndicatorPath) -> Self {
        NodePath::Indicator(p)
    }
}
