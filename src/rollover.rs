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

/// The text with the plan's years moved on: each year written as a number of its own
/// from the plan's year to two years after (a three-year plan, "2017-2019") moves by the
/// same step ("Piano della Performance 2017-2019" → "… 2018-2020"). Other numbers stay, and
/// so does a year that is part of a reference: right after a letter ("v2018") or after a
/// number and a slash ("L. 190/2017").
pub fn move_years(text: &str, from: i32, to: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // Where the last number ended, and whether it was one of the plan's years.
    let mut last: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let year = (run.len() == 4)
            .then(|| run.parse::<i32>().ok())
            .flatten()
            .filter(|y| (from..=from + 2).contains(y));
        let before = start.checked_sub(1).map(|k| chars[k]);
        let after_letter = before.is_some_and(char::is_alphabetic);
        let after_number = before == Some('/')
            && last.is_some_and(|(end, was_year)| end + 1 == start && !was_year);
        match year {
            Some(y) if !after_letter && !after_number => out.push_str(&(y + to - from).to_string()),
            _ => out.push_str(&run),
        }
        last = Some((i, year.is_some()));
    }
    out
}

/// The plan for `year`, made from `plan` (see the module docs).
pub fn rollover(plan: &Plan, year: i32) -> Plan {
    let years = year - plan.year;
    let mut next = plan.clone();
    next.year = year;
    next.title = move_years(&plan.title, plan.year, year);
    let renamed: Vec<(String, String)> = plan
        .periods
        .iter()
        .map(|p| (p.name.clone(), move_years(&p.name, plan.year, year)))
        .collect();
    for p in &mut next.periods {
        p.date = shift_date(p.date, years);
        p.name = move_years(&p.name, plan.year, year);
    }
    for persp in &mut next.perspectives {
        for so in &mut persp.objectives {
            for oo in &mut so.operational {
                for ind in oo
                    .strategic_indicators
                    .iter_mut()
                    .chain(oo.indicators.iter_mut())
                {
                    // The last result, else the baseline it had (the last value known).
                    ind.baseline = last_result(plan, ind).or(ind.baseline);
                    ind.result = None;
                    ind.realization_override = None;
                    ind.note = None;
                    ind.not_assessable = None;
                    ind.target_changes.clear();
                    // Intermediate targets are targets: they stay (a deadline a year on);
                    // the values go.
                    for (_, at) in &mut ind.periods.0 {
                        at.result = None;
                        at.realization_override = None;
                        at.note = None;
                        if let Some(Target::Deadline(d)) = &mut at.target {
                            *d = shift_date(*d, years);
                        }
                    }
                    ind.periods.prune();
                    for (name, _) in &mut ind.periods.0 {
                        if let Some((_, new)) = renamed.iter().find(|(old, _)| old == name) {
                            *name = new.clone();
                        }
                    }
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
    fn the_plans_years_move_on_and_other_numbers_stay() {
        assert_eq!(
            move_years("Piano della Performance 2017 — 20170 e 12017", 2017, 2018),
            "Piano della Performance 2018 — 20170 e 12017"
        );
        assert_eq!(
            move_years("Piano della Performance 2017-2019", 2017, 2018),
            "Piano della Performance 2018-2020"
        );
        assert_eq!(
            move_years("Piano 2017 (d.lgs. 150/2009, 2016)", 2017, 2019),
            "Piano 2019 (d.lgs. 150/2009, 2016)"
        );
        assert_eq!(move_years("I semestre 2022", 2022, 2023), "I semestre 2023");
        assert_eq!(
            move_years(
                "Piano 2017 (L. 190/2017, d.lgs. 150/2009) v2017",
                2017,
                2018
            ),
            "Piano 2018 (L. 190/2017, d.lgs. 150/2009) v2017"
        );
        assert_eq!(
            move_years("Relazione 2017/2019", 2017, 2018),
            "Relazione 2018/2020"
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
