//! The three files and their reading: every bad row is refused with its file, line and field.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::csv::Reader;

/// A row that cannot be read, where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {field}: {message}")]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub message: String,
}

/// A vote: only these three count; absence and non-membership are not votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    Yes = 0,
    No = 1,
    Abstain = 2,
}

impl Vote {
    pub fn parse(s: &[u8]) -> Option<Self> {
        match s {
            b"yes" => Some(Self::Yes),
            b"no" => Some(Self::No),
            b"abstain" => Some(Self::Abstain),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Abstain => "abstain",
        }
    }
}

/// One roll call of the General Assembly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollCall {
    pub rcid: u32,
    pub session: u32,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub year: i32,
    /// The resolution's symbol, e.g. `R/74/10`.
    pub unres: String,
    /// Listed as important by the US State Department (unknown when empty).
    pub important: Option<bool>,
    /// A vote on an amendment.
    pub amend: bool,
    /// A vote on a paragraph.
    pub para: bool,
    pub short: String,
    pub descr: String,
}

/// The roll calls, in file order, found by `rcid`.
#[derive(Debug, Clone, Default)]
pub struct RollCalls {
    pub list: Vec<RollCall>,
    index: BTreeMap<u32, usize>,
}

impl RollCalls {
    /// The position of roll call `rcid`, if there is one.
    pub fn position(&self, rcid: u32) -> Option<usize> {
        self.index.get(&rcid).copied()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Read a roll calls file: `rcid`, `session`, `date` required; `unres`, `importantvote`,
    /// `amend`, `para`, `short`, `descr` read when present.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Self, DataError> {
        Self::parse_with_lines(file, bytes).map(|(r, _)| r)
    }

    /// The roll calls of `list`, in that order.
    pub(crate) fn from_list(list: Vec<RollCall>) -> Self {
        let index = list.iter().enumerate().map(|(i, r)| (r.rcid, i)).collect();
        Self { list, index }
    }

    /// The roll calls, and the line each was read from.
    pub(crate) fn parse_with_lines(
        file: &str,
        bytes: &[u8],
    ) -> Result<(Self, Vec<usize>), DataError> {
        let mut lines = Vec::new();
        let mut t = Table::new(file, bytes, &["rcid", "session", "date"])?;
        let opt = |t: &Table<'_>, name: &str| t.column(name);
        let (unres, important, amend, para, short, descr) = (
            opt(&t, "unres"),
            opt(&t, "importantvote"),
            opt(&t, "amend"),
            opt(&t, "para"),
            opt(&t, "short"),
            opt(&t, "descr"),
        );
        let mut out = Self::default();
        while let Some(line) = t.next()? {
            let rcid = t.number("rcid", line)?;
            let session = t.number("session", line)?;
            let date = t.text(t.required[2], line, "date")?;
            let year = parse_date(&date).ok_or_else(|| {
                t.error(line, "date", format!("{date:?} is not a date YYYY-MM-DD"))
            })?;
            let flag = |col: Option<usize>, name: &str| -> Result<Option<bool>, DataError> {
                match col.map(|c| t.raw(c)) {
                    None | Some(b"") | Some(b"NA") => Ok(None),
                    Some(b"1") => Ok(Some(true)),
                    Some(b"0") => Ok(Some(false)),
                    Some(v) => Err(t.error(
                        line,
                        name,
                        format!("{:?} is not 0 or 1", String::from_utf8_lossy(v)),
                    )),
                }
            };
            let roll_call = RollCall {
                rcid,
                session,
                year,
                unres: t.opt_text(unres),
                important: flag(important, "importantvote")?,
                amend: flag(amend, "amend")?.unwrap_or(false),
                para: flag(para, "para")?.unwrap_or(false),
                short: t.opt_text(short),
                descr: t.opt_text(descr),
                date,
            };
            if out.index.insert(rcid, out.list.len()).is_some() {
                return Err(t.error(line, "rcid", format!("roll call {rcid} is listed twice")));
            }
            out.list.push(roll_call);
            lines.push(line);
        }
        Ok((out, lines))
    }
}

/// The issue codes of the `unvotes` data and their names.
pub const ISSUES: [(&str, &str); 6] = [
    ("me", "Palestinian conflict"),
    ("nu", "Nuclear weapons and nuclear material"),
    ("di", "Arms control and disarmament"),
    ("hr", "Human rights"),
    ("co", "Colonialism"),
    ("ec", "Economic development"),
];

/// Which issues each roll call concerns (a bit per entry of [`ISSUES`]), by position.
#[derive(Debug, Clone, Default)]
pub struct Issues {
    pub of: Vec<u8>,
}

impl Issues {
    /// The bit of issue `code`, if it is one of [`ISSUES`].
    pub fn bit(code: &str) -> Option<u8> {
        ISSUES.iter().position(|(c, _)| *c == code).map(|i| 1 << i)
    }

    /// Read an issues file (`rcid`, `short_name`) against the roll calls.
    pub fn parse(file: &str, bytes: &[u8], roll_calls: &RollCalls) -> Result<Self, DataError> {
        let mut of = vec![0u8; roll_calls.len()];
        for e in Self::entries(file, bytes, roll_calls)? {
            of[e.position] |= e.bit;
        }
        Ok(Self { of })
    }

    /// The file's entries, each with its line, checked against the roll calls.
    pub(crate) fn entries(
        file: &str,
        bytes: &[u8],
        roll_calls: &RollCalls,
    ) -> Result<Vec<IssueEntry>, DataError> {
        let mut t = Table::new(file, bytes, &["rcid", "short_name"])?;
        let mut out = Vec::new();
        while let Some(line) = t.next()? {
            let rcid: u32 = t.number("rcid", line)?;
            let at = roll_calls.position(rcid).ok_or_else(|| {
                t.error(
                    line,
                    "rcid",
                    format!("roll call {rcid} is not in the roll calls file"),
                )
            })?;
            let code = t.text(t.required[1], line, "short_name")?;
            let bit = Self::bit(&code).ok_or_else(|| {
                let known: Vec<&str> = ISSUES.iter().map(|(c, _)| *c).collect();
                t.error(
                    line,
                    "short_name",
                    format!("{code:?} is not an issue code ({})", known.join(", ")),
                )
            })?;
            out.push(IssueEntry {
                line,
                rcid,
                code,
                position: at,
                bit,
            });
        }
        Ok(out)
    }
}

/// One line of an issues file.
pub(crate) struct IssueEntry {
    pub line: usize,
    pub rcid: u32,
    pub code: String,
    pub position: usize,
    pub bit: u8,
}

/// Every state's votes, as bitsets over the roll calls (bit i = the i-th roll call).
#[derive(Debug, Clone, Default)]
pub struct Votes {
    /// ISO 3166-1 alpha-3 codes, sorted.
    pub states: Vec<String>,
    /// Per state: the roll calls it voted yes, no and abstain in.
    pub yes: Vec<Vec<u64>>,
    pub no: Vec<Vec<u64>>,
    pub abstain: Vec<Vec<u64>>,
    /// 64-bit words per bitset.
    pub words: usize,
    /// Votes read.
    pub rows: usize,
    /// Votes of former states without a code of their own (an empty `iso3`), which are not
    /// counted: no state of today can be compared with them.
    pub without_code: usize,
}

impl Votes {
    /// The position of state `iso3`.
    pub fn state(&self, iso3: &str) -> Option<usize> {
        self.states.binary_search_by(|s| s.as_str().cmp(iso3)).ok()
    }

    /// How `state` voted in the roll call at `position`, if it voted.
    pub fn vote(&self, state: usize, position: usize) -> Option<Vote> {
        let (w, bit) = (position / 64, 1u64 << (position % 64));
        if self.yes[state][w] & bit != 0 {
            Some(Vote::Yes)
        } else if self.no[state][w] & bit != 0 {
            Some(Vote::No)
        } else if self.abstain[state][w] & bit != 0 {
            Some(Vote::Abstain)
        } else {
            None
        }
    }

    /// Read a votes file (`rcid`, `iso3`, `vote`; other columns ignored) against the roll
    /// calls. `known(code)` says whether a state code is one the registry knows. A vote of
    /// an unknown value, for a roll call not in the roll calls, by an unknown state, or a
    /// second vote of one state in one roll call is refused with its line.
    pub fn parse(
        file: &str,
        bytes: &[u8],
        roll_calls: &RollCalls,
        known: &dyn Fn(&str) -> bool,
    ) -> Result<Self, DataError> {
        let mut b = VotesReader::new(file, roll_calls, known);
        b.feed(bytes)?;
        b.finish()
    }
}

/// A votes file read a chunk at a time (each chunk whole records: cut them with
/// [`record_boundary`]), so that reading can start while the file is still being
/// decompressed.
pub struct VotesReader<'r> {
    file: String,
    known: &'r dyn Fn(&str) -> bool,
    line: usize,
    /// Positions of `rcid`, `iso3`, `vote` and the number of columns, once the header is read.
    columns: Option<([usize; 3], usize)>,
    /// Roll call numbers to positions: a direct table while the numbers are dense (the
    /// shipped ones run to 9,000-odd), a search tree when a file numbers them sparsely, so that
    /// a roll call numbered in the billions costs no memory.
    by_rcid: Vec<u32>,
    sparse: BTreeMap<usize, u32>,
    words: usize,
    /// State codes are three capital letters: a direct table by code (26³ slots).
    ids: Vec<u32>,
    codes: Vec<String>,
    sets: Vec<[Vec<u64>; 3]>,
    rows: usize,
    without_code: usize,
    /// The votes read, kept when extending a record: (roll call position, state id, vote).
    added: Option<Vec<(u32, u32, Vote)>>,
}

/// Where to cut `bytes` so that the first part holds whole records.
pub fn record_boundary(bytes: &[u8]) -> usize {
    crate::csv::record_boundary(bytes)
}

impl<'r> VotesReader<'r> {
    pub fn new(file: &str, roll_calls: &RollCalls, known: &'r dyn Fn(&str) -> bool) -> Self {
        let max_rcid = roll_calls.list.iter().map(|r| r.rcid).max().unwrap_or(0) as usize;
        let dense = max_rcid <= 8 * roll_calls.len() + (1 << 16);
        let mut by_rcid = vec![u32::MAX; if dense { max_rcid + 1 } else { 0 }];
        let mut sparse = BTreeMap::new();
        for (i, r) in roll_calls.list.iter().enumerate() {
            let at = u32::try_from(i).unwrap_or(u32::MAX);
            match by_rcid.get_mut(r.rcid as usize) {
                Some(slot) => *slot = at,
                None => {
                    sparse.insert(r.rcid as usize, at);
                }
            }
        }
        Self {
            file: file.to_owned(),
            known,
            line: 1,
            columns: None,
            by_rcid,
            sparse,
            words: roll_calls.len().div_ceil(64),
            ids: vec![u32::MAX; 26 * 26 * 26],
            codes: Vec::new(),
            sets: Vec::new(),
            rows: 0,
            without_code: 0,
            added: None,
        }
    }

    /// Read on top of `base` (whose roll calls are the first of this reader's, in the same
    /// order): a vote `base` holds already is a duplicate, and the votes read are kept.
    pub(crate) fn extending(mut self, base: &Votes) -> Self {
        for (i, code) in base.states.iter().enumerate() {
            let Some(slot) = slot_of(code.as_bytes()) else {
                continue;
            };
            self.ids[slot] = u32::try_from(self.codes.len()).unwrap_or(u32::MAX);
            self.codes.push(code.clone());
            let widen = |v: &Vec<u64>| {
                let mut w = v.clone();
                w.resize(self.words, 0);
                w
            };
            self.sets.push([
                widen(&base.yes[i]),
                widen(&base.no[i]),
                widen(&base.abstain[i]),
            ]);
        }
        self.rows = base.rows;
        self.without_code = base.without_code;
        self.added = Some(Vec::new());
        self
    }

    /// The votes read since [`Self::extending`]: (roll call position, state code, vote).
    pub(crate) fn take_added(&mut self) -> Vec<(usize, String, Vote)> {
        self.added
            .take()
            .unwrap_or_default()
            .into_iter()
            .map(|(at, s, v)| {
                let code = self.codes.get(s as usize).cloned().unwrap_or_default();
                (at as usize, code, v)
            })
            .collect()
    }

    fn error(&self, line: usize, field: &str, message: String) -> DataError {
        DataError {
            file: self.file.clone(),
            line,
            field: field.to_owned(),
            message,
        }
    }

    /// Read the next chunk: whole records, following the chunk before.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), DataError> {
        let mut reader = Reader::at_line(chunk, self.line);
        let mut fields = Vec::new();
        let result = self.records(&mut reader, &mut fields);
        self.line = reader.line();
        result
    }

    fn records<'a>(
        &mut self,
        reader: &mut Reader<'a>,
        fields: &mut Vec<Cow<'a, [u8]>>,
    ) -> Result<(), DataError> {
        while let Some(rec) = reader.next_record(fields) {
            let line =
                rec.map_err(|l| self.error(l, "record", "a quote is never closed".into()))?;
            let Some(([c_rcid, c_iso3, c_vote], width)) = self.columns else {
                let header: Vec<String> = fields
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).trim().to_owned())
                    .collect();
                let mut cols = [0; 3];
                for (k, name) in ["rcid", "iso3", "vote"].iter().enumerate() {
                    cols[k] = header.iter().position(|h| h == name).ok_or_else(|| {
                        self.error(
                            line,
                            name,
                            format!("the header has no column {name:?} ({})", header.join(",")),
                        )
                    })?;
                }
                self.columns = Some((cols, header.len()));
                continue;
            };
            if fields.len() != width {
                return Err(self.error(
                    line,
                    "record",
                    format!("{} fields where the header has {width}", fields.len()),
                ));
            }
            let raw = |c: usize| -> &[u8] { fields.get(c).map_or(&[], |f| f.as_ref()) };
            let rcid_raw = raw(c_rcid);
            let at = match digits(rcid_raw)
                .and_then(|r| self.by_rcid.get(r).or_else(|| self.sparse.get(&r)))
            {
                Some(&p) if p != u32::MAX => p as usize,
                Some(_) => {
                    return Err(self.error(
                        line,
                        "rcid",
                        format!(
                            "roll call {} is not in the roll calls file",
                            String::from_utf8_lossy(rcid_raw)
                        ),
                    ));
                }
                None => {
                    let shown = String::from_utf8_lossy(rcid_raw);
                    let message = if digits(rcid_raw).is_some() {
                        format!("roll call {shown} is not in the roll calls file")
                    } else {
                        format!("{shown:?} is not a whole number")
                    };
                    return Err(self.error(line, "rcid", message));
                }
            };
            let vote = Vote::parse(raw(c_vote)).ok_or_else(|| {
                self.error(
                    line,
                    "vote",
                    format!(
                        "{:?} is not yes, no or abstain",
                        String::from_utf8_lossy(raw(c_vote))
                    ),
                )
            })?;
            let code = raw(c_iso3);
            if code.is_empty() {
                self.without_code += 1;
                continue;
            }
            let Some(slot) = slot_of(code) else {
                return Err(self.unknown_state(line, code));
            };
            let state = match self.ids[slot] {
                s if s != u32::MAX => s as usize,
                _ => {
                    let text = String::from_utf8_lossy(code).into_owned();
                    if !(self.known)(&text) {
                        return Err(self.unknown_state(line, code));
                    }
                    self.ids[slot] = u32::try_from(self.codes.len()).unwrap_or(u32::MAX);
                    self.codes.push(text);
                    let w = self.words;
                    self.sets.push([vec![0; w], vec![0; w], vec![0; w]]);
                    self.codes.len() - 1
                }
            };
            let (w, bit) = (at / 64, 1u64 << (at % 64));
            let s = &mut self.sets[state];
            if (s[0][w] | s[1][w] | s[2][w]) & bit != 0 {
                let message = format!(
                    "{} has a vote in roll call {} already",
                    String::from_utf8_lossy(code),
                    String::from_utf8_lossy(rcid_raw)
                );
                return Err(self.error(line, "iso3", message));
            }
            s[vote as usize][w] |= bit;
            self.rows += 1;
            if let Some(added) = &mut self.added {
                added.push((
                    u32::try_from(at).unwrap_or(u32::MAX),
                    u32::try_from(state).unwrap_or(u32::MAX),
                    vote,
                ));
            }
        }
        Ok(())
    }

    fn unknown_state(&self, line: usize, code: &[u8]) -> DataError {
        self.error(
            line,
            "iso3",
            format!(
                "{:?} is not a state code the registry knows (ISO 3166-1 alpha-3; empty for a former state)",
                String::from_utf8_lossy(code)
            ),
        )
    }

    /// The votes read, states sorted by code.
    pub fn finish(self) -> Result<Votes, DataError> {
        if self.columns.is_none() {
            return Err(self.error(1, "header", "the file is empty".into()));
        }
        let mut order: Vec<usize> = (0..self.codes.len()).collect();
        order.sort_by(|&a, &b| self.codes[a].cmp(&self.codes[b]));
        let mut out = Votes {
            words: self.words,
            rows: self.rows,
            without_code: self.without_code,
            ..Votes::default()
        };
        let mut taken: Vec<Option<[Vec<u64>; 3]>> = self.sets.into_iter().map(Some).collect();
        for i in order {
            if let Some([y, n, a]) = taken[i].take() {
                out.states.push(self.codes[i].clone());
                out.yes.push(y);
                out.no.push(n);
                out.abstain.push(a);
            }
        }
        Ok(out)
    }
}

/// A state code's slot in the direct table: three capital letters.
fn slot_of(code: &[u8]) -> Option<usize> {
    <[u8; 3]>::try_from(code).ok().and_then(|k| {
        k.iter().try_fold(0usize, |acc, &c| {
            c.is_ascii_uppercase()
                .then(|| acc * 26 + usize::from(c - b'A'))
        })
    })
}

/// A plain run of ASCII digits as a number (the fast path; anything else goes the long way).
fn digits(raw: &[u8]) -> Option<usize> {
    if raw.is_empty() {
        return None;
    }
    raw.iter().try_fold(0usize, |n, &c| {
        if !c.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add(usize::from(c - b'0'))
    })
}

/// `YYYY-MM-DD` → the year, if it is a date.
fn parse_date(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| std::str::from_utf8(&b[r]).ok()?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    i32::try_from(y).ok()
}

/// A CSV file read by column name, with the current record at hand.
pub(crate) struct Table<'a> {
    file: String,
    reader: Reader<'a>,
    fields: Vec<Cow<'a, [u8]>>,
    header: Vec<String>,
    /// Positions of the required columns, in the order asked.
    required: Vec<usize>,
}

impl<'a> Table<'a> {
    fn new(file: &str, bytes: &'a [u8], required: &[&str]) -> Result<Self, DataError> {
        let mut reader = Reader::new(bytes);
        let mut fields = Vec::new();
        let err = |line, field: &str, message: String| DataError {
            file: file.to_owned(),
            line,
            field: field.to_owned(),
            message,
        };
        match reader.next_record(&mut fields) {
            None => return Err(err(1, "header", "the file is empty".into())),
            Some(Err(l)) => return Err(err(l, "header", "a quote is never closed".into())),
            Some(Ok(_)) => {}
        }
        let header: Vec<String> = fields
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_owned())
            .collect();
        let mut positions = Vec::new();
        for name in required {
            match header.iter().position(|h| h == name) {
                Some(p) => positions.push(p),
                None => {
                    return Err(err(
                        1,
                        name,
                        format!("the header has no column {name:?} ({})", header.join(",")),
                    ));
                }
            }
        }
        Ok(Self {
            file: file.to_owned(),
            reader,
            fields,
            header,
            required: positions,
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn error(&self, line: usize, field: &str, message: String) -> DataError {
        DataError {
            file: self.file.clone(),
            line,
            field: field.to_owned(),
            message,
        }
    }

    /// The next record's line, or `None` at the end.
    fn next(&mut self) -> Result<Option<usize>, DataError> {
        match self.reader.next_record(&mut self.fields) {
            None => Ok(None),
            Some(Err(l)) => Err(self.error(l, "record", "a quote is never closed".into())),
            Some(Ok(line)) => {
                if self.fields.len() != self.header.len() {
                    return Err(self.error(
                        line,
                        "record",
                        format!(
                            "{} fields where the header has {}",
                            self.fields.len(),
                            self.header.len()
                        ),
                    ));
                }
                Ok(Some(line))
            }
        }
    }

    fn raw(&self, col: usize) -> &[u8] {
        self.fields.get(col).map_or(&[], |f| f.as_ref())
    }

    fn text(&self, col: usize, line: usize, name: &str) -> Result<String, DataError> {
        std::str::from_utf8(self.raw(col))
            .map(|s| s.trim().to_owned())
            .map_err(|_| self.error(line, name, "not UTF-8 text".into()))
    }

    fn opt_text(&self, col: Option<usize>) -> String {
        col.map(|c| String::from_utf8_lossy(self.raw(c)).trim().to_owned())
            .unwrap_or_default()
    }

    /// A required column's value as a number.
    fn number<T: std::str::FromStr>(&self, name: &str, line: usize) -> Result<T, DataError> {
        self.number_at(self.column(name).unwrap_or(usize::MAX), name, line)
    }

    /// Column `col`'s value as a number.
    fn number_at<T: std::str::FromStr>(
        &self,
        col: usize,
        name: &str,
        line: usize,
    ) -> Result<T, DataError> {
        let raw = self.raw(col);
        std::str::from_utf8(raw)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| {
                self.error(
                    line,
                    name,
                    format!("{:?} is not a whole number", String::from_utf8_lossy(raw)),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLL_CALLS: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
        3,1,0,1946-01-01,R/1/66,1,0,\"AMENDMENTS, RULES\",\"A \"\"quoted\"\" text\"\n\
        4,1,,1946-01-02,R/1/79,0,0,SC,Elections\n\
        9,2,1,1947-09-20,R/2/1,0,1,X,Y\n";

    fn roll_calls() -> RollCalls {
        RollCalls::parse("rc.csv", ROLL_CALLS.as_bytes()).unwrap()
    }

    fn known(s: &str) -> bool {
        ["USA", "FRA", "GBR"].contains(&s)
    }

    #[test]
    fn roll_calls_are_read_by_column_name() {
        let r = roll_calls();
        assert_eq!(r.len(), 3);
        assert_eq!(r.list[0].short, "AMENDMENTS, RULES");
        assert_eq!(r.list[0].descr, "A \"quoted\" text");
        assert_eq!(r.list[1].important, None);
        assert_eq!((r.list[2].year, r.list[2].para), (1947, true));
        assert_eq!(r.position(9), Some(2));
    }

    #[test]
    fn votes_become_bitsets_and_former_states_are_set_aside() {
        let text = "rcid,iso3,iso2,country,vote\n3,USA,US,United States,yes\n3,FRA,FR,France,no\n\
                    4,,CS,Czechoslovakia,yes\n9,USA,US,United States,abstain\n";
        let v = Votes::parse("v.csv", text.as_bytes(), &roll_calls(), &known).unwrap();
        assert_eq!(v.states, vec!["FRA", "USA"]);
        assert_eq!((v.rows, v.without_code), (3, 1));
        let usa = v.state("USA").unwrap();
        assert_eq!(v.vote(usa, 0), Some(Vote::Yes));
        assert_eq!(v.vote(usa, 1), None);
        assert_eq!(v.vote(usa, 2), Some(Vote::Abstain));
    }

    #[test]
    fn a_file_read_in_chunks_is_the_file_read_whole() {
        let text = "rcid,iso3,country,vote\n3,USA,\"United\nStates\",yes\n3,FRA,France,no\n\
                    4,GBR,UK,yes\n9,USA,x,abstain\n9,ZZZ,x,yes\n";
        let whole = Votes::parse("v.csv", text.as_bytes(), &roll_calls(), &known).unwrap_err();
        for size in [1, 7, 20, 33] {
            let mut r = VotesReader::new("v.csv", &roll_calls(), &known);
            let mut rest: &[u8] = text.as_bytes();
            let mut pending = Vec::new();
            let mut err = None;
            while !rest.is_empty() || !pending.is_empty() {
                let take = size.min(rest.len());
                pending.extend_from_slice(&rest[..take]);
                rest = &rest[take..];
                let cut = if rest.is_empty() {
                    pending.len()
                } else {
                    record_boundary(&pending)
                };
                if let Err(e) = r.feed(&pending[..cut]) {
                    err = Some(e);
                    break;
                }
                pending.drain(..cut);
            }
            assert_eq!(err.as_ref(), Some(&whole), "chunks of {size}");
        }
        assert_eq!((whole.line, whole.field.as_str()), (7, "iso3"));
    }

    #[test]
    fn sparse_roll_call_numbers_cost_no_memory() {
        let rc = RollCalls::parse(
            "rc.csv",
            b"rcid,session,date\n4000000000,1,1990-01-01\n7,1,1990-01-02\n",
        )
        .unwrap();
        let v = Votes::parse(
            "v.csv",
            b"rcid,iso3,vote\n4000000000,USA,yes\n7,USA,no\n",
            &rc,
            &known,
        )
        .unwrap();
        assert_eq!(v.vote(0, 0), Some(Vote::Yes));
        assert_eq!(v.vote(0, 1), Some(Vote::No));
        let e = Votes::parse("v.csv", b"rcid,iso3,vote\n8,USA,no\n", &rc, &known).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "rcid"));
    }

    #[test]
    fn bad_rows_are_named_by_file_line_and_field() {
        let rc = roll_calls();
        let cases = [
            ("rcid,iso3,vote\n3,USA,maybe\n", 2, "vote"),
            ("rcid,iso3,vote\n3,USA,yes\n77,USA,no\n", 3, "rcid"),
            ("rcid,iso3,vote\n3,XXX,yes\n", 2, "iso3"),
            ("rcid,iso3,vote\n3,USA,yes\n\n3,USA,no\n", 4, "iso3"),
            ("rcid,iso3,vote\nx,USA,yes\n", 2, "rcid"),
            ("rcid,iso3\n3,USA\n", 1, "vote"),
            ("rcid,iso3,vote\n3,USA\n", 2, "record"),
        ];
        for (text, line, field) in cases {
            let e = Votes::parse("votes.csv", text.as_bytes(), &rc, &known).unwrap_err();
            assert_eq!((e.line, e.field.as_str()), (line, field), "{e}");
            assert!(
                e.to_string()
                    .starts_with(&format!("votes.csv:{line}: {field}: "))
            );
        }
        let e = RollCalls::parse("rc.csv", b"rcid,session,date\n1,1,1946-13-01\n").unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "date"));
        let e = Issues::parse("i.csv", b"rcid,short_name\n3,zz\n", &rc).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "short_name"));
        let e = Issues::parse("i.csv", b"rcid,short_name\n5,hr\n", &rc).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "rcid"));
    }
}
