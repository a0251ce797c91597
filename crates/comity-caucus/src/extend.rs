//! A record and its extension by later files: roll calls not yet in it (with their issues)
//! and votes not yet recorded, each bad row named by file, line and field; what was added,
//! in a canonical text that reads back to the same record.

use crate::data::{DataError, Issues, RollCall, RollCalls, Vote, Votes, VotesReader};

/// The three files read together.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub roll_calls: RollCalls,
    pub issues: Issues,
    pub votes: Votes,
}

/// Files that extend a record: (file name, bytes) each.
pub struct Addition<'a> {
    pub votes: (&'a str, &'a [u8]),
    pub roll_calls: Option<(&'a str, &'a [u8])>,
    pub issues: Option<(&'a str, &'a [u8])>,
}

/// What an extension added, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    pub roll_calls: Vec<RollCall>,
    /// (rcid, issue code)
    pub issues: Vec<(u32, String)>,
    /// (rcid, state code, vote)
    pub votes: Vec<(u32, String, Vote)>,
}

/// The canonical headers of [`Added::texts`].
pub const VOTES_HEADER: &str = "rcid,iso3,vote";
pub const ROLL_CALLS_HEADER: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr";
pub const ISSUES_HEADER: &str = "rcid,short_name";

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn flag(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

impl Added {
    /// The first and last session of the roll calls the added votes are in.
    pub fn sessions(&self, record: &Record) -> Option<(u32, u32)> {
        let sessions = self.votes.iter().filter_map(|(rcid, _, _)| {
            let at = record.roll_calls.position(*rcid)?;
            Some(record.roll_calls.list[at].session)
        });
        sessions.fold(None, |acc, s| match acc {
            None => Some((s, s)),
            Some((a, b)) => Some((a.min(s), b.max(s))),
        })
    }

    /// The votes, roll calls and issues added, as CSV in a fixed layout: read back with
    /// [`Record::extend`], they add exactly the same.
    pub fn texts(&self) -> [String; 3] {
        let mut votes = format!("{VOTES_HEADER}\n");
        for (rcid, code, vote) in &self.votes {
            votes.push_str(&format!("{rcid},{code},{}\n", vote.code()));
        }
        let mut roll_calls = format!("{ROLL_CALLS_HEADER}\n");
        for r in &self.roll_calls {
            let important = r.important.map_or("", flag);
            roll_calls.push_str(&format!(
                "{},{},{important},{},{},{},{},{},{}\n",
                r.rcid,
                r.session,
                r.date,
                quoted(&r.unres),
                flag(r.amend),
                flag(r.para),
                quoted(&r.short),
                quoted(&r.descr)
            ));
        }
        let mut issues = format!("{ISSUES_HEADER}\n");
        for (rcid, code) in &self.issues {
            issues.push_str(&format!("{rcid},{code}\n"));
        }
        [votes, roll_calls, issues]
    }
}

impl Record {
    /// This record with `add`'s roll calls, issues and votes: a roll call it holds already, an
    /// issue of one of its roll calls, a vote it holds already, or any bad row is refused with
    /// its file, line and field, and nothing is added.
    pub fn extend(
        &self,
        add: &Addition<'_>,
        known: &dyn Fn(&str) -> bool,
    ) -> Result<(Record, Added), DataError> {
        let (new, lines) = match add.roll_calls {
            Some((file, bytes)) => RollCalls::parse_with_lines(file, bytes)?,
            None => (RollCalls::default(), Vec::new()),
        };
        for (r, line) in new.list.iter().zip(lines) {
            if self.roll_calls.position(r.rcid).is_some() {
                return Err(DataError {
                    file: add.roll_calls.map_or("", |f| f.0).to_owned(),
                    line,
                    field: "rcid".into(),
                    message: format!(
                        "roll call {} is in the record already: an import adds roll calls, it does not change them",
                        r.rcid
                    ),
                });
            }
        }
        let before = self.roll_calls.len();
        let mut list = self.roll_calls.list.clone();
        list.extend(new.list.iter().cloned());
        let roll_calls = RollCalls::from_list(list);
        let mut of = self.issues.of.clone();
        of.resize(roll_calls.len(), 0);
        let mut issues = Vec::new();
        if let Some((file, bytes)) = add.issues {
            for e in Issues::entries(file, bytes, &roll_calls)? {
                if e.position < before {
                    return Err(DataError {
                        file: file.to_owned(),
                        line: e.line,
                        field: "rcid".into(),
                        message: format!(
                            "roll call {} is in the record already: an import does not change its issues",
                            e.rcid
                        ),
                    });
                }
                of[e.position] |= e.bit;
                issues.push((e.rcid, e.code));
            }
        }
        let (file, bytes) = add.votes;
        let mut reader = VotesReader::new(file, &roll_calls, known).extending(&self.votes);
        reader.feed(bytes)?;
        let added = reader.take_added();
        let votes = reader.finish()?;
        let votes_added = added
            .into_iter()
            .map(|(at, code, v)| (roll_calls.list[at].rcid, code, v))
            .collect();
        Ok((
            Record {
                roll_calls,
                issues: Issues { of },
                votes,
            },
            Added {
                roll_calls: new.list,
                issues,
                votes: votes_added,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Record {
        let roll_calls = RollCalls::parse(
            "rc",
            b"rcid,session,date\n1,10,1990-01-01\n2,10,1990-06-01\n",
        )
        .unwrap();
        let issues = Issues::parse("i", b"rcid,short_name\n1,hr\n", &roll_calls).unwrap();
        let votes = Votes::parse(
            "v",
            b"rcid,iso3,vote\n1,AAA,yes\n1,BBB,no\n2,AAA,abstain\n",
            &roll_calls,
            &|_| true,
        )
        .unwrap();
        Record {
            roll_calls,
            issues,
            votes,
        }
    }

    const NEW_RC: &[u8] =
        b"rcid,session,date,short,descr\n3,11,1991-01-01,\"A, B\",\"say \"\"no\"\"\"\n";

    #[test]
    fn a_later_session_is_added_and_its_text_reads_back_the_same() {
        let b = base();
        let add = Addition {
            votes: ("v2", b"rcid,iso3,vote\n3,AAA,yes\n3,CCC,no\n2,BBB,yes\n"),
            roll_calls: Some(("rc2", NEW_RC)),
            issues: Some(("i2", b"rcid,short_name\n3,nu\n")),
        };
        let (r, added) = b.extend(&add, &|_| true).unwrap();
        assert_eq!(r.roll_calls.len(), 3);
        assert_eq!(r.votes.rows, 6);
        assert_eq!(added.votes.len(), 3);
        assert_eq!(added.sessions(&r), Some((10, 11)));
        let aaa = r.votes.state("AAA").unwrap();
        assert_eq!(r.votes.vote(aaa, 2), Some(Vote::Yes));
        assert_eq!(r.votes.vote(aaa, 1), Some(Vote::Abstain));
        assert_eq!(
            r.issues.of,
            vec![Issues::bit("hr").unwrap(), 0, Issues::bit("nu").unwrap()]
        );
        // The canonical text adds the same to the base.
        let [v, rc, i] = added.texts();
        let again = Addition {
            votes: ("v", v.as_bytes()),
            roll_calls: Some(("rc", rc.as_bytes())),
            issues: Some(("i", i.as_bytes())),
        };
        let (r2, added2) = b.extend(&again, &|_| true).unwrap();
        assert_eq!(added2, added);
        assert_eq!(r2.roll_calls.list, r.roll_calls.list);
        assert_eq!(r2.votes.yes, r.votes.yes);
    }

    #[test]
    fn what_the_record_holds_already_is_refused_by_line() {
        let b = base();
        let dup = Addition {
            votes: ("v2", b"rcid,iso3,vote\n2,BBB,yes\n1,AAA,no\n"),
            roll_calls: None,
            issues: None,
        };
        let e = b.extend(&dup, &|_| true).unwrap_err();
        assert_eq!(
            (e.file.as_str(), e.line, e.field.as_str()),
            ("v2", 3, "iso3")
        );
        let old_rc = Addition {
            votes: ("v2", b"rcid,iso3,vote\n"),
            roll_calls: Some((
                "rc2",
                b"rcid,session,date\n5,11,1991-01-01\n2,10,1990-06-01\n",
            )),
            issues: None,
        };
        let e = b.extend(&old_rc, &|_| true).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (3, "rcid"));
        let old_issue = Addition {
            votes: ("v2", b"rcid,iso3,vote\n"),
            roll_calls: Some(("rc2", NEW_RC)),
            issues: Some(("i2", b"rcid,short_name\n3,nu\n2,hr\n")),
        };
        let e = b.extend(&old_issue, &|_| true).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("i2", 3));
        let unknown = Addition {
            votes: ("v2", b"rcid,iso3,vote\n9,AAA,yes\n"),
            roll_calls: None,
            issues: None,
        };
        let e = b.extend(&unknown, &|_| true).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "rcid"));
    }
}
