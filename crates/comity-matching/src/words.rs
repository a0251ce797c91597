//! Words as a search index keeps them, in any of the UN's six languages (the platform's
//! search and the journal's, on both backends): letters folded to lower case
//! without their accents (`Résolution` → `resolution`, `Ёлка` → `елка`), Arabic without its
//! short vowels and tatweel, `ى` read as `ي` and `ة` as `ه`, and a word with the article
//! `ال` also filed without it; Chinese, Japanese and Korean, written without spaces, are
//! filed by each character and each pair of neighbouring characters, so a word of two
//! characters is found inside a run of any length.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// One letter folded: none for marks, tatweel and anything that is not a letter or digit.
fn fold_into(c: char, out: &mut String) {
    for d in c.nfkd() {
        if is_combining_mark(d) || d == '\u{0640}' {
            continue;
        }
        match d {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            d => out.extend(d.to_lowercase()),
        }
    }
}

/// A piece of text: a word of an alphabetic script, or a run of CJK characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Folded.
    pub text: String,
    pub cjk: bool,
    /// Where it stands in the original text (bytes).
    pub start: usize,
    pub end: usize,
}

/// The words and CJK runs of a text, in order.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cur: Option<Piece> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let kind = if is_cjk(c) {
            Some(true)
        } else if c.is_alphanumeric() || (is_combining_mark(c) && cur.is_some()) {
            Some(false)
        } else {
            None
        };
        match (kind, cur.as_mut()) {
            (Some(cjk), Some(p)) if p.cjk == cjk => {
                fold_into(c, &mut p.text);
                p.end = end;
            }
            (Some(cjk), _) => {
                if let Some(p) = cur.take()
                    && !p.text.is_empty()
                {
                    out.push(p);
                }
                let mut text = String::new();
                fold_into(c, &mut text);
                cur = Some(Piece {
                    text,
                    cjk,
                    start: i,
                    end,
                });
            }
            (None, _) => {
                if let Some(p) = cur.take()
                    && !p.text.is_empty()
                {
                    out.push(p);
                }
            }
        }
    }
    if let Some(p) = cur
        && !p.text.is_empty()
    {
        out.push(p);
    }
    out
}

/// An Arabic word without its article `ال` (and `وال`, `بال`, `فال`, `كال`, `لل`), when
/// what stays is a word.
pub fn without_article(word: &str) -> Option<&str> {
    for prefix in ["وال", "بال", "فال", "كال", "ال", "لل"] {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 2
        {
            return Some(rest);
        }
    }
    None
}

/// Every term a text is filed under.
pub fn index_terms(text: &str, mut each: impl FnMut(String)) {
    for p in pieces(text) {
        if p.cjk {
            let chars: Vec<char> = p.text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                each(c.to_string());
                if let Some(next) = chars.get(i + 1) {
                    each([*c, *next].iter().collect());
                }
            }
        } else {
            if let Some(bare) = without_article(&p.text) {
                each(bare.to_owned());
            }
            each(p.text);
        }
    }
}

/// A term of a query: a word matched by the words it begins (`democra` finds `democracy`
/// and `démocratie`) when it has three letters or more, or exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub prefix: bool,
}

/// The terms a query asks for, every one of which a result must hold. A CJK run asks for
/// its pairs of characters (one character alone asks for itself).
pub fn query_terms(q: &str) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut push = |t: Term| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    for p in pieces(q) {
        if p.cjk {
            let chars: Vec<char> = p.text.chars().collect();
            if chars.len() == 1 {
                push(Term {
                    text: p.text,
                    prefix: false,
                });
            }
            for w in chars.windows(2) {
                push(Term {
                    text: w.iter().collect(),
                    prefix: false,
                });
            }
        } else {
            let text = without_article(&p.text).map_or(p.text.clone(), str::to_owned);
            let prefix = text.chars().count() >= 3;
            push(Term { text, prefix });
        }
    }
    out
}

/// Does a folded piece of text answer a term?
pub fn matches(piece: &Piece, term: &Term) -> bool {
    if piece.cjk {
        piece.text.contains(&term.text)
    } else {
        let word = without_article(&piece.text).unwrap_or(&piece.text);
        if term.prefix {
            piece.text.starts_with(&term.text) || word.starts_with(&term.text)
        } else {
            piece.text == term.text || word == term.text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        index_terms(s, |t| v.push(t));
        v
    }

    #[test]
    fn folds_case_and_accents_in_every_script() {
        assert_eq!(
            terms("Résolution sur l'ÉTAT"),
            ["resolution", "sur", "l", "etat"]
        );
        assert_eq!(terms("Демократия Ёлка"), ["демократия", "елка"]);
        assert_eq!(terms("Straße ΟΔΟΣ"), ["strasse", "οδοσ"]);
    }

    #[test]
    fn arabic_loses_its_vowels_and_is_filed_without_the_article() {
        // "al-mīthāq" with a fatha and a shadda, and the tatweel.
        assert_eq!(terms("المِيثَـاق"), ["ميثاق", "الميثاق"]);
        assert_eq!(terms("مدرسة"), ["مدرسه"]);
        assert_eq!(
            query_terms("الميثاق"),
            [Term {
                text: "ميثاق".into(),
                prefix: true
            }]
        );
    }

    #[test]
    fn chinese_is_filed_by_characters_and_pairs() {
        assert_eq!(
            terms("民主国家"),
            ["民", "民主", "主", "主国", "国", "国家", "家"]
        );
        let q: Vec<String> = query_terms("民主").into_iter().map(|t| t.text).collect();
        assert_eq!(q, ["民主"]);
        let q: Vec<String> = query_terms("国").into_iter().map(|t| t.text).collect();
        assert_eq!(q, ["国"]);
        // Mixed with Latin: each its own way.
        assert_eq!(terms("G7峰会"), ["g7", "峰", "峰会", "会"]);
    }

    #[test]
    fn short_words_match_exactly_and_longer_ones_as_beginnings() {
        let q = query_terms("UN démocra");
        assert_eq!(
            q,
            [
                Term {
                    text: "un".into(),
                    prefix: false
                },
                Term {
                    text: "democra".into(),
                    prefix: true
                }
            ]
        );
        let p = &pieces("Democracy")[0];
        assert!(matches(p, &q[1]));
        assert!(!matches(&pieces("unite")[0], &q[0]));
    }

    #[test]
    fn pieces_keep_where_they_stand() {
        let s = "Le « Sommet » 2026";
        let ps = pieces(s);
        assert_eq!(ps.len(), 3);
        assert_eq!(&s[ps[1].start..ps[1].end], "Sommet");
        assert_eq!(ps[2].text, "2026");
    }
}
