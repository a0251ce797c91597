//! A small CSV reader over bytes (RFC 4180: quoted fields, doubled quotes, separators and
//! line breaks inside quotes, CRLF or LF), yielding each record's fields as byte slices with
//! the line it starts on. No allocation per field unless a field holds a doubled quote.

use std::borrow::Cow;

/// The records of `bytes`, in order.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self::at_line(bytes, 1)
    }

    /// A reader whose first byte is on line `line` of its file (a chunk of a longer file).
    pub fn at_line(bytes: &'a [u8], line: usize) -> Self {
        // A UTF-8 byte-order mark is not part of the first field.
        let pos = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        let pos = if line == 1 { pos } else { 0 };
        Self { bytes, pos, line }
    }

    /// The line the reader is on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The next record, or `None` at the end; `Err(line)` for a quote that is never closed.
    pub fn next_record(&mut self, fields: &mut Vec<Cow<'a, [u8]>>) -> Option<Result<usize, usize>> {
        fields.clear();
        let b = self.bytes;
        // Skip blank lines.
        while self.pos < b.len() && (b[self.pos] == b'\n' || b[self.pos] == b'\r') {
            if b[self.pos] == b'\n' {
                self.line += 1;
            }
            self.pos += 1;
        }
        if self.pos >= b.len() {
            return None;
        }
        let start_line = self.line;
        loop {
            if self.pos < b.len() && b[self.pos] == b'"' {
                // Quoted field.
                let open_line = self.line;
                self.pos += 1;
                let start = self.pos;
                let mut escaped = false;
                loop {
                    let Some(off) = b[self.pos..].iter().position(|&c| c == b'"' || c == b'\n')
                    else {
                        return Some(Err(open_line));
                    };
                    self.pos += off;
                    if b[self.pos] == b'\n' {
                        self.line += 1;
                        self.pos += 1;
                        continue;
                    }
                    if b.get(self.pos + 1) == Some(&b'"') {
                        escaped = true;
                        self.pos += 2;
                        continue;
                    }
                    break;
                }
                let raw = &b[start..self.pos];
                self.pos += 1;
                fields.push(if escaped {
                    Cow::Owned(unescape(raw))
                } else {
                    Cow::Borrowed(raw)
                });
                // Whatever follows the closing quote up to the separator is kept, as most
                // readers do.
                let rest = b[self.pos..]
                    .iter()
                    .position(|&c| c == b',' || c == b'\n')
                    .unwrap_or(b.len() - self.pos);
                self.pos += rest;
            } else {
                let end = b[self.pos..]
                    .iter()
                    .position(|&c| c == b',' || c == b'\n')
                    .map_or(b.len(), |o| self.pos + o);
                let mut field = &b[self.pos..end];
                if field.last() == Some(&b'\r') && b.get(end) != Some(&b',') {
                    field = &field[..field.len() - 1];
                }
                fields.push(Cow::Borrowed(field));
                self.pos = end;
            }
            match b.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return Some(Ok(start_line));
                }
                _ => return Some(Ok(start_line)),
            }
        }
    }
}

/// Where to cut `bytes` so that the first part holds whole records: just after the last line
/// break outside quotes (0 if there is none). Doubled quotes inside a quoted field leave the
/// parity as it was, so counting quotes is enough.
pub fn record_boundary(bytes: &[u8]) -> usize {
    let mut inside = false;
    let mut cut = 0;
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'"' {
            inside = !inside;
        } else if c == b'\n' && !inside {
            cut = i + 1;
        }
    }
    cut
}

fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        out.push(raw[i]);
        i += if raw[i] == b'"' && raw.get(i + 1) == Some(&b'"') {
            2
        } else {
            1
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut r = Reader::new(text.as_bytes());
        let mut f = Vec::new();
        let mut out = Vec::new();
        while let Some(rec) = r.next_record(&mut f) {
            let line = rec.unwrap();
            out.push((
                line,
                f.iter()
                    .map(|x| String::from_utf8_lossy(x).into_owned())
                    .collect(),
            ));
        }
        out
    }

    #[test]
    fn quotes_separators_and_line_breaks() {
        let got = all("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",3\n4,,\n");
        assert_eq!(got[0], (1, vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(got[1].1, vec!["1", "x, y", "say \"hi\""]);
        assert_eq!(
            got[2],
            (4, vec!["2".into(), "two\nlines".into(), "3".into()])
        );
        assert_eq!(got[3], (6, vec!["4".into(), String::new(), String::new()]));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn chunks_are_cut_between_records_only() {
        let text = b"a,b\n1,\"x\ny\"\n2,\"z";
        assert_eq!(record_boundary(text), 12);
        assert_eq!(record_boundary(b"1,\"open\n"), 0);
        let mut r = Reader::at_line(b"5,6\n7,8\n", 10);
        let mut f = Vec::new();
        assert_eq!(r.next_record(&mut f), Some(Ok(10)));
        assert_eq!(r.next_record(&mut f), Some(Ok(11)));
        assert_eq!(r.line(), 12);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let mut r = Reader::new(b"a\n\"open\nstill\n");
        let mut f = Vec::new();
        assert_eq!(r.next_record(&mut f), Some(Ok(1)));
        assert_eq!(r.next_record(&mut f), Some(Err(2)));
    }
}
