//! Entry into force of three real treaties, from the real deposit dates of the instruments
//! that triggered it. The deposit files are in `data/treaties/`; their sources are in
//! `data/treaties/SOURCES.md`:
//! - Mine Ban Convention: UN Treaty Collection, chapter XXVI.5
//!   (<https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26>);
//!   Burkina Faso's deposit of 16 September 1998 was the 40th (ICRC, *International Review of
//!   the Red Cross* No. 324, 1998); in force 1 March 1999.
//! - Rome Statute: UNTC chapter XVIII.10
//!   (<https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10&chapter=18>);
//!   ten states deposited together on 11 April 2002, taking the count from 56 to 66; in force
//!   1 July 2002.
//! - Paris Agreement: UNTC chapter XXVII.7.d
//!   (<https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVII-7-d&chapter=27>),
//!   emissions shares from the UNFCCC's Article 21 table; both thresholds crossed on
//!   5 October 2016; in force 4 November 2016.

use comity_core::ids::{Day, Iso3};
use comity_core::treaty::eif::{Deposit, Instrument, Treaty, parse_deposits};

const MINE_BAN: &str = include_str!("../../../../treaties/mine-ban.toml");
const ROME: &str = include_str!("../../../../treaties/rome-statute.toml");
const PARIS: &str = include_str!("../../../../treaties/paris-agreement.toml");
const MINE_BAN_DEPOSITS: &str = include_str!("../../../../data/treaties/mine-ban-deposits.csv");
const ROME_DEPOSITS: &str = include_str!("../../../../data/treaties/rome-statute-deposits.csv");
const PARIS_DEPOSITS: &str = include_str!("../../../../data/treaties/paris-agreement-deposits.csv");

fn treaty(file: &str, text: &str) -> Treaty {
    Treaty::parse(file, text).unwrap_or_else(|e| panic!("{e}"))
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn deposits(t: &Treaty, text: &str) -> Vec<Deposit> {
    parse_deposits("deposits.csv", text, t).unwrap_or_else(|e| panic!("{e}"))
}

/// The deposits up to and including `last` (the file goes on past entry into force).
fn up_to(ds: &[Deposit], last: &str) -> Vec<Deposit> {
    ds.iter().filter(|d| d.date <= day(last)).cloned().collect()
}

#[test]
fn mine_ban_enters_into_force_on_1_march_1999() {
    let t = treaty("mine-ban.toml", MINE_BAN);
    let all = deposits(&t, MINE_BAN_DEPOSITS);
    // 38 before 16 September 1998, 40 after it: the 40th instrument triggers art. 17(1).
    assert_eq!(up_to(&all, "1998-09-15").len(), 38);
    let r = t.entry_into_force(&up_to(&all, "1998-09-15"));
    assert_eq!(r.entry_into_force, None);
    assert!(r.per_state.is_empty());
    let r = t.entry_into_force(&up_to(&all, "1998-09-16"));
    assert_eq!(r.instruments, 40);
    assert_eq!(r.conditions_met, Some(day("1998-09-16")));
    assert_eq!(r.entry_into_force, Some(day("1999-03-01")));
    assert_eq!(r.per_state[&iso("BFA")], day("1999-03-01"));
    assert_eq!(r.per_state[&iso("CAN")], day("1999-03-01"));
    // Art. 17(2): a later state, the first day of the sixth month after its own deposit.
    let r = t.entry_into_force(&all);
    assert_eq!(r.entry_into_force, Some(day("1999-03-01")));
    for d in all.iter().filter(|d| d.date > day("1998-09-16")) {
        let m = d.date.date().replace_day(1).unwrap();
        let month = (u8::from(m.month()) as u32 + 6 - 1) % 12 + 1;
        let year = m.year() + i32::from(u8::from(m.month()) + 6 > 12);
        let want = format!("{year:04}-{month:02}-01");
        assert_eq!(r.per_state[&d.state].to_string(), want, "{}", d.state);
    }
}

#[test]
fn rome_statute_enters_into_force_on_1_july_2002() {
    let t = treaty("rome-statute.toml", ROME);
    let all = deposits(&t, ROME_DEPOSITS);
    assert_eq!(up_to(&all, "2002-04-10").len(), 56);
    assert_eq!(up_to(&all, "2002-04-11").len(), 66);
    assert_eq!(
        t.entry_into_force(&up_to(&all, "2002-04-10"))
            .entry_into_force,
        None
    );
    let r = t.entry_into_force(&up_to(&all, "2002-04-11"));
    // 11 April + 60 days = 10 June; the first day of the month after: 1 July 2002.
    assert_eq!(r.conditions_met, Some(day("2002-04-11")));
    assert_eq!(r.entry_into_force, Some(day("2002-07-01")));
    // All ten that deposited together on 11 April are bound from the same day.
    for s in [
        "BIH", "BGR", "KHM", "COD", "IRL", "JOR", "MNG", "NER", "ROU", "SVK",
    ] {
        assert_eq!(r.per_state[&iso(s)], day("2002-07-01"), "{s}");
    }
    // Art. 126(2) for later states; e.g. the United Kingdom deposited on 4 October 2001
    // (before) and is bound from 1 July 2002; a state depositing on 2 August 2002 would be
    // bound from 1 November 2002 (2 August + 60 days = 1 October).
    let r = t.entry_into_force(&all);
    assert_eq!(r.per_state[&iso("GBR")], day("2002-07-01"));
    let late = Deposit {
        state: iso("XXA"),
        instrument: Instrument::Accession,
        date: day("2002-08-02"),
        share: None,
    };
    let mut more = all.clone();
    more.push(late);
    assert_eq!(
        t.entry_into_force(&more).per_state[&iso("XXA")],
        day("2002-11-01")
    );
}

#[test]
fn paris_agreement_enters_into_force_on_4_november_2016() {
    let t = treaty("paris-agreement.toml", PARIS);
    let all = deposits(&t, PARIS_DEPOSITS);
    // By 4 October 2016 more than 55 Parties had deposited, but under 55 % of emissions.
    let r = t.entry_into_force(&up_to(&all, "2016-10-04"));
    assert!(r.instruments >= 55, "{}", r.instruments);
    assert!(r.progress[0].met && !r.progress[1].met);
    assert_eq!(r.entry_into_force, None);
    let r = t.entry_into_force(&up_to(&all, "2016-10-05"));
    assert_eq!(r.conditions_met, Some(day("2016-10-05")));
    assert_eq!(r.entry_into_force, Some(day("2016-11-04")));
    let r = t.entry_into_force(&all);
    assert_eq!(r.entry_into_force, Some(day("2016-11-04")));
    assert_eq!(r.per_state[&iso("EUU")], day("2016-11-04"));
    assert_eq!(r.per_state[&iso("CHN")], day("2016-11-04"));
    // Art. 21(3): a Party depositing after 5 October is bound 30 days after its own deposit,
    // even when that falls after 4 November.
    for d in all.iter().filter(|d| d.date > day("2016-10-05")) {
        let want = d.date.date().checked_add(time::Duration::days(30)).unwrap();
        assert_eq!(
            r.per_state[&d.state].date(),
            want.max(day("2016-11-04").date())
        );
    }
}

#[test]
fn shares_read_as_percentages_or_fractions_alike() {
    let t = treaty("paris-agreement.toml", PARIS);
    let mk = |rows: &[(&str, &str)]| {
        let mut s = String::from("state,instrument,date,share\n");
        for (i, (st, sh)) in rows.iter().enumerate() {
            s.push_str(&format!("{st},ratification,2016-05-{:02},{sh}\n", i + 1));
        }
        s
    };
    // 55 parties: one holds exactly 55 %, the rest nothing.
    let states: Vec<String> = (0..55)
        .map(|i| format!("X{}{}", (b'A' + i / 26) as char, (b'A' + i % 26) as char))
        .collect();
    for big in ["55", "55%", "0.55"] {
        let rows: Vec<(&str, &str)> = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), if i == 0 { big } else { "0" }))
            .collect();
        let text = mk(&rows[..25]).replace("2016-05-", "2016-06-")
            + &mk(&rows[25..])
                .lines()
                .skip(1)
                .map(|l| format!("{l}\n"))
                .collect::<String>();
        let ds = deposits(&t, &text);
        let r = t.entry_into_force(&ds);
        assert!(
            r.entry_into_force.is_some(),
            "share written {big}: exactly 55 % meets the threshold"
        );
    }
    // Just under: 54.99 %.
    let rows: Vec<(&str, &str)> = states
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), if i == 0 { "54.99" } else { "0" }))
        .collect();
    let text = mk(&rows[..25]).replace("2016-05-", "2016-06-")
        + &mk(&rows[25..])
            .lines()
            .skip(1)
            .map(|l| format!("{l}\n"))
            .collect::<String>();
    assert_eq!(
        t.entry_into_force(&deposits(&t, &text)).entry_into_force,
        None
    );
}

fn errors(t: &Treaty, text: &str) -> String {
    parse_deposits("d.csv", text, t).unwrap_err().to_string()
}

#[test]
fn bad_deposits_are_refused_with_line_and_field() {
    let t = treaty("rome-statute.toml", ROME);
    let e = errors(
        &t,
        "state,instrument,date\nDNK,ratification,2001-06-21\nDNK,accession,2002-01-01\n",
    );
    assert!(
        e.contains("d.csv:3:1: state: DNK deposits a second instrument (its first is on line 2)"),
        "{e}"
    );
    let e = errors(&t, "state,instrument,date\nSEN,ratification,1998-07-16\n");
    assert!(e.contains("d.csv:2:1: date: SEN deposited on 1998-07-16, before the treaty opened for signature on 1998-07-17"), "{e}");
    let e = errors(
        &t,
        "state,instrument,date\nSEN,signature,1999-02-02\nse1,ratification,1999-02-31\n",
    );
    assert!(
        e.contains("d.csv:2:1: instrument: \"signature\" is not an instrument"),
        "{e}"
    );
    assert!(
        e.contains("d.csv:3:1: state: \"SE1\" is not an ISO 3166-1 alpha-3 code"),
        "{e}"
    );
    assert!(
        e.contains("d.csv:3:1: date: \"1999-02-31\" is not a date"),
        "{e}"
    );
    // A byte-order mark (spreadsheet exports) and lower-case codes are read as meant.
    let ok = parse_deposits(
        "d.csv",
        "\u{feff}state,instrument,date\r\nsen,Ratification,1999-02-02\r\n",
        &t,
    )
    .unwrap();
    assert_eq!(ok[0].state.as_str(), "SEN");
    assert_eq!(ok[0].instrument, Instrument::Ratification);
    let e = errors(&t, "country,instrument,when\n");
    assert!(e.contains("missing: state, date"), "{e}");
    let paris = treaty("paris-agreement.toml", PARIS);
    let e = errors(
        &paris,
        "state,instrument,date\nFJI,ratification,2016-04-22\n",
    );
    assert!(e.contains("needs a `share` column"), "{e}");
    let e = errors(
        &paris,
        "state,instrument,date,share\nFJI,ratification,2016-04-22,lots\n",
    );
    assert!(
        e.contains("d.csv:2:1: share: \"lots\" is not a non-negative number"),
        "{e}"
    );
}

#[test]
fn bad_treaty_files_are_refused_with_line_and_field() {
    let bad = PARIS.replace("quantity = \"emissions\"", "quantity = \"gdp\"");
    let e = Treaty::parse("p.toml", &bad).unwrap_err().to_string();
    assert!(e.contains("entry_into_force.when[1].quantity: the clause weighs \"gdp\", an unknown quantity (defined: emissions)"), "{e}");
    assert!(e.starts_with("p.toml:"), "{e}");
    let bad = ROME.replace(
        "\"+60 days\", \"first day of next month\"]\n\n[entry_into_force.later]",
        "\"+60 dayz\", \"first day of next month\"]\n\n[entry_into_force.later]",
    );
    let e = Treaty::parse("r.toml", &bad).unwrap_err().to_string();
    assert!(
        e.contains("entry_into_force.date[0]: \"+60 dayz\" is not a date step"),
        "{e}"
    );
    let line = ROME
        .lines()
        .position(|l| l.starts_with("date = [\"+60 dayz") || l.starts_with("date = [\"+60 days"))
        .unwrap()
        + 1;
    assert!(
        e.starts_with(&format!("r.toml:{line}:")),
        "{e} (line {line})"
    );
    let bad = MINE_BAN.replace(
        "when = [{ instruments = 40 }]",
        "when = [{ instruments = 40, at_least = \"5%\" }]",
    );
    let e = Treaty::parse("m.toml", &bad).unwrap_err().to_string();
    assert!(
        e.contains("entry_into_force.when[0]: a condition is either"),
        "{e}"
    );
    let bad = MINE_BAN.replace("[entry_into_force]", "[entry_into_force]\nwhen_ever = 1");
    assert!(
        Treaty::parse("m.toml", &bad)
            .unwrap_err()
            .to_string()
            .contains("when_ever")
    );
}
