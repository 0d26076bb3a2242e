//! Writing plan text: the canonical layout of a whole plan (for plans perfplan creates) and
//! the RON text of single values (for the edits that saving patches into the user's text).

use std::fmt::Write as _;

use crate::plan::{
    BandScore, Indicator, Num, OperationalObjective, Override, PeriodValues, Plan, Precision,
    Scoring, Target, TargetChange, Unit, Value,
};

/// A string as a RON literal. Only what must be escaped is (quotes, backslashes, control
/// characters), so accents and apostrophes stay readable in the file.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn num(n: Num) -> String {
    n.value().to_string()
}

pub fn value(v: Value) -> String {
    v.ron()
}

pub fn override_value(o: &Override) -> String {
    format!(
        "(realization: {}, reason: {})",
        num(o.realization),
        string(&o.reason)
    )
}

/// A field's value as the plan file writes it; `None` when the field is left out.
pub fn field_value(v: &crate::plan::FieldValue) -> Option<String> {
    use crate::plan::FieldValue;
    match v {
        FieldValue::Result(v) => v.map(value),
        FieldValue::Override(o) => o.as_ref().map(override_value),
        FieldValue::Note(n) | FieldValue::NotAssessable(n) => n.as_deref().map(string),
        FieldValue::Target(t) => Some(target(t)),
        FieldValue::TargetChanges(list) => Some(target_changes(list)),
    }
}

pub fn unit(u: &Unit) -> String {
    match u {
        Unit::Percent => "Percent".into(),
        Unit::Count => "Count".into(),
        Unit::Number => "Number".into(),
        Unit::Date => "Date".into(),
        Unit::Currency => "Currency".into(),
        Unit::Label(l) => format!("Label({})", string(l)),
        Unit::YesNo => "YesNo".into(),
    }
}

pub fn target(t: &Target) -> String {
    match t {
        Target::AtLeast(n) => format!("AtLeast({})", num(*n)),
        Target::MoreThan(n) => format!("MoreThan({})", num(*n)),
        Target::AtMost(n) => format!("AtMost({})", num(*n)),
        Target::LessThan(n) => format!("LessThan({})", num(*n)),
        Target::Exactly(n) => format!("Exactly({})", num(*n)),
        Target::Between { min, max } => format!("Between(min: {}, max: {})", num(*min), num(*max)),
        Target::Deadline(d) => format!("Deadline(\"{}\")", d.format("%Y-%m-%d")),
        Target::Yes => "Yes".into(),
        Target::No => "No".into(),
    }
}

/// The record of a target's changes, as a list: `[(from: AtLeast(90), date: "2017-07-15",
/// reason: "…")]`.
pub fn target_changes(list: &[TargetChange]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|c| {
            format!(
                "(from: {}, date: \"{}\", reason: {})",
                target(&c.from),
                c.date.format("%Y-%m-%d"),
                string(&c.reason)
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// The plan's monitoring periods, as a list on one line.
pub fn plan_periods(periods: &[crate::plan::Period]) -> String {
    let items: Vec<String> = periods
        .iter()
        .map(|p| {
            format!(
                "(name: {}, date: \"{}\")",
                string(&p.name),
                p.date.format("%Y-%m-%d")
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// An indicator's values at its intermediate periods, as a map: `{"30 giugno": (result:
/// 40)}`.
pub fn periods(values: &PeriodValues) -> String {
    let items: Vec<String> = values
        .0
        .iter()
        .map(|(name, v)| {
            let mut fields = Vec::new();
            if let Some(t) = &v.target {
                fields.push(format!("target: {}", target(t)));
            }
            if let Some(r) = v.result {
                fields.push(format!("result: {}", value(r)));
            }
            if let Some(o) = &v.realization_override {
                fields.push(format!("override: {}", override_value(o)));
            }
            if let Some(n) = &v.note {
                fields.push(format!("note: {}", string(n)));
            }
            format!("{}: ({})", string(name), fields.join(", "))
        })
        .collect();
    format!("{{{}}}", items.join(", "))
}

pub fn scoring(s: &Scoring) -> String {
    match s {
        Scoring::Proportional => "Proportional".into(),
        Scoring::AllOrNothing => "AllOrNothing".into(),
        Scoring::GraceDays(d) => format!("GraceDays({d})"),
        Scoring::Bands { out_of, bands } => {
            let bands: Vec<String> = bands
                .iter()
                .map(|b| {
                    let score = match b.score {
                        BandScore::Fixed(s) => format!("Fixed({})", num(s)),
                        BandScore::Linear(a, z) => format!("Linear({}, {})", num(a), num(z)),
                    };
                    format!("(from: {}, to: {}, score: {score})", num(b.from), num(b.to))
                })
                .collect();
            let out_of = out_of.map_or(String::new(), |o| format!("out_of: {}, ", num(o)));
            format!("Bands({out_of}bands: [{}])", bands.join(", "))
        }
    }
}

pub fn precision(p: &Precision) -> String {
    format!(
        "(indicators: {}, objectives: {}, overall: {})",
        p.indicators, p.objectives, p.overall
    )
}

/// The whole plan in perfplan's own layout: four-space indents, one field a line, optional
/// fields left out when empty. The same plan always gives the same text.
pub fn plan(plan: &Plan) -> String {
    let mut out = String::with_capacity(plan.indicator_count() * 400 + 1024);
    let _ = writeln!(out, "Plan(");
    let _ = writeln!(out, "    title: {},", string(&plan.title));
    let _ = writeln!(out, "    organization: {},", string(&plan.organization));
    let _ = writeln!(out, "    year: {},", plan.year);
    let _ = writeln!(out, "    locale: \"{}\",", plan.locale.code());
    let _ = writeln!(
        out,
        "    thresholds: (good: {}, fair: {}{}),",
        num(plan.thresholds.good),
        num(plan.thresholds.fair),
        if plan.thresholds.note_below_fair {
            ", note_below_fair: true"
        } else {
            ""
        }
    );
    if let Some(s) = &plan.scoring {
        let _ = writeln!(out, "    scoring: {},", scoring(s));
    }
    if !plan.precision.is_default() {
        let _ = writeln!(out, "    precision: {},", precision(&plan.precision));
    }
    if !plan.periods.is_empty() {
        let _ = writeln!(out, "    periods: [");
        for p in &plan.periods {
            let _ = writeln!(
                out,
                "        (name: {}, date: \"{}\"),",
                string(&p.name),
                p.date.format("%Y-%m-%d")
            );
        }
        let _ = writeln!(out, "    ],");
    }
    if !plan.offices.is_empty() {
        let _ = writeln!(out, "    offices: [");
        for o in &plan.offices {
            let mut fields = vec![format!("name: {}", string(&o.name))];
            if let Some(r) = &o.responsible {
                fields.push(format!("responsible: {}", string(r)));
            }
            if let Some(e) = &o.email {
                fields.push(format!("email: {}", string(e)));
            }
            let _ = writeln!(out, "        ({}),", fields.join(", "));
        }
        let _ = writeln!(out, "    ],");
    }
    let _ = writeln!(out, "    perspectives: [");
    for p in &plan.perspectives {
        let _ = writeln!(out, "        Perspective(");
        let _ = writeln!(out, "            name: {},", string(&p.name));
        let _ = writeln!(out, "            objectives: [");
        for so in &p.objectives {
            let _ = writeln!(out, "                StrategicObjective(");
            let _ = writeln!(out, "                    code: {},", string(&so.code));
            let _ = writeln!(out, "                    title: {},", string(&so.title));
            let _ = writeln!(out, "                    weight: {},", so.weight.ron());
            let direct = so.direct_indicators();
            if !direct.is_empty() {
                let _ = writeln!(out, "                    indicators: [");
                for ind in direct {
                    indicator(&mut out, ind, "                        ");
                }
                let _ = writeln!(out, "                    ],");
            }
            let _ = writeln!(out, "                    operational: [");
            for (_, oo) in so.written_operational() {
                operational(&mut out, oo);
            }
            let _ = writeln!(out, "                    ],");
            let _ = writeln!(out, "                ),");
        }
        let _ = writeln!(out, "            ],");
        let _ = writeln!(out, "        ),");
    }
    let _ = writeln!(out, "    ],");
    let _ = writeln!(out, ")");
    out
}

fn operational(out: &mut String, oo: &OperationalObjective) {
    const IN: &str = "                        ";
    let _ = writeln!(out, "{IN}OperationalObjective(");
    let _ = writeln!(out, "{IN}    code: {},", string(&oo.code));
    let _ = writeln!(out, "{IN}    title: {},", string(&oo.title));
    let _ = writeln!(out, "{IN}    weight: {},", oo.weight.ron());
    if let Some(owner) = &oo.owner {
        let _ = writeln!(out, "{IN}    owner: {},", string(owner));
    }
    for (name, list) in [
        ("strategic_indicators", &oo.strategic_indicators),
        ("indicators", &oo.indicators),
    ] {
        let _ = writeln!(out, "{IN}    {name}: [");
        for ind in list {
            indicator(out, ind, &format!("{IN}        "));
        }
        let _ = writeln!(out, "{IN}    ],");
    }
    let _ = writeln!(out, "{IN}),");
}

fn indicator(out: &mut String, ind: &Indicator, indent: &str) {
    let _ = writeln!(out, "{indent}Indicator(");
    let f = |out: &mut String, name: &str, text: String| {
        let _ = writeln!(out, "{indent}    {name}: {text},");
    };
    f(out, "id", string(&ind.id));
    f(out, "description", string(&ind.description));
    f(out, "unit", unit(&ind.unit));
    f(out, "target", target(&ind.target));
    if let Some(r) = ind.result {
        f(out, "result", value(r));
    }
    if let Some(o) = &ind.realization_override {
        f(out, "override", override_value(o));
    }
    if let Some(n) = &ind.note {
        f(out, "note", string(n));
    }
    if let Some(b) = ind.baseline {
        f(out, "baseline", value(b));
    }
    if let Some(s) = &ind.scoring {
        f(out, "scoring", scoring(s));
    }
    if let Some(reason) = &ind.not_assessable {
        f(out, "not_assessable", string(reason));
    }
    if let Some(owner) = &ind.owner {
        f(out, "owner", string(owner));
    }
    if !ind.target_changes.is_empty() {
        f(out, "target_changes", target_changes(&ind.target_changes));
    }
    if !ind.periods.is_empty() {
        f(out, "periods", periods(&ind.periods));
    }
    let _ = writeln!(out, "{indent}),");
}
