//! Screening: a name (with what else is known of its bearer) checked against a list of
//! persons and entities, each hit with its score and the reasons.
//!
//! A list is **blocked** before names are compared: every word of every listed name is filed
//! under its phonetic key ([`crate::key`]), under each key with one sound left out (so that a
//! spelling one letter away is still found: `Usmanov` / `Usmanof`), and under the key of the
//! whole name written without spaces (`Abdul Aziz` / `Abdulaziz`). A query is compared only
//! with the names that share one of its keys; `screen_exhaustive` compares it with every name,
//! which is how the blocking is checked (a benchmark shows both find the same hits).
//!
//! The score of a hit is the score of the best of the entity's names, then **qualifiers**:
//! birth dates that disagree lower it (a different year by 0.2, the same year but another
//! month or day by 0.1); countries that share nothing lower it by 0.1; a hit on a weak alias
//! alone (a nickname, a list's "low quality" alias) is never a match: it stays below
//! [`MATCH`]. Every adjustment is named in the hit.

use crate::key::{VARIANTS_FROM, key_of_folded};
use crate::name::{Name, Schema, Token, TokenKind};
use crate::score::{CONFLICT, Comparison, MATCH, MISSING, POSSIBLE, compare, score};

/// A person or entity on a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub schema: Schema,
    /// How the entity is shown (its first name).
    pub caption: String,
    /// Its names and aliases.
    pub names: Vec<String>,
    /// Weak aliases: never a match on their own.
    pub weak_aliases: Vec<String>,
    /// Birth or incorporation dates, ISO and possibly partial (`1952`, `1952-10`).
    pub birth_dates: Vec<String>,
    /// Countries (nationality, citizenship, jurisdiction, flag), ISO codes in lower case.
    pub countries: Vec<String>,
}

/// What is asked: a name, and what else is known of its bearer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub name: String,
    /// Compared only with entities of a compatible schema; any when `None`.
    pub schema: Option<Schema>,
    pub birth_date: Option<String>,
    pub country: Option<String>,
}

/// What a qualifier is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    BirthDate,
    Country,
    WeakAlias,
}

impl Feature {
    pub fn code(self) -> &'static str {
        match self {
            Self::BirthDate => "birth_date",
            Self::Country => "country",
            Self::WeakAlias => "weak_alias",
        }
    }
}

/// Something besides the names that moved the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualifier {
    pub feature: Feature,
    /// What it added to the score (negative: it lowered it).
    pub effect: f64,
    /// What the query said, and what the list says.
    pub query: String,
    pub list: Vec<String>,
}

/// An entity found for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The entity's index in the list.
    pub entity: usize,
    pub score: f64,
    /// The score of the names alone, before the qualifiers.
    pub name_score: f64,
    /// The listed name that scored best, and whether it is a weak alias.
    pub name: String,
    pub weak_alias: bool,
    /// Both names folded to plain Latin, the query's first.
    pub folded: (String, String),
    pub comparison: Comparison,
    pub qualifiers: Vec<Qualifier>,
}

/// One listed name: its entity, and whether it is a weak alias.
#[derive(Debug, Clone)]
struct Listed {
    entity: u32,
    name: Name,
    weak: bool,
    shape: Shape,
}

/// A list made ready for screening.
#[derive(Debug, Clone)]
pub struct List {
    entities: Vec<Entity>,
    names: Vec<Listed>,
    /// The names filed under each key, key after key (in the order of the keys' hashes).
    filed: Vec<u32>,
    /// An open-addressing table from a key's hash to its run in `filed`: (hash, start, end);
    /// a fixed hash and a fixed layout, so the same list gives the same table everywhere.
    table: Vec<(u64, u32, u32)>,
}

/// Whether a query of schema `q` may be the entity of schema `e`: the same, a legal entity
/// of any kind but a vessel, or an organisation and a company.
pub fn compatible(q: Schema, e: Schema) -> bool {
    use Schema::*;
    q == e
        || (q == LegalEntity && e != Vessel)
        || (e == LegalEntity && q != Vessel)
        || matches!((q, e), (Organization, Company) | (Company, Organization))
}

/// FNV-1a: a fixed hash, the same in every process.
fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The keys a word is filed and looked up under (hashed): its key, and for keys of three
/// sounds or more each key with one sound left out (see `keys_close`).
fn word_keys(key: &str, out: &mut Vec<u64>) {
    let k = key.as_bytes();
    out.push(hash(k));
    if k.len() >= VARIANTS_FROM {
        let mut v = Vec::with_capacity(k.len());
        for skip in 0..k.len() {
            v.clear();
            v.extend(
                k.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, b)| *b),
            );
            out.push(hash(&v));
        }
    }
}

/// The key of the whole name written without spaces, for names of several words (or of no
/// word that names): `Abdul Aziz` is filed where `Abdulaziz` is.
fn joined_key(name: &Name) -> Option<u64> {
    let words = name.tokens.iter().filter(|t| counts(t)).count();
    if name.tokens.len() < 2 && words > 0 {
        return None;
    }
    let joined: String = name.tokens.iter().map(|t| t.text.as_str()).collect();
    (!joined.is_empty()).then(|| hash(key_of_folded(&joined).as_bytes()))
}

/// The words that name.
fn counts(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

/// The tokens a list is blocked by: all but initials (a particle may pair with a word, as
/// `Ali` with the `al` Arabic script writes apart; an initial pairs with any word it begins,
/// whatever its key).
fn indexed(t: &Token) -> bool {
    t.kind != TokenKind::Initial
}

/// Of a name: how many tokens, how many of them name (words and numbers), how many are
/// initials — what the bound on a comparison's score needs.
fn shape(name: &Name) -> Shape {
    let words = name.tokens.iter().filter(|t| counts(t)).count();
    let initials = name
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Initial)
        .count();
    (name.tokens.len(), words, initials)
}

/// Tokens, words and initials of a name.
type Shape = (usize, usize, usize);

/// The highest score two names can reach when `shared` tokens of one find a key of the
/// other. Pairs form only between tokens whose keys are close (found by the blocking) or
/// with an initial, so at most `shared` + the initials pair; each pair counts at most one
/// word's weight, and the words left unpaired on each side are in conflict (up to the
/// smaller number) or missing, at the least they can count.
fn bound(shared: usize, q: Shape, l: Shape) -> f64 {
    let (q_tokens, q_words, q_initials) = q;
    let (l_tokens, l_words, l_initials) = l;
    let pairs = (shared + q_initials + l_initials)
        .min(q_tokens)
        .min(l_tokens);
    let (left_q, left_l) = (q_words.saturating_sub(pairs), l_words.saturating_sub(pairs));
    let conflicts = left_q.min(left_l) as f64;
    let missing = left_q.abs_diff(left_l) as f64;
    let top = pairs as f64;
    let total = top + CONFLICT * conflicts + MISSING * missing;
    if total > 0.0 { top / total } else { 0.0 }
}

/// The table of runs of `keys` (sorted): a power of two at least twice the number of distinct
/// keys, so that a search ends at an empty slot.
fn key_table(keys: &[u64]) -> Vec<(u64, u32, u32)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let mut j = i;
        while j < keys.len() && keys[j] == keys[i] {
            j += 1;
        }
        if let (Ok(a), Ok(b)) = (u32::try_from(i), u32::try_from(j)) {
            runs.push((keys[i], a, b));
        }
        i = j;
    }
    let size = (runs.len() * 2).max(2).next_power_of_two();
    let mask = size - 1;
    let mut table = vec![(0, 0, 0); size];
    for run in runs {
        let mut slot = (run.0 as usize) & mask;
        while table[slot].1 != table[slot].2 {
            slot = (slot + 1) & mask;
        }
        table[slot] = run;
    }
    table
}

/// The first `n` characters of a partial ISO date (`1952`, `1952-10`, `1952-10-07`): year 4,
/// month 7, day 10.
fn prefix(d: &str, n: usize) -> &str {
    d.get(..n.min(d.len())).unwrap_or(d)
}

/// The birth-date qualifier: `None` when either side says nothing or one date agrees at the
/// precision both give.
fn birth_effect(query: &str, listed: &[String]) -> f64 {
    if listed.is_empty() || query.is_empty() {
        return 0.0;
    }
    let agrees = |d: &String| {
        let n = query.len().min(d.len()).min(10);
        prefix(query, n) == prefix(d, n)
    };
    if listed.iter().any(agrees) {
        return 0.0;
    }
    let same_year = listed.iter().any(|d| prefix(d, 4) == prefix(query, 4));
    if same_year { -0.1 } else { -0.2 }
}

fn country_effect(query: &str, listed: &[String]) -> f64 {
    if listed.is_empty() || query.is_empty() || listed.iter().any(|c| c.eq_ignore_ascii_case(query))
    {
        return 0.0;
    }
    -0.1
}

/// A qualifier with its effect, where it has one.
fn qualifier(feature: Feature, effect: f64, query: &str, list: &[String]) -> Option<Qualifier> {
    (effect != 0.0).then(|| Qualifier {
        feature,
        effect,
        query: query.to_owned(),
        list: list.to_vec(),
    })
}

/// A query's name read under each schema it meets, once.
struct Parsed<'q> {
    name: &'q str,
    under: [Option<(Name, Shape)>; 5],
}

impl Parsed<'_> {
    fn entry(&mut self, schema: Schema) -> &(Name, Shape) {
        let i = Schema::ALL.iter().position(|s| *s == schema).unwrap_or(0);
        self.under[i].get_or_insert_with(|| {
            let n = Name::parse(self.name, schema);
            let s = shape(&n);
            (n, s)
        })
    }

    fn under(&mut self, schema: Schema) -> &Name {
        &self.entry(schema).0
    }

    fn shape(&mut self, schema: Schema) -> Shape {
        self.entry(schema).1
    }
}

impl List {
    pub fn new(entities: Vec<Entity>) -> Self {
        let mut names = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let Ok(entity) = u32::try_from(i) else { break };
            let mut add = |n: &String, weak: bool| {
                let name = Name::parse(n, e.schema);
                if !name.tokens.is_empty() {
                    let shape = shape(&name);
                    names.push(Listed {
                        entity,
                        name,
                        weak,
                        shape,
                    });
                }
            };
            for n in &e.names {
                add(n, false);
            }
            for n in &e.weak_aliases {
                add(n, true);
            }
        }
        let mut postings = Vec::new();
        let mut keys = Vec::new();
        for (i, l) in names.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            keys.clear();
            for t in l.name.tokens.iter().filter(|t| indexed(t)) {
                word_keys(&t.key, &mut keys);
            }
            keys.extend(joined_key(&l.name));
            postings.extend(keys.iter().map(|k| (*k, i)));
        }
        postings.sort_unstable();
        postings.dedup();
        let (keys, filed): (Vec<u64>, Vec<u32>) = postings.into_iter().unzip();
        let table = key_table(&keys);
        Self {
            entities,
            names,
            filed,
            table,
        }
    }

    /// The names filed under a key.
    fn filed_under(&self, k: u64) -> &[u32] {
        let mask = self.table.len().wrapping_sub(1);
        if self.table.is_empty() {
            return &[];
        }
        let mut i = (k as usize) & mask;
        loop {
            let (h, start, end) = self.table[i];
            if start == end {
                return &[];
            }
            if h == k {
                return self
                    .filed
                    .get(start as usize..end as usize)
                    .unwrap_or_default();
            }
            i = (i + 1) & mask;
        }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// How many names (and aliases) the list files, and under how many keys.
    pub fn size(&self) -> (usize, usize) {
        (self.names.len(), self.filed.len())
    }

    /// The hits of a query scoring at least `floor`, best first, comparing it only with the
    /// names that share a key with it.
    pub fn screen(&self, query: &Query, floor: f64) -> Vec<Hit> {
        self.screen_with(query, floor, &mut Scratch::default())
    }

    /// [`List::screen`] with a scratch space kept from one query to the next (one per
    /// thread): what a batch calls.
    pub fn screen_with(&self, query: &Query, floor: f64, scratch: &mut Scratch) -> Vec<Hit> {
        let mut parsed = Parsed {
            name: &query.name,
            under: Default::default(),
        };
        // Read as a legal entity, particles stay words: every word is looked up. Per listed
        // name, how many words of the query found it (each word once, by the stamp).
        let probe = parsed.under(Schema::LegalEntity).clone();
        scratch.fit(self.names.len());
        let mut keys = Vec::new();
        let mut word: u32 = 0;
        for t in probe.tokens.iter().filter(|t| indexed(t)) {
            keys.clear();
            word_keys(&t.key, &mut keys);
            word += 1;
            scratch.stamp_word(word);
            for &k in &keys {
                for &n in self.filed_under(k) {
                    scratch.count(n, false);
                }
            }
        }
        if let Some(k) = joined_key(&probe) {
            word += 1;
            scratch.stamp_word(word);
            for &n in self.filed_under(k) {
                scratch.count(n, true);
            }
        }
        // Compared only where the score could reach the floor.
        let mut found: Vec<u32> = Vec::new();
        for &n in &scratch.touched {
            let Some(listed) = self.names.get(n as usize) else {
                continue;
            };
            if query
                .schema
                .is_some_and(|q| !compatible(q, listed.name.schema))
            {
                continue;
            }
            let Some(&(shared, joined, _)) = scratch.counts.get(n as usize) else {
                continue;
            };
            let asked = parsed.shape(listed.name.schema);
            if joined || bound(usize::from(shared), asked, listed.shape) >= floor {
                found.push(n);
            }
        }
        scratch.clear();
        found.sort_unstable();
        self.judge(query, &mut parsed, found.into_iter(), floor)
    }

    /// The same as [`List::screen`], comparing the query with every name on the list.
    pub fn screen_exhaustive(&self, query: &Query, floor: f64) -> Vec<Hit> {
        let mut parsed = Parsed {
            name: &query.name,
            under: Default::default(),
        };
        let all = 0..u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.judge(query, &mut parsed, all, floor)
    }

    /// Score the names given (indices in `names`, in order of their entity), best per entity.
    fn judge(
        &self,
        query: &Query,
        parsed: &mut Parsed,
        names: impl Iterator<Item = u32>,
        floor: f64,
    ) -> Vec<Hit> {
        // Per entity: the best strong name and the best weak alias.
        let mut best: Vec<(u32, Best, Best)> = Vec::new();
        for n in names {
            let Some(listed) = self.names.get(n as usize) else {
                continue;
            };
            let schema = listed.name.schema;
            if query.schema.is_some_and(|q| !compatible(q, schema)) {
                continue;
            }
            let s = score(parsed.under(schema), &listed.name);
            if best.last().is_none_or(|b| b.0 != listed.entity) {
                best.push((listed.entity, None, None));
            }
            let Some(slot) = best.last_mut() else {
                continue;
            };
            let which = if listed.weak {
                &mut slot.2
            } else {
                &mut slot.1
            };
            if which.is_none_or(|(b, _)| s > b) {
                *which = Some((s, n));
            }
        }
        let mut hits = Vec::new();
        for (entity, strong, weak) in best {
            let Some(e) = self.entities.get(entity as usize) else {
                continue;
            };
            // A weak alias counts only where it beats every strong name, and then not as a
            // match.
            let (name_score, n, weak_only) = match (strong, weak) {
                (Some((s, n)), Some((w, _))) if s >= w => (s, n, false),
                (_, Some((w, n))) => (w, n, true),
                (Some((s, n)), None) => (s, n, false),
                (None, None) => continue,
            };
            let weak_effect = if weak_only {
                ((MATCH - 0.01) - name_score).min(0.0)
            } else {
                0.0
            };
            let birth = query
                .birth_date
                .as_deref()
                .map_or(0.0, |q| birth_effect(q, &e.birth_dates));
            let country = query
                .country
                .as_deref()
                .map_or(0.0, |q| country_effect(q, &e.countries));
            let total = name_score + weak_effect + birth + country;
            let total = (total.clamp(0.0, 1.0) * 1e4).round() / 1e4;
            if total < floor {
                continue;
            }
            let qualifiers = [
                qualifier(
                    Feature::WeakAlias,
                    weak_effect,
                    &query.name,
                    &e.weak_aliases,
                ),
                qualifier(
                    Feature::BirthDate,
                    birth,
                    query.birth_date.as_deref().unwrap_or_default(),
                    &e.birth_dates,
                ),
                qualifier(
                    Feature::Country,
                    country,
                    query.country.as_deref().unwrap_or_default(),
                    &e.countries,
                ),
            ]
            .into_iter()
            .flatten()
            .collect();
            let Some(listed) = self.names.get(n as usize) else {
                continue;
            };
            let asked = parsed.under(listed.name.schema);
            let comparison = compare(asked, &listed.name);
            let folded = (asked.folded(), listed.name.folded());
            hits.push(Hit {
                entity: entity as usize,
                score: total,
                name_score,
                name: listed.name.original.clone(),
                weak_alias: weak_only,
                folded,
                comparison,
                qualifiers,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
        hits
    }
}

/// The best score of an entity's names of one kind (strong or weak), and which name.
type Best = Option<(f64, u32)>;

/// Working memory of a screen, reused from one query to the next: per listed name, how many
/// words of the query found it and whether the whole name did, and the names touched.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Per listed name: words of the query that found it, whether the whole name did, and
    /// the last word counted.
    counts: Vec<(u16, bool, u32)>,
    touched: Vec<u32>,
    word: u32,
}

impl Scratch {
    fn fit(&mut self, names: usize) {
        if self.counts.len() < names {
            self.counts.resize(names, (0, false, 0));
        }
    }

    fn stamp_word(&mut self, word: u32) {
        self.word = word;
    }

    fn count(&mut self, n: u32, joined: bool) {
        let Some(c) = self.counts.get_mut(n as usize) else {
            return;
        };
        if c.2 == 0 {
            self.touched.push(n);
        }
        if joined {
            c.1 = true;
        } else if c.2 != self.word {
            c.0 = c.0.saturating_add(1);
        }
        c.2 = self.word;
    }

    fn clear(&mut self) {
        for &n in &self.touched {
            if let Some(c) = self.counts.get_mut(n as usize) {
                *c = (0, false, 0);
            }
        }
        self.touched.clear();
    }
}

/// The default floor of a screen: possible matches and better.
pub const FLOOR: f64 = POSSIBLE;

#[cfg(test)]
mod tests {
    use super::*;

    fn person(
        id: &str,
        names: &[&str],
        weak: &[&str],
        born: &[&str],
        countries: &[&str],
    ) -> Entity {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        Entity {
            id: id.to_owned(),
            schema: Schema::Person,
            caption: names[0].to_owned(),
            names: s(names),
            weak_aliases: s(weak),
            birth_dates: s(born),
            countries: s(countries),
        }
    }

    fn list() -> List {
        List::new(vec![
            person(
                "kadyrov",
                &["Ramzan Akhmatovich Kadyrov", "Рамзан Ахматович Кадыров"],
                &[],
                &["1976-10-05"],
                &["ru"],
            ),
            person("kim-un", &["Kim Jong Un"], &[], &["1984-01-08"], &["kp"]),
            person(
                "usmanov",
                &["Alisher Usmanov"],
                &["Burkhanovich"],
                &["1953"],
                &["ru"],
            ),
            Entity {
                id: "wagner".into(),
                schema: Schema::Company,
                caption: "Wagner LLC".into(),
                names: vec!["Wagner LLC".into(), "ООО «Вагнер»".into()],
                weak_aliases: vec![],
                birth_dates: vec![],
                countries: vec!["ru".into()],
            },
        ])
    }

    fn q(name: &str) -> Query {
        Query {
            name: name.to_owned(),
            ..Query::default()
        }
    }

    #[test]
    fn a_name_finds_its_entity_across_scripts_and_spellings() {
        let l = list();
        for (name, id) in [
            ("Кадыров Рамзан", "kadyrov"),
            ("Ramzan Kadyrov", "kadyrov"),
            ("Alisher Usmanof", "usmanov"),
            ("Wagner", "wagner"),
            ("Алишер Усманов", "usmanov"),
            ("KIM Jong-un", "kim-un"),
        ] {
            let hits = l.screen(&q(name), FLOOR);
            assert!(
                hits.first()
                    .is_some_and(|h| l.entities()[h.entity].id == id),
                "{name}: {hits:?}"
            );
            assert_eq!(hits, l.screen_exhaustive(&q(name), FLOOR), "{name}");
        }
        assert!(l.screen(&q("Maria Gonzalez"), FLOOR).is_empty());
    }

    #[test]
    fn qualifiers_lower_the_score_and_say_why() {
        let l = list();
        let mut query = q("Ramzan Kadyrov");
        let plain = l.screen(&query, FLOOR)[0].score;
        query.birth_date = Some("1976".into());
        assert_eq!(l.screen(&query, FLOOR)[0].score, plain, "the year agrees");
        query.birth_date = Some("1976-11".into());
        let h = &l.screen(&query, FLOOR)[0];
        assert_eq!(h.qualifiers[0].feature, Feature::BirthDate);
        assert!((h.score - (plain - 0.1)).abs() < 1e-9, "{h:?}");
        query.birth_date = Some("1980-10-05".into());
        query.country = Some("ua".into());
        let h = &l.screen(&query, 0.0)[0];
        assert_eq!(h.qualifiers.len(), 2);
        assert!((h.score - (plain - 0.3)).abs() < 1e-9, "{h:?}");
        // Schemas that cannot be the same thing are not compared.
        query = q("Wagner");
        query.schema = Some(Schema::Person);
        assert!(l.screen(&query, FLOOR).is_empty());
        query.schema = Some(Schema::Organization);
        assert_eq!(l.screen(&query, FLOOR).len(), 1);
    }

    #[test]
    fn a_weak_alias_alone_is_never_a_match() {
        let l = list();
        let h = &l.screen(&q("Burkhanovich"), FLOOR)[0];
        assert!(h.weak_alias);
        assert!(h.name_score >= MATCH && h.score < MATCH, "{h:?}");
        assert_eq!(h.qualifiers[0].feature, Feature::WeakAlias);
    }
}
