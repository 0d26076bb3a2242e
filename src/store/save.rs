//! Saving a plan: the user's own text with only the edited values changed (the file is then
//! written by [`super::atomic::replace`]).

use std::collections::HashMap;
use std::ops::Range;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::syntax::{self, FieldSpan, IndicatorSpans, ShapeError};
use super::write;
use crate::plan::{
    Field, FieldChange, Indicator, IndicatorPath, Override, PeriodValues, Plan, Target,
    TargetChange, Value,
};

/// A field of an indicator's text that a save may rewrite: one the app edits (`Field::ALL`)
/// or the map of its intermediate periods' values, rewritten whole when one of them
/// changes. These are the only ones a save touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Own(Field),
    Periods,
    /// Last year's result (changed by a rollover to the next year, not by the app).
    Baseline,
}

impl Slot {
    const ALL: [Slot; 8] = [
        Slot::Own(Field::Result),
        Slot::Own(Field::Override),
        Slot::Own(Field::Note),
        Slot::Own(Field::NotAssessable),
        Slot::Own(Field::Target),
        Slot::Own(Field::TargetChanges),
        Slot::Periods,
        Slot::Baseline,
    ];

    fn name(self) -> &'static str {
        match self {
            Slot::Own(f) => f.name(),
            Slot::Periods => "periods",
            Slot::Baseline => "baseline",
        }
    }

    /// Where a change is written.
    fn of(change: &FieldChange) -> Slot {
        match change.period {
            Some(_) => Slot::Periods,
            None => Slot::Own(change.field()),
        }
    }
}

/// The text written for the slot, `None` when it is absent.
fn field_text(ind: &Indicator, slot: Slot) -> Option<String> {
    match slot {
        Slot::Own(Field::Result) => ind.result.map(write::value),
        Slot::Own(Field::Override) => ind.realization_override.as_ref().map(write::override_value),
        Slot::Own(Field::Note) => ind.note.as_deref().map(write::string),
        Slot::Own(Field::NotAssessable) => ind.not_assessable.as_deref().map(write::string),
        Slot::Own(Field::Target) => Some(write::target(&ind.target)),
        Slot::Own(Field::TargetChanges) => {
            (!ind.target_changes.is_empty()).then(|| write::target_changes(&ind.target_changes))
        }
        Slot::Periods => (!ind.periods.is_empty()).then(|| write::periods(&ind.periods)),
        Slot::Baseline => ind.baseline.map(write::value),
    }
}

fn parse_field<T: DeserializeOwned>(text: &str) -> Option<T> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str::<Option<T>>(text)
        .ok()
        .flatten()
}

/// Whether the text already written for `slot` means what the plan now holds.
fn unchanged(ind: &Indicator, slot: Slot, written: &str) -> bool {
    // The common case, text as perfplan writes it, needs no parsing.
    if field_text(ind, slot).is_some_and(|t| t == written) {
        return true;
    }
    match slot {
        Slot::Own(Field::Result) => parse_field::<Value>(written) == ind.result,
        Slot::Own(Field::Override) => {
            parse_field::<Override>(written).as_ref() == ind.realization_override.as_ref()
        }
        Slot::Own(Field::Note) => parse_field::<String>(written) == ind.note,
        Slot::Own(Field::NotAssessable) => parse_field::<String>(written) == ind.not_assessable,
        Slot::Own(Field::Target) => parse_field::<Target>(written).as_ref() == Some(&ind.target),
        Slot::Own(Field::TargetChanges) => {
            parse_field::<Vec<TargetChange>>(written).unwrap_or_default() == ind.target_changes
        }
        Slot::Periods => parse_field::<PeriodValues>(written).unwrap_or_default() == ind.periods,
        Slot::Baseline => parse_field::<Value>(written) == ind.baseline,
    }
}

/// `original` (a plan's text) rewritten so that it holds `plan`'s results, overrides and
/// notes. Everything else is kept byte for byte. Fails when the text does not have the
/// plan's shape (it was not the text this plan was read from).
pub fn patch(original: &str, plan: &Plan) -> Result<String, ShapeError> {
    patch_fields(original, plan, None)
}

/// `original` rewritten with the fields `changes` changed, set to the values `plan` holds:
/// the save of a plan whose file is still the text it was read from touches the fields
/// changed since, and no other. Fails like [`patch`].
pub fn patch_changes(
    original: &str,
    plan: &Plan,
    changes: &[FieldChange],
) -> Result<String, ShapeError> {
    let mut only: HashMap<&str, Vec<Slot>> = HashMap::new();
    for c in changes {
        only.entry(c.id.as_str()).or_default().push(Slot::of(c));
    }
    patch_fields(original, plan, Some(&only))
}

/// The fields to write: all the editable ones of every indicator, or those listed by id.
type Only<'a> = Option<&'a HashMap<&'a str, Vec<Slot>>>;

fn patch_fields(original: &str, plan: &Plan, only: Only<'_>) -> Result<String, ShapeError> {
    let spans = syntax::indicator_spans(original)?;
    if spans.len() != plan.indicator_count() {
        return Err(ShapeError(format!(
            "the text has {} indicators, the plan {}",
            spans.len(),
            plan.indicator_count()
        )));
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut changed = Vec::new();
    for s in &spans {
        let ind = plan
            .get_indicator(s.path)
            .ok_or_else(|| ShapeError(format!("no indicator at {:?}", s.path)))?;
        let id_matches = s.field("id").is_some_and(|f| {
            let written = &original[f.value.clone()];
            written == write::string(&ind.id)
                || parse_field::<String>(written).is_some_and(|id| id == ind.id)
        });
        if !id_matches {
            return Err(ShapeError(format!(
                "indicator {} is not where the text has it",
                ind.id
            )));
        }
        let fields: &[Slot] = match only {
            None => &Slot::ALL,
            Some(only) => match only.get(ind.id.as_str()) {
                Some(fields) => fields,
                None => continue,
            },
        };
        let before = edits.len();
        indicator_edits(original, s, ind, fields, &mut edits);
        if edits.len() > before {
            changed.push((s.path, s.open..s.close + 1));
        }
    }
    // Stable: edits at the same place stay in the order they were made (a comma before
    // the fields that follow it).
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(original.len() + 64 * edits.len());
    let mut at = 0;
    for (range, text) in &edits {
        if range.start < at {
            return Err(ShapeError("two edits of one indicator overlap".into()));
        }
        out.push_str(&original[at..range.start]);
        out.push_str(text);
        at = range.end;
    }
    out.push_str(&original[at..]);
    verify(&out, plan, &edits, &changed)?;
    Ok(out)
}

/// `original` rewritten so that its plan-wide `title`, `year` and `periods` are `plan`'s
/// (each value replaced where it differs, everything else kept), then its indicators' fields
/// as [`patch`] writes them: a plan made from another (a rollover to the next year) in the
/// other's own text and comments.
pub fn patch_whole(original: &str, plan: &Plan) -> Result<String, ShapeError> {
    let top = syntax::plan_spans(original)?;
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for f in &top.fields {
        let written = &original[f.value.clone()];
        let want = match f.name.as_str() {
            "title" if parse_field::<String>(written).as_ref() != Some(&plan.title) => {
                write::string(&plan.title)
            }
            "year" if parse_field::<i32>(written) != Some(plan.year) => plan.year.to_string(),
            "periods"
                if parse_field::<Vec<crate::plan::Period>>(written).unwrap_or_default()
                    != plan.periods =>
            {
                // Each period's name and date in place, the list's layout kept; the list
                // anew when it does not have the plan's periods one for one.
                match period_list_edits(original, f, &plan.periods) {
                    Some(mine) => {
                        edits.extend(mine);
                        continue;
                    }
                    None => write::plan_periods(&plan.periods),
                }
            }
            _ => continue,
        };
        edits.push((f.value.clone(), want));
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut text = String::with_capacity(original.len());
    let mut at = 0;
    for (range, new) in &edits {
        text.push_str(&original[at..range.start]);
        text.push_str(new);
        at = range.end;
    }
    text.push_str(&original[at..]);
    patch(&text, plan)
}

/// The edits that give the plan's list of periods at `f` the names and dates of
/// `periods`, item by item; `None` when the list is not one of as many periods.
fn period_list_edits(
    text: &str,
    f: &FieldSpan,
    periods: &[crate::plan::Period],
) -> Option<Vec<(Range<usize>, String)>> {
    let items = syntax::list_items(text, f.value.clone()).ok()?;
    if items.len() != periods.len() {
        return None;
    }
    let mut edits = Vec::new();
    for (item, p) in items.iter().zip(periods) {
        let spans = syntax::struct_spans(text, item.value.start).ok()?;
        let name = spans.field("name")?;
        if parse_field::<String>(&text[name.value.clone()]).as_ref() != Some(&p.name) {
            edits.push((name.value.clone(), write::string(&p.name)));
        }
        let date = spans.field("date")?;
        let iso = p.date.format("%Y-%m-%d").to_string();
        if parse_field::<String>(&text[date.value.clone()]).as_deref() != Some(iso.as_str()) {
            edits.push((date.value.clone(), format!("\"{iso}\"")));
        }
    }
    Some(edits)
}

/// Where byte `pos` of the original text is after the edits (sorted, not overlapping).
fn shifted(pos: usize, edits: &[(Range<usize>, String)]) -> usize {
    let mut delta: isize = 0;
    for (range, text) in edits {
        if range.end > pos {
            break;
        }
        delta += text.len() as isize - range.len() as isize;
    }
    (pos as isize + delta) as usize
}

/// Checks that every edited indicator, read back from the patched text on its own, is
/// exactly the plan's: a save never writes text that would load as something else. Only
/// the edited indicators are read, so a save costs the same whatever the plan's size.
fn verify(
    text: &str,
    plan: &Plan,
    edits: &[(Range<usize>, String)],
    changed: &[(IndicatorPath, Range<usize>)],
) -> Result<(), ShapeError> {
    for (path, region) in changed {
        let start = shifted(region.start, edits);
        let end = shifted(region.end, edits);
        let piece = text
            .get(start..end)
            .ok_or_else(|| ShapeError("the patched text lost its shape".into()))?;
        let back = parse_field::<Indicator>(piece);
        if back.as_ref() != Some(plan.indicator(*path)) {
            return Err(ShapeError(format!(
                "the patched indicator {} does not read back as the plan holds it",
                plan.indicator(*path).id
            )));
        }
    }
    Ok(())
}

fn indicator_edits(
    text: &str,
    s: &IndicatorSpans,
    ind: &Indicator,
    fields: &[Slot],
    edits: &mut Vec<(Range<usize>, String)>,
) {
    let mut inserts: Vec<String> = Vec::new();
    let mut removed: Vec<&str> = Vec::new();
    // In the order of `Slot::ALL`, whatever order `fields` lists them in.
    for field in Slot::ALL.into_iter().filter(|f| fields.contains(f)) {
        let name = field.name();
        let want = field_text(ind, field);
        match (s.field(name), want) {
            (Some(f), Some(new)) => {
                if !unchanged(ind, field, &text[f.value.clone()]) {
                    // A map of periods is edited entry by entry, so that its layout and
                    // comments stay; one that cannot be followed is written anew.
                    let in_place = match field {
                        Slot::Periods => period_edits(text, f, ind, edits).is_ok(),
                        Slot::Own(Field::TargetChanges) => {
                            appended_change(text, f, ind, edits).is_ok()
                        }
                        _ => false,
                    };
                    if !in_place {
                        edits.push((f.value.clone(), new));
                    }
                }
            }
            (Some(f), None) => {
                if !unchanged(ind, field, &text[f.value.clone()]) {
                    edits.push((removal(text, f), String::new()));
                    removed.push(name);
                }
            }
            (None, Some(new)) => inserts.push(format!("{name}: {new}")),
            (None, None) => {}
        }
    }
    if inserts.is_empty() {
        return;
    }
    // New fields go after the last field that stays (id, description, unit and target
    // always do).
    let Some(anchor) = s
        .fields
        .iter()
        .rev()
        .find(|f| !removed.contains(&f.name.as_str()))
    else {
        edits.push((s.close..s.close, inserts.join(", ")));
        return;
    };
    insert_after(text, anchor, &inserts, edits);
}

/// The edits that make the map of periods written at `f` hold `ind`'s: each entry's result,
/// override and note patched where they differ, entries the plan no longer has removed, new
/// ones added after the last, in the map's own layout. Nothing is pushed when the map cannot
/// be followed.
fn period_edits(
    text: &str,
    f: &FieldSpan,
    ind: &Indicator,
    edits: &mut Vec<(Range<usize>, String)>,
) -> Result<(), ShapeError> {
    let map = syntax::map_spans(text, f.value.clone())?;
    // The k-th entry of a name pairs with the plan's k-th of that name (a period written
    // twice, which validation reports, is kept as written).
    let nth = |list: &[&str], at: usize| list[..at].iter().filter(|n| **n == list[at]).count();
    let written: Vec<&str> = map.entries.iter().map(|e| e.key.as_str()).collect();
    let held: Vec<&str> = ind.periods.0.iter().map(|(n, _)| n.as_str()).collect();
    let find =
        |name: &str, k: usize| (0..held.len()).find(|&i| held[i] == name && nth(&held, i) == k);
    let mut mine: Vec<(Range<usize>, String)> = Vec::new();
    let mut paired = vec![false; held.len()];
    let mut kept: Option<&FieldSpan> = None;
    let mut removed: Vec<Range<usize>> = Vec::new();
    for (w, entry) in map.entries.iter().enumerate() {
        match find(&entry.key, nth(&written, w)) {
            Some(h) => {
                paired[h] = true;
                let values = &ind.periods.0[h].1;
                // A period's own target is changed in place (a rollover moves a
                // deadline); one added or taken away is not followed here.
                let text_values =
                    parse_field::<crate::plan::AtPeriod>(&text[entry.span.value.clone()])
                        .ok_or_else(|| ShapeError("a period's values do not read".into()))?;
                if text_values.target.is_some() != values.target.is_some() {
                    return Err(ShapeError("a period's target added or removed".into()));
                }
                let view = ind.with_period_values(Some(values));
                let mut slots = vec![
                    Slot::Own(Field::Result),
                    Slot::Own(Field::Override),
                    Slot::Own(Field::Note),
                ];
                if values.target.is_some() {
                    slots.push(Slot::Own(Field::Target));
                }
                indicator_edits(text, &entry.fields, &view, &slots, &mut mine);
                kept = Some(&entry.span);
            }
            None => removed.push(removal(text, &entry.span)),
        }
    }
    let added: Vec<String> = ind
        .periods
        .0
        .iter()
        .zip(&paired)
        .filter(|(_, paired)| !**paired)
        .map(|((name, values), _)| {
            write::periods(&crate::plan::PeriodValues(vec![(
                name.clone(),
                values.clone(),
            )]))
            .trim_start_matches('{')
            .trim_end_matches('}')
            .to_string()
        })
        .collect();
    match (kept, added.is_empty()) {
        (_, true) => mine.extend(removed.into_iter().map(|r| (r, String::new()))),
        (Some(anchor), false) => {
            mine.extend(removed.into_iter().map(|r| (r, String::new())));
            insert_after(text, anchor, &added, &mut mine);
        }
        // Every entry replaced: the map's inside written anew.
        (None, false) => mine.push((map.open + 1..map.close, added.join(", "))),
    }
    edits.extend(mine);
    Ok(())
}

/// The edit that adds the indicator's last target change after those the text at `f`
/// lists already (the usual case: one change made since), keeping the list's layout; an
/// error, and nothing pushed, when the text is not the plan's list less its last change.
fn appended_change(
    text: &str,
    f: &FieldSpan,
    ind: &Indicator,
    edits: &mut Vec<(Range<usize>, String)>,
) -> Result<(), ShapeError> {
    let not_appended = || ShapeError("not one change appended".into());
    let (last, before) = ind.target_changes.split_last().ok_or_else(not_appended)?;
    let written =
        parse_field::<Vec<TargetChange>>(&text[f.value.clone()]).ok_or_else(not_appended)?;
    if written.as_slice() != before {
        return Err(not_appended());
    }
    let items = syntax::list_items(text, f.value.clone())?;
    let item = write::target_changes(std::slice::from_ref(last));
    let item = item
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    match items.last() {
        Some(anchor) => insert_after(text, anchor, &[item], edits),
        None => edits.push((f.value.clone(), format!("[{item}]"))),
    }
    Ok(())
}

/// Inserts `inserts` (fields or entries, as written) after `anchor`, in the layout around
/// it: each on a line of its own when the anchor stands on its own line, else after it on
/// the same line.
fn insert_after(
    text: &str,
    anchor: &FieldSpan,
    inserts: &[String],
    edits: &mut Vec<(Range<usize>, String)>,
) {
    let had_comma = anchor.end > anchor.value.end;
    let line_start = text[..anchor.name_start].rfind('\n').map_or(0, |i| i + 1);
    let lead = &text[line_start..anchor.name_start];
    if lead.chars().all(|c| c == ' ' || c == '\t') {
        // One field a line: each new field on a line of its own, with the file's line
        // ending, after anything that ends the anchor's line (a comment).
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let line_end = text[anchor.value.end..]
            .find('\n')
            .map_or(text.len(), |i| anchor.value.end + i);
        let content_end = if text[..line_end].ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        let rest = text[anchor.end..content_end].trim();
        let at = if rest.is_empty() || rest.starts_with("//") {
            content_end
        } else {
            anchor.end
        };
        let mut add = String::new();
        if !had_comma {
            if at == anchor.value.end {
                add.push(',');
            } else {
                edits.push((anchor.value.end..anchor.value.end, ",".to_string()));
            }
        }
        for field in inserts {
            add.push_str(newline);
            add.push_str(lead);
            add.push_str(field);
            add.push(',');
        }
        edits.push((at..at, add));
    } else {
        // `, a, b` after a field with no comma of its own; ` a, b,` after one with.
        let add: String = inserts
            .iter()
            .map(|f| {
                if had_comma {
                    format!(" {f},")
                } else {
                    format!(", {f}")
                }
            })
            .collect();
        edits.push((anchor.end..anchor.end, add));
    }
}

/// The bytes to delete to remove a field: its whole line when it stands alone on it.
fn removal(text: &str, f: &FieldSpan) -> Range<usize> {
    let line_start = text[..f.name_start].rfind('\n').map_or(0, |i| i + 1);
    let before_blank = text[line_start..f.name_start]
        .chars()
        .all(|c| c == ' ' || c == '\t');
    let rest = &text[f.end..];
    let line_end = rest.find('\n').map_or(text.len(), |i| f.end + i + 1);
    let after_blank = text[f.end..line_end].trim().is_empty();
    if before_blank && after_blank {
        line_start..line_end
    } else {
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        f.name_start..f.end + spaces
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::FieldValue;
    use crate::store::parse;
    use rust_decimal_macros::dec;
    use std::path::Path;

    const HAND_WRITTEN: &str = r#"// Our plan, kept in git.
Plan(
    title: "T",
    organization: "O",
    year: 2017,
    perspectives: [
        Perspective(
            name: "P",
            objectives: [
                StrategicObjective(
                    code: "1", title: "S", weight: 100,
                    operational: [
                        OperationalObjective(
                            code: "1.1",
                            title: "O",
                            weight: 100,
                            indicators: [
                                Indicator(
                                    id: "a",
                                    description: "first",   // as printed
                                    unit: Count,
                                    target: AtLeast(10),
                                    result: 7, // checked with the office
                                ),
                                Indicator(id: "b", description: "second", unit: Percent, target: AtLeast(80)),
                                Indicator(
                                    id: "c",
                                    description: "third",
                                    unit: Number,
                                    target: AtMost(5),
                                    result: 2.030,
                                    note: "old note",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
)
"#;

    fn plan() -> Plan {
        parse(Path::new("t.ron"), HAND_WRITTEN).unwrap()
    }

    fn id<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Indicator {
        let path = plan.find_indicator(id).unwrap();
        plan.indicator_mut(path)
    }

    #[test]
    fn unchanged_plan_keeps_every_byte() {
        assert_eq!(patch(HAND_WRITTEN, &plan()).unwrap(), HAND_WRITTEN);
    }

    #[test]
    fn a_changed_result_changes_only_its_value() {
        let mut p = plan();
        id(&mut p, "a").result = Some(Value::Number(dec!(9)));
        let out = patch(HAND_WRITTEN, &p).unwrap();
        assert_eq!(
            out,
            HAND_WRITTEN.replace("result: 7, // checked", "result: 9, // checked")
        );
        assert_eq!(parse(Path::new("t.ron"), &out).unwrap(), p);
    }

    #[test]
    fn a_new_field_goes_on_its_own_line_or_inline_as_the_struct_is_written() {
        let mut p = plan();
        id(&mut p, "b").result = Some(Value::Number(dec!(85)));
        id(&mut p, "a").note = Some("rechecked \"twice\"".into());
        let out = patch(HAND_WRITTEN, &p).unwrap();
        assert!(out.contains("target: AtLeast(80), result: 85)"), "{out}");
        assert!(out.contains(
            "result: 7, // checked with the office\n                                    note: \"rechecked \\\"twice\\\"\","
        ), "{out}");
        assert_eq!(parse(Path::new("t.ron"), &out).unwrap(), p);
    }

    #[test]
    fn a_cleared_field_loses_its_line_only() {
        let mut p = plan();
        id(&mut p, "c").note = None;
        id(&mut p, "c").result = None;
        let out = patch(HAND_WRITTEN, &p).unwrap();
        assert_eq!(
            out,
            HAND_WRITTEN
                .replace("                                    result: 2.030,\n", "")
                .replace(
                    "                                    note: \"old note\",\n",
                    ""
                )
        );
        assert_eq!(parse(Path::new("t.ron"), &out).unwrap(), p);
    }

    /// A plan with periods around one indicator written as `body` (one field a line).
    fn with_periods(body: &str) -> String {
        format!(
            "Plan(title: \"T\", organization: \"O\", year: 2022,\n    periods: [(name: \"I\", date: \"2022-03-31\"), (name: \"II\", date: \"2022-06-30\"), (name: \"Fine\", date: \"2022-12-31\")],\n    perspectives: [Perspective(name: \"P\", objectives: [\n\
             StrategicObjective(code: \"1\", title: \"S\", weight: 100, operational: [OperationalObjective(code: \"1.1\", title: \"O\", weight: 100, indicators: [\n\
             {body}\n])])])])\n"
        )
    }

    const PERIODS: &str = "        Indicator(
            id: \"a\",
            description: \"d\",
            unit: Count,
            target: AtLeast(10),
            periods: {
                // first quarter, checked with the office
                \"I\": (
                    target: AtLeast(2), // lower in winter
                    result: 3,
                ),
            },
        ),";

    #[test]
    fn a_period_value_is_patched_in_its_entry_and_a_new_period_on_a_line_of_its_own() {
        let text = with_periods(PERIODS);
        let mut p = parse(Path::new("t.ron"), &text).unwrap();
        let order = p.periods.clone();
        let ind = id(&mut p, "a");
        ind.set_at(
            FieldValue::Result(Some(Value::Number(dec!(4)))),
            Some("I"),
            &order,
        );
        ind.set_at(FieldValue::Note(Some("n".into())), Some("II"), &order);
        let out = patch(&text, &p).unwrap();
        assert_eq!(
            out,
            text.replace(
                "                    result: 3,\n",
                "                    result: 4,\n"
            )
            .replace(
                "                ),\n            },",
                "                ),\n                \"II\": (note: \"n\"),\n            },"
            ),
            "{out}"
        );
        assert_eq!(parse(Path::new("t.ron"), &out).unwrap(), p);
        // The first quarter's result cleared: its target stays, with its comment.
        let ind = id(&mut p, "a");
        ind.set_at(FieldValue::Result(None), Some("I"), &order);
        let again = patch(&out, &p).unwrap();
        assert!(
            again.contains("target: AtLeast(2), // lower in winter\n                ),"),
            "{again}"
        );
        assert!(
            again.contains("// first quarter, checked with the office"),
            "{again}"
        );
        assert_eq!(parse(Path::new("t.ron"), &again).unwrap(), p);
        // A period left with nothing goes, its line with it.
        let ind = id(&mut p, "a");
        ind.set_at(FieldValue::Note(None), Some("II"), &order);
        let third = patch(&again, &p).unwrap();
        assert!(!third.contains("\"II\": ("), "{third}");
        assert_eq!(parse(Path::new("t.ron"), &third).unwrap(), p);
    }

    #[test]
    fn the_first_period_value_of_an_indicator_adds_its_map_and_a_target_change_its_list() {
        let text = with_periods(
            "        Indicator(\n            id: \"a\",\n            description: \"d\",\n            unit: Count,\n            target: AtLeast(10), // as approved\n        ),",
        );
        let mut p = parse(Path::new("t.ron"), &text).unwrap();
        let order = p.periods.clone();
        let ind = id(&mut p, "a");
        ind.set_at(
            FieldValue::Result(Some(Value::Number(dec!(5)))),
            Some("II"),
            &order,
        );
        ind.target_changes.push(crate::plan::TargetChange {
            from: ind.target.clone(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(),
            reason: "why".into(),
        });
        ind.target = crate::plan::Target::AtLeast(dec!(8).into());
        let out = patch(&text, &p).unwrap();
        assert!(out.contains("            target: AtLeast(8), // as approved\n            target_changes: [(from: AtLeast(10), date: \"2022-07-01\", reason: \"why\")],\n            periods: {\"II\": (result: 5)},\n"), "{out}");
        assert_eq!(parse(Path::new("t.ron"), &out).unwrap(), p);
        // A second change goes after the first, in the list as written.
        let multi = out.replace(
            "target_changes: [(from: AtLeast(10), date: \"2022-07-01\", reason: \"why\")],",
            "target_changes: [\n                // Giunta, July\n                (from: AtLeast(10), date: \"2022-07-01\", reason: \"why\"),\n            ],",
        );
        let ind = id(&mut p, "a");
        ind.target_changes.push(crate::plan::TargetChange {
            from: ind.target.clone(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap(),
            reason: "again".into(),
        });
        ind.target = crate::plan::Target::AtLeast(dec!(7).into());
        let second = patch(&multi, &p).unwrap();
        assert!(second.contains("                // Giunta, July\n                (from: AtLeast(10), date: \"2022-07-01\", reason: \"why\"),\n                (from: AtLeast(8), date: \"2022-09-01\", reason: \"again\"),\n            ],"), "{second}");
        assert_eq!(parse(Path::new("t.ron"), &second).unwrap(), p);
    }

    /// A plan around one indicator written as `body`.
    fn one(body: &str) -> String {
        format!(
            "Plan(title: \"T\", organization: \"O\", year: 2017, perspectives: [Perspective(name: \"P\", objectives: [\n\
             StrategicObjective(code: \"1\", title: \"S\", weight: 100, operational: [OperationalObjective(code: \"1.1\", title: \"O\", weight: 100, indicators: [\n\
             {body}\n])])])])\n"
        )
    }

    /// Patches `text` after `edit`, checks it reads back as the edited plan; returns it.
    fn patched(text: &str, edit: impl Fn(&mut Indicator)) -> String {
        let mut p = parse(Path::new("t.ron"), text).unwrap();
        let path = p.find_indicator("a").unwrap();
        edit(p.indicator_mut(path));
        let out = patch(text, &p).unwrap();
        assert_eq!(parse(Path::new("t.ron"), &out).unwrap(), p, "{out}");
        out
    }

    #[test]
    fn clearing_the_last_field_while_adding_another_keeps_both_right() {
        let own_lines = one(
            "    Indicator(\n        id: \"a\",\n        description: \"d\",\n        unit: Percent,\n        target: AtLeast(80),\n        note: \"n\",\n    ),",
        );
        let out = patched(&own_lines, |i| {
            i.note = None;
            i.result = Some(Value::Number(dec!(88)));
        });
        assert!(
            out.contains("        target: AtLeast(80),\n        result: 88,\n    ),"),
            "{out}"
        );
        let no_comma = one(
            "    Indicator(\n        id: \"a\",\n        description: \"d\",\n        unit: Percent,\n        target: AtLeast(80),\n        result: 55\n    ),",
        );
        let out = patched(&no_comma, |i| {
            i.result = None;
            i.note = Some("x".into());
        });
        assert!(
            out.contains("target: AtLeast(80),\n        note: \"x\",\n    ),"),
            "{out}"
        );
        let inline = one(
            r#"    Indicator(id: "a", description: "d", unit: Percent, target: AtLeast(85), note: "n"),"#,
        );
        let out = patched(&inline, |i| {
            i.note = None;
            i.result = Some(Value::Number(dec!(90)));
        });
        assert!(out.contains("target: AtLeast(85), result: 90,"), "{out}");
        let inline_last =
            one(r#"    Indicator(id: "a", description: "d", unit: Percent, target: AtLeast(85)),"#);
        let out = patched(&inline_last, |i| i.result = Some(Value::Number(dec!(90))));
        assert!(out.contains("target: AtLeast(85), result: 90)"), "{out}");
    }

    #[test]
    fn new_lines_follow_the_files_line_endings_and_its_comments() {
        let crlf = one(
            "    Indicator(\r\n        id: \"a\",\r\n        description: \"d\",\r\n        unit: Percent,\r\n        target: AtLeast(80), // as printed\r\n    ),",
        );
        let out = patched(&crlf, |i| i.result = Some(Value::Number(dec!(60))));
        assert!(
            out.contains("target: AtLeast(80), // as printed\r\n        result: 60,\r\n    ),"),
            "{out:?}"
        );
        let no_comma = one(
            "    Indicator(\n        id: \"a\",\n        description: \"d\",\n        unit: Percent,\n        target: AtLeast(80) // as printed\n    ),",
        );
        let out = patched(&no_comma, |i| i.result = Some(Value::Number(dec!(60))));
        assert!(
            out.contains("target: AtLeast(80), // as printed\n        result: 60,\n    ),"),
            "{out}"
        );
    }

    #[test]
    fn the_same_value_written_differently_is_left_alone() {
        // 2.030 and 2.03 are the same number, but the user's text is kept.
        let mut p = plan();
        id(&mut p, "c").result = Some(Value::Number(dec!(2.03)));
        assert_eq!(patch(HAND_WRITTEN, &p).unwrap(), HAND_WRITTEN);
    }

    #[test]
    fn ron_serialization_of_the_model_is_exact_and_reads_back() {
        // The model also serializes through ron (the benchmark's reference for saving).
        let p = plan();
        let text = ron::ser::to_string_pretty(
            &p,
            ron::ser::PrettyConfig::default().extensions(Extensions::IMPLICIT_SOME),
        )
        .unwrap();
        assert!(text.contains("2.030"), "{text}");
        assert_eq!(parse(Path::new("t.ron"), &text).unwrap(), p);
    }

    #[test]
    fn canonical_text_reads_back_as_the_same_plan_and_is_stable() {
        let p = plan();
        let text = write::plan(&p);
        let again = parse(Path::new("t.ron"), &text).unwrap();
        assert_eq!(again, p);
        assert_eq!(write::plan(&again), text);
    }
}
