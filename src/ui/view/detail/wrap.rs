//! Word wrapping with a hanging indent, for list items of the entry pane (stops, links,
//! sources): their continuation lines start under the item's text rather than under its
//! marker, which ratatui's own wrapping cannot do. Lines made here fit the width, so the
//! paragraph's wrapping leaves them as they are.

use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `spans` as lines of at most `width` columns, every line after the first indented by
/// `indent` spaces. Breaks between words where it can, inside a word wider than a line.
pub fn hanging(spans: Vec<Span<'static>>, indent: usize, width: usize) -> Vec<Line<'static>> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    // Too narrow to indent usefully: leave it to the paragraph.
    if total <= width || width < indent + 4 {
        return vec![Line::from(spans)];
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line = Line::default();
    let mut used = 0;
    for span in spans {
        for piece in pieces(&span.content) {
            let blank = piece.starts_with(' ');
            let piece_width = piece.width();
            if used + piece_width <= width {
                // No spaces at the start of a continuation line: the indent is its margin.
                if !(blank && !lines.is_empty() && used == indent) {
                    line.spans.push(Span::styled(piece.to_string(), span.style));
                    used += piece_width;
                }
                continue;
            }
            if blank {
                // A break falls here: the spaces go with it.
                next_line(&mut lines, &mut line, &mut used, indent);
                continue;
            }
            // A line holds something once past its margin: none on the first, the indent after.
            let fresh = used == if lines.is_empty() { 0 } else { indent };
            if piece_width <= width - indent && !fresh {
                next_line(&mut lines, &mut line, &mut used, indent);
                line.spans.push(Span::styled(piece.to_string(), span.style));
                used += piece_width;
                continue;
            }
            // A word wider than a line: cut it where each line ends, between clusters (half an
            // emoji sequence would end in a ZWJ that joins whatever is drawn next to it).
            let mut chunk = String::new();
            for cluster in piece.graphemes(true) {
                let w = cluster.width();
                if used + w > width {
                    line.spans.push(Span::styled(std::mem::take(&mut chunk), span.style));
                    next_line(&mut lines, &mut line, &mut used, indent);
                }
                chunk.push_str(cluster);
                used += w;
            }
            line.spans.push(Span::styled(chunk, span.style));
        }
    }
    lines.push(line);
    lines
}

/// Ends `line` (without its trailing spaces) and starts an indented one.
fn next_line(lines: &mut Vec<Line<'static>>, line: &mut Line<'static>, used: &mut usize, indent: usize) {
    while line.spans.last().is_some_and(|s| s.content.starts_with(' ')) {
        line.spans.pop();
    }
    lines.push(std::mem::take(line));
    line.spans.push(Span::raw(" ".repeat(indent)));
    *used = indent;
}

/// Runs of spaces and runs of anything else, in order.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut blank = None;
    for (i, c) in text.char_indices() {
        let is_blank = c == ' ';
        if blank.is_some_and(|b| b != is_blank) {
            out.push(&text[start..i]);
            start = i;
        }
        blank = Some(is_blank);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn continuation_lines_hang_under_the_text() {
        let lines = hanging(vec![Span::raw("→ "), Span::raw("one two three four"), Span::raw("  (tour)")], 2, 12);
        assert_eq!(texts(&lines), ["→ one two", "  three four", "  (tour)"]);
        assert!(lines.iter().all(|l| l.width() <= 12));
    }

    #[test]
    fn a_long_word_is_cut_and_a_short_line_is_left_alone() {
        let lines = hanging(vec![Span::raw("  https://example.org/a/long/path")], 2, 12);
        assert_eq!(texts(&lines), ["  https://ex", "  ample.org/", "  a/long/pat", "  h"]);
        assert_eq!(texts(&hanging(vec![Span::raw("1. short")], 3, 40)), ["1. short"]);
    }

    #[test]
    fn a_long_word_is_cut_between_emoji_not_inside_one() {
        let family = "👩\u{200D}👩\u{200D}👧";
        let lines = hanging(vec![Span::raw(format!("  {}", family.repeat(5)))], 2, 7);
        assert_eq!(
            texts(&lines),
            [format!("  {}", family.repeat(2)), format!("  {}", family.repeat(2)), format!("  {family}")]
        );
    }
}
