//! Two names compared, with the reasons: the words paired (and how: the same letters, the same
//! sound across transliterations, a spelling close enough, an initial), the words left over
//! on each side, and a score in [0, 1].
//!
//! The score weighs what agrees against what does not. Words that pair count by how alike
//! they are; a word on each side that pairs with nothing is a **conflict** (`Kim Jong Un` /
//! `Kim Jong Nam`) and counts fully against; a word only one side has is **missing** (a
//! patronymic, a second surname, the long form of a name a list writes in full) and counts a
//! quarter. Particles and legal forms weigh little,
//! initials half. Word order does not matter.

use crate::key::keys_close;
use crate::name::{Name, Schema, Token, TokenKind};

/// At or above this score two names are taken to be the same (the tool's default).
pub const MATCH: f64 = 0.7;
/// At or above this, and below [`MATCH`], a person should look: a possible match.
pub const POSSIBLE: f64 = 0.5;

/// What a score says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Match,
    Possible,
    No,
}

impl Verdict {
    pub fn of(score: f64) -> Self {
        if score >= MATCH {
            Self::Match
        } else if score >= POSSIBLE {
            Self::Possible
        } else {
            Self::No
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Match => "match",
            Self::Possible => "possible",
            Self::No => "no",
        }
    }
}

/// How two words were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// The same letters once folded.
    Same,
    /// The same phonetic key: one name in two transliterations.
    Sound,
    /// Spelled alike (Jaro–Winkler).
    Spelling,
    /// An initial and a word it begins.
    Initial,
}

impl How {
    pub fn code(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Sound => "sound",
            Self::Spelling => "spelling",
            Self::Initial => "initial",
        }
    }
}

/// Two words paired, and how alike they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub left: String,
    pub right: String,
    pub similarity: f64,
    pub how: How,
}

/// The comparison of two names.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub score: f64,
    pub pairs: Vec<Pair>,
    /// Words of each side that paired with nothing, while the other side also had one
    /// left: they disagree.
    pub conflicts: Vec<(String, String)>,
    /// Words only one side has.
    pub missing_left: Vec<String>,
    pub missing_right: Vec<String>,
}

impl Comparison {
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.score)
    }
}

/// Below this Jaro–Winkler similarity, two words spelled differently (and not alike in sound)
/// are not paired at all: no partial credit for different names (`Rosneft` / `Rostec` is 0.82).
const SPELLING_FLOOR: f64 = 0.85;

/// What a word only one side has counts against, as a share of its weight.
pub(crate) const MISSING: f64 = 0.25;

/// What a number only one side has counts against: `Mi Rim` and `Mi Rim 2` are two ships,
/// `Nord Stream` and `Nord Stream 2` two companies.
const MISSING_NUMBER: f64 = 1.0;

/// What a word only one side has counts against in the name of a company, an organisation
/// or a vessel: a word more is usually another entity (`Gazprom` / `Gazprom Neft`).
const MISSING_ENTITY_WORD: f64 = 0.6;

fn missing_share(t: &Token, entity: bool) -> f64 {
    match t.kind {
        TokenKind::Number => MISSING_NUMBER,
        TokenKind::Word if entity => MISSING_ENTITY_WORD,
        _ => MISSING,
    }
}

/// What two words in conflict (one on each side, paired with nothing) count against, as a
/// share of their weight: more than their weight, so that one word shared by two names of
/// two words (`Ivan Petrov` / `Ivan Smirnov`) is not a possible match.
pub(crate) const CONFLICT: f64 = 1.5;

fn weight(t: &Token) -> f64 {
    match t.kind {
        TokenKind::Word | TokenKind::Number => 1.0,
        TokenKind::Initial => 0.5,
        TokenKind::Particle => 0.2,
        TokenKind::LegalForm => 0.1,
    }
}

/// How alike two words are, and how; `None` below the floor.
fn similarity(a: &Token, b: &Token) -> Option<(f64, How)> {
    if a.text == b.text {
        return Some((1.0, How::Same));
    }
    if a.kind == TokenKind::Number || b.kind == TokenKind::Number {
        return None;
    }
    let initial = |i: &Token, w: &Token| {
        i.kind == TokenKind::Initial && w.kind != TokenKind::Initial && w.text.starts_with(&i.text)
    };
    if initial(a, b) || initial(b, a) {
        return Some((0.9, How::Initial));
    }
    if a.kind == TokenKind::Initial || b.kind == TokenKind::Initial {
        return None;
    }
    // A spelling pairs only words whose keys are one sound apart at most (what a screen's
    // blocking finds); the cheap test first.
    if !keys_close(&a.key, &b.key) {
        return None;
    }
    let jw = jaro_winkler(&a.text, &b.text);
    // From the floor (half credit) to the same letters (full credit).
    let spelled = (jw >= SPELLING_FLOOR).then(|| 1.0 - (1.0 - jw) * 0.5 / (1.0 - SPELLING_FLOOR));
    let sound = a.key == b.key && a.key.len() >= 2;
    match spelled {
        Some(s) if !sound || s >= 0.92 => Some((s, How::Spelling)),
        _ if sound => Some((0.92, How::Sound)),
        _ => None,
    }
}

/// Compare two names (read under the same schema).
pub fn compare(left: &Name, right: &Name) -> Comparison {
    let (a, b) = (&left.tokens, &right.tokens);
    let o = outcome(a, b, left.schema != Schema::Person);
    if o.joined {
        return Comparison {
            score: o.score,
            pairs: vec![Pair {
                left: left.folded(),
                right: right.folded(),
                similarity: 1.0,
                how: How::Same,
            }],
            conflicts: Vec::new(),
            missing_left: Vec::new(),
            missing_right: Vec::new(),
        };
    }
    let text = |ts: &[Token], is: &[usize]| is.iter().map(|&i| ts[i].text.clone()).collect();
    Comparison {
        score: o.score,
        pairs: o
            .pairs
            .iter()
            .map(|&(i, j, similarity, how)| Pair {
                left: a[i].text.clone(),
                right: b[j].text.clone(),
                similarity,
                how,
            })
            .collect(),
        conflicts: o
            .conflicts
            .iter()
            .map(|&(i, j)| (a[i].text.clone(), b[j].text.clone()))
            .collect(),
        missing_left: text(a, &o.missing_left),
        missing_right: text(b, &o.missing_right),
    }
}

/// The score of two names alone, without the explanation: what a screen computes for every
/// candidate before it explains the few that score.
pub fn score(left: &Name, right: &Name) -> f64 {
    outcome(&left.tokens, &right.tokens, left.schema != Schema::Person).score
}

/// A comparison by token indices: what [`compare`] and [`score`] share.
struct Outcome {
    score: f64,
    /// The same letters spaced differently: one pair of the whole names.
    joined: bool,
    pairs: Vec<(usize, usize, f64, How)>,
    conflicts: Vec<(usize, usize)>,
    missing_left: Vec<usize>,
    missing_right: Vec<usize>,
}

fn outcome(a: &[Token], b: &[Token], entity: bool) -> Outcome {
    // The same letters spaced differently (`Abdulaziz` / `Abdul Aziz`).
    if !a.is_empty() && a.len() != b.len() && same_letters(a, b) {
        return Outcome {
            score: 1.0,
            joined: true,
            pairs: Vec::new(),
            conflicts: Vec::new(),
            missing_left: Vec::new(),
            missing_right: Vec::new(),
        };
    }
    // Every pair above the floor, best first; each word pairs once.
    let mut candidates: Vec<(f64, How, usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            if let Some((s, how)) = similarity(x, y) {
                candidates.push((s, how, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| {
        q.0.total_cmp(&p.0)
            .then_with(|| (p.2 + p.3).cmp(&(q.2 + q.3)))
    });
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();
    let (mut agree, mut possible) = (0.0, 0.0);
    for (s, how, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let w = (weight(&a[i]) + weight(&b[j])) / 2.0;
        agree += w * s;
        possible += w;
        pairs.push((i, j, s, how));
    }
    let (ra, rb) = (left_over(a, &used_a), left_over(b, &used_b));

    let k = ra.len().min(rb.len());
    let mut against = 0.0;
    let mut conflicts = Vec::new();
    for (&x, &y) in ra.iter().zip(&rb).take(k) {
        against += CONFLICT * (weight(&a[x]) + weight(&b[y])) / 2.0;
        conflicts.push((x, y));
    }
    let missing = |ts: &[Token], rest: &[usize]| -> (f64, Vec<usize>) {
        let extra = &rest[k.min(rest.len())..];
        (
            extra
                .iter()
                .map(|&i| weight(&ts[i]) * missing_share(&ts[i], entity))
                .sum(),
            extra.to_vec(),
        )
    };
    let (ma, missing_left) = missing(a, &ra);
    let (mb, missing_right) = missing(b, &rb);
    let total = possible + against + ma + mb;
    let score = if total > 0.0 { agree / total } else { 0.0 };
    Outcome {
        score: (score * 1e4).round() / 1e4,
        joined: false,
        pairs,
        conflicts,
        missing_left,
        missing_right,
    }
}

/// Whether both token lists spell the same letters once their spaces are gone.
fn same_letters(a: &[Token], b: &[Token]) -> bool {
    let len = |ts: &[Token]| ts.iter().map(|t| t.text.len()).sum::<usize>();
    len(a) == len(b) && letters(a).eq(letters(b))
}

fn letters(ts: &[Token]) -> impl Iterator<Item = u8> + '_ {
    ts.iter().flat_map(|t| t.text.bytes())
}

/// The indices of the words `used` marks as not paired, heaviest first.
fn left_over(ts: &[Token], used: &[bool]) -> Vec<usize> {
    let mut rest: Vec<usize> = (0..ts.len()).filter(|&i| !used[i]).collect();
    rest.sort_by(|&p, &q| weight(&ts[q]).total_cmp(&weight(&ts[p])));
    rest
}

/// Jaro–Winkler similarity of two strings (prefix scale 0.1, up to four letters).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a.is_ascii() && b.is_ascii() {
        // Folded words are ASCII: no decoding, no allocation for words of up to 64 letters.
        jaro_winkler_of(a.as_bytes(), b.as_bytes())
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        jaro_winkler_of(&a, &b)
    }
}

fn jaro_winkler_of<T: PartialEq + Copy>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut small_a = [false; 64];
    let mut small_b = [false; 64];
    let (mut big_a, mut big_b) = (Vec::new(), Vec::new());
    let (matched_a, matched_b): (&mut [bool], &mut [bool]) = if a.len() <= 64 && b.len() <= 64 {
        (&mut small_a[..a.len()], &mut small_b[..b.len()])
    } else {
        big_a.resize(a.len(), false);
        big_b.resize(b.len(), false);
        (&mut big_a, &mut big_b)
    };
    let mut m = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !matched_b[j] && b[j] == *ca {
                matched_b[j] = true;
                matched_a[i] = true;
                m += 1;
                break;
            }
        }
    }
    if m == 0 {
        return 0.0;
    }
    // The matched letters of each side in order; half the places they differ.
    let in_a = a.iter().zip(matched_a.iter()).filter(|(_, m)| **m);
    let in_b = b.iter().zip(matched_b.iter()).filter(|(_, m)| **m);
    let transpositions = in_a.zip(in_b).filter(|((x, _), (y, _))| x != y).count() / 2;
    let m = m as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::name::Schema;

    fn score(a: &str, b: &str, schema: Schema) -> f64 {
        compare(&Name::parse(a, schema), &Name::parse(b, schema)).score
    }

    #[test]
    fn jaro_winkler_gives_the_published_values() {
        // Winkler's examples (1990), to three decimals.
        for (a, b, want) in [
            ("martha", "marhta", 0.961),
            ("dwayne", "duane", 0.840),
            ("dixon", "dicksonx", 0.813),
            ("abc", "abc", 1.0),
            ("abc", "xyz", 0.0),
        ] {
            let got = jaro_winkler(a, b);
            assert!((got - want).abs() < 0.001, "{a}/{b}: {got}");
        }
    }

    #[test]
    fn the_same_person_across_scripts_and_orders_matches() {
        use Schema::*;
        for (a, b, schema) in [
            ("Рамзан Кадыров", "Ramzan Kadyrov", Person),
            ("Kadyrov, Ramzan Akhmatovich", "Ramzan Kadyrov", Person),
            ("Мухаммад бин Салман", "Mohammed bin Salman", Person),
            ("Bashar al-Assad", "بشار الأسد", Person),
            ("Alexis Tsipras", "Αλέξης Τσίπρας", Person),
            ("V. Putin", "Vladimir Putin", Person),
            ("Abdulaziz", "Abdul Aziz", Person),
            ("ООО «Вагнер»", "Wagner LLC", Company),
        ] {
            let s = score(a, b, schema);
            assert!(s >= 0.75, "{a} / {b}: {s}");
        }
    }

    #[test]
    fn near_misses_do_not_match() {
        use Schema::*;
        for (a, b, schema) in [
            ("Kim Jong Un", "Kim Jong Nam", Person),
            ("Ramzan Kadyrov", "Akhmad Kadyrov", Person),
            ("Rosneft", "Rostec", Company),
            ("Vladimir Putin", "Vladimir Potanin", Person),
            ("Alisher Usmanov", "Roman Abramovich", Person),
        ] {
            let s = score(a, b, schema);
            assert!(s < 0.7, "{a} / {b}: {s}");
        }
    }

    #[test]
    fn the_explanation_names_pairs_conflicts_and_missing_words() {
        let c = compare(
            &Name::parse("Kim Jong Un", Schema::Person),
            &Name::parse("Kim Jong Nam", Schema::Person),
        );
        assert_eq!(c.pairs.len(), 2);
        assert_eq!(c.conflicts, vec![("un".to_owned(), "nam".to_owned())]);
        let c = compare(
            &Name::parse("Рамзан Ахматович Кадыров", Schema::Person),
            &Name::parse("Ramzan Kadyrov", Schema::Person),
        );
        assert_eq!(c.missing_left, vec!["akhmatovich".to_owned()]);
        assert!(c.pairs.iter().all(|p| p.how == How::Same), "{:?}", c.pairs);
        let c = compare(
            &Name::parse("Muhammad", Schema::Person),
            &Name::parse("محمد", Schema::Person),
        );
        assert_eq!(c.pairs[0].how, How::Sound);
        // Nothing to compare.
        assert_eq!(score("", "", Schema::Person), 0.0);
        assert_eq!(score("---", "Putin", Schema::Person), 0.0);
    }
}
