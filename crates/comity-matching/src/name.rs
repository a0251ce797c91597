//! A name read as tokens: each word folded, its phonetic key, and what kind of word it is.
//! A company's legal form (`LLC`, `ООО`, `GmbH`) and a person's particles (`bin`, `al`, `van`)
//! say little about who is meant and weigh little when names are compared; a single letter
//! in a person's name is an initial, which agrees with any word it begins.

use crate::fold::fold;
use crate::key::key_of_folded;

/// What a name is the name of, in FollowTheMoney's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Schema {
    Person,
    Organization,
    Company,
    LegalEntity,
    Vessel,
}

/// A schema that is not one of the five.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown schema {0:?}: expected Person, Organization, Company, LegalEntity or Vessel")]
pub struct SchemaError(pub String);

impl Schema {
    pub const ALL: [Self; 5] = [
        Self::Person,
        Self::Organization,
        Self::Company,
        Self::LegalEntity,
        Self::Vessel,
    ];

    /// FollowTheMoney's name for the schema (`Person`, `LegalEntity`, …).
    pub fn code(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organization => "Organization",
            Self::Company => "Company",
            Self::LegalEntity => "LegalEntity",
            Self::Vessel => "Vessel",
        }
    }

    /// Reads FollowTheMoney's name, in any case (`person`, `Person`).
    pub fn parse(s: &str) -> Result<Self, SchemaError> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|x| x.code().eq_ignore_ascii_case(t))
            .ok_or_else(|| SchemaError(t.to_owned()))
    }

    /// Names of organisations, companies and other legal entities carry legal forms.
    pub fn is_entity(self) -> bool {
        matches!(self, Self::Organization | Self::Company | Self::LegalEntity)
    }
}

/// What kind of word a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenKind {
    /// A word that names: a given name, a surname, a company's own name.
    Word,
    /// A person's particle: `bin`, `ibn`, `al`, `abu`, `van`, `von`, `de`, `da`, `la`…
    Particle,
    /// A legal form: `llc`, `ltd`, `gmbh`, `ooo`, `pjsc`, `sa`…
    LegalForm,
    /// A single letter of a person's name.
    Initial,
    /// Digits (a vessel's number, a company's registration in its name).
    Number,
}

/// One word of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Folded: lower-case Latin letters and digits.
    pub text: String,
    /// Its phonetic key (see [`crate::key`]).
    pub key: String,
    pub kind: TokenKind,
}

/// A name as written, and as tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub original: String,
    pub schema: Schema,
    pub tokens: Vec<Token>,
}

/// Titles lists write before a name (`Dr.`, `Sheikh`, `Mawlawi`): particles even in a name
/// of two words (`Dr. Bashir`).
const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "sheikh", "shaikh", "sheik", "haji", "hajji", "mullah",
    "mawlawi", "maulavi", "sayyid", "sayed", "gen", "general", "col", "colonel", "maj", "capt",
    "sir", "lord",
];

/// Particles of persons' names across the languages lists carry most.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "ben", "abu", "abd", "ould", "van", "von", "der", "den",
    "de", "da", "di", "del", "della", "dos", "das", "do", "du", "la", "le", "lo", "ter", "zu", "y",
    "e", "mac",
];

/// Legal forms, folded, as companies and organisations write them across jurisdictions
/// (Russian and Ukrainian forms as they fold from Cyrillic: `ООО` → `ooo`).
const LEGAL_FORMS: &[&str] = &[
    "llc",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "lp",
    "llp",
    "lllp",
    "pllc",
    "pc",
    "gmbh",
    "ag",
    "kg",
    "ohg",
    "ug",
    "sa",
    "sas",
    "sarl",
    "sasu",
    "srl",
    "spa",
    "sl",
    "slu",
    "bv",
    "nv",
    "vof",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "jsc",
    "ojsc",
    "cjsc",
    "pjsc",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "tov",
    "pat",
    "fzco",
    "fze",
    "fzc",
    "fzllc",
    "pte",
    "pvt",
    "kft",
    "zrt",
    "nyrt",
    "sro",
    "doo",
    "ltda",
    "cia",
    "ik",
];

/// Legal forms written in several words, folded: every word of them is a legal form
/// (`Public Joint Stock Company`, `ПАО`'s long form `публичное акционерное общество`).
const LONG_LEGAL_FORMS: &[&[&str]] = &[
    &["public", "joint", "stock", "company"],
    &["open", "joint", "stock", "company"],
    &["closed", "joint", "stock", "company"],
    &["joint", "stock", "company"],
    &["limited", "liability", "company"],
    &["limited", "liability", "partnership"],
    &["state", "corporation"],
    &["state", "owned", "enterprise"],
    &["gesellschaft", "mit", "beschrankter", "haftung"],
    &["societe", "anonyme"],
    &["sociedad", "anonima"],
    &["publichnoe", "aktsionernoe", "obshchestvo"],
    &["otkrytoe", "aktsionernoe", "obshchestvo"],
    &["zakrytoe", "aktsionernoe", "obshchestvo"],
    &["aktsionernoe", "obshchestvo"],
    &["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"],
    &["gosudarstvennaya", "korporatsiya"],
    &["tovaristvo", "z", "obmezhenoyu", "vidpovidalnistyu"],
];

/// Which words belong to a legal form written in several words.
fn in_long_forms(words: &[&str]) -> Vec<bool> {
    let mut marked = vec![false; words.len()];
    for form in LONG_LEGAL_FORMS {
        if form.len() > words.len() {
            continue;
        }
        for start in 0..=words.len() - form.len() {
            if words[start..start + form.len()] == **form {
                marked[start..start + form.len()].fill(true);
            }
        }
    }
    marked
}

impl Name {
    /// Read a name: folded, cut into words, each word's kind and key.
    pub fn parse(original: &str, schema: Schema) -> Self {
        let folded = fold(original);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let long_form = if schema.is_entity() {
            in_long_forms(&words)
        } else {
            vec![false; words.len()]
        };
        let tokens = words
            .iter()
            .zip(long_form)
            .map(|(w, long)| {
                let kind = if w.bytes().all(|b| b.is_ascii_digit()) {
                    TokenKind::Number
                } else if schema.is_entity() && (long || LEGAL_FORMS.contains(w)) {
                    TokenKind::LegalForm
                } else if words.len() > 2 && matches!(*w, "i" | "e" | "y" | "o" | "u" | "a") {
                    // A vowel alone between words is a connector (`Jaish-i-Mohammed`).
                    TokenKind::Particle
                } else if schema == Schema::Person
                    && ((PARTICLES.contains(w) && words.len() > 2)
                        || (TITLES.contains(w) && words.len() > 1))
                {
                    TokenKind::Particle
                } else if schema == Schema::Person && w.chars().count() == 1 {
                    TokenKind::Initial
                } else {
                    TokenKind::Word
                };
                Token {
                    text: (*w).to_owned(),
                    key: key_of_folded(w),
                    kind,
                }
            })
            .collect();
        Self {
            original: original.to_owned(),
            schema,
            tokens,
        }
    }

    /// The words that name (not particles or legal forms), folded.
    pub fn words(&self) -> impl Iterator<Item = &Token> {
        self.tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// The phonetic keys of the words that name, sorted, once each: what a list is blocked
    /// by.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.words().map(|t| t.key.clone()).collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// The folded name, words in order, one space between them.
    pub fn folded(&self) -> String {
        let words: Vec<&str> = self.tokens.iter().map(|t| t.text.as_str()).collect();
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(name: &str, schema: Schema) -> Vec<(String, TokenKind)> {
        Name::parse(name, schema)
            .tokens
            .into_iter()
            .map(|t| (t.text, t.kind))
            .collect()
    }

    #[test]
    fn legal_forms_and_particles_are_told_apart() {
        use TokenKind::*;
        assert_eq!(
            kinds("ООО «Вагнер»", Schema::Company),
            vec![("ooo".into(), LegalForm), ("vagner".into(), Word)]
        );
        assert_eq!(
            kinds("Rosneft Oil Company PJSC", Schema::Company),
            vec![
                ("rosneft".into(), Word),
                ("oil".into(), Word),
                ("company".into(), LegalForm),
                ("pjsc".into(), LegalForm)
            ]
        );
        assert_eq!(
            kinds("Mohammed bin Salman Al Saud", Schema::Person),
            vec![
                ("mohammed".into(), Word),
                ("bin".into(), Particle),
                ("salman".into(), Word),
                ("al".into(), Particle),
                ("saud".into(), Word)
            ]
        );
        // Two words: no particle (a person named "Ben Ali" keeps both).
        assert_eq!(
            kinds("Ben Ali", Schema::Person),
            vec![("ben".into(), Word), ("ali".into(), Word)]
        );
        // A title is a particle even in a name of two words.
        assert_eq!(
            kinds("Dr. Bashir", Schema::Person),
            vec![("dr".into(), Particle), ("bashir".into(), Word)]
        );
        assert_eq!(
            kinds("J. Smith", Schema::Person),
            vec![("j".into(), Initial), ("smith".into(), Word)]
        );
        // A vessel's number; "co" in a person's name is a word.
        assert_eq!(
            kinds("Lady M 2", Schema::Vessel),
            vec![
                ("lady".into(), Word),
                ("m".into(), Word),
                ("2".into(), Number)
            ]
        );
    }

    #[test]
    fn one_name_in_two_scripts_has_the_same_keys() {
        for (a, b, schema) in [
            ("Мухаммад бин Салман", "Mohammed bin Salman", Schema::Person),
            ("Рамзан Кадыров", "Ramzan Kadyrov", Schema::Person),
            ("Kadyrov Ramzan", "Рамзан Кадыров", Schema::Person),
            ("ООО Вагнер", "Wagner LLC", Schema::Company),
            ("بشار الأسد", "Bashar al-Assad", Schema::Person),
        ] {
            assert_eq!(
                Name::parse(a, schema).keys(),
                Name::parse(b, schema).keys(),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn schemas_read_as_followthemoney_writes_them() {
        for s in Schema::ALL {
            assert_eq!(Schema::parse(s.code()), Ok(s));
            assert_eq!(Schema::parse(&s.code().to_lowercase()), Ok(s));
        }
        let err = Schema::parse("Aircraft").unwrap_err();
        assert!(err.to_string().contains("\"Aircraft\""), "{err}");
    }
}
