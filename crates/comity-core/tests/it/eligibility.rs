//! Eligibility verdicts against the real ratings: tables of cases from the record.

use comity_core::charter::Charter;
use comity_core::criteria::{Outcome, evaluate};
use comity_core::registry::{AsOf, Registry, parse_countries, parse_freedom_house, parse_vdem};
use comity_core::{Iso3, data};

fn registry() -> Registry {
    let mut r = Registry::default();
    r.add_countries(&parse_countries("countries.csv", data::COUNTRIES_CSV).unwrap());
    for ed in parse_freedom_house("fh.csv", data::FREEDOM_HOUSE_CSV).unwrap() {
        r.add_fh_edition(&ed);
    }
    for y in parse_vdem("vdem.csv", data::VDEM_CSV).unwrap() {
        r.add_vdem_year(&y);
    }
    r
}

const CRITERIA: &str = r#"
[alliance]
name = "Test"
short_name = "T"
founding_text = "t"
[membership]
criterion = "f_or_pf"
founding_members = "eligible"
[criteria.f_or_pf]
description = "x"
rule = { fh_status = ["F", "PF"] }
[criteria.free]
description = "x"
rule = { fh_status = ["F"] }
[criteria.score70]
description = "x"
rule = { fh_score_min = 70 }
[criteria.electoral]
description = "x"
rule = { vdem_regime_min = "electoral_democracy" }
[criteria.either]
description = "x"
rule = { any = [{ criterion = "free" }, { criterion = "electoral" }] }
[criteria.both]
description = "x"
rule = { all = [{ criterion = "f_or_pf" }, { criterion = "electoral" }] }
[[organs]]
id = "summit"
name = "Summit"
kind = "summit"
seat_holders = "member_states"
seats = "one_per_member"
[[decisions]]
kind = "charter_amendment"
organ = "summit"
rule = "consensus"
[[decisions]]
kind = "accession"
organ = "summit"
rule = "consensus"
[[decisions]]
kind = "membership_review"
organ = "summit"
rule = "consensus"
"#;

fn at(edition: u16, vdem: u16) -> AsOf {
    AsOf {
        fh_edition: Some(edition),
        vdem_year: Some(vdem),
    }
}

#[test]
fn verdicts_match_the_public_record() {
    let reg = registry();
    let charter = Charter::parse("t.toml", CRITERIA).unwrap();
    // (state, criterion, FIW edition, V-Dem year, outcome, reason contains)
    let cases = [
        (
            "DNK",
            "free",
            2025,
            2024,
            Outcome::Met,
            "rated Free, 97/100, FIW 2025",
        ),
        (
            "HUN",
            "free",
            2018,
            2017,
            Outcome::Met,
            "rated Free, 72/100, FIW 2018",
        ),
        (
            "HUN",
            "free",
            2019,
            2018,
            Outcome::NotMet,
            "rated Partly Free, 70/100, FIW 2019",
        ),
        (
            "HUN",
            "f_or_pf",
            2025,
            2024,
            Outcome::Met,
            "rated Partly Free, 65/100, FIW 2025",
        ),
        (
            "IND",
            "free",
            2020,
            2019,
            Outcome::Met,
            "rated Free, 71/100, FIW 2020",
        ),
        (
            "IND",
            "free",
            2021,
            2020,
            Outcome::NotMet,
            "rated Partly Free, 67/100, FIW 2021",
        ),
        (
            "PRK",
            "f_or_pf",
            2025,
            2024,
            Outcome::NotMet,
            "rated Not Free, 3/100, FIW 2025",
        ),
        ("USA", "score70", 2025, 2024, Outcome::Met, "84/100"),
        (
            "HUN",
            "score70",
            2025,
            2024,
            Outcome::NotMet,
            "requires a score of at least 70/100",
        ),
        (
            "TWN",
            "free",
            2025,
            2024,
            Outcome::Met,
            "rated Free, 94/100",
        ),
        (
            "DNK",
            "electoral",
            2025,
            2024,
            Outcome::Met,
            "V-Dem 2024: liberal democracy",
        ),
        (
            "HUN",
            "electoral",
            2025,
            2024,
            Outcome::NotMet,
            "electoral autocracy",
        ),
        (
            "IND",
            "both",
            2025,
            2024,
            Outcome::NotMet,
            "electoral autocracy",
        ),
        ("HUN", "either", 2025, 2024, Outcome::NotMet, "Partly Free"),
        // V-Dem does not code Liechtenstein: no data, never eligible by V-Dem alone...
        (
            "LIE",
            "electoral",
            2025,
            2024,
            Outcome::NoData,
            "not coded by V-Dem for 2024",
        ),
        // ...but Free by Freedom House satisfies `any`.
        ("LIE", "either", 2025, 2024, Outcome::Met, "rated Free"),
        // Before aggregate scores existed, the reason gives PR and CL.
        (
            "DNK",
            "free",
            1990,
            1989,
            Outcome::Met,
            "rated Free, PR 1 CL 1, FIW 1990",
        ),
    ];
    for (state, crit, ed, year, outcome, reason) in cases {
        let v = evaluate(
            &charter,
            crit,
            &reg,
            &Iso3::parse(state).unwrap(),
            at(ed, year),
        );
        assert_eq!(v.outcome, outcome, "{state} {crit} FIW {ed}: {}", v.reason);
        assert!(
            v.reason.contains(reason),
            "{state} {crit} FIW {ed}: {:?} lacks {reason:?}",
            v.reason
        );
    }
}

#[test]
fn registry_has_the_un_members_taiwan_and_kosovo() {
    let reg = registry();
    let all: Vec<_> = reg.countries().collect();
    assert_eq!(all.len(), 195);
    assert_eq!(all.iter().filter(|c| c.un_member).count(), 193);
    for code in ["TWN", "XKX"] {
        let c = reg.country(&Iso3::parse(code).unwrap()).unwrap();
        assert!(!c.un_member && c.population.is_some(), "{code}");
    }
    assert_eq!(reg.latest_fh_edition(), Some(2025));
    assert_eq!(reg.latest_vdem_year(), Some(2024));
    // FIW 2025: 85 Free, 51 Partly Free, 59 Not Free among the 195.
    let count = |s: &str| {
        all.iter()
            .filter(|c| reg.fh(&c.iso3, 2025).is_some_and(|r| r.status.code() == s))
            .count()
    };
    assert_eq!((count("F"), count("PF"), count("NF")), (85, 51, 59));
    let denmark = reg.country(&Iso3::parse("DNK").unwrap()).unwrap();
    assert_eq!(denmark.un_group.as_deref(), Some("WEOG"));
}
