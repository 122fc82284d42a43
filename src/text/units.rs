//! Numbers stay with their units: `10 M€`, `27 000 m²` and `95 %` must not break across lines,
//! on a screen, a phone or paper. The space between a number and its unit, and between groups
//! of digits, becomes a no-break space (U+00A0) wherever an entry's text is shown or exported.

/// Units written after a number in the catalogue's texts (SI symbols, money, shares).
const UNITS: &[&str] = &[
    "%", "‰", "€", "k€", "M€", "Md€", "G€", "$", "£", "m", "m²", "m³", "km", "km²", "ha", "mm", "cm", "kg", "g", "t",
    "kt", "Mt", "Gt", "W", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "°C", "L", "l", "ppm", "t/an", "t/yr",
];

/// `text` with a no-break space between a number and its unit and between groups of three
/// digits (`27 000`); unchanged (and not copied) when there is nothing to keep together.
pub fn keep_units_together(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let spaces: Vec<usize> = (1..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b' ' && bytes[i - 1].is_ascii_digit() && joins(&text[i + 1..]))
        .collect();
    if spaces.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + spaces.len());
    let mut last = 0;
    for i in spaces {
        out.push_str(&text[last..i]);
        out.push('\u{a0}');
        last = i + 1;
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// Whether what follows a space after a digit belongs to the number: a unit as a whole word,
/// or a group of exactly three digits.
fn joins(after: &str) -> bool {
    let word_end = after
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ')' | ':' | '!' | '?'))
        .unwrap_or(after.len());
    let word = &after[..word_end];
    if word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // "m²." ends a sentence; "Mt/an" and "t/yr" are whole units too.
    UNITS.contains(&word) || UNITS.contains(&word.split('/').next().unwrap_or(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_units_and_their_thousands() {
        assert_eq!(
            keep_units_together("un budget de 10 M€ pour 27 000 m² ou 95 %."),
            "un budget de 10\u{a0}M€ pour 27\u{a0}000\u{a0}m² ou 95\u{a0}%."
        );
        assert_eq!(keep_units_together("2 000 t/an"), "2\u{a0}000\u{a0}t/an");
        assert_eq!(keep_units_together("50 t of gallium, 1.265 Mt"), "50\u{a0}t of gallium, 1.265\u{a0}Mt");
    }

    #[test]
    fn other_spaces_stay() {
        for text in ["In 2025 the site", "7 conférenciers", "2 000", "les 3 mines", "page 12 to 1234 pages", "t 10"] {
            let kept = keep_units_together(text);
            let expected = if text == "2 000" { "2\u{a0}000".to_string() } else { text.to_string() };
            assert_eq!(kept, expected, "{text}");
        }
        assert!(matches!(keep_units_together("nothing here"), std::borrow::Cow::Borrowed(_)));
    }
}
