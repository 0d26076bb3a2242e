//! A deterministic generator of realistic plans of any size, for benchmarks, tests and
//! trying perfplan on a big organization: 4–8 perspectives, codes like the seed's, Italian
//! descriptions of realistic length, every target kind and unit, about 30 % of results
//! pending, a few overrides and notes. The same size and seed always give the same plan.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use crate::plan::{
    Indicator, Locale, Num, OperationalObjective, Override, Perspective, Plan, Scoring,
    StrategicObjective, Target, Thresholds, Unit, Value,
};

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PERSPECTIVES: [&str; 8] = [
    "Imprese, consumatori e territorio",
    "Processi interni",
    "Innovazione e crescita",
    "Economico-finanziario",
    "Cittadini e servizi",
    "Ambiente e sostenibilità",
    "Persone e organizzazione",
    "Trasparenza e legalità",
];

const VERBS: [&str; 12] = [
    "Promuovere",
    "Rafforzare",
    "Sviluppare",
    "Favorire",
    "Consolidare",
    "Migliorare",
    "Valorizzare",
    "Sostenere",
    "Semplificare",
    "Digitalizzare",
    "Ottimizzare",
    "Tutelare",
];

const OBJECTS: [&str; 14] = [
    "la competitività delle imprese del territorio",
    "la qualità dei servizi erogati all’utenza",
    "l’informazione economica e statistica locale",
    "gli strumenti di giustizia alternativa e di mediazione",
    "la vigilanza sul mercato e sulla sicurezza dei prodotti",
    "la gestione delle entrate e del patrimonio camerale",
    "il benessere organizzativo e la formazione del personale",
    "l’agenda digitale nel sistema economico locale",
    "i processi di internazionalizzazione delle PMI",
    "la trasparenza amministrativa e la prevenzione della corruzione",
    "l’orientamento al lavoro e l’alternanza scuola-lavoro",
    "la nascita di nuove imprese e di start up innovative",
    "la promozione del turismo e delle produzioni tipiche",
    "la sostenibilità ambientale delle attività produttive",
];

/// What is measured, by the kind of target it fits (see `indicator`).
const SATISFACTION: [&str; 4] = [
    "Grado di soddisfazione dell'utenza (giudizio buono o +) rilevato",
    "Percentuale di pratiche evase entro i termini previsti",
    "Grado di rispetto degli standard della Carta dei servizi",
    "Partecipazione del personale alla formazione trasversale",
];
const COUNTS: [&str; 4] = [
    "N. di iniziative realizzate nell'ambito del programma",
    "N. di imprese partecipanti agli incontri organizzati",
    "N. di controlli effettuati dagli ispettori",
    "N. di conciliazioni concluse",
];
const RATES: [&str; 3] = [
    "Tasso di riscossione spontanea del diritto annuale",
    "Quota di risorse esterne reperite sulle risorse spese",
    "Percentuale di utilizzo delle sale a pagamento",
];
const DURATIONS: [&str; 3] = [
    "Tempo medio di lavorazione delle istanze, in giorni",
    "Giorni medi di assenza per malattia breve per dipendente",
    "Tempo medio di pagamento delle fatture, in giorni",
];
const COMPLAINTS: [&str; 3] = [
    "N. di reclami scritti ricevuti",
    "N. di non conformità sollevate dagli organismi di controllo",
    "N. di ricorsi accolti",
];
const PRESS: [&str; 2] = [
    "Rilevanza del rapporto sull'economia sulla stampa locale e nazionale",
    "Uscite sui media locali delle iniziative",
];
const MONEY: [&str; 3] = [
    "Introiti dei servizi a pagamento",
    "Risorse esterne reperite per il programma promozionale",
    "Spesa per consumi intermedi",
];
const DEADLINES: [&str; 4] = [
    "Realizzazione del documento di sintesi delle attività svolte",
    "Avvio del nuovo sportello telematico",
    "Presentazione del rapporto sull'economia locale",
    "Predisposizione della relazione conclusiva del progetto",
];

const CONTEXTS: [&str; 10] = [
    "sul territorio provinciale",
    "in collaborazione con le associazioni di categoria",
    "secondo le linee guida di Unioncamere",
    "rispetto al totale delle richieste pervenute",
    "nel corso dell'anno",
    "per le imprese iscritte al Registro",
    "a seguito della riorganizzazione degli uffici",
    "con il supporto dell'azienda speciale",
    "anche attraverso i canali digitali",
    "come previsto dal programma pluriennale",
];

fn dec(n: u64) -> Decimal {
    Decimal::from(n)
}

/// Splits 100 into `parts` weights that add up to exactly 100, none below zero: each is
/// rounded down to its decimals, and the units left over go one each to the weights that
/// lost most in the rounding (the largest remainders).
fn weights(rng: &mut Rng, parts: usize) -> Vec<Decimal> {
    let raw: Vec<u64> = (0..parts).map(|_| rng.range(2, 10)).collect();
    let total: u64 = raw.iter().sum();
    // As few decimals as the parts need, never more than a weight may have.
    let scale: u32 = match parts {
        0..=40 => 1,
        41..=4_000 => 4,
        _ => crate::plan::check::WEIGHT_DECIMALS,
    };
    let unit = Decimal::new(1, scale);
    let exact: Vec<Decimal> = raw
        .iter()
        .map(|r| dec(100) * dec(*r) / dec(total))
        .collect();
    let mut out: Vec<Decimal> = exact
        .iter()
        .map(|w| w.round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::ToZero))
        .collect();
    let short = dec(100) - out.iter().sum::<Decimal>();
    let mut missing = (short / unit)
        .round()
        .to_string()
        .parse::<usize>()
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..parts).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - out[b])
            .cmp(&(exact[a] - out[a]))
            .then(a.cmp(&b))
    });
    for i in order.into_iter().cycle() {
        if missing == 0 {
            break;
        }
        out[i] += unit;
        missing -= 1;
    }
    out
}

fn indicator(rng: &mut Rng, id: String, year: i32) -> Indicator {
    let deadline = NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid year end");
    let kind = rng.range(0, 9);
    let (measures, unit, target, result): (&[&str], _, _, _) = match kind {
        0 | 1 => {
            let t = rng.range(60, 95);
            let r = rng.range(t.saturating_sub(30), 100);
            (
                &SATISFACTION,
                Unit::Percent,
                Target::AtLeast(Num::from(dec(t))),
                Value::Number(dec(r)),
            )
        }
        2 => {
            let t = rng.range(5, 500);
            let r = rng.range(t * 7 / 10, t * 3 / 2);
            (
                &COUNTS,
                Unit::Count,
                Target::AtLeast(Num::from(dec(t))),
                Value::Number(dec(r)),
            )
        }
        3 => {
            let t = rng.range(20, 80);
            let r = rng.range(t - 10, t + 20);
            (
                &RATES,
                Unit::Percent,
                Target::MoreThan(Num::from(dec(t))),
                Value::Number(dec(r)),
            )
        }
        4 => {
            let t = Decimal::new(rng.range(20, 90) as i64, 1);
            let r = Decimal::new(rng.range(10, 120) as i64, 1);
            (
                &DURATIONS,
                Unit::Number,
                Target::AtMost(Num::from(t)),
                Value::Number(r),
            )
        }
        5 => {
            let t = rng.range(1, 5);
            let r = rng.range(0, 7);
            (
                &COMPLAINTS,
                Unit::Count,
                Target::LessThan(Num::from(dec(t))),
                Value::Number(dec(r)),
            )
        }
        6 => {
            let t = rng.range(1, 20);
            let r = if rng.chance(70) {
                t
            } else {
                rng.range(0, t + 3)
            };
            (
                &PRESS,
                Unit::Label("testate".into()),
                Target::Exactly(Num::from(dec(t))),
                Value::Number(dec(r)),
            )
        }
        7 => {
            let min = rng.range(1000, 50_000);
            let max = min + rng.range(1000, 20_000);
            let r = Decimal::new(
                (rng.range(min * 8 / 10, max * 12 / 10) * 100 + rng.range(0, 99)) as i64,
                2,
            );
            (
                &MONEY,
                Unit::Currency,
                Target::Between {
                    min: Num::from(dec(min)),
                    max: Num::from(dec(max)),
                },
                Value::Number(r),
            )
        }
        _ => {
            let due = deadline - Duration::days(rng.range(0, 240) as i64);
            let done = due - Duration::days(rng.range(0, 60) as i64)
                + Duration::days(rng.range(0, 50) as i64);
            (
                &DEADLINES,
                Unit::Date,
                Target::Deadline(due),
                Value::Date(done),
            )
        }
    };
    let description = format!("{} {}", rng.pick(measures), rng.pick(&CONTEXTS));
    let scoring = match (&target, rng.range(0, 19)) {
        (Target::Deadline(_), 0..=3) => Some(Scoring::GraceDays(30)),
        (_, 0) => Some(Scoring::AllOrNothing),
        _ => None,
    };
    let pending = rng.chance(30);
    let result = (!pending).then_some(result);
    let realization_override = (!pending && rng.chance(1)).then(|| Override {
        realization: Num::from(dec(rng.range(50, 100))),
        reason: "Valore concordato con l'OIV in sede di validazione".into(),
    });
    let note = rng
        .chance(4)
        .then(|| "Dato fornito dall'ufficio competente, in attesa di verifica".to_string());
    let baseline = match (&unit, rng.chance(20)) {
        (Unit::Date, _) | (_, false) => None,
        (_, true) => result,
    };
    Indicator {
        id,
        description,
        unit,
        target,
        result,
        realization_override,
        note,
        baseline,
        scoring: scoring.map(Box::new),
        not_assessable: None,
        owner: None,
        target_changes: Vec::new(),
        periods: Default::default(),
    }
}

/// A plan with exactly `indicators` indicators, the same for the same `seed`.
pub fn plan(indicators: usize, seed: u64) -> Plan {
    let mut rng = Rng(seed ^ 0x5EED_CAFE);
    let year = 2025;
    let n_persp = rng.range(4, 8) as usize;
    // About 5 indicators an operational objective and 3 operational objectives a strategic one.
    let n_oo = indicators.div_ceil(5).max(1);
    let mut per_oo = vec![indicators / n_oo; n_oo];
    for slot in per_oo.iter_mut().take(indicators % n_oo) {
        *slot += 1;
    }
    let oo_weights = weights(&mut rng, n_oo);
    let mut oo_sizes = Vec::new();
    let mut left = n_oo;
    while left > 0 {
        let take = (rng.range(1, 5) as usize).min(left);
        oo_sizes.push(take);
        left -= take;
    }
    let n_so = oo_sizes.len();
    let mut perspectives: Vec<Perspective> = PERSPECTIVES[..n_persp]
        .iter()
        .map(|name| Perspective {
            name: name.to_string(),
            objectives: Vec::new(),
        })
        .collect();
    let mut oo_index = 0;
    let mut so_count = vec![0usize; n_persp];
    for (s, size) in oo_sizes.iter().enumerate() {
        let p = if s < n_persp {
            s
        } else {
            rng.range(0, n_persp as u64 - 1) as usize
        };
        so_count[p] += 1;
        let code = format!("{}.{}", p + 1, so_count[p]);
        let mut operational = Vec::with_capacity(*size);
        let mut so_weight = Decimal::ZERO;
        for o in 0..*size {
            let oo_code = format!("{code}.{}", o + 1);
            let count = per_oo[oo_index];
            let strategic_n = if count > 1 {
                rng.range(1, (count as u64 / 2).max(1)) as usize
            } else {
                0
            };
            let strategic_indicators = (0..strategic_n)
                .map(|i| indicator(&mut rng, format!("{oo_code}-s{}", i + 1), year))
                .collect();
            let indicators = (0..count - strategic_n)
                .map(|i| indicator(&mut rng, format!("{oo_code}-o{}", i + 1), year))
                .collect();
            let weight = oo_weights[oo_index];
            so_weight += weight;
            operational.push(OperationalObjective {
                code: oo_code,
                title: format!("{} {}", rng.pick(&VERBS), rng.pick(&OBJECTS)),
                weight: Num::from(weight).into(),
                direct: false,
                owner: None,
                strategic_indicators,
                indicators,
            });
            oo_index += 1;
        }
        perspectives[p].objectives.push(StrategicObjective {
            code,
            title: format!(
                "{} {} {}",
                rng.pick(&VERBS),
                rng.pick(&OBJECTS),
                rng.pick(&CONTEXTS)
            ),
            weight: Num::from(so_weight).into(),
            operational,
        });
    }
    debug_assert_eq!(
        n_so,
        perspectives
            .iter()
            .map(|p| p.objectives.len())
            .sum::<usize>()
    );
    Plan {
        title: format!(
            "Piano della Performance {year} — consuntivo (piano generato, {indicators} indicatori)"
        ),
        organization: "Ente di prova (piano generato da perfplan gen)".into(),
        year,
        locale: Locale::It,
        thresholds: Thresholds::default(),
        scoring: None,
        precision: Default::default(),
        periods: Vec::new(),
        offices: Vec::new(),
        perspectives,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Scores;

    #[test]
    fn same_seed_same_plan_and_exact_size() {
        for n in [1, 7, 100, 1234] {
            let a = plan(n, 3);
            assert_eq!(a.indicator_count(), n);
            assert_eq!(a, plan(n, 3));
        }
        assert_ne!(plan(100, 1), plan(100, 2));
    }

    #[test]
    fn weights_add_up_to_exactly_100_and_none_is_negative() {
        for parts in [1, 3, 40, 41, 2_500, 4_000, 4_001, 20_000, 200_000] {
            let w = weights(&mut Rng(parts as u64), parts);
            assert_eq!(w.iter().sum::<Decimal>(), dec(100), "{parts}");
            assert!(w.iter().all(|x| *x >= Decimal::ZERO), "{parts}");
            assert!(
                w.iter()
                    .all(|x| crate::plan::check::weight_error(*x).is_none()),
                "{parts}"
            );
        }
    }

    #[test]
    fn generated_plans_are_valid_with_balanced_weights() {
        let p = plan(5000, 11);
        let findings = crate::validate::validate(&p);
        assert!(
            findings.is_empty(),
            "{:?}",
            &findings[..findings.len().min(5)]
        );
        let weights = crate::plan::weights::Weights::of(&p);
        let total: Decimal = (0..p.perspectives.len())
            .map(|i| weights.perspective(i))
            .sum();
        assert_eq!(total, dec(100));
        assert!((4..=8).contains(&p.perspectives.len()));
        let pending = p.indicators().filter(|(_, i)| i.result.is_none()).count();
        assert!(
            (1250..=1750).contains(&pending),
            "about 30 % pending: {pending}"
        );
        let s = Scores::compute(&p);
        assert!(s.overall.strategic.score().is_some());
        for kind in [
            "AtLeast", "MoreThan", "AtMost", "LessThan", "Exactly", "Between", "Deadline",
        ] {
            assert!(
                p.indicators()
                    .any(|(_, i)| format!("{:?}", i.target).starts_with(kind)),
                "no {kind} target"
            );
        }
        assert!(
            p.indicators()
                .any(|(_, i)| i.realization_override.is_some())
        );
        assert!(p.indicators().any(|(_, i)| i.note.is_some()));
    }
}
