//! Phonetic keys: the consonant skeleton a word keeps through transliteration. Arabic does
//! not write short vowels and every romanisation spells the long ones differently
//! (`Muhammad`, `Mohammed`, `Mukhammad`), so the key drops vowels and the semivowel `y`,
//! spells each sound one way (`kh` → `h`, `ph` → `f`, `ck`/`q`/`c` → `k`, `ch`/`tch`/`tsch`/`ts`
//! → `c`, `dj`/`dzh` → `j`, `sh`/`sch` → `s`, `zh` → `z`, `w` → `v`) and writes a doubled letter
//! once. Words that share a key are compared; words that do not may still be (a list is
//! searched by several keys), the key only narrows the search.

/// Keys of at least this many sounds are also filed with one sound left out.
pub(crate) const VARIANTS_FROM: usize = 3;

/// Whether two keys are one sound apart as a list is searched: the same, or one of them with
/// a sound left out is the other or the other with a sound left out (keys of
/// [`VARIANTS_FROM`] sounds or more). A spelling is only paired with a word whose key is
/// close, so the blocking of a list finds every pair a comparison would make.
pub(crate) fn keys_close(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() < VARIANTS_FROM || long.len() > short.len() + 1 {
        return false;
    }
    if long.len() == short.len() + 1 {
        return (0..long.len()).any(|i| without(long, i).eq(short.iter().copied()));
    }
    short.len() >= VARIANTS_FROM
        && (0..long.len()).any(|i| (0..short.len()).any(|j| without(long, i).eq(without(short, j))))
}

/// The letters of `k` but the one at `i`.
fn without(k: &[u8], i: usize) -> impl Iterator<Item = u8> + '_ {
    k.iter()
        .enumerate()
        .filter(move |(j, _)| *j != i)
        .map(|(_, c)| *c)
}

/// The key of one word (folded first, so any script may be given).
pub fn key(word: &str) -> String {
    key_of_folded(&crate::fold(word))
}

/// The key of a word already folded to lower-case Latin letters and digits (spaces are
/// ignored).
pub(crate) fn key_of_folded(folded: &str) -> String {
    let letters: Vec<char> = folded.chars().filter(|c| *c != ' ').collect();
    let mut sounds = String::with_capacity(letters.len());
    let mut i = 0;
    // Longest spellings first.
    const RULES: [(&str, char); 16] = [
        ("tsch", 'c'),
        ("dzh", 'j'),
        ("tch", 'c'),
        ("sch", 's'),
        ("kh", 'h'),
        ("gh", 'g'),
        ("ph", 'f'),
        ("th", 't'),
        ("dh", 'd'),
        ("sh", 's'),
        ("zh", 'z'),
        ("ch", 'c'),
        ("ts", 'c'),
        ("tz", 'c'),
        ("dj", 'j'),
        ("ck", 'k'),
    ];
    'letters: while i < letters.len() {
        for (spelling, sound) in RULES {
            let n = spelling.len();
            if i + n <= letters.len() && letters[i..i + n].iter().copied().eq(spelling.chars()) {
                sounds.push(sound);
                i += n;
                continue 'letters;
            }
        }
        let c = letters[i];
        i += 1;
        match c {
            'q' | 'c' => sounds.push('k'),
            'w' => sounds.push('v'),
            'x' => sounds.push_str("ks"),
            other => sounds.push(other),
        }
    }
    // A doubled letter once (`Muhammad`, `Youssef`), then no vowels. Only letters side by
    // side are one sound: `Potanin` keeps both its n's, and is not `Putin`.
    let mut out = String::with_capacity(sounds.len());
    let mut last = None;
    for c in sounds.chars() {
        if last == Some(c) {
            continue;
        }
        last = Some(c);
        if !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            out.push(c);
        }
    }
    if out.is_empty() {
        // A word of vowels only (`Ia`, `Oyu`): its folded letters.
        letters.into_iter().collect()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let groups: [&[&str]; 13] = [
            &[
                "Muhammad",
                "Mohammed",
                "Mohamed",
                "Mukhammad",
                "Мухаммад",
                "محمد",
                "مُحَمَّد",
            ],
            &["Usmanov", "Ousmanov", "Усманов"],
            &["Shoigu", "Shoygu", "Шойгу", "Schoigu"],
            &["Khodorkovsky", "Ходорковский", "Hodorkovskiy"],
            &["Tchaikovsky", "Chaikovsky", "Чайковский", "Tschaikowsky"],
            &["Dzhokhar", "Djokhar", "Джохар"],
            &["Zhukov", "Жуков"],
            &["Tsipras", "Τσίπρας"],
            &["Yusuf", "Yousef", "Youssef", "يوسف", "Юсуф"],
            &["Salman", "Salmane", "سلمان"],
            &["Philippe", "Filip", "Philip"],
            &["Wagner", "Vagner", "Вагнер"],
            &["Alexis", "Aleksis", "Αλέξης"],
        ];
        for group in groups {
            let keys: Vec<String> = group.iter().map(|w| key(w)).collect();
            assert!(
                keys.windows(2).all(|k| k[0] == k[1]),
                "{group:?} → {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (a, b) in [
            ("Un", "Nam"),
            ("Usmanov", "Abramovich"),
            ("Kadyrov", "Kuznetsov"),
            ("Salman", "Sultan"),
            ("Ivan", "Ilya"),
            ("Putin", "Potanin"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn a_word_of_vowels_keeps_its_letters() {
        assert_eq!(key("Ia"), "ia");
        assert_eq!(key(""), "");
        assert_eq!(key("9321483"), "9321483");
    }
}
