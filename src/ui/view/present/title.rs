//! The slide's title in big letters (tui-big-text, font8x8 glyphs), as large as fits; where it
//! does not fit, or the font lacks one of its letters, large bold text instead — never a title
//! with a letter missing.

use font8x8::UnicodeFonts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

/// Sizes tried, largest first: (pixel size, columns and rows per glyph). Sextants and octants
/// are left out: many projector fonts lack those block characters.
const SIZES: [(PixelSize, u16, u16); 3] =
    [(PixelSize::Full, 8, 8), (PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)];

/// Typography the font lacks, drawn as its plain equivalent (punctuation only, never a letter).
fn plain_punctuation(c: char) -> char {
    match c {
        '–' | '—' | '‑' | '−' => '-',
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '\u{a0}' | '\u{202f}' => ' ',
        other => other,
    }
}

fn has_glyph(c: char) -> bool {
    c == ' '
        || font8x8::BASIC_FONTS.get(c).is_some()
        || font8x8::LATIN_FONTS.get(c).is_some()
        || font8x8::GREEK_FONTS.get(c).is_some()
        || font8x8::MISC_FONTS.get(c).is_some()
}

/// The title's lines in big letters of `columns` per glyph within `width`, or none when a word
/// is wider than a line.
fn wrap_words(title: &str, per_line: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in title.split_whitespace() {
        let length = word.chars().count();
        if length > per_line {
            return None;
        }
        let used = line.chars().count();
        if used > 0 && used + 1 + length > per_line {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// How the title will be drawn at this width with at most `max_rows` rows: big letters (the
/// size and lines), or `None` for bold text.
pub fn big_layout(title: &str, width: u16, max_rows: u16) -> Option<(PixelSize, Vec<String>, u16)> {
    let title: String = title.chars().map(plain_punctuation).collect();
    if title.trim().is_empty() || !title.chars().all(has_glyph) {
        return None;
    }
    SIZES.iter().find_map(|&(size, columns, rows)| {
        let lines = wrap_words(&title, usize::from(width / columns))?;
        let height = u16::try_from(lines.len()).ok()?.checked_mul(rows)?;
        // More than four lines of big letters read worse than bold text.
        (lines.len() <= 4 && height <= max_rows).then_some((size, lines, height))
    })
}

/// The rows the title takes at this width.
pub fn height(title: &str, width: u16, max_rows: u16) -> u16 {
    match big_layout(title, width, max_rows) {
        Some((_, _, rows)) => rows,
        None => bold_height(title, width),
    }
}

fn bold_height(title: &str, width: u16) -> u16 {
    let lines = Paragraph::new(title.to_string()).wrap(Wrap { trim: true }).line_count(width.max(1));
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// Draws the title in `area` (as tall as [`height`] said).
pub fn draw(frame: &mut Frame<'_>, title: &str, style: Style, area: Rect, max_rows: u16) {
    match big_layout(title, area.width, max_rows) {
        Some((size, lines, _)) => {
            let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
            let big = BigText::builder().pixel_size(size).style(style).lines(lines).build();
            frame.render_widget(big, area);
        }
        None => {
            let bold = style.add_modifier(Modifier::BOLD);
            frame.render_widget(Paragraph::new(title.to_string()).style(bold).wrap(Wrap { trim: true }), area);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_latin_and_greek_letters_have_glyphs() {
        for c in "ÉéèçôàùîÀÇ".chars() {
            assert!(has_glyph(c), "{c}");
        }
        for c in "ΑΒΓΔΕαβγδεζηθλμπσωΚοζάνη".chars() {
            assert!(has_glyph(c), "{c}");
        }
    }

    /// Each letter, drawn big on its own, leaves ink, and an accented letter differs from its
    /// bare twin (the accent is drawn, not dropped).
    #[test]
    fn accented_and_greek_letters_are_drawn_with_their_accents() {
        use ratatui::buffer::Buffer;
        use ratatui::widgets::Widget;
        let ink = |c: char| {
            let area = Rect::new(0, 0, 8, 8);
            let mut buffer = Buffer::empty(area);
            BigText::builder()
                .pixel_size(PixelSize::Full)
                .lines(vec![Line::from(c.to_string())])
                .build()
                .render(area, &mut buffer);
            buffer.content().iter().map(|cell| cell.symbol() != " ").collect::<Vec<bool>>()
        };
        for (accented, bare) in [('É', 'E'), ('é', 'e'), ('è', 'e'), ('ç', 'c'), ('ô', 'o'), ('ά', 'α')] {
            assert!(ink(accented).contains(&true), "{accented} leaves no ink");
            assert_ne!(ink(accented), ink(bare), "{accented} is drawn as {bare}");
        }
        for c in "ΚοζάνηΣΤΕΡΕΑ".chars() {
            assert!(ink(c).contains(&true), "{c} leaves no ink");
        }
    }

    #[test]
    fn a_title_the_font_cannot_draw_whole_is_bold_text() {
        assert!(big_layout("Béthune", 200, 40).is_some());
        // ό (omicron with tonos) is outside font8x8's Greek range: no letter may go missing.
        assert!(big_layout("Κοζάνη Πόλη", 200, 40).is_none());
        assert!(big_layout("Peer review 29–30 July", 200, 40).is_some());
    }

    #[test]
    fn a_long_title_takes_smaller_letters_or_falls_back() {
        let (size, lines, _) = big_layout("BringBack", 200, 40).expect("fits");
        assert_eq!(size, PixelSize::Full);
        assert_eq!(lines, ["BringBack"]);
        let title = "BringBack: regenerating lead-acid batteries in Béthune";
        assert!(big_layout(title, 76, 8).is_none());
        let (size, lines, _) = big_layout(title, 196, 20).expect("fits at 200 columns");
        assert!(matches!(size, PixelSize::HalfHeight | PixelSize::Quadrant));
        assert_eq!(lines.join(" "), title);
    }
}
