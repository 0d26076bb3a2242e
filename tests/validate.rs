//! One test per validation rule, each named after its rule: a valid plan broken in exactly
//! one way gives exactly the finding the rule describes, at the place it names.

use std::path::Path;

use perfplan::plan::{NodePath, Plan};
use perfplan::score::{self, Outcome};
use perfplan::store::{self, LoadError};
use perfplan::validate::{self, Finding, Severity};
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
    store::parse(Path::new("test.ron"), text).unwrap_or_else(|e| panic!("{e}\n{text}"))
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

/// The one finding, of this severity, at this place.
fn only(findings: &[Finding], severity: Severity, place: &str) -> Finding {
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = findings[0].clone();
    assert_eq!(f.severity, severity, "{f:#?}");
    assert_eq!(f.place, place, "{f:#?}");
    f
}

fn ind(perspective: &str, so: &str, oo: &str, id: &str) -> String {
    format!("{perspective} › {so} › {oo} › indicator {id}")
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
    assert!(f.message.contains("60"), "{}", f.message);
    assert!(f.message.contains("50"), "{}", f.message);
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
    only(&findings, Severity::Warning, &format!("{PI} › 2.1"));
}

#[test]
fn plan_weights_must_add_up_to_100() {
    let findings = findings_of(&[
        ("title: \"S\", weight: 40", "title: \"S\", weight: 30"),
        ("title: \"O3\", weight: 40", "title: \"O3\", weight: 30"),
    ]);
    let f = only(&findings, Severity::Warning, "plan");
    assert_eq!(f.node, None);
    assert!(f.message.contains("90"), "{}", f.message);
    assert!(f.message.contains("100"), "{}", f.message);
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
    assert!(
        f.message.contains(&ind(PI, "2.1", "2.1.1", "s1")),
        "{}",
        f.message
    );
    assert!(f.message.contains("unique"), "{}", f.message);
    // A third use names the first one too.
    let findings = findings_of(&[("id: \"o4\"", "id: \"s1\""), ("id: \"s3\"", "id: \"s1\"")]);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    for f in &findings {
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message.contains(&ind(PI, "2.1", "2.1.1", "s1")),
            "{}",
            f.message
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
    assert!(f.message.contains("empty id"), "{}", f.message);
}

#[test]
fn a_result_must_be_of_the_kind_of_its_unit() {
    // A date for a percentage.
    let findings = findings_of(&[(
        "target: AtLeast(80), result: 85",
        "target: AtLeast(80), result: \"2017-12-31\"",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "s1"));
    assert!(
        f.message.contains("date") && f.message.contains("Percent"),
        "{}",
        f.message
    );
    // It is not scored, and not counted as measured.
    let plan = base_with(&[(
        "target: AtLeast(80), result: 85",
        "target: AtLeast(80), result: \"2017-12-31\"",
    )]);
    let path = plan.find_indicator("s1").unwrap();
    assert!(matches!(
        score::outcome(plan.indicator(path)),
        Outcome::Unscorable(_)
    ));

    // A number for a date.
    let findings = findings_of(&[("result: \"2017-11-30\"", "result: 20171130")]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o2"));
    assert!(
        f.message.contains("a number") && f.message.contains("Date"),
        "{}",
        f.message
    );

    // The baseline too.
    let findings = findings_of(&[("result: 2.03", "result: 2.03, baseline: \"2016-12-31\"")]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.2", "s2"));
    assert!(f.message.contains("baseline"), "{}", f.message);
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
        findings
            .iter()
            .all(|f| f.severity == Severity::Error && f.place == ind(PI, "2.1", "2.1.1", "o2"))
    );
    assert!(
        findings.iter().any(|f| f.message.contains("deadline")),
        "{findings:#?}"
    );

    let findings = findings_of(&[(
        "unit: Date, target: Deadline(\"2017-12-31\"), result: \"2017-11-30\"",
        "unit: Date, target: AtLeast(3), result: \"2017-11-30\"",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o2"));
    assert!(f.message.contains("Deadline"), "{}", f.message);
}

#[test]
fn a_count_must_be_whole() {
    let findings = findings_of(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(3), result: 2.5",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o1"));
    // The value as the file writes it, since the file is where it is fixed.
    assert!(
        f.message.contains("2.5") && f.message.contains("whole"),
        "{}",
        f.message
    );
    // A value that is wrong is not scored: the indicator cannot be scored, with the reason.
    let plan = base_with(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(3), result: 2.5",
    )]);
    let path = plan.find_indicator("o1").unwrap();
    assert!(matches!(
        score::outcome(plan.indicator(path)),
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
        assert!(f.message.contains("no reason"), "{written}: {}", f.message);
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
        score::outcome(plan.indicator(path)).realization(),
        Some(dec!(90))
    );
}

#[test]
fn an_override_lies_between_0_and_100() {
    for written in ["120", "-5", "100.01"] {
        let edit = format!("result: 85, override: (realization: {written}, reason: \"r\")");
        let findings = findings_of(&[("result: 85", &edit)]);
        let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "s1"));
        assert!(f.message.contains("0–100"), "{}", f.message);
        // Not scored: a wrong value never counts.
        let plan = base_with(&[("result: 85", &edit)]);
        let path = plan.find_indicator("s1").unwrap();
        assert_eq!(score::outcome(plan.indicator(path)).realization(), None);
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
    assert!(
        f.message.contains("-30") && f.message.contains("negative"),
        "{}",
        f.message
    );
    // A strategic objective (its sums then disagree too: warnings besides the error).
    let findings = findings_of(&[("title: \"S\", weight: 40", "title: \"S\", weight: -40")]);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{findings:#?}");
    assert_eq!(errs[0].place, format!("{EF} › 2.1"));
    assert!(errs[0].message.contains("negative"));
}

#[test]
fn a_count_target_cannot_be_negative() {
    let findings = findings_of(&[(
        "target: AtLeast(3), result: 4",
        "target: AtLeast(-3), result: 4",
    )]);
    let f = only(&findings, Severity::Error, &ind(PI, "2.1", "2.1.1", "o1"));
    assert!(f.message.contains("negative target"), "{}", f.message);
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
    assert!(f.message.contains("AllOrNothing"), "{}", f.message);
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
    assert!(
        f.message.contains("20") && f.message.contains("10"),
        "{}",
        f.message
    );
    // min = max is an exact target written as a range: fine.
    assert!(findings_of(&[("Between(min: 10, max: 20)", "Between(min: 15, max: 15)")]).is_empty());
}

#[test]
fn grace_days_apply_only_to_deadlines() {
    let findings = findings_of(&[("result: 2.03", "result: 2.03, scoring: GraceDays(30)")]);
    let f = only(&findings, Severity::Warning, &ind(PI, "2.1", "2.1.2", "s2"));
    assert!(f.message.contains("GraceDays"), "{}", f.message);
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
    let LoadError::Syntax { line, message, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*line, 4);
    assert!(message.contains("unknown locale \"fr\""), "{message}");
    assert!(
        message.contains("\"it\"") && message.contains("\"en\""),
        "{message}"
    );
    // Case does not matter.
    let plan = parse(&BASE.replacen("year: 2017,", "year: 2017, locale: \"EN\",", 1));
    assert_eq!(plan.locale, perfplan::plan::Locale::En);
}

#[test]
fn thresholds_have_fair_at_or_below_good() {
    let findings = findings_of(&[("(good: 90, fair: 60)", "(good: 60, fair: 90)")]);
    let f = only(&findings, Severity::Error, "plan");
    assert!(
        f.message.contains("fair") && f.message.contains("good"),
        "{}",
        f.message
    );
    assert!(findings_of(&[("(good: 90, fair: 60)", "(good: 75, fair: 75)")]).is_empty());
}

#[test]
fn thresholds_lie_between_0_and_100() {
    for t in ["(good: 120, fair: 60)", "(good: 90, fair: -1)"] {
        let findings = findings_of(&[("(good: 90, fair: 60)", t)]);
        let f = only(&findings, Severity::Error, "plan");
        assert!(f.message.contains("0 and 100"), "{t}: {}", f.message);
    }
}

#[test]
fn an_empty_tree_is_reported_at_each_level() {
    let plan = parse("Plan(title: \"T\", organization: \"O\", year: 2017)");
    only(&validate::validate(&plan), Severity::Warning, "plan");

    let plan = parse(
        "Plan(title: \"T\", organization: \"O\", year: 2017, perspectives: [Perspective(name: \"P\")])",
    );
    let findings = validate::validate(&plan);
    assert!(
        findings
            .iter()
            .any(|f| f.place == "P" && f.message.contains("no strategic objectives")),
        "{findings:#?}"
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));

    let plan = parse(
        "Plan(title: \"T\", organization: \"O\", year: 2017, perspectives: [Perspective(name: \"P\", objectives: [\
         StrategicObjective(code: \"1\", title: \"S\", weight: 100)])])",
    );
    let f = only(&validate::validate(&plan), Severity::Warning, "P › 1");
    assert!(
        f.message.contains("no operational objectives"),
        "{}",
        f.message
    );

    // An operational objective with no indicators of either layer.
    let findings = findings_of(&[(
        "indicators: [\n                        Indicator(id: \"o3\", description: \"papers\", unit: Label(\"testate\"), target: AtLeast(3), result: 7),\n                    ]",
        "indicators: []",
    )]);
    let f = only(&findings, Severity::Warning, &format!("{PI} › 2.1 › 2.1.2"));
    assert!(
        f.message.contains("no operational indicators"),
        "{}",
        f.message
    );
    let findings = findings_of(&[(
        "strategic_indicators: [\n                        Indicator(id: \"s3\", description: \"money\", unit: Currency, target: Between(min: 10, max: 20), result: 15),\n                    ],",
        "",
    )]);
    let f = only(&findings, Severity::Warning, &format!("{EF} › 2.1"));
    assert!(
        f.message.contains("no strategic indicators"),
        "{}",
        f.message
    );
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
