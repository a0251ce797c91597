use super::*;

fn day(s: &str) -> Date {
    Day::parse(s).unwrap().date()
}

#[test]
fn steps_parse_and_apply() {
    let d = day("2002-04-11");
    assert_eq!(
        Step::parse("+60 days").unwrap().apply(d),
        Some(day("2002-06-10"))
    );
    assert_eq!(
        Step::parse("first day of next month")
            .unwrap()
            .apply(day("2002-06-10")),
        Some(day("2002-07-01"))
    );
    assert_eq!(
        apply_steps(
            &[Step::FirstDayOfMonth, Step::AddMonths(6)],
            day("1998-09-16")
        ),
        Some(day("1999-03-01"))
    );
    assert_eq!(add_months(day("2024-01-31"), 1), Some(day("2024-02-29")));
    assert_eq!(add_months(day("2023-12-15"), 1), Some(day("2024-01-15")));
    assert_eq!(
        Step::AddYears(1).apply(day("2024-02-29")),
        Some(day("2025-02-28"))
    );
    for bad in ["60 days", "+x days", "+3 weeks", "last day", ""] {
        assert!(Step::parse(bad).is_err(), "{bad}");
    }
    for s in [
        Step::AddDays(30),
        Step::AddMonths(6),
        Step::FirstDayOfNextMonth,
    ] {
        assert_eq!(Step::parse(&s.to_string()).unwrap(), s);
    }
}

#[test]
fn shares_are_exact() {
    assert_eq!(
        Share::parse_threshold("55%").unwrap(),
        Share(550_000_000_000_000)
    );
    assert_eq!(
        Share::parse_threshold("0.55").unwrap(),
        Share(550_000_000_000_000)
    );
    assert_eq!(Share::parse_threshold("55%").unwrap().to_string(), "55%");
    assert_eq!(decimal("17.89", true).unwrap().to_string(), "17.89%");
    assert!(Share::parse_threshold("1.5").is_err());
    assert!(Share::parse_threshold("abc").is_err());
    assert!(decimal("-1", false).is_none());
    assert!(decimal(".", false).is_none());
    assert_eq!(decimal(".5", false), Some(Share(Share::WHOLE / 2)));
}
