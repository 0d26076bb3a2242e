//! `perfplan rollover`: next year's plan from this year's. The same perspectives, objectives,
//! codes, weights, units and targets; each indicator's last result becomes its baseline;
//! results, overrides, notes, period values, target changes and "not assessable" marks are
//! cleared (they belong to the year that ends); the year moves on, and with it the dates
//! that belong to the year (deadlines, monitoring periods) and the year written in the
//! title. The new plan is written in the old one's own text, so its comments stay.

use chrono::{Datelike, NaiveDate};

use crate::plan::{Indicator, Plan, Target, Value};

/// `d` moved by `years` (29 February becomes 28 February in a year without it).
pub fn shift_date(d: NaiveDate, years: i32) -> NaiveDate {
    let year = d.year() + years;
    d.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), 28))
        .unwrap_or(d)
}

/// The last result the indicator had in the year: the final one, else the latest
/// intermediate period's (in the plan's order of periods).
pub fn last_result(plan: &Plan, ind: &Indicator) -> Option<Value> {
    ind.result.or_else(|| {
        plan.periods
            .iter()
            .rev()
            .find_map(|p| ind.periods.get(&p.name).and_then(|v| v.result))
    })
}

/// The title with the old year, where it is written as a word of its own, replaced by the
/// new one ("Piano della Performance 2017" → "… 2018").
fn retitle(title: &str, from: i32, to: i32) -> String {
    let old = from.to_string();
    let new = to.to_string();
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(i) = rest.find(&old) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + old.len()..].chars().next();
        out.push_str(&rest[..i]);
        let alone = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        out.push_str(if alone { &new } else { &old });
        rest = &rest[i + old.len()..];
    }
    out.push_str(rest);
    out
}

/// The plan for `year`, made from `plan` (see the module docs).
pub fn rollover(plan: &Plan, year: i32) -> Plan {
    let years = year - plan.year;
    let mut next = plan.clone();
    next.year = year;
    next.title = retitle(&plan.title, plan.year, year);
    for p in &mut next.periods {
        p.date = shift_date(p.date, years);
    }
    for persp in &mut next.perspectives {
        for so in &mut persp.objectives {
            for oo in &mut so.operational {
                for ind in oo
                    .strategic_indicators
                    .iter_mut()
                    .chain(oo.indicators.iter_mut())
                {
                    ind.baseline = last_result(plan, ind);
                    ind.result = None;
                    ind.realization_override = None;
                    ind.note = None;
                    ind.not_assessable = None;
                    ind.target_changes.clear();
                    ind.periods = Default::default();
                    if let Target::Deadline(d) = &mut ind.target {
                        *d = shift_date(*d, years);
                    }
                }
            }
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_in_the_title_moves_on_and_other_numbers_stay() {
        assert_eq!(
            retitle("Piano della Performance 2017 — 20170 e 12017", 2017, 2018),
            "Piano della Performance 2018 — 20170 e 12017"
        );
        assert_eq!(
            retitle("Relazione 2017/2019", 2017, 2018),
            "Relazione 2018/2019"
        );
    }

    #[test]
    fn a_leap_day_becomes_the_last_of_february() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(
            shift_date(d, 1),
            NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()
        );
        let d = NaiveDate::from_ymd_opt(2017, 12, 31).unwrap();
        assert_eq!(
            shift_date(d, 1),
            NaiveDate::from_ymd_opt(2018, 12, 31).unwrap()
        );
    }
}
