//! The deposits CSV: columns in any order, shares as fractions or percentages, errors by
//! file, line, column and field.

use super::*;

/// Read a deposits file: a header naming `state`, `instrument` and `date` (any order), and
/// optionally `share` (or a column named after the quantity the clause weighs). Shares are
/// percentages when written with `%`, or when any is above 1 or they add up to more than 1;
/// otherwise fractions of the whole; an empty share adds nothing. Every problem is reported with its line and column name;
/// a state listed twice is refused with both lines.
pub fn parse_deposits(
    file: &str,
    text: &str,
    treaty: &Treaty,
) -> Result<Vec<Deposit>, LocatedErrors> {
    let mut errors = Vec::new();
    let err = |line: usize, field: &str, message: String| LocatedError {
        file: file.to_owned(),
        line,
        column: 1,
        field: field.to_owned(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(LocatedErrors(vec![err(
                1,
                "",
                format!("cannot read the header: {e}"),
            )]));
        }
    };
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (state_c, inst_c, date_c) = (col("state"), col("instrument"), col("date"));
    let weighed = treaty.weighed_quantity();
    let share_c = col("share").or_else(|| weighed.and_then(col));
    let mut missing = Vec::new();
    for (name, c) in [("state", state_c), ("instrument", inst_c), ("date", date_c)] {
        if c.is_none() {
            missing.push(name);
        }
    }
    if let (Some(q), None) = (weighed, share_c) {
        errors.push(err(
            1,
            "share",
            format!(
                "the clause weighs {q:?} ({}), so the file needs a `share` column with each state's share",
                treaty.info.id
            ),
        ));
    }
    if !missing.is_empty() {
        errors.insert(
            0,
            err(
                1,
                "",
                format!(
                    "the header must name the columns state, instrument and date; missing: {} (found: {})",
                    missing.join(", "),
                    headers.iter().collect::<Vec<_>>().join(",")
                ),
            ),
        );
    }
    let (Some(state_c), Some(inst_c), Some(date_c)) = (state_c, inst_c, date_c) else {
        return Err(LocatedErrors(errors));
    };
    struct Row {
        line: usize,
        state: Iso3,
        instrument: Instrument,
        date: Day,
        share: Option<(u64, u64, bool)>,
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut first_line: BTreeMap<Iso3, usize> = BTreeMap::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(err(line, "", format!("not a CSV row: {e}")));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let field = |c: usize| rec.get(c).unwrap_or("");
        let before = errors.len();
        let state = Iso3::parse(&field(state_c).to_ascii_uppercase())
            .map_err(|e| err(line, "state", e.to_string()));
        let instrument = Instrument::parse(&field(inst_c).to_ascii_lowercase()).ok_or_else(|| {
            err(
                line,
                "instrument",
                format!(
                    "{:?} is not an instrument: one of ratification, acceptance, approval, accession",
                    field(inst_c)
                ),
            )
        });
        let date = Day::parse(field(date_c)).map_err(|e| err(line, "date", e.to_string()));
        // (value as a fraction, value as a percentage, written with %)
        let share = match (weighed, share_c) {
            (Some(_), Some(c)) => {
                let raw = field(c);
                let (v, pct) = match raw.strip_suffix('%') {
                    Some(v) => (v.trim(), true),
                    None => (raw, false),
                };
                match (decimal(v, false), decimal(v, true)) {
                    // Not listed (the UNFCCC table has no figure for some Parties): nothing to add.
                    _ if raw.is_empty() => Some((0, 0, false)),
                    (Some(f), Some(p)) => Some((f.0, p.0, pct)),
                    (None, Some(p)) => Some((u64::MAX, p.0, pct)),
                    _ => {
                        errors.push(err(
                            line,
                            "share",
                            format!("{raw:?} is not a non-negative number (e.g. 17.89 or 1.2%)"),
                        ));
                        None
                    }
                }
            }
            _ => None,
        };
        let (state, instrument, date) = match (state, instrument, date) {
            (Ok(s), Ok(i), Ok(d)) => (s, i, d),
            (s, i, d) => {
                errors.extend(s.err());
                errors.extend(i.err());
                errors.extend(d.err());
                continue;
            }
        };
        if errors.len() > before {
            continue;
        }
        if let Some(opened) = treaty.info.opened_for_signature
            && date < opened
        {
            errors.push(err(
                line,
                "date",
                format!(
                    "{state} deposited on {date}, before the treaty opened for signature on {opened}"
                ),
            ));
            continue;
        }
        if let Some(first) = first_line.get(&state) {
            errors.push(err(
                line,
                "state",
                format!("{state} deposits a second instrument (its first is on line {first}); a state deposits once"),
            ));
            continue;
        }
        first_line.insert(state.clone(), line);
        rows.push(Row {
            line,
            state,
            instrument,
            date,
            share,
        });
    }
    if !errors.is_empty() {
        return Err(LocatedErrors(errors));
    }
    // Percentages or fractions of the whole: one reading for the whole column.
    let shares: Vec<(u64, u64, bool)> = rows.iter().filter_map(|r| r.share).collect();
    let fraction_sum = shares
        .iter()
        .fold(0u64, |a, (f, _, _)| a.saturating_add(*f));
    let as_percent = shares.iter().any(|(_, _, pct)| *pct) || fraction_sum > Share::WHOLE;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let share = r
            .share
            .map(|(f, p, _)| Share(if as_percent { p } else { f }));
        if let Some(s) = share
            && s.0 > Share::WHOLE
        {
            return Err(LocatedErrors(vec![err(
                r.line,
                "share",
                format!("a share of {s} is more than the whole"),
            )]));
        }
        out.push(Deposit {
            state: r.state,
            instrument: r.instrument,
            date: r.date,
            share,
        });
    }
    Ok(out)
}
