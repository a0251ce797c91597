//! The fast path for large ballot files: the shape `gen_ballots.py` writes, read in one pass
//! over the bytes, straight into the [`Builder`], without a JSON tree in between.
//!
//! It reads `{"candidates":[…], "seats":k, …, "ballots":[[count,[ranking]], …]}` where
//! strings have no escapes, counts and indices are plain integers, ranking entries are
//! indices or names, `"candidates"` comes before `"ballots"`, and any other key (such as the
//! generator's `"generator"`) holds plain JSON. On anything else — the object form of a
//! ballot, an escape, a float, a repeated key, very deep nesting — and on **every** error it
//! gives up with `None`, and the general path (`serde_json`) reads the input again. So each
//! input gives the same profile, and each bad input the same error naming its ballot, as it
//! did before this path existed; the tests below check the two paths against each other.

use super::{Builder, CandidateId, DEFAULT_SEATS, Profile};

/// The profile of `bytes` if they are in the fast path's shape and valid; `None` otherwise.
pub(super) fn parse(bytes: &[u8]) -> Option<Profile> {
    let mut p = Cursor { bytes, pos: 0 };
    let mut names: Option<Vec<String>> = None;
    let mut seats: Option<Option<u64>> = None;
    let mut builder: Option<Builder> = None;
    p.eat(b'{')?;
    if p.peek()? != b'}' {
        loop {
            let key = p.string()?;
            p.eat(b':')?;
            match key {
                "candidates" if names.is_none() && builder.is_none() => {
                    names = Some(p.names()?);
                }
                "seats" if seats.is_none() => seats = Some(p.null_or_uint()?),
                "ballots" if builder.is_none() => {
                    // The seats are checked by `finish` below, once they are known.
                    let mut b = Builder::new(names.take()?, DEFAULT_SEATS).ok()?;
                    p.ballots(&mut b)?;
                    builder = Some(b);
                }
                "candidates" | "seats" | "ballots" => return None,
                _ => p.skip_value(0)?,
            }
            if p.peek()? == b'}' {
                break;
            }
            p.eat(b',')?;
        }
    }
    p.eat(b'}')?;
    if p.peek().is_some() {
        return None;
    }
    let mut b = builder?;
    b.seats = match seats.flatten() {
        None => DEFAULT_SEATS,
        Some(s) => u32::try_from(s).ok().filter(|&s| s >= 1)?,
    };
    b.finish().ok()
}

/// Nesting deeper than this is left to `serde_json` (whose own limit is 128).
const MAX_DEPTH: usize = 64;

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// The next byte after JSON whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte`, which must come next after whitespace.
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let rest = self.bytes.get(self.pos..)?;
        let len = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest[len] != b'"' {
            return None;
        }
        self.pos += len + 1;
        std::str::from_utf8(&rest[..len]).ok()
    }

    /// A non-negative integer written plainly (no sign, fraction or exponent) of at most 19
    /// digits, so that it fits u64 unchecked; longer ones are for the general path to refuse
    /// (no count or index that long can be valid: the electorate must fit in i64).
    fn uint(&mut self) -> Option<u64> {
        self.peek()?;
        let rest = &self.bytes[self.pos..];
        let (mut n, mut digits) = (0u64, 0);
        for &d in rest {
            if !d.is_ascii_digit() {
                break;
            }
            if digits == 19 {
                return None;
            }
            n = n * 10 + u64::from(d - b'0');
            digits += 1;
        }
        let leading_zero = digits > 1 && rest[0] == b'0';
        let float = matches!(rest.get(digits), Some(b'.' | b'e' | b'E'));
        if digits == 0 || leading_zero || float {
            return None;
        }
        self.pos += digits;
        Some(n)
    }

    fn null_or_uint(&mut self) -> Option<Option<u64>> {
        self.peek()?;
        if self.bytes[self.pos..].starts_with(b"null") {
            self.pos += 4;
            return Some(None);
        }
        self.uint().map(Some)
    }

    /// `[` items `]`, each read by `item`; `item` gets the 0-based position.
    fn array(&mut self, mut item: impl FnMut(&mut Self, usize) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(());
        }
        for n in 0.. {
            item(self, n)?;
            let next = self.peek()?;
            self.pos += 1;
            match next {
                b',' => {}
                b']' => break,
                _ => return None,
            }
        }
        Some(())
    }

    fn names(&mut self) -> Option<Vec<String>> {
        let mut names = Vec::new();
        self.array(|p, _| {
            names.push(p.string()?.to_owned());
            Some(())
        })?;
        Some(names)
    }

    /// `[[count, [ranking]], …]` into `b`.
    fn ballots(&mut self, b: &mut Builder) -> Option<()> {
        let mut ranking = Vec::new();
        self.array(|p, n| {
            p.eat(b'[')?;
            let count = p.uint().filter(|&c| c >= 1)?;
            p.eat(b',')?;
            ranking.clear();
            p.array(|p, _| {
                let id = if p.peek()? == b'"' {
                    let &i = b.index.get(p.string()?)?;
                    CandidateId::new(i)?
                } else {
                    b.id_of_index(n, p.uint()?).ok()?
                };
                ranking.push(id);
                Some(())
            })?;
            p.eat(b']')?;
            b.add(n, ranking.clone(), count).ok()
        })
    }

    /// Any JSON value, checked as strictly as `serde_json` would read it, and dropped.
    fn skip_value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'[' => self.array(|p, _| p.skip_value(depth + 1)),
            b'{' => {
                self.pos += 1;
                if self.peek()? == b'}' {
                    self.pos += 1;
                    return Some(());
                }
                loop {
                    self.string()?;
                    self.eat(b':')?;
                    self.skip_value(depth + 1)?;
                    if self.peek()? == b'}' {
                        self.pos += 1;
                        return Some(());
                    }
                    self.eat(b',')?;
                }
            }
            b't' | b'f' | b'n' => {
                let word = ["true", "false", "null"]
                    .into_iter()
                    .find(|w| self.bytes[self.pos..].starts_with(w.as_bytes()))?;
                self.pos += word.len();
                Some(())
            }
            _ => self.skip_number(),
        }
    }

    /// `-?int(.frac)?` of at most 18 digits in all; an exponent or a longer number (which
    /// `serde_json` may find out of range) is left to the general path.
    fn skip_number(&mut self) -> Option<()> {
        let rest = &self.bytes[self.pos..];
        let sign = usize::from(rest.first() == Some(&b'-'));
        let int = rest[sign..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if int == 0 || (int > 1 && rest[sign] == b'0') {
            return None;
        }
        let mut end = sign + int;
        let mut digits = int;
        if rest.get(end) == Some(&b'.') {
            let frac = rest[end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if frac == 0 {
                return None;
            }
            end += 1 + frac;
            digits += frac;
        }
        if digits > 18 || matches!(rest.get(end), Some(b'e' | b'E')) {
            return None;
        }
        self.pos += end;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::parse;
    use crate::Profile;

    /// The general path alone, as `parse_json` was before the fast path.
    fn general(text: &str) -> Result<Profile, crate::ProfileError> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| crate::ProfileError::Json(e.to_string()))?;
        Profile::from_json_value(&v)
    }

    /// The fast path either declines or agrees with the general path, which must succeed.
    fn agrees(text: &str) -> bool {
        match parse(text.as_bytes()) {
            None => true,
            Some(p) => general(text).as_ref() == Ok(&p),
        }
    }

    #[test]
    fn reads_the_generators_shape() {
        let text = r#"{"candidates":["C0","C1","C2"],"seats":5,"generator":{"model":"mallows",
            "phi":0.6,"zipf":1.1,"truncate":null,"seed":-1,"ok":[true,false,{}],"e":[]},
            "ballots":[[3,[2,0,1]],[1,[0]],[2,[2,0,1]],[4,["C1","C0"]],[2,[]]]}"#;
        let p = parse(text.as_bytes()).expect("the fast path reads this");
        assert_eq!(Ok(&p), general(text).as_ref());
        assert_eq!(p.seats(), 5);
        assert_eq!(p.ballots().len(), 3);
        assert_eq!(p.blank_ballots(), 2);
    }

    #[test]
    fn declines_what_it_does_not_read_and_every_error() {
        let cases = [
            // Not its shape, but valid: the general path reads them.
            r#"{"candidates":["A","B"],"ballots":[{"ranking":["A"],"count":2}]}"#,
            r#"{"ballots":[[1,[0]]],"candidates":["A","B"]}"#,
            r#"{"candidates":["A\u0042","B"],"ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A","B"],"x":1e3,"ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[1,[0]]],"seats":2,"seats":3}"#,
            // Errors: the general path reports them.
            r#"{"candidates":["A","B"],"ballots":[[1,["Zed"]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[1,[0,0]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[0,[0]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[1.0,[0]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[1,[2]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[1,[01]]]}"#,
            r#"{"candidates":["A","B"],"ballots":[[1,[0],3]]}"#,
            r#"{"candidates":["A","B"],"ballots":[]}"#,
            r#"{"candidates":["A","A"],"ballots":[[1,[0]]]}"#,
            r#"{"candidates":[],"ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A"],"seats":0,"ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A"],"seats":4294967296,"ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A"],"ballots":[[18446744073709551616,[0]]]}"#,
            r#"{"candidates":["A"],"ballots":[[1,[0]]]} x"#,
            r#"{"candidates":["A"],"ballots":[[1,[0]],]}"#,
            r#"{"candidates":["A"],"ballots":[[1,[0]]],}"#,
            r#"{"candidates":["A"],"x":tru,"ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A"],"x":"a	b","ballots":[[1,[0]]]}"#,
            r#"{"candidates":["A"]}"#,
            r#"{"candidates":["A"],"ballots":[[1,[0]]]"#,
            "",
            "[]",
        ];
        for text in cases {
            assert_eq!(parse(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn large_counts_still_fit_an_electorate_in_i64() {
        let text = r#"{"candidates":["A","B"],"ballots":[[9223372036854775807,[0]],[1,[1]]]}"#;
        assert!(parse(text.as_bytes()).is_none());
        assert!(agrees(text));
    }

    /// Small ballot files in the compact form, some mangled by one byte (`true` if so).
    fn files() -> impl Strategy<Value = (String, bool)> {
        let ranking = prop::collection::vec(0usize..5, 0..6);
        let ballots = prop::collection::vec((0u64..4, ranking, any::<bool>()), 0..6);
        (
            1usize..5,
            prop::option::of(0u64..4),
            ballots,
            any::<bool>(),
            prop::option::of((any::<prop::sample::Index>(), any::<u8>())),
        )
            .prop_map(|(m, seats, ballots, generator, mangle)| {
                let names: Vec<String> = (0..m).map(|i| format!("\"C{i}\"")).collect();
                let ballots: Vec<String> = ballots
                    .iter()
                    .map(|(count, ranking, by_name)| {
                        let items: Vec<String> = ranking
                            .iter()
                            .map(|i| {
                                if *by_name {
                                    format!("\"C{i}\"")
                                } else {
                                    i.to_string()
                                }
                            })
                            .collect();
                        format!("[{count},[{}]]", items.join(","))
                    })
                    .collect();
                let mut text = format!("{{\"candidates\":[{}]", names.join(","));
                if let Some(s) = seats {
                    text += &format!(",\"seats\":{s}");
                }
                if generator {
                    text += r#", "generator": {"phi": 0.6, "truncate": null, "f": [1, -2.5]}"#;
                }
                text += &format!(",\"ballots\":[{}]}}", ballots.join(",\n"));
                if let Some((at, byte)) = mangle {
                    let mut bytes = text.into_bytes();
                    let i = at.index(bytes.len());
                    bytes[i] = b" ,:[]{}\"0123456789-.eAC\\x"[usize::from(byte) % 25];
                    text = String::from_utf8_lossy(&bytes).into_owned();
                }
                (text, mangle.is_some())
            })
    }

    proptest! {
        #[test]
        fn agrees_with_the_general_path((text, mangled) in files()) {
            prop_assert!(agrees(&text), "{}", text);
            // Unmangled, every valid file is the fast path's to read.
            if !mangled && general(&text).is_ok() {
                prop_assert!(parse(text.as_bytes()).is_some(), "{}", text);
            }
        }
    }
}
