//! One test per validation rule, each named after its rule: a valid plan broken in exactly
//! one way gives exactly the finding the rule describes, at the place it names.

use std::path::Path;

use perfplan::lang::{Lang, Say};
use perfplan::plan::check::{ValueError, WeightError};
use perfplan::plan::number::ReadError;
use perfplan::plan::{NodePath, Plan, Unit};
use perfplan::score::{self, Outcome};
use perfplan::store::{self, LoadError, Mistake, SyntaxError};
use perfplan::validate::{self, Finding, FindingKind, Place, Severity, Tally};
use rust_decimal_macros::dec;

/// A small valid plan: two perspectives, the code 2.1 under both, every unit, weights that
/// add up (60 = 30 + 30, 40 = 40, 60 + 40 = 100).
const BASE: &str = r#"Plan(
    title: "T",
    organization: "O",
    year: 2017,
    thresholds: (good: 90, fair: 60),
    perspectives: [
        Perspective(name: "Processi interni", objectives: [
            StrategicObjective(code: "2.1", title: "S", weight: 60, operational: [
                OperationalObjective(code: "2.1.1", title: "O1", weight: 30,
                    strategic_indicators: [
                        Indicator(id: "s1", description: "share", unit: Percent, target: AtLeast(80), result: 85),
                    ],
                    indicators: [
                        Indicator(id: "o1", description: "count", unit: Count, target: AtLeast(3), result: 4),
                        Indicator(id: "o2", description: "date", unit: Date, target: Deadline("2017-12-31"), result: "2017-11-30"),
                    ]),
                OperationalObjective(code: "2.1.2", title: "O2", weight: 30,
                    strategic_indicators: [
                        Indicator(id: "s2", description: "days", unit: Number, target: AtMost(5), result: 2.03),
                    ],
                    indicators: [
                        Indicator(id: "o3", description: "papers", unit: Label("testate"), target: AtLeast(3), result: 7),
                    ]),
            ]),
        ]),
        Perspective(name: "Economico-finanziario", objectives: [
            StrategicObjective(code: "2.1", title: "S", weight: 40, operational: [
                OperationalObjective(code: "2.1.3", title: "O3", weight: 40,
                    strategic_indicators: [
                        Indicator(id: "s3", description: "money", unit: Currency, target: Between(min: 10, max: 20), result: 15),
                    ],
                    indicators: [
                        Indicator(id: "o4", description: "exact", unit: Percent, target: Exactly(100), result: 100),
                    ]),
            ]),
        ]),
    ],
)
"#;

const PI: &str = "Processi interni";
const EF: &str = "Economico-finanziario";

fn parse(text: &str) -> Plan {
    store::parse(Path::new("test.ron"), text)
        .unwrap_or_else(|e| panic!("{}\n{text}", e.say(Lang::En)))
}

/// BASE with `from` replaced by `to` (which must occur).
fn base_with(edits: &[(&str, &str)]) -> Plan {
    let mut text = BASE.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?} is not in the base plan");
        text = text.replacen(from, to, 1);
    }
    parse(&text)
}

fn findings_of(edits: &[(&str, &str)]) -> Vec<Finding> {
    validate::validate(&base_with(edits))
}

/// The one finding, of this severity, at this place (as said in English).
fn only(findings: &[Finding], severity: Severity, place: &str) -> Finding {
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = findings[0].clone();
    assert_eq!(f.severity, severity, "{f:#?}");
    assert_eq!(f.place.say(Lang::En), place, "{f:#?}");
    f
}

fn ind(perspective: &str, so: &str, oo: &str, id: &str) -> String {
    format!("{perspective} › {so} › {oo} › indicator {id}")
}

fn ind_place(perspective: &str, so: &str, oo: &str, id: &str) -> Place {
    Place::Indicator {
        perspective: perspective.into(),
        strategic: so.into(),
        operational: oo.into(),
        id: id.into(),
    }
}

fn unscorable(e: ValueError) -> FindingKind {
    FindingKind::Unscorable(e)
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

#[test]
fn the_base_plan_is_valid() {
    let findings = validate::validate(&parse(BASE));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn strategic_weight_must_equal_the_sum_of_its_operational_weights() {
    // 2.1 (60) over 30 + 20 = 50: a warning at the strategic objective; the plan still
    // adds up to 100.
    let findings = findings_of(&[("title: \"O2\", weight: 30", "title: \"O2\", weight: 20")]);
    let f = only(&findings, Severity::Warning, &format!("{PI} › 2.1"));
    assert_eq!(f.node, Some(NodePath::Strategic(0, 0)));
    assert_eq!(
        f.kind,
        FindingKind::WeightNotSum {
            weight: dec!(60),
            sum: dec!(50)
        }
    );
    // Exact decimals: 7,5 = 2,5 + 2,5 + 2,5 is not a mismatch, 7,5 vs 2,5 + 2,5 + 2,4 is.
    let findings = findings_of(&[
        ("title: \"S\", weight: 60", "title: \"S\", weight: 7.5"),
        ("title: \"O1\", weight: 30", "title: \"O1\", weight: 5.0"),
        ("title: \"O2\", weight: 30", "title: \"O2\", weight: 2.50"),
        ("title: \"S\", weight: 40", "title: \"S\", weight: 92.5"),
        ("title: \"O3\", weight: 40", "title: \"O3\", weight: 92.50"),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
    let findings = findings_of(&[
        ("title: \"S\", weight: 60", "title: \"S\", weight: 7.5"),
        ("title: \"O1\", weight: 30", "title: \"O1\", weight: 5.0"),
        ("title: \"O2\", weight: 30", "title: \"O2\", weight: 2.49"),
        ("title: \"S\", weight: 40", "title: \"S\", weight: 92.5"),
        ("title: \"O3\", weight: 40", "title: \"O3\", weight: 92.5"),
    ]);
    let f = only(&findings, Severity::Warning, &format!("{PI} › 2.1"));
    // Said in either language, the numbers in the plan's locale (Italian, the default).
    assert_eq!(
        f.say(Lang::It),
        "avvertenza: Processi interni › 2.1: il peso 7,5 % è diverso dalla somma dei pesi \
         dei suoi obiettivi operativi (7,49 %)"
    );
    assert_eq!(
        f.say(Lang::En),
        "warning: Processi interni › 2.1: weight 7,5 % differs from the sum of its \
         operational objectives' weights, 7,49 %"
    );
}

#[test]
fn plan_weights_must_add_up_to_100() {
    let findings = findings_of(&[
        ("title: \"S\", weight: 40", "title: \"S\", weight: 30"),
        ("title: \"O3\", weight: 40", "title: \"O3\", weight: 30"),
    ]);
    let f = only(&findings, Severity::Warning, "plan");
    assert_eq!(f.node, None);
    assert_eq!(f.place, Place::Plan);
    assert_eq!(f.kind, FindingKind::TotalWeight { total: dec!(90) });
    assert_eq!(
        f.say(Lang::It),
        "avvertenza: piano: la somma dei pesi degli obiettivi strategici è 90 %, non 100 %"
    );
    // A warning only: the plan still scores.
    assert!(!validate::has_errors(&findings));
    // 99,99 is not 100 either.
    let findings = findings_of(&[
        ("title: \"S\", weight: 40", "title: \"S\", weight: 39.99"),
        ("title: \"O3\", weight: 40", "title: \"O3\", weight: 39.99"),
    ]);
    only(&findings, Severity::Warning, "plan");
}

#[test]
fn ids_must_be_unique() {
    let findings = findings_of(&[("id: \"o4\"", "id: \"s1\"")]);
    let f = only(&findings, Severity::Error, &ind(EF, "2.1", "2.1.3", "s1"));
    // The message names the other place, so both are known.
    assert_eq!(
        f.kind,
        FindingKind::DuplicateId {
            id: "s1".into(),
            first: ind_place(PI, "2.1", "2.1.1", "s1")
        }
    );
    assert_eq!(
        f.say(Lang::En),
        "error: Economico-finanziario › 2.1 › 2.1.3 › indicator s1: the id \"s1\" is also \
         used by Processi interni › 2.1 › 2.1.1 › indicator s1; ids must be unique"
    );
    assert_eq!(
        f.say(Lang::It),
        "errore: Economico-finanziario › 2.1 › 2.1.3 › indicatore s1: l'identificativo \"s1\" \
         è usato anche da Processi interni › 2.1 › 2.1.1 › indicatore s1; ogni indicatore deve \
         avere un identificativo diverso"
    );
    // A third use names the first one too.
    let findings = findings_of(&[("id: \"o4\"", "id: \"s1\""), ("id: \"s3\"", "id: \"s1\"")]);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    for f in &findings {
        assert_eq!(f.severity, Severity::Error);
        assert!(
            matches!(&f.kind, FindingKind::DuplicateId { first, .. }
                if *first == ind_place(PI, "2.1", "2.1.1", "s1")),
            "{f:#?}"
        );
    }
    // Across the two layers of one objective as well.
    let findings = findings_of(&[("id: \"o1\"", "id: \"s1\"")]);
    only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "s1"));
}

#[test]
fn ids_must_not_be_empty() {
    let findings = findings_of(&[("id: \"o3\"", "id: \" \"")]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.2", " "));
    assert_eq!(f.kind, FindingKind::EmptyId);
}

#[test]
fn a_result_must_be_of_the_kind_of_its_unit() {
    // A date for a percentage.
    let findings = findings_of(&[(
        "target: AtLeast(80), result: 85",
        "target: AtLeast(80), result: \"2017-12-31\"",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "s1"));
    assert_eq!(
        f.kind,
        unscorable(ValueError::ResultNeedsNumber {
            unit: Unit::Percent
        })
    );
    // It is not scored, and not counted as measured.
    let plan = base_with(&[(
        "target: AtLeast(80), result: 85",
        "target: AtLeast(80), result: \"2017-12-31\"",
    )]);
    let path = plan.find_indicator("s1").unwrap();
    assert!(matches!(
        score::outcome(plan.indicator(path), plan.default_scoring()),
        Outcome::Unscorable(_)
    ));

    // A number for a date.
    let findings = findings_of(&[("result: \"2017-11-30\"", "result: 20171130")]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o2"));
    assert_eq!(f.kind, unscorable(ValueError::ResultNeedsDate));

    // The baseline too.
    let findings = findings_of(&[("result: 2.03", "result: 2.03, baseline: \"2016-12-31\"")]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.2", "s2"));
    assert_eq!(
        f.kind,
        FindingKind::BaselineNeedsNumber { unit: Unit::Number }
    );
    assert_eq!(
        f.what(Lang::It),
        "il valore di partenza è una data, ma l'unità di misura è Number: scrivi un numero"
    );
}

#[test]
fn a_deadline_goes_with_a_date_unit() {
    let findings = findings_of(&[(
        "unit: Date, target: Deadline",
        "unit: Percent, target: Deadline",
    )]);
    // The target and the (date) result both disagree with the unit.
    assert!(!findings.is_empty());
    assert!(
        findings.iter().all(
            |f| f.severity == Severity::Error && f.place == ind_place(PI, "2.1", "2.1.1", "o2")
        )
    );
    assert!(
        findings.iter().any(|f| f.kind
            == unscorable(ValueError::DeadlineNeedsDateUnit {
                unit: Unit::Percent
            })),
        "{findings:#?}"
    );

    let findings = findings_of(&[(
        "unit: Date, target: Deadline(\"2017-12-31\"), result: \"2017-11-30\"",
        "unit: Date, target: AtLeast(3), result: \"2017-11-30\"",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o2"));
    assert_eq!(f.kind, unscorable(ValueError::DateUnitNeedsDeadline));
}

#[test]
fn a_count_must_be_whole() {
    let findings = findings_of(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(3), result: 2.5",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o1"));
    assert_eq!(
        f.kind,
        unscorable(ValueError::CountResultNotWhole {
            unit: Unit::Count,
            value: dec!(2.5)
        })
    );
    // The value as the file writes it, since the file is where it is fixed.
    assert_eq!(
        f.say(Lang::It),
        "errore: Processi interni › 2.1 › 2.1.1 › indicatore o1: il risultato 2.5 non è un \
         numero intero (unità Count); per i valori con decimali usa l'unità Number; \
         l'indicatore non è calcolabile"
    );
    assert_eq!(
        f.say(Lang::En),
        "error: Processi interni › 2.1 › 2.1.1 › indicator o1: the result 2.5 is not a whole \
         count (unit Count); use unit Number for fractions; it cannot be scored"
    );
    // A value that is wrong is not scored: the indicator cannot be scored, with the reason.
    let plan = base_with(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(3), result: 2.5",
    )]);
    let path = plan.find_indicator("o1").unwrap();
    assert!(matches!(
        score::outcome(plan.indicator(path), plan.default_scoring()),
        score::Outcome::Unscorable(perfplan::plan::check::ValueError::CountResultNotWhole { .. })
    ));
    // A Label is a count too.
    let findings = findings_of(&[("result: 7", "result: 7.5")]);
    only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.2", "o3"));
    // A count cannot be negative.
    let findings = findings_of(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(3), result: -1",
    )]);
    only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o1"));
    // 4.0 is whole; a Number may have decimals.
    assert!(
        findings_of(&[(
            "target: AtLeast(3), result: 4",
            "target: AtLeast(3), result: 4.0"
        )])
        .is_empty()
    );
    assert!(findings_of(&[("result: 2.03", "result: 2.035")]).is_empty());
}

#[test]
fn an_override_needs_a_reason() {
    for written in [
        "override: (realization: 90, reason: \"\")",
        "override: (realization: 90, reason: \"   \")",
        "override: (realization: 90)",
    ] {
        let findings = findings_of(&[("result: 85", &format!("result: 85, {written}"))]);
        let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "s1"));
        assert_eq!(
            f.kind,
            unscorable(ValueError::OverrideWithoutReason),
            "{written}"
        );
    }
    let findings = findings_of(&[(
        "result: 85",
        "result: 85, override: (realization: 90, reason: \"agreed with the OIV\")",
    )]);
    assert!(findings.is_empty(), "{findings:#?}");
    // An override scores without a result.
    let plan = base_with(&[(
        "result: 85",
        "override: (realization: 90, reason: \"agreed\")",
    )]);
    let path = plan.find_indicator("s1").unwrap();
    assert_eq!(
        score::outcome(plan.indicator(path), plan.default_scoring()).realization(),
        Some(dec!(90))
    );
}

#[test]
fn an_override_lies_between_0_and_100() {
    for written in ["120", "-5", "100.01"] {
        let edit = format!("result: 85, override: (realization: {written}, reason: \"r\")");
        let findings = findings_of(&[("result: 85", &edit)]);
        let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "s1"));
        let value: rust_decimal::Decimal = written.parse().unwrap();
        assert_eq!(f.kind, unscorable(ValueError::OverrideOutOfRange { value }));
        // Not scored: a wrong value never counts.
        let plan = base_with(&[("result: 85", &edit)]);
        let path = plan.find_indicator("s1").unwrap();
        assert_eq!(
            score::outcome(plan.indicator(path), plan.default_scoring()).realization(),
            None
        );
    }
    for ok in ["0", "100", "91.40"] {
        let edit = format!("result: 85, override: (realization: {ok}, reason: \"r\")");
        assert!(findings_of(&[("result: 85", &edit)]).is_empty(), "{ok}");
    }
}

#[test]
fn a_weight_cannot_be_negative() {
    // An operational objective: -30 + 90 = 60 keeps the sums right, so only the error.
    let findings = findings_of(&[
        ("title: \"O1\", weight: 30", "title: \"O1\", weight: -30"),
        ("title: \"O2\", weight: 30", "title: \"O2\", weight: 90"),
    ]);
    let f = only(&findings, Severity::Error, &format!("{PI} › 2.1 › 2.1.1"));
    assert_eq!(f.node, Some(NodePath::Operational(0, 0, 0)));
    assert_eq!(
        f.kind,
        FindingKind::WrongWeight(WeightError::Negative(dec!(-30)))
    );
    assert_eq!(
        f.what(Lang::It),
        "il peso -30 % è negativo; l'obiettivo è escluso dal calcolo dei punteggi"
    );
    // A strategic objective (its sums then disagree too: warnings besides the error).
    let findings = findings_of(&[("title: \"S\", weight: 40", "title: \"S\", weight: -40")]);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{findings:#?}");
    assert_eq!(errs[0].place.say(Lang::It), format!("{EF} › 2.1"));
    assert_eq!(
        errs[0].kind,
        FindingKind::WrongWeight(WeightError::Negative(dec!(-40)))
    );
}

#[test]
fn a_count_target_cannot_be_negative() {
    let findings = findings_of(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(-3), result: 4",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o1"));
    assert_eq!(
        f.kind,
        unscorable(ValueError::NegativeCountTarget {
            unit: Unit::Count,
            value: dec!(-3)
        })
    );
    // For a Label, and for either bound of a range.
    let findings = findings_of(&[(
        "target: AtLeast(3), result: 7",
        "target: Between(min: -1, max: 9), result: 7",
    )]);
    only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.2", "o3"));
}

#[test]
fn a_negative_target_cannot_be_scored_in_proportion() {
    // A Number at most -5 (costs down by at least 5 %): missed, it scores 0 %; say so.
    let findings = findings_of(&[(
        "target: AtMost(5), result: 2.03",
        "target: AtMost(-5), result: -7",
    )]);
    let f = only(&findings, Severity::Warning, &ind(PI, "2.1", "2.1.2", "s2"));
    assert_eq!(f.kind, FindingKind::NegativeTargetInProportion);
    let findings = findings_of(&[(
        "target: AtMost(5), result: 2.03",
        "target: AtMost(-5), result: -7, scoring: AllOrNothing",
    )]);
    assert!(findings.is_empty(), "{findings:#?}");
    // Exactly a negative number deviates in proportion to |t|: fine.
    assert!(
        findings_of(&[(
            "target: AtMost(5), result: 2.03",
            "target: Exactly(-5), result: -5"
        )])
        .is_empty()
    );
}

#[test]
fn a_range_has_its_minimum_below_its_maximum() {
    let findings = findings_of(&[("Between(min: 10, max: 20)", "Between(min: 20, max: 10)")]);
    let f = only(&findings, Severity::Error, &ind(EF, "2.1", "2.1.3", "s3"));
    assert_eq!(
        f.kind,
        unscorable(ValueError::RangeReversed {
            min: dec!(20),
            max: dec!(10)
        })
    );
    // min = max is an exact target written as a range: fine.
    assert!(findings_of(&[("Between(min: 10, max: 20)", "Between(min: 15, max: 15)")]).is_empty());
}

#[test]
fn grace_days_apply_only_to_deadlines() {
    let findings = findings_of(&[("result: 2.03", "result: 2.03, scoring: GraceDays(30)")]);
    let f = only(&findings, Severity::Warning, &ind(PI, "2.1", "2.1.2", "s2"));
    assert_eq!(f.kind, FindingKind::GraceDaysWithoutDeadline);
    assert!(
        findings_of(&[(
            "result: \"2017-11-30\"",
            "result: \"2017-11-30\", scoring: GraceDays(30)"
        )])
        .is_empty()
    );
}

#[test]
fn an_indicator_has_a_description() {
    let findings = findings_of(&[("description: \"papers\"", "description: \"\"")]);
    only(&findings, Severity::Warning, &ind(PI, "2.1", "2.1.2", "o3"));
}

#[test]
fn the_locale_is_it_or_en() {
    let err = store::parse(
        Path::new("fr.ron"),
        &BASE.replacen("year: 2017,", "year: 2017, locale: \"fr\",", 1),
    )
    .expect_err("an unknown locale does not load");
    let LoadError::Syntax { line, what, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*line, 4);
    assert_eq!(
        **what,
        SyntaxError::Value(ReadError::UnknownLocale { found: "fr".into() })
    );
    let excerpt = "4 |     year: 2017, locale: \"fr\",\n  |                          ^";
    assert_eq!(
        err.say(Lang::En),
        format!(
            "fr.ron:4:26: unknown locale \"fr\": write \"it\" (2,03 · 1.000 · 31/12/2017) or \
             \"en\" (2.03 · 1,000 · 2017-12-31)\n{excerpt}"
        )
    );
    assert_eq!(
        err.say(Lang::It),
        format!(
            "fr.ron:4:26: \"fr\" non è un valore previsto per il campo `locale`: scrivi \"it\" \
             (2,03 · 1.000 · 31/12/2017) o \"en\" (2.03 · 1,000 · 2017-12-31)\n{excerpt}"
        )
    );
    // Case does not matter.
    let plan = parse(&BASE.replacen("year: 2017,", "year: 2017, locale: \"EN\",", 1));
    assert_eq!(plan.locale, perfplan::plan::Locale::En);
}

#[test]
fn thresholds_have_fair_at_or_below_good() {
    let findings = findings_of(&[("(good: 90, fair: 60)", "(good: 60, fair: 90)")]);
    let f = only(&findings, Severity::Error, "plan");
    assert_eq!(
        f.kind,
        FindingKind::FairAboveGood {
            fair: dec!(90),
            good: dec!(60)
        }
    );
    assert!(findings_of(&[("(good: 90, fair: 60)", "(good: 75, fair: 75)")]).is_empty());
}

#[test]
fn thresholds_lie_between_0_and_100() {
    for t in ["(good: 120, fair: 60)", "(good: 90, fair: -1)"] {
        let findings = findings_of(&[("(good: 90, fair: 60)", t)]);
        let f = only(&findings, Severity::Error, "plan");
        assert_eq!(f.kind, FindingKind::ThresholdsOutOfRange, "{t}");
    }
}

#[test]
fn an_empty_tree_is_reported_at_each_level() {
    let plan = parse("Plan(title: \"T\", organization: \"O\", year: 2017)");
    let f = only(&validate::validate(&plan), Severity::Warning, "plan");
    assert_eq!(f.kind, FindingKind::NoPerspectives);

    let plan = parse(
        "Plan(title: \"T\", organization: \"O\", year: 2017, perspectives: [Perspective(name: \"P\")])",
    );
    let findings = validate::validate(&plan);
    assert!(
        findings
            .iter()
            .any(|f| f.place.say(Lang::En) == "P" && f.kind == FindingKind::NoStrategicObjectives),
        "{findings:#?}"
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));

    let plan = parse(
        "Plan(title: \"T\", organization: \"O\", year: 2017, perspectives: [Perspective(name: \"P\", objectives: [\
         StrategicObjective(code: \"1\", title: \"S\", weight: 100)])])",
    );
    let f = only(&validate::validate(&plan), Severity::Warning, "P › 1");
    assert_eq!(f.kind, FindingKind::NoOperationalObjectives);

    // An operational objective with no indicators of either layer.
    let findings = findings_of(&[(
        "indicators: [\n                        Indicator(id: \"o3\", description: \"papers\", unit: Label(\"testate\"), target: AtLeast(3), result: 7),\n                    ]",
        "indicators: []",
    )]);
    let f = only(&findings, Severity::Warning, &format!("{PI} › 2.1 › 2.1.2"));
    assert_eq!(f.kind, FindingKind::NoOperationalIndicators);
    let findings = findings_of(&[(
        "strategic_indicators: [\n                        Indicator(id: \"s3\", description: \"money\", unit: Currency, target: Between(min: 10, max: 20), result: 15),\n                    ],",
        "",
    )]);
    let f = only(&findings, Severity::Warning, &format!("{EF} › 2.1"));
    assert_eq!(f.kind, FindingKind::NoStrategicIndicators);
}

#[test]
fn findings_do_not_stop_scoring() {
    // A plan with errors still loads and scores: the controller may be half-way through it.
    let plan = base_with(&[
        ("id: \"o4\"", "id: \"s1\""),
        ("Between(min: 10, max: 20)", "Between(min: 20, max: 10)"),
    ]);
    assert!(validate::has_errors(&validate::validate(&plan)));
    let scores = score::Scores::compute(&plan);
    assert!(scores.overall.strategic.score().is_some());
}

#[test]
fn the_count_of_findings_says_its_plurals() {
    let findings = findings_of(&[
        ("id: \"o4\"", "id: \"s1\""),
        ("description: \"papers\"", "description: \"\""),
        ("description: \"money\"", "description: \"\""),
    ]);
    let tally = Tally::of(&findings);
    assert_eq!(
        tally,
        Tally {
            errors: 1,
            warnings: 2
        }
    );
    assert_eq!(tally.say(Lang::It), "1 errore, 2 avvertenze");
    assert_eq!(tally.say(Lang::En), "1 error, 2 warnings");
    let tally = Tally {
        errors: 3,
        warnings: 1,
    };
    assert_eq!(tally.say(Lang::It), "3 errori, 1 avvertenza");
    assert_eq!(tally.say(Lang::En), "3 errors, 1 warning");
    assert_eq!(Tally::default().say(Lang::It), "0 errori, 0 avvertenze");
}

#[test]
fn a_mistake_in_the_file_is_said_with_its_place_in_both_languages() {
    let err = store::parse(
        Path::new("piano.ron"),
        &BASE.replacen("result: 2.03", "result: 2,03", 1),
    )
    .expect_err("a decimal comma does not load");
    let LoadError::Syntax {
        line, column, what, ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!((*line, *column), (19, 109));
    assert_eq!(
        **what,
        SyntaxError::Mistake(Mistake::DecimalComma {
            written: "2,03".into(),
            meant: "2.03".into()
        })
    );
    let said = err.say(Lang::It);
    let first = said.lines().next().unwrap();
    assert_eq!(
        first,
        "piano.ron:19:109: nel file del piano i numeri si scrivono con il punto per i decimali e \
         senza separatore delle migliaia: scrivi 2.03, non 2,03"
    );
    // The line of the file, with a caret under the place, stays under the message.
    assert!(said.contains("19 |") && said.ends_with('^'), "{said}");
    let said = err.say(Lang::En);
    assert!(
        said.starts_with(
            "piano.ron:19:109: numbers in the plan file use a dot for decimals and no \
             thousands separator: write 2.03, not 2,03\n19 |"
        ),
        "{said}"
    );
}

#[test]
fn an_edit_refreshes_the_values_findings_and_keeps_those_of_the_id() {
    use perfplan::app::App;
    use perfplan::driver::Driver;
    // An empty id, a duplicate id with a result that is not a whole count.
    let plan = base_with(&[
        ("id: \"o1\"", "id: \"\""),
        ("id: \"o3\"", "id: \"s1\""),
        ("result: 7", "result: 7.5"),
    ]);
    let kinds = |findings: &[Finding]| -> Vec<FindingKind> {
        findings.iter().map(|f| f.kind.clone()).collect()
    };
    let mut d = Driver::detached(App::new(plan, "plan.ron".into()));
    assert_eq!(
        d.app.lang,
        Lang::It,
        "the plan is Italian: the app speaks Italian"
    );
    assert_eq!(
        kinds(&d.app.findings),
        vec![
            FindingKind::EmptyId,
            FindingKind::DuplicateId {
                id: "s1".into(),
                first: ind_place(PI, "2.1", "2.1.1", "s1")
            },
            unscorable(ValueError::CountResultNotWhole {
                unit: Unit::Label("testate".into()),
                value: dec!(7.5)
            }),
        ]
    );
    // The findings of the id stay whatever the language and the words of the messages;
    // the ones of the values follow the edit.
    d.set_result("papers", "7");
    d.set_result("count", "5");
    assert_eq!(d.app.findings, validate::validate(&d.app.plan));
    assert_eq!(
        kinds(&d.app.findings),
        vec![
            FindingKind::EmptyId,
            FindingKind::DuplicateId {
                id: "s1".into(),
                first: ind_place(PI, "2.1", "2.1.1", "s1")
            },
        ]
    );
    // Only the values' findings are the ones an edit finds again.
    let path = d.app.plan.find_indicator("s1").unwrap();
    let again = validate::indicator_findings(&d.app.plan, path);
    assert!(again.iter().all(|f| f.kind.is_about_values()), "{again:#?}");
    assert!(d.app.findings.iter().all(|f| !f.kind.is_about_values()));
}
