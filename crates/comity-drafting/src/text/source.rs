//! Writing a draft back as source that parses to the same draft.

use super::*;

// ---------------------------------------------------------------------------------------
// Writing the source

pub(super) fn write_paragraphs(out: &mut String, paragraphs: &[Paragraph]) {
    for (i, p) in paragraphs.iter().enumerate() {
        // Numbered paragraphs follow each other line by line; unnumbered ones need a
        // blank line to separate them.
        if i > 0 && p.num.is_none() {
            out.push('\n');
        }
        if let Some(n) = p.num {
            out.push_str(&format!("{n}. "));
        }
        write_source(out, &p.content, 0, p.num.is_none());
        out.push('\n');
    }
}

pub(super) fn write_source(out: &mut String, segs: &[Segment], depth: usize, line_start: bool) {
    for (i, seg) in segs.iter().enumerate() {
        match seg {
            Segment::Text(t) => escape_source(out, t, depth, line_start && i == 0),
            Segment::Bracket(b) => {
                out.push('[');
                for (j, alt) in b.alternatives.iter().enumerate() {
                    if j > 0 {
                        out.push_str(" / ");
                    }
                    write_source(out, alt, depth + 1, false);
                }
                out.push(']');
            }
        }
    }
}

pub(super) fn escape_source(out: &mut String, text: &str, depth: usize, line_start: bool) {
    // At the start of an unnumbered paragraph, `#` would read as a heading and `12.` as a
    // paragraph number.
    let number_dot = if line_start {
        parse::numbered(text).map(|(_, _)| text.bytes().take_while(u8::is_ascii_digit).count())
    } else {
        None
    };
    if line_start && text.starts_with('#') {
        out.push('\\');
    }
    for (i, c) in text.char_indices() {
        let escape = match c {
            '\\' | '[' | ']' => true,
            '/' => depth > 0,
            '.' => number_dot == Some(i),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}
