//! `perfplan merge BASE OURS THEIRS`: three versions of a plan merged by indicator id and
//! field, so that git can be the engine for many writers (as a merge driver, see the
//! README's "Sharing a plan in git").
//!
//! The result is OURS' text, comments and layout kept, with the fields THEIRS changed since
//! BASE written in by the text-preserving save ([`store::save::patch_changes`]). The three-way
//! rule, for each field of each indicator the three versions share (and each intermediate
//! period's result, override and note): THEIRS equal to BASE, or equal to OURS, leaves OURS'
//! value; OURS equal to BASE takes THEIRS'; both different from BASE and from each other is a
//! conflict, and OURS' value stays.
//!
//! An indicator THEIRS added is copied, as THEIRS writes it, into OURS' list beside the
//! neighbour it has in THEIRS; one THEIRS removed is taken out of OURS' text when OURS left
//! it as BASE had it. What cannot be merged this simply (objectives, weights or periods
//! changed on both sides, a description or a unit changed by THEIRS, an indicator moved,
//! added where OURS has no place for it, or removed on one side and changed on the other)
//! is a conflict that leaves OURS as it is. Every text written is read back and checked to
//! be exactly the plan meant: a merge never writes a plan that loads as something else.
//!
//! Conflicts of fields are recorded (see [`Record`]) so that the app, at the next open of
//! the merged file, lists them and lets the user choose, field by field, OURS' value (the
//! file's) or THEIRS'.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::{Value as Json, json};

use crate::plan::{Field, FieldChange, FieldValue, Indicator, IndicatorPath, Layer, Plan, Target};
use crate::store::{self, journal, syntax};

/// A field changed on both sides to different values: OURS' is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    pub id: String,
    /// The intermediate period the values are of (`None`: the year's).
    pub period: Option<String>,
    pub base: FieldValue,
    pub ours: FieldValue,
    pub theirs: FieldValue,
}

impl FieldConflict {
    pub fn field(&self) -> Field {
        self.ours.field()
    }
}

/// What the merge could not do on its own; OURS is kept in each case.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// A field changed on both sides to different values.
    Field(FieldConflict),
    /// Something above the indicators (title, periods, objectives, weights…) changed on
    /// THEIRS' side, and differently on OURS'.
    Frame,
    /// More than one indicator of a version has this id: its changes cannot be told apart.
    Duplicate { id: String },
    /// THEIRS changed the indicator's description, unit, baseline, scoring or a period's
    /// target, and OURS has another.
    Described { id: String },
    /// THEIRS moved the indicator to another objective or table.
    Moved { id: String },
    /// THEIRS added the indicator where OURS has no place for it (the objective is not in
    /// OURS, or its list there is empty).
    AddedNowhere { id: String },
    /// Both sides added an indicator with this id, differently.
    AddedTwice { id: String },
    /// One side removed the indicator, the other changed it (`ours_removed`: OURS removed
    /// it).
    RemovedChanged { id: String, ours_removed: bool },
    /// A value THEIRS gave a period that OURS' plan does not list.
    NoSuchPeriod { id: String, period: String },
}

/// The result of a merge.
#[derive(Debug, Clone)]
pub struct Merged {
    /// OURS' text with THEIRS' changes.
    pub text: String,
    pub plan: Plan,
    pub conflicts: Vec<Conflict>,
    /// Fields taken from THEIRS.
    pub taken: usize,
    /// The field changes taken from THEIRS, for the audit log.
    pub changes: Vec<FieldChange>,
    /// Ids of the indicators added from THEIRS, and of those removed as THEIRS did.
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Merged {
    pub fn field_conflicts(&self) -> impl Iterator<Item = &FieldConflict> {
        self.conflicts.iter().filter_map(|c| match c {
            Conflict::Field(f) => Some(f),
            _ => None,
        })
    }
}

/// The field of a conflict as the plan file writes it: `result`, or
/// `periods["30 giugno"].result` for an intermediate period's value.
pub fn field_path(c: &FieldConflict) -> String {
    match &c.period {
        Some(p) => format!("periods[{}].{}", store::write::string(p), c.field().name()),
        None => c.field().name().to_string(),
    }
}

/// Why no merged text could be made (OURS is then left as it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmergeable(pub String);

/// An objective's place, in words that do not depend on indices: the perspective's name,
/// the strategic objective's code, the operational objective's code (`None`: the strategic
/// objective's own indicators) and the table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Place {
    perspective: String,
    strategic: String,
    operational: Option<String>,
    layer: Layer,
}

fn place_of(plan: &Plan, path: IndicatorPath) -> Place {
    let persp = &plan.perspectives[path.perspective];
    let so = &persp.objectives[path.strategic];
    let oo = &so.operational[path.operational];
    Place {
        perspective: persp.name.clone(),
        strategic: so.code.clone(),
        operational: (!oo.direct).then(|| oo.code.clone()),
        layer: path.layer,
    }
}

/// The indicators of `plan` by id; ids that more than one indicator has go to `dups`.
fn by_id<'a>(
    plan: &'a Plan,
    dups: &mut HashSet<String>,
) -> HashMap<&'a str, (IndicatorPath, &'a Indicator)> {
    let mut out = HashMap::new();
    for (path, ind) in plan.indicators() {
        if out.insert(ind.id.as_str(), (path, ind)).is_some() {
            dups.insert(ind.id.clone());
        }
    }
    out
}

/// The plan without its indicators: what is above them.
fn frame(plan: &Plan) -> Plan {
    let mut f = plan.clone();
    for persp in &mut f.perspectives {
        for so in &mut persp.objectives {
            so.operational.retain(|o| !o.direct);
            for oo in &mut so.operational {
                oo.strategic_indicators.clear();
                oo.indicators.clear();
            }
        }
    }
    f
}

/// What an indicator is besides the fields the merge takes one by one.
fn described(i: &Indicator) -> impl PartialEq + '_ {
    let period_targets: Vec<(&str, &Target)> = i
        .periods
        .0
        .iter()
        .filter_map(|(n, v)| v.target.as_ref().map(|t| (n.as_str(), t)))
        .collect();
    (
        &i.description,
        &i.unit,
        i.baseline,
        &i.scoring,
        period_targets,
        &i.owner,
    )
}

/// The three-way rule for one value: `Some(true)` take THEIRS, `Some(false)` keep OURS,
/// `None` a conflict.
fn three_way<T: PartialEq>(base: &T, ours: &T, theirs: &T) -> Option<bool> {
    if theirs == base || theirs == ours {
        Some(false)
    } else if ours == base {
        Some(true)
    } else {
        None
    }
}

/// The names of the periods any of the three gives values to.
fn period_names(inds: [&Indicator; 3]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for i in inds {
        for (n, _) in &i.periods.0 {
            if !names.contains(&n.as_str()) {
                names.push(n);
            }
        }
    }
    names
}

/// The changes that bring THEIRS' changes of one indicator into OURS, and the conflicts.
fn merge_fields(
    base: &Indicator,
    ours: &Indicator,
    theirs: &Indicator,
    ours_plan: &Plan,
    changes: &mut Vec<FieldChange>,
    conflicts: &mut Vec<Conflict>,
) {
    let mut one = |period: Option<&str>, field: Field, conflicts: &mut Vec<Conflict>| {
        let (b, o, t) = (
            base.get_at(field, period),
            ours.get_at(field, period),
            theirs.get_at(field, period),
        );
        match three_way(&b, &o, &t) {
            Some(false) => {}
            Some(true) => {
                if let Some(p) = period
                    && ours_plan.intermediate(Some(p)).is_none()
                {
                    let c = Conflict::NoSuchPeriod {
                        id: ours.id.clone(),
                        period: p.to_string(),
                    };
                    if !conflicts.contains(&c) {
                        conflicts.push(c);
                    }
                    return;
                }
                changes.push(FieldChange {
                    id: ours.id.clone(),
                    period: period.map(str::to_string),
                    old: o,
                    new: t,
                });
            }
            None => conflicts.push(Conflict::Field(FieldConflict {
                id: ours.id.clone(),
                period: period.map(str::to_string),
                base: b,
                ours: o,
                theirs: t,
            })),
        }
    };
    for field in Field::ALL {
        one(None, field, conflicts);
    }
    for p in period_names([base, ours, theirs]) {
        for field in Field::ALL.into_iter().filter(|f| f.has_periods()) {
            one(Some(p), field, conflicts);
        }
    }
}

/// Where the line holding byte `at` starts, when only blanks precede `at` on it; else `at`.
fn line_start(text: &str, at: usize) -> usize {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if text[start..at].trim().is_empty() {
        start
    } else {
        at
    }
}

/// Past the indicator closing at `close` and its comma; `(end, has_comma)`.
fn past_comma(text: &str, close: usize) -> (usize, bool) {
    let rest = &text[close + 1..];
    let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[blank..].starts_with(',') {
        (close + 1 + blank + 1, true)
    } else {
        (close + 1, false)
    }
}

/// The text removed with an indicator: its lines, its comma, and what follows on its last
/// line when that is blank or a comment.
fn removal(text: &str, s: &syntax::IndicatorSpans) -> Range<usize> {
    let start = line_start(text, s.open);
    let (mut end, _) = past_comma(text, s.close);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let tail = text[end..line_end].trim();
    if tail.is_empty() || tail.starts_with("//") {
        end = (line_end + 1).min(text.len());
    }
    start..end
}

/// Inserts an indicator (`block`, its text as THEIRS writes it, from the start of its line)
/// after the indicator `after` of OURS' text.
fn insert_after(text: &str, after: &syntax::IndicatorSpans, block: &str) -> (Range<usize>, String) {
    let (end, comma) = past_comma(text, after.close);
    let lead = if comma { "" } else { "," };
    (end..end, format!("{lead}\n{block},"))
}

/// Inserts an indicator before the indicator `before` of OURS' text.
fn insert_before(
    text: &str,
    before: &syntax::IndicatorSpans,
    block: &str,
) -> (Range<usize>, String) {
    let at = line_start(text, before.open);
    let sep = if at == before.open { ", " } else { ",\n" };
    (at..at, format!("{block}{sep}"))
}

fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> Result<String, Unmergeable> {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, new) in &edits {
        if range.start < at {
            return Err(Unmergeable("two edits overlap".into()));
        }
        out.push_str(&text[at..range.start]);
        out.push_str(new);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// Indicators added by THEIRS and removed by THEIRS, as edits of OURS' text.
struct Structure {
    edits: Vec<(Range<usize>, String)>,
    added: Vec<(Place, Indicator)>,
    removed: Vec<String>,
}

fn structure(
    base: &Plan,
    ours_text: &str,
    ours: &Plan,
    theirs_text: &str,
    theirs: &Plan,
    skip: &HashSet<String>,
    conflicts: &mut Vec<Conflict>,
) -> Result<Structure, Unmergeable> {
    let mut dups = HashSet::new();
    let (b_ids, o_ids, t_ids) = (
        by_id(base, &mut dups),
        by_id(ours, &mut dups),
        by_id(theirs, &mut dups),
    );
    let shape = |e: syntax::ShapeError| Unmergeable(e.0);
    let ours_spans = syntax::indicator_spans(ours_text).map_err(shape)?;
    let theirs_spans = syntax::indicator_spans(theirs_text).map_err(shape)?;
    let ours_at: HashMap<IndicatorPath, &syntax::IndicatorSpans> =
        ours_spans.iter().map(|s| (s.path, s)).collect();
    let theirs_at: HashMap<IndicatorPath, &syntax::IndicatorSpans> =
        theirs_spans.iter().map(|s| (s.path, s)).collect();
    let mut out = Structure {
        edits: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
    };
    for (path, t) in theirs.indicators() {
        if b_ids.contains_key(t.id.as_str()) || skip.contains(&t.id) {
            continue;
        }
        if let Some((_, o)) = o_ids.get(t.id.as_str()) {
            if *o != t {
                conflicts.push(Conflict::AddedTwice { id: t.id.clone() });
            }
            continue;
        }
        let place = place_of(theirs, path);
        let nowhere = || Conflict::AddedNowhere { id: t.id.clone() };
        let list = &theirs.perspectives[path.perspective].objectives[path.strategic].operational
            [path.operational]
            .layer(path.layer);
        // The nearest neighbour in THEIRS' list that OURS has in the same place.
        let in_ours = |i: usize| -> Option<&syntax::IndicatorSpans> {
            let (p, _) = o_ids.get(list[i].id.as_str())?;
            (place_of(ours, *p) == place).then(|| ours_at.get(p).copied())?
        };
        let Some(theirs_span) = theirs_at.get(&path) else {
            conflicts.push(nowhere());
            continue;
        };
        let start = line_start(theirs_text, theirs_span.open);
        let block = &theirs_text[start..theirs_span.close + 1];
        let before = (0..path.index).rev().find_map(in_ours);
        let after = (path.index + 1..list.len()).find_map(in_ours);
        let edit = match (before, after) {
            (Some(prev), _) => insert_after(ours_text, prev, block),
            (None, Some(next)) => insert_before(ours_text, next, block),
            (None, None) => {
                conflicts.push(nowhere());
                continue;
            }
        };
        out.edits.push(edit);
        out.added.push((place, t.clone()));
    }
    for (path, b) in base.indicators() {
        if skip.contains(&b.id) {
            continue;
        }
        let (o, t) = (o_ids.get(b.id.as_str()), t_ids.get(b.id.as_str()));
        match (o, t) {
            (Some((op, o)), None) => {
                if *o == b && place_of(ours, *op) == place_of(base, path) {
                    let Some(s) = ours_at.get(op) else {
                        return Err(Unmergeable(format!("no text for {}", b.id)));
                    };
                    out.edits.push((removal(ours_text, s), String::new()));
                    out.removed.push(b.id.clone());
                } else {
                    conflicts.push(Conflict::RemovedChanged {
                        id: b.id.clone(),
                        ours_removed: false,
                    });
                }
            }
            (None, Some((_, t))) if *t != b => conflicts.push(Conflict::RemovedChanged {
                id: b.id.clone(),
                ours_removed: true,
            }),
            _ => {}
        }
    }
    Ok(out)
}

/// Whether `got` (OURS' text with the structure's edits, read back) is OURS with THEIRS'
/// indicators added in their places and the removed ones gone, and nothing else changed.
fn structure_holds(got: &Plan, ours: &Plan, s: &Structure) -> bool {
    if frame(got) != frame(ours) {
        return false;
    }
    let mut dups = HashSet::new();
    let got_ids = by_id(got, &mut dups);
    if !dups.is_empty() {
        return false;
    }
    let mut expected = ours.indicator_count() + s.added.len();
    for id in &s.removed {
        if got_ids.contains_key(id.as_str()) {
            return false;
        }
        expected -= 1;
    }
    for (place, ind) in &s.added {
        match got_ids.get(ind.id.as_str()) {
            Some((p, i)) if *i == ind && place_of(got, *p) == *place => {}
            _ => return false,
        }
    }
    got.indicator_count() == expected
        && ours.indicators().all(|(p, o)| {
            s.removed.contains(&o.id)
                || got_ids
                    .get(o.id.as_str())
                    .is_some_and(|(gp, g)| *g == o && place_of(got, *gp) == place_of(ours, p))
        })
}

/// Merges THEIRS' changes since BASE into OURS (each a plan with the text it was read from).
pub fn merge(
    base: &Plan,
    ours_text: &str,
    ours: &Plan,
    theirs_text: &str,
    theirs: &Plan,
) -> Result<Merged, Unmergeable> {
    let mut conflicts = Vec::new();
    if frame(theirs) != frame(base) && frame(theirs) != frame(ours) {
        conflicts.push(Conflict::Frame);
    }
    let mut dups = HashSet::new();
    let (b_ids, _, t_ids) = (
        by_id(base, &mut dups),
        by_id(ours, &mut dups),
        by_id(theirs, &mut dups),
    );
    let mut dup_list: Vec<&String> = dups.iter().collect();
    dup_list.sort();
    conflicts.extend(
        dup_list
            .into_iter()
            .map(|id| Conflict::Duplicate { id: id.clone() }),
    );

    // Indicators added and removed: OURS' text edited, then read back and checked.
    let reading = Path::new("merge");
    let parse = |text: &str| store::parse(reading, text).map_err(|_| ());
    let mut structural = Vec::new();
    let s = structure(
        base,
        ours_text,
        ours,
        theirs_text,
        theirs,
        &dups,
        &mut structural,
    )?;
    let mut text = ours_text.to_string();
    let mut plan = ours.clone();
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    if !s.edits.is_empty() {
        let edited = apply(ours_text, s.edits.clone())?;
        match parse(&edited) {
            Ok(got) if structure_holds(&got, ours, &s) => {
                text = edited;
                plan = got;
                added = s.added.iter().map(|(_, i)| i.id.clone()).collect();
                removed = s.removed.clone();
            }
            // Not merged after all: each is a conflict, and OURS stays.
            _ => {
                structural.extend(
                    s.added
                        .iter()
                        .map(|(_, i)| Conflict::AddedNowhere { id: i.id.clone() }),
                );
                structural.extend(s.removed.iter().map(|id| Conflict::RemovedChanged {
                    id: id.clone(),
                    ours_removed: false,
                }));
            }
        }
    }
    conflicts.extend(structural);

    // The fields of the indicators all three have.
    let mut changes = Vec::new();
    for (path, o) in ours.indicators() {
        if dups.contains(&o.id) {
            continue;
        }
        let (Some((bp, b)), Some((tp, t))) = (b_ids.get(o.id.as_str()), t_ids.get(o.id.as_str()))
        else {
            continue;
        };
        let (bplace, oplace, tplace) = (
            place_of(base, *bp),
            place_of(ours, path),
            place_of(theirs, *tp),
        );
        if three_way(&bplace, &oplace, &tplace) != Some(false) {
            conflicts.push(Conflict::Moved { id: o.id.clone() });
        }
        if three_way(&described(b), &described(o), &described(t)) != Some(false) {
            conflicts.push(Conflict::Described { id: o.id.clone() });
        }
        merge_fields(b, o, t, ours, &mut changes, &mut conflicts);
    }
    if changes.is_empty() {
        return Ok(Merged {
            text,
            plan,
            conflicts,
            taken: 0,
            changes: Vec::new(),
            added,
            removed,
        });
    }
    let mut merged = plan.clone();
    let periods = merged.periods.clone();
    let places: HashMap<String, IndicatorPath> = merged
        .indicators()
        .map(|(p, i)| (i.id.clone(), p))
        .collect();
    for c in &changes {
        let path = places
            .get(&c.id)
            .ok_or_else(|| Unmergeable(format!("{} is not in the merged plan", c.id)))?;
        merged
            .indicator_mut(*path)
            .set_at(c.new.clone(), c.period.as_deref(), &periods);
    }
    let patched =
        store::save::patch_changes(&text, &merged, &changes).map_err(|e| Unmergeable(e.0))?;
    if parse(&patched).ok().as_ref() != Some(&merged) {
        return Err(Unmergeable(
            "the merged text does not read back as the merged plan".into(),
        ));
    }
    Ok(Merged {
        text: patched,
        plan: merged,
        conflicts,
        taken: changes.len(),
        changes,
        added,
        removed,
    })
}

/// The record of a merge's field conflicts, in perfplan's state folder, named after the
/// content hash of the merged file: the app finds it when it opens that very version.
///
/// # Format
/// A JSON object:
///
/// ```json
/// {"perfplan_merge": 1, "merged": "9f0c…", "plan": "piano.ron",
///  "conflicts": [{"id": "3.2.2-s2", "field": "result",
///                 "base": {"number": "72"}, "ours": {"number": "75"},
///                 "theirs": {"number": "78"}}]}
/// ```
///
/// `merged` is the content hash (XXH3-64, 16 hex digits) of the merged file; `plan` the
/// plan's name in the repository when git gives it (`%P`), else `null`. Each conflict names
/// the indicator, the field as the plan file writes it, `"period": NAME` for an intermediate
/// period's value, and the three values in the crash-recovery journal's encoding (see
/// [`crate::store::journal`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub merged: u64,
    pub plan: Option<String>,
    pub conflicts: Vec<FieldConflict>,
}

/// The folder of the records, inside the state folder.
pub const RECORDS: &str = "merges";

impl Record {
    /// Where the record of the merged text with this content hash is kept.
    pub fn path(state: &Path, merged: u64) -> PathBuf {
        state.join(RECORDS).join(format!("{merged:016x}.json"))
    }

    pub fn to_json(&self) -> String {
        let conflicts: Vec<Json> = self
            .conflicts
            .iter()
            .map(|c| {
                let mut j = json!({
                    "id": c.id,
                    "field": c.field().name(),
                    "base": journal::value_json(&c.base),
                    "ours": journal::value_json(&c.ours),
                    "theirs": journal::value_json(&c.theirs),
                });
                if let Some(p) = &c.period {
                    j["period"] = Json::String(p.clone());
                }
                j
            })
            .collect();
        let j = json!({
            "perfplan_merge": 1,
            "merged": format!("{:016x}", self.merged),
            "plan": self.plan,
            "conflicts": conflicts,
        });
        serde_json::to_string_pretty(&j).unwrap_or_default() + "\n"
    }

    /// Reads a record back; `None` when it is not one.
    pub fn from_json(text: &str) -> Option<Record> {
        let j: Json = serde_json::from_str(text).ok()?;
        if j.get("perfplan_merge")?.as_u64()? != 1 {
            return None;
        }
        let merged = u64::from_str_radix(j.get("merged")?.as_str()?, 16).ok()?;
        let plan = j.get("plan").and_then(Json::as_str).map(str::to_string);
        let conflicts = j
            .get("conflicts")?
            .as_array()?
            .iter()
            .map(|c| {
                let field = Field::from_name(c.get("field")?.as_str()?)?;
                let value = |k: &str| journal::value_from(field, c.get(k)?);
                Some(FieldConflict {
                    id: c.get("id")?.as_str()?.to_string(),
                    period: match c.get("period") {
                        None | Some(Json::Null) => None,
                        Some(p) => Some(p.as_str()?.to_string()),
                    },
                    base: value("base")?,
                    ours: value("ours")?,
                    theirs: value("theirs")?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Record {
            merged,
            plan,
            conflicts,
        })
    }

    /// The record for the file whose text hashes to `hash`, in the state folder, if any.
    pub fn find(state: &Path, hash: u64) -> Option<(PathBuf, Record)> {
        let path = Record::path(state, hash);
        let text = std::fs::read_to_string(&path).ok()?;
        let r = Record::from_json(&text).filter(|r| r.merged == hash)?;
        Some((path, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Value;
    use rust_decimal_macros::dec;

    const SEED: &str = include_str!("../plans/cciaa-massa-carrara-2017.ron");

    fn parse(text: &str) -> Plan {
        store::parse(Path::new("t.ron"), text).unwrap()
    }

    fn edit(text: &str, old: &str, new: &str) -> String {
        assert_eq!(text.matches(old).count(), 1, "not once: {old}");
        text.replacen(old, new, 1)
    }

    fn run(base: &str, ours: &str, theirs: &str) -> Merged {
        merge(&parse(base), ours, &parse(ours), theirs, &parse(theirs)).unwrap()
    }

    fn number(n: rust_decimal::Decimal) -> FieldValue {
        FieldValue::Result(Some(Value::Number(n)))
    }

    #[test]
    fn an_owner_changed_by_them_is_a_conflict_not_a_silent_loss() {
        let theirs = edit(
            SEED,
            "id: \"3.2.2-s2\",",
            "id: \"3.2.2-s2\",\n                                    owner: \"Ufficio Studi\",",
        );
        let m = run(SEED, SEED, &theirs);
        assert_eq!(
            m.conflicts,
            [Conflict::Described {
                id: "3.2.2-s2".into()
            }]
        );
        assert_eq!(m.text, SEED);
    }

    /// A small plan with one intermediate period.
    const SMALL: &str = r#"Plan(
    title: "P",
    organization: "O",
    year: 2024,
    periods: [(name: "30 giugno", date: "2024-06-30"), (name: "31 dicembre", date: "2024-12-31")],
    perspectives: [(
        name: "A",
        objectives: [(
            code: "1",
            title: "T",
            weight: 100,
            operational: [(
                code: "1.1",
                title: "T",
                weight: 100,
                strategic_indicators: [],
                indicators: [
                    // the first
                    Indicator(
                        id: "a",
                        description: "a",
                        unit: Count,
                        target: AtLeast(10),
                        result: 5,
                        periods: {"30 giugno": (result: 2)},
                    ),
                    Indicator(
                        id: "b",
                        description: "b",
                        unit: Count,
                        target: AtLeast(10),
                    ),
                ],
            )],
        )],
    )],
)
"#;

    #[test]
    fn a_field_only_theirs_changed_is_taken() {
        let theirs = edit(SMALL, "result: 5,", "result: 7,");
        let m = run(SMALL, SMALL, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.taken, 1);
        assert_eq!(m.text, theirs);
    }

    #[test]
    fn a_field_only_ours_changed_is_kept() {
        let ours = edit(SMALL, "result: 5,", "result: 7,");
        let m = run(SMALL, &ours, SMALL);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.text, ours);
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let both = edit(SMALL, "result: 5,", "result: 7,");
        let m = run(SMALL, &both, &both);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.taken, 0);
        assert_eq!(m.text, both);
    }

    #[test]
    fn a_field_changed_differently_on_both_sides_conflicts_and_keeps_ours() {
        let ours = edit(SMALL, "result: 5,", "result: 6,");
        let theirs = edit(SMALL, "result: 5,", "result: 7,");
        let m = run(SMALL, &ours, &theirs);
        assert_eq!(m.text, ours);
        assert_eq!(
            m.conflicts,
            vec![Conflict::Field(FieldConflict {
                id: "a".into(),
                period: None,
                base: number(dec!(5)),
                ours: number(dec!(6)),
                theirs: number(dec!(7)),
            })]
        );
    }

    #[test]
    fn different_fields_of_one_indicator_merge() {
        let ours = edit(SMALL, "result: 5,", "result: 6,");
        let theirs = edit(
            SMALL,
            "result: 5,",
            "result: 5,\n                        note: \"n\",",
        );
        let m = run(SMALL, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let a = m.plan.indicator(m.plan.find_indicator("a").unwrap());
        assert_eq!(a.result, Some(Value::Number(dec!(6))));
        assert_eq!(a.note.as_deref(), Some("n"));
        assert!(m.text.contains("// the first"));
    }

    #[test]
    fn a_period_value_theirs_changed_is_taken_and_one_both_changed_conflicts() {
        let theirs = edit(SMALL, "(result: 2)", "(result: 3)");
        let m = run(SMALL, SMALL, &theirs);
        assert!(m.conflicts.is_empty());
        let a = m.plan.indicator(m.plan.find_indicator("a").unwrap());
        assert_eq!(
            a.periods.get("30 giugno").unwrap().result,
            Some(Value::Number(dec!(3)))
        );

        let ours = edit(SMALL, "(result: 2)", "(result: 4)");
        let m = run(SMALL, &ours, &theirs);
        assert_eq!(m.text, ours);
        match &m.conflicts[..] {
            [Conflict::Field(c)] => {
                assert_eq!(c.period.as_deref(), Some("30 giugno"));
                assert_eq!((&c.ours, &c.theirs), (&number(dec!(4)), &number(dec!(3))));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_period_value_theirs_gave_a_new_indicator_entry_is_taken() {
        let theirs = edit(
            SMALL,
            "unit: Count,\n                        target: AtLeast(10),\n                    ),",
            "unit: Count,\n                        target: AtLeast(10),\n                        periods: {\"30 giugno\": (result: 1)},\n                    ),",
        );
        let m = run(SMALL, SMALL, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let b = m.plan.indicator(m.plan.find_indicator("b").unwrap());
        assert_eq!(
            b.periods.get("30 giugno").unwrap().result,
            Some(Value::Number(dec!(1)))
        );
    }

    #[test]
    fn an_indicator_theirs_added_is_inserted_beside_its_neighbour() {
        let added = "                    Indicator(\n                        id: \"c\",\n                        description: \"c\",\n                        unit: Count,\n                        target: AtLeast(1),\n                        result: 1,\n                    ),\n";
        let theirs = edit(
            SMALL,
            "                ],\n            )],",
            &format!("{added}                ],\n            )],"),
        );
        let ours = edit(SMALL, "result: 5,", "result: 6,");
        let m = run(SMALL, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.added, vec!["c".to_string()]);
        let ids: Vec<&str> = m.plan.indicators().map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert!(m.text.contains("result: 6,"));
    }

    #[test]
    fn an_indicator_theirs_removed_goes_unless_ours_changed_it() {
        let start = SMALL
            .find("                    Indicator(\n                        id: \"b\"")
            .unwrap();
        let close = "\n                    ),\n";
        let end = SMALL[start..].find(close).unwrap() + start + close.len();
        let theirs = format!("{}{}", &SMALL[..start], &SMALL[end..]);
        let m = run(SMALL, SMALL, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.removed, vec!["b".to_string()]);
        assert_eq!(m.text, theirs);

        let ours = edit(
            SMALL,
            "target: AtLeast(10),\n                    ),\n                ],",
            "target: AtLeast(10),\n                        result: 1,\n                    ),\n                ],",
        );
        let m = run(SMALL, &ours, &theirs);
        assert_eq!(m.text, ours);
        assert_eq!(
            m.conflicts,
            vec![Conflict::RemovedChanged {
                id: "b".into(),
                ours_removed: false
            }]
        );
    }

    #[test]
    fn a_weight_changed_on_both_sides_is_a_conflict_that_keeps_ours() {
        let ours = edit(SEED, "weight: 27.0", "weight: 28.0");
        let theirs = edit(SEED, "weight: 27.0", "weight: 26.0");
        let m = run(SEED, &ours, &theirs);
        assert_eq!(m.text, ours);
        assert_eq!(m.conflicts, vec![Conflict::Frame]);
    }

    #[test]
    fn a_record_reads_back() {
        let r = Record {
            merged: 0xabc,
            plan: Some("p.ron".into()),
            conflicts: vec![FieldConflict {
                id: "a".into(),
                period: Some("30 giugno".into()),
                base: FieldValue::Note(None),
                ours: FieldValue::Note(Some("o".into())),
                theirs: FieldValue::Note(Some("t".into())),
            }],
        };
        assert_eq!(Record::from_json(&r.to_json()), Some(r));
    }
}
