//! A treaty file checked as a whole: every problem with the field it is in.

use super::*;

pub(super) fn validate(t: &RawTreaty) -> Vec<(Path, String)> {
    let mut out = Vec::new();
    let info = &t.treaty;
    if info.id.is_empty()
        || !info
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        out.push((
            vec![key("treaty"), key("id")],
            format!(
                "{:?} is not a treaty id (lower-case letters, digits and '-')",
                info.id
            ),
        ));
    }
    if info.title.trim().is_empty() {
        out.push((
            vec![key("treaty"), key("title")],
            "the treaty needs a title".into(),
        ));
    }
    if let (Some(a), Some(o)) = (info.adopted, info.opened_for_signature)
        && o < a
    {
        out.push((
            vec![key("treaty"), key("opened_for_signature")],
            format!("the treaty opens for signature ({o}) before it was adopted ({a})"),
        ));
    }
    let r = &t.entry_into_force;
    let base = |f: &str| vec![key("entry_into_force"), key(f)];
    if let Some(c) = &r.counts {
        if c.is_empty() {
            out.push((
                base("counts"),
                "no instrument counts: name at least one".into(),
            ));
        }
        for (i, s) in c.iter().enumerate() {
            if Instrument::parse(s).is_none() {
                out.push((
                    vec![key("entry_into_force"), key("counts"), Seg::Index(i)],
                    format!(
                        "{s:?} is not an instrument (ratification, acceptance, approval, accession)"
                    ),
                ));
            }
        }
    }
    if r.when.is_empty() {
        out.push((
            base("when"),
            "the clause needs at least one condition".into(),
        ));
    }
    let mut weighed = BTreeSet::new();
    for (i, c) in r.when.iter().enumerate() {
        let p = |f: Option<&str>| {
            let mut p = vec![key("entry_into_force"), key("when"), Seg::Index(i)];
            p.extend(f.map(key));
            p
        };
        match (c.instruments, &c.quantity, &c.at_least) {
            (Some(0), None, None) => out.push((p(Some("instruments")), "must be at least 1".into())),
            (Some(_), None, None) => {}
            (None, Some(q), Some(a)) => {
                if !t.quantities.contains_key(q) {
                    let known: Vec<&str> = t.quantities.keys().map(String::as_str).collect();
                    out.push((
                        p(Some("quantity")),
                        if known.is_empty() {
                            format!("the clause weighs {q:?}, but the file defines no quantity (add [quantities.{q}])")
                        } else {
                            format!("the clause weighs {q:?}, an unknown quantity (defined: {})", known.join(", "))
                        },
                    ));
                }
                weighed.insert(q.as_str());
                if let Err(m) = Share::parse_threshold(a) {
                    out.push((p(Some("at_least")), m));
                }
            }
            _ => out.push((
                p(None),
                "a condition is either { instruments = N } or { quantity = \"name\", at_least = \"55%\" }".into(),
            )),
        }
    }
    if weighed.len() > 1 {
        out.push((
            base("when"),
            "the clause weighs more than one quantity; a deposits file carries one share per state"
                .into(),
        ));
    }
    let check_steps = |steps: &[String], path: Path, out: &mut Vec<(Path, String)>| {
        if steps.is_empty() {
            out.push((
                path.clone(),
                "no date steps: use [\"+0 days\"] for the day itself".into(),
            ));
        }
        for (i, s) in steps.iter().enumerate() {
            if let Err(m) = Step::parse(s) {
                let mut p = path.clone();
                p.push(Seg::Index(i));
                out.push((p, m));
            }
        }
    };
    check_steps(&r.date, base("date"), &mut out);
    if let Some(l) = &r.later {
        check_steps(
            &l.date,
            vec![key("entry_into_force"), key("later"), key("date")],
            &mut out,
        );
    }
    if let Some(w) = &t.withdrawal {
        check_steps(
            &w.effective,
            vec![key("withdrawal"), key("effective")],
            &mut out,
        );
        if let Some(nb) = &w.not_before {
            check_steps(nb, vec![key("withdrawal"), key("not_before")], &mut out);
        }
    }
    out
}
