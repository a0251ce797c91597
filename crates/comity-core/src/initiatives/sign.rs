//! A signature's statement of support: what each member requires of a signatory, the check
//! of one form, and the keys the side table deduplicates on. Pure: the day and the secret key
//! come in.
//!
//! Nothing personal leaves here in the clear: the ID number becomes an HMAC-SHA256 under the
//! institution's secret key (the same person signing twice gives the same key; nobody without
//! the secret can test a guessed number against it), and so do the folded name, birth date
//! and postcode (the key fuzzy duplicates are found on).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ids::{Day, Iso3};
use crate::journal::Hash;

/// What a member requires of its signatories (the charter's `[initiatives]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirements {
    pub min_age: u32,
    pub id_number: bool,
    pub address: bool,
}

/// The form as filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureForm {
    pub name: String,
    /// ISO3 code of the member state the signatory is a citizen of.
    pub nationality: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
}

/// Why a form is refused: the field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("{field}: required")]
    Missing { field: &'static str },
    #[error("{field}: too long (at most {max} characters)")]
    TooLong { field: &'static str, max: usize },
    #[error("birth_date: {0:?} is not a date YYYY-MM-DD")]
    BadDate(String),
    #[error("birth_date: signatories from {state} must be at least {min_age}")]
    Underage { state: Iso3, min_age: u32 },
    #[error("nationality: {0:?} is not a member state of the alliance")]
    NotAMember(String),
}

impl FormError {
    /// The form's field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Missing { field } | Self::TooLong { field, .. } => field,
            Self::BadDate(_) | Self::Underage { .. } => "birth_date",
            Self::NotAMember(_) => "nationality",
        }
    }
}

/// A form that passed the check: its member state and its dedup keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub state: Iso3,
    /// The ID number's keyed hash, where the member requires one or one is given.
    pub id_key: Option<Hash>,
    /// The keyed hash of the folded name, the birth date and the postcode.
    pub person_key: Hash,
}

/// Full years from `born` to `on`.
pub fn age(born: Day, on: Day) -> i32 {
    let (b, d) = (born.date(), on.date());
    let mut years = d.year() - b.year();
    if (u8::from(d.month()), d.day()) < (u8::from(b.month()), b.day()) {
        years -= 1;
    }
    years
}

/// Check a form for `state`'s requirements on `today`, and key it. `is_member` says whether a
/// state is a member; `requirements` gives a member's.
pub fn check(
    form: &SignatureForm,
    today: Day,
    secret: &[u8],
    is_member: impl Fn(&Iso3) -> bool,
    requirements: impl Fn(&Iso3) -> Requirements,
) -> Result<Checked, FormError> {
    let field = |name: &'static str, v: &str, max: usize| -> Result<(), FormError> {
        if v.trim().is_empty() {
            Err(FormError::Missing { field: name })
        } else if v.chars().count() > max {
            Err(FormError::TooLong { field: name, max })
        } else {
            Ok(())
        }
    };
    field("name", &form.name, 200)?;
    field("nationality", &form.nationality, 3)?;
    let state = Iso3::parse(form.nationality.trim())
        .ok()
        .filter(&is_member)
        .ok_or_else(|| FormError::NotAMember(form.nationality.trim().to_owned()))?;
    field("birth_date", &form.birth_date, 10)?;
    let born = Day::parse(form.birth_date.trim())
        .ok()
        .filter(|b| *b <= today)
        .ok_or_else(|| FormError::BadDate(form.birth_date.clone()))?;
    let req = requirements(&state);
    if age(born, today) < i32::try_from(req.min_age).unwrap_or(i32::MAX) {
        return Err(FormError::Underage {
            state,
            min_age: req.min_age,
        });
    }
    if req.id_number {
        field("id_number", &form.id_number, 40)?;
    }
    if req.address {
        field("address", &form.address, 300)?;
        field("postcode", &form.postcode, 20)?;
    }
    // An ID number given where the member asks for none still keys the dedup; one of
    // nothing but spaces and dashes is none.
    let has_id = form.id_number.chars().any(char::is_alphanumeric);
    if req.id_number && !has_id {
        return Err(FormError::Missing { field: "id_number" });
    }
    let id_key = has_id.then(|| id_key(secret, &state, &form.id_number));
    Ok(Checked {
        person_key: person_key(secret, &form.name, born, &form.postcode),
        state,
        id_key,
    })
}

/// The ID number's keyed hash: spaces, dashes and dots dropped, letters upper-cased, under
/// the member's code.
pub fn id_key(secret: &[u8], state: &Iso3, id: &str) -> Hash {
    let norm: String = id
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    hmac(secret, format!("id\n{state}\n{norm}").as_bytes())
}

/// The keyed hash of the name (folded: case, accents and order of its words do not count),
/// the birth date and the postcode (letters and digits only).
pub fn person_key(secret: &[u8], name: &str, born: Day, postcode: &str) -> Hash {
    let folded = comity_matching::fold(name);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    words.sort_unstable();
    let post: String = postcode
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    hmac(
        secret,
        format!("person\n{}\n{born}\n{post}", words.join(" ")).as_bytes(),
    )
}

/// HMAC-SHA256 (RFC 2104).
pub fn hmac(key: &[u8], message: &[u8]) -> Hash {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |x: u8| k.map(|b| b ^ x);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    let outer = Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    Hash(outer.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        let h = hmac(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            h.to_string(),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    fn req(s: &Iso3) -> Requirements {
        Requirements {
            min_age: if s.as_str() == "AUT" { 16 } else { 18 },
            id_number: s.as_str() == "ITA",
            address: s.as_str() == "FRA",
        }
    }

    fn form(nat: &str, born: &str) -> SignatureForm {
        SignatureForm {
            name: "Ana Müller".into(),
            nationality: nat.into(),
            birth_date: born.into(),
            ..SignatureForm::default()
        }
    }

    #[test]
    fn a_form_is_checked_against_its_members_requirements() {
        let today = day("2026-06-15");
        let member = |s: &Iso3| s.as_str() != "RUS";
        let c = |f: &SignatureForm| check(f, today, b"k", member, req);
        // Sixteen in Austria, not in Germany (the day before the birthday is still 15/17).
        assert!(c(&form("AUT", "2010-06-15")).is_ok());
        assert_eq!(
            c(&form("AUT", "2010-06-16")).unwrap_err().field(),
            "birth_date"
        );
        assert!(matches!(
            c(&form("DEU", "2008-06-16")),
            Err(FormError::Underage { min_age: 18, .. })
        ));
        assert_eq!(
            c(&form("RUS", "1980-01-01")).unwrap_err(),
            FormError::NotAMember("RUS".into())
        );
        assert_eq!(
            c(&form("ITA", "1980-01-01")).unwrap_err(),
            FormError::Missing { field: "id_number" }
        );
        assert_eq!(
            c(&form("FRA", "1980-01-01")).unwrap_err().field(),
            "address"
        );
        assert!(matches!(
            c(&form("DEU", "1980-02-30")),
            Err(FormError::BadDate(_))
        ));
        let mut it = form("ITA", "1980-01-01");
        it.id_number = "ca 12345-ab".into();
        let a = c(&it).unwrap();
        it.id_number = "CA12345AB".into();
        it.name = "müller ANA".into();
        let b = c(&it).unwrap();
        assert_eq!(a.id_key, b.id_key);
        assert_eq!(a.person_key, b.person_key);
        assert!(a.id_key.is_some());
        // Another secret, other keys.
        assert_ne!(
            check(&it, today, b"other", member, req).unwrap().id_key,
            b.id_key
        );
    }
}
