//! A consultation as a TOML file (`comity consultation open FILE`; the demo's is
//! `consultations/global-digital-compact.toml`): every problem is located by line and field.
//!
//! ```toml
//! organ = "governing_council"
//! title = "…"
//! question = "…"
//! opens = "2026-01-12"
//! closes = "2026-03-13"
//! audience = ["organisations", "states", "public"]
//!
//! [[questions]]
//! text = "…"
//! kind = "choice"          # text, choice or scale (1 strongly disagree … 5 strongly agree)
//! options = ["…", "…"]
//! ```

use serde::Deserialize;

use super::{Audience, Command, Question, QuestionKind, RespondentKind};
use crate::ids::Day;
use crate::toml_loc::{self, LocatedErrors, Path, Seg, key};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    organ: String,
    title: String,
    question: String,
    opens: String,
    closes: String,
    audience: Vec<String>,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    text: String,
    kind: String,
    #[serde(default)]
    options: Vec<String>,
}

fn problems(r: &Raw) -> Vec<(Path, String)> {
    let mut out = Vec::new();
    let mut days = Vec::new();
    for (field, v) in [("opens", &r.opens), ("closes", &r.closes)] {
        match Day::parse(v.trim()) {
            Ok(d) => days.push(d),
            Err(_) => out.push((vec![key(field)], format!("{v:?} is not a day (YYYY-MM-DD)"))),
        }
    }
    if let [o, c] = days[..]
        && c < o
    {
        out.push((vec![key("closes")], "closes before it opens".to_owned()));
    }
    for (i, a) in r.audience.iter().enumerate() {
        if audience_kind(a).is_none() {
            out.push((
                vec![key("audience"), Seg::Index(i)],
                format!("{a:?} is not organisations, states or public"),
            ));
        }
    }
    if r.audience.is_empty() {
        out.push((
            vec![key("audience")],
            "name at least one kind of respondent".to_owned(),
        ));
    }
    if r.questions.is_empty() {
        out.push((
            vec![key("questions")],
            "ask at least one question".to_owned(),
        ));
    }
    for (i, q) in r.questions.iter().enumerate() {
        let at = |k: &str| vec![key("questions"), Seg::Index(i), key(k)];
        match q.kind.trim() {
            "text" | "scale" if !q.options.is_empty() => {
                out.push((
                    at("options"),
                    format!("a {} question has no options", q.kind.trim()),
                ));
            }
            "choice" if q.options.len() < 2 => {
                out.push((
                    at("options"),
                    "a choice offers at least two options".to_owned(),
                ));
            }
            "text" | "scale" | "choice" => {}
            other => out.push((
                at("kind"),
                format!("{other:?} is not text, choice or scale"),
            )),
        }
        if q.text.trim().is_empty() {
            out.push((at("text"), "the question has no text".to_owned()));
        }
    }
    out
}

fn audience_kind(s: &str) -> Option<RespondentKind> {
    match s.trim() {
        "organisations" | "organisation" => Some(RespondentKind::Organisation),
        "states" | "state" => Some(RespondentKind::State),
        "public" | "anyone" | "person" | "people" => Some(RespondentKind::Person),
        _ => None,
    }
}

/// The command that opens the consultation `text` describes, or every problem located.
pub fn parse(file: &str, text: &str) -> Result<Command, LocatedErrors> {
    let r: Raw = toml_loc::parse(file, text, problems)?;
    let day = |s: &str| Day::parse(s.trim()).unwrap_or(Day::from_date(time::Date::MIN));
    let mut audience = Audience::default();
    for a in &r.audience {
        match audience_kind(a) {
            Some(RespondentKind::Organisation) => audience.organisations = true,
            Some(RespondentKind::State) => audience.states = true,
            Some(RespondentKind::Person) => audience.public = true,
            None => {}
        }
    }
    let questions = r
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| Question {
            number: i as u32 + 1,
            text: q.text.trim().to_owned(),
            kind: match q.kind.trim() {
                "choice" => QuestionKind::Choice {
                    options: q.options.iter().map(|o| o.trim().to_owned()).collect(),
                },
                "scale" => QuestionKind::Scale,
                _ => QuestionKind::Text,
            },
        })
        .collect();
    Ok(Command::Open {
        organ: r.organ.trim().to_owned(),
        title: r.title.trim().to_owned(),
        question: r.question.trim().to_owned(),
        questions,
        opens: day(&r.opens),
        closes: day(&r.closes),
        audience,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
organ = "governing_council"
title = "T"
question = "Q?"
opens = "2026-01-12"
closes = "2026-03-13"
audience = ["organisations", "public"]

[[questions]]
text = "Which?"
kind = "choice"
options = ["a", "b"]

[[questions]]
text = "Agree?"
kind = "scale"
"#;

    #[test]
    fn a_file_reads_into_the_command_that_opens_it() {
        let Command::Open {
            questions,
            audience,
            opens,
            ..
        } = parse("c.toml", GOOD).unwrap()
        else {
            panic!("not an opening")
        };
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[1].number, 2);
        assert_eq!(questions[1].kind, QuestionKind::Scale);
        assert!(audience.organisations && audience.public && !audience.states);
        assert_eq!(opens.to_string(), "2026-01-12");
    }

    #[test]
    fn problems_are_located_by_line_and_field() {
        let bad = GOOD
            .replace("\"2026-03-13\"", "\"2025-03-13\"")
            .replace("kind = \"scale\"", "kind = \"stars\"");
        let e = parse("c.toml", &bad).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|p| p.field.as_str()).collect();
        assert!(fields.contains(&"closes"), "{e}");
        assert!(fields.contains(&"questions[1].kind"), "{e}");
        let kind = e.0.iter().find(|p| p.field == "questions[1].kind").unwrap();
        assert_eq!(kind.line, 16, "{e}");
    }
}
