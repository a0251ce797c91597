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

use crate::name::{Name, Token, TokenKind};

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
const MISSING: f64 = 0.25;

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
    let a = &left.tokens;
    let b = &right.tokens;
    // The same letters spaced differently (`Abdulaziz` / `Abdul Aziz`).
    let joined = |ts: &[Token]| ts.iter().map(|t| t.text.as_str()).collect::<String>();
    if !a.is_empty() && joined(a) == joined(b) && a.len() != b.len() {
        return Comparison {
            score: 1.0,
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
        pairs.push(Pair {
            left: a[i].text.clone(),
            right: b[j].text.clone(),
            similarity: s,
            how,
        });
    }
    let (ra, rb) = (left_over(a, &used_a), left_over(b, &used_b));

    let k = ra.len().min(rb.len());
    let mut against = 0.0;
    let mut conflicts = Vec::new();
    for (x, y) in ra.iter().zip(&rb).take(k) {
        against += (weight(x) + weight(y)) / 2.0;
        conflicts.push((x.text.clone(), y.text.clone()));
    }
    let missing = |rest: &[&Token]| -> (f64, Vec<String>) {
        let extra = &rest[k.min(rest.len())..];
        (
            extra.iter().map(|t| weight(t) * MISSING).sum(),
            extra.iter().map(|t| t.text.clone()).collect(),
        )
    };
    let (ma, missing_left) = missing(&ra);
    let (mb, missing_right) = missing(&rb);
    let total = possible + against + ma + mb;
    let score = if total > 0.0 { agree / total } else { 0.0 };
    Comparison {
        score: (score * 1e4).round() / 1e4,
        pairs,
        conflicts,
        missing_left,
        missing_right,
    }
}

/// The words `used` marks as not paired, heaviest first.
fn left_over<'t>(ts: &'t [Token], used: &[bool]) -> Vec<&'t Token> {
    let mut rest: Vec<&Token> = ts
        .iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t)
        .collect();
    rest.sort_by(|p, q| weight(q).total_cmp(&weight(p)));
    rest
}

/// Jaro–Winkler similarity of two strings (prefix scale 0.1, up to four letters).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut matched_b = vec![false; b.len()];
    let mut matches_a = Vec::new();
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !matched_b[j] && b[j] == *ca {
                matched_b[j] = true;
                matches_a.push(*ca);
                break;
            }
        }
    }
    let m = matches_a.len();
    if m == 0 {
        return 0.0;
    }
    let matches_b: Vec<char> = b
        .iter()
        .zip(&matched_b)
        .filter(|(_, m)| **m)
        .map(|(c, _)| *c)
        .collect();
    let transpositions = matches_a
        .iter()
        .zip(&matches_b)
        .filter(|(x, y)| x != y)
        .count()
        / 2;
    let m = m as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count() as f64;
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
