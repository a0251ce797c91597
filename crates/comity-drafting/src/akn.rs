//! Export of one version of a draft to Akoma Ntoso 3.0 (OASIS LegalDocML), valid against
//! the OASIS schema (`data/akn/akomantoso30.xsd`; the tests validate with xmllint).
//!
//! The treaty is an `<act name="treaty">`: the vocabulary has no treaty document type, and
//! `act` is the one whose structure (preface, preamble, body of articles and paragraphs)
//! a treaty has. Identification follows FRBR:
//!
//! | level | FRBRthis / FRBRuri | FRBRdate |
//! |---|---|---|
//! | work | `{work_uri_base}/!main`, `{work_uri_base}` | the date in the work URI, `negotiation` |
//! | expression | `{work}/{language}@round-{version}/!main`, `…@round-{version}` | [`AknMeta::date`], `round` |
//! | manifestation | `{expression}/!main.xml`, `{expression}.akn` | [`AknMeta::generated`], `generation` |
//!
//! `FRBRcountry` is the country segment of the work URI (`/akn/un/…` → `un`): the schema
//! takes any string, and for a treaty among states the jurisdiction is international.
//!
//! **Brackets** are kept as negotiating text with AKN's generic inline element:
//! `<inline name="bracket" refersTo="#bracketedText">[<inline name="alternative">a</inline>
//! / <inline name="alternative">b</inline>]</inline>`. The square brackets and slashes stay
//! in the text, so a reader that ignores the markup still sees the brackets, and nested
//! brackets nest. `#bracketedText` is a `TLCConcept` in the references.

use serde::{Deserialize, Serialize};

use crate::text::{Draft, Segment};

pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// What the export needs besides the text; the caller supplies dates (core reads no clock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AknMeta {
    /// The work's IRI per the AKN naming convention, with a date segment, e.g.
    /// `/akn/un/act/treaty/aod/2026-11-29/founding-treaty`.
    pub work_uri_base: String,
    /// Date of this version (the round's text), YYYY-MM-DD.
    pub date: String,
    /// The round.
    pub version: u32,
    /// ISO 639-2 code, e.g. `eng`.
    pub language: String,
    /// The drafting body, e.g. `Treaty Commission`.
    pub author: String,
    /// Date the file is generated, YYYY-MM-DD.
    pub generated: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AknError {
    #[error(
        "work URI {0:?}: expected /akn/<country>/act/…/<YYYY-MM-DD>/…, without spaces, `@`, `!`, `#`, `?` or a trailing slash"
    )]
    BadWorkUri(String),
    #[error("{field}: {value:?} is not a date (YYYY-MM-DD)")]
    BadDate { field: &'static str, value: String },
    #[error("language {0:?}: expected a three-letter ISO 639-2 code such as \"eng\"")]
    BadLanguage(String),
    #[error("the author is empty")]
    EmptyAuthor,
}

impl AknError {
    /// A stable identifier, also the message id in the translations.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadWorkUri(_) => "akn_bad_work_uri",
            Self::BadDate { .. } => "akn_bad_date",
            Self::BadLanguage(_) => "akn_bad_language",
            Self::EmptyAuthor => "akn_empty_author",
        }
    }
}

impl AknMeta {
    /// The expression IRI of this version: `{work}/{language}@round-{version}`.
    pub fn expression_uri(&self) -> String {
        format!(
            "{}/{}@round-{}",
            self.work_uri_base, self.language, self.version
        )
    }

    /// (country, work date) from the work URI, after checking every field.
    fn check(&self) -> Result<(&str, &str), AknError> {
        let bad_uri = || AknError::BadWorkUri(self.work_uri_base.clone());
        let uri = &self.work_uri_base;
        let segments: Vec<&str> = uri
            .strip_prefix("/akn/")
            .ok_or_else(bad_uri)?
            .split('/')
            .collect();
        let clean = !uri.contains(|c: char| c.is_whitespace() || "@!#?\"<>\\".contains(c));
        if !clean || segments.iter().any(|s| s.is_empty()) || segments.get(1) != Some(&"act") {
            return Err(bad_uri());
        }
        let country = segments[0];
        let work_date = segments
            .iter()
            .copied()
            .find(|s| is_date(s))
            .ok_or_else(bad_uri)?;
        for (field, value) in [("date", &self.date), ("generated", &self.generated)] {
            if !is_date(value) {
                let value = value.clone();
                return Err(AknError::BadDate { field, value });
            }
        }
        if self.language.len() != 3 || !self.language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(AknError::BadLanguage(self.language.clone()));
        }
        if self.author.trim().is_empty() {
            return Err(AknError::EmptyAuthor);
        }
        Ok((country, work_date))
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        s[..4].parse::<i32>(),
        s[5..7].parse::<u8>(),
        s[8..].parse::<u8>(),
    ) else {
        return false;
    };
    time::Month::try_from(m).is_ok_and(|m| time::Date::from_calendar_date(y, m, d).is_ok())
}

/// Escapes text for element content and attribute values, and replaces the characters
/// XML 1.0 forbids (control characters other than tab and newlines) with U+FFFD.
fn esc(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

fn attr(value: &str) -> String {
    let mut out = String::new();
    esc(&mut out, value);
    out
}

fn inline(out: &mut String, segs: &[Segment]) {
    for seg in segs {
        match seg {
            Segment::Text(t) => esc(out, t),
            Segment::Bracket(b) => {
                out.push_str("<inline name=\"bracket\" refersTo=\"#bracketedText\">[");
                for (i, alt) in b.alternatives.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" / ");
                    }
                    out.push_str("<inline name=\"alternative\">");
                    inline(out, alt);
                    out.push_str("</inline>");
                }
                out.push_str("]</inline>");
            }
        }
    }
}

/// An identifier for the author's TLC href: lowercase ASCII letters and digits, `-` between.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "author".to_owned()
    } else {
        out.to_owned()
    }
}

/// The version as an Akoma Ntoso document.
pub fn export(draft: &Draft, meta: &AknMeta) -> Result<String, AknError> {
    let (country, work_date) = meta.check()?;
    let work = &meta.work_uri_base;
    let expression = meta.expression_uri();
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!("<akomaNtoso xmlns=\"{NAMESPACE}\">\n"));
    x.push_str("  <act name=\"treaty\">\n    <meta>\n      <identification source=\"#comity\">\n");

    x.push_str("        <FRBRWork>\n");
    frbr_core(
        &mut x,
        &format!("{work}/!main"),
        work,
        work_date,
        "negotiation",
        "#author",
    );
    x.push_str(&format!(
        "          <FRBRcountry value=\"{}\"/>\n",
        attr(country)
    ));
    x.push_str(&format!(
        "          <FRBRname value=\"{}\"/>\n",
        attr(&draft.title_text())
    ));
    x.push_str("        </FRBRWork>\n        <FRBRExpression>\n");
    frbr_core(
        &mut x,
        &format!("{expression}/!main"),
        &expression,
        &meta.date,
        "round",
        "#author",
    );
    x.push_str(&format!(
        "          <FRBRversionNumber value=\"{}\"/>\n",
        meta.version
    ));
    x.push_str(&format!(
        "          <FRBRlanguage language=\"{}\"/>\n",
        attr(&meta.language)
    ));
    x.push_str("        </FRBRExpression>\n        <FRBRManifestation>\n");
    let this = format!("{expression}/!main.xml");
    frbr_core(
        &mut x,
        &this,
        &format!("{expression}.akn"),
        &meta.generated,
        "generation",
        "#comity",
    );
    x.push_str("          <FRBRformat value=\"application/akn+xml\"/>\n");
    x.push_str("        </FRBRManifestation>\n      </identification>\n");

    x.push_str("      <references source=\"#comity\">\n");
    x.push_str("        <TLCOrganization eId=\"comity\" href=\"/ontology/organization/comity\" showAs=\"Comity\"/>\n");
    x.push_str(&format!(
        "        <TLCOrganization eId=\"author\" href=\"/ontology/organization/{}/{}\" showAs=\"{}\"/>\n",
        attr(country),
        slug(&meta.author),
        attr(meta.author.trim())
    ));
    x.push_str(
        "        <TLCConcept eId=\"bracketedText\" href=\"/ontology/concept/comity/bracketedText\" showAs=\"Bracketed text: language not yet agreed\"/>\n",
    );
    x.push_str("      </references>\n    </meta>\n");

    x.push_str("    <preface>\n      <longTitle eId=\"longTitle\">\n        <p><docTitle>");
    inline(&mut x, &draft.title);
    x.push_str("</docTitle></p>\n      </longTitle>\n    </preface>\n");

    if !draft.preamble.is_empty() {
        x.push_str("    <preamble>\n");
        for p in &draft.preamble {
            x.push_str(&format!("      <p eId=\"{}\">", attr(&p.eid)));
            inline(&mut x, &p.content);
            x.push_str("</p>\n");
        }
        x.push_str("    </preamble>\n");
    }

    x.push_str("    <body>\n");
    for a in &draft.articles {
        x.push_str(&format!("      <article eId=\"{}\">\n", attr(&a.eid)));
        x.push_str(&format!("        <num>Article {}</num>\n", a.number));
        if let Some(h) = &a.heading {
            x.push_str(&format!("        <heading>{}</heading>\n", attr(h)));
        }
        for p in &a.paragraphs {
            x.push_str(&format!("        <paragraph eId=\"{}\">\n", attr(&p.eid)));
            if let Some(n) = p.num {
                x.push_str(&format!("          <num>{n}.</num>\n"));
            }
            x.push_str("          <content>\n            <p>");
            inline(&mut x, &p.content);
            x.push_str("</p>\n          </content>\n        </paragraph>\n");
        }
        x.push_str("      </article>\n");
    }
    x.push_str("    </body>\n  </act>\n</akomaNtoso>\n");
    Ok(x)
}

/// FRBRthis, FRBRuri, FRBRdate and FRBRauthor, in the order the schema wants them.
fn frbr_core(x: &mut String, this: &str, uri: &str, date: &str, date_name: &str, author: &str) {
    x.push_str(&format!("          <FRBRthis value=\"{}\"/>\n", attr(this)));
    x.push_str(&format!("          <FRBRuri value=\"{}\"/>\n", attr(uri)));
    x.push_str(&format!(
        "          <FRBRdate date=\"{}\" name=\"{date_name}\"/>\n",
        attr(date)
    ));
    x.push_str(&format!("          <FRBRauthor href=\"{author}\"/>\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> AknMeta {
        AknMeta {
            work_uri_base: "/akn/un/act/treaty/aod/2026-11-29/founding-treaty".into(),
            date: "2026-12-01".into(),
            version: 3,
            language: "eng".into(),
            author: "Treaty Commission".into(),
            generated: "2026-12-02".into(),
        }
    }

    #[test]
    fn dates_are_checked_on_the_calendar() {
        assert!(is_date("2028-02-29"));
        assert!(!is_date("2027-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-1-01"));
        assert!(!is_date("2026-01-01T00:00:00Z"));
    }

    #[test]
    fn meta_is_checked_before_export() {
        let ok = meta();
        assert_eq!(ok.check(), Ok(("un", "2026-11-29")));
        let bad = |f: fn(&mut AknMeta)| {
            let mut m = meta();
            f(&mut m);
            m.check().map(|_| ()).map_err(|e| e.code())
        };
        assert_eq!(
            bad(|m| m.work_uri_base = "akn/un/act/x/2026-11-29/t".into()),
            Err("akn_bad_work_uri")
        );
        assert_eq!(
            bad(|m| m.work_uri_base = "/akn/un/doc/x/2026-11-29/t".into()),
            Err("akn_bad_work_uri")
        );
        assert_eq!(
            bad(|m| m.work_uri_base = "/akn/un/act/x/t".into()),
            Err("akn_bad_work_uri")
        );
        assert_eq!(
            bad(|m| m.work_uri_base = "/akn/un/act/2026-11-29/t/".into()),
            Err("akn_bad_work_uri")
        );
        assert_eq!(
            bad(|m| m.work_uri_base = "/akn/un/act/2026-11-29/a b".into()),
            Err("akn_bad_work_uri")
        );
        assert_eq!(bad(|m| m.date = "1 Dec 2026".into()), Err("akn_bad_date"));
        assert_eq!(
            bad(|m| m.generated = "2026-12-32".into()),
            Err("akn_bad_date")
        );
        assert_eq!(bad(|m| m.language = "en".into()), Err("akn_bad_language"));
        assert_eq!(bad(|m| m.author = " ".into()), Err("akn_empty_author"));
    }

    #[test]
    fn escaping_and_slugs() {
        let mut s = String::new();
        esc(&mut s, "a & b <c> \"d\" \u{1}");
        assert_eq!(s, "a &amp; b &lt;c&gt; &quot;d&quot; \u{fffd}");
        assert_eq!(slug("Treaty Commission (2026)"), "treaty-commission-2026");
        assert_eq!(slug("لجنة"), "author");
    }
}
