//! Grapheme clusters as ratatui cuts text into cells, and the emoji rules that keep the width
//! ratatui counts equal to the width terminals draw.
//!
//! Measured with tmux 3.3a against unicode-width 0.2.3 (what ratatui counts):
//! - 👩‍👩‍👧 (emoji joined by U+200D ZWJ): tmux draws the joined emoji in one 2-column cell,
//!   unicode-width counts 2. Kept whole.
//! - A ZWJ next to anything else joins it anyway in tmux (`A` ZWJ 👩 shows as `A`, hiding the
//!   emoji; 🏳 ZWJ 🌈 and 👩 ZWJ ❤ ZWJ 👨 draw 1 and 2 columns where unicode-width counts 3 and
//!   5). So a ZWJ is kept only between two emoji that are both two columns wide and make one
//!   cluster of width 2; elsewhere it is removed and the emoji stand side by side.
//! - U+FE0F VS16 (emoji presentation): ❤️ ☺️ ⚠️ 👁️ #️⃣ count 2 in unicode-width, tmux draws
//!   1 (it ignores VS16), which leaves a blank cell and shifts what follows. Without VS16 both
//!   count the character's own width, as every terminal does, and emoji that are wide anyway
//!   (😀) are unchanged. So VS16 is removed: ❤ may show in text style rather than colour, and
//!   nothing is misplaced.
//! - Skin-tone modifiers (U+1F3FB–U+1F3FF): 👍🏽 counts 2 in unicode-width, tmux draws 4. They
//!   are removed (👍 stays).
//! - Flags (regional indicator pairs), lone regional indicators and tag sequences agree.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub const ZWJ: char = '\u{200D}';
pub const VS16: char = '\u{FE0F}';

/// How many emoji one cluster may join: real sequences join at most four (👨‍👩‍👧‍👦), and a
/// longer chain is only an attack on the layout, like a long run of combining marks.
const MAX_EMOJI_JOINS: usize = 3;

/// The skin-tone modifiers, which terminals disagree about.
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// Whether `c` only changes how the character before it is drawn, in a way terminals disagree
/// about (VS16, skin tones): removed from catalogue text, and not taken when typed.
pub fn is_presentation(c: char) -> bool {
    c == VS16 || is_emoji_modifier(c)
}

/// Whether a ZWJ between `before` and `after` makes one emoji drawn two columns wide, as
/// ratatui counts it and terminals draw it: both are two-column emoji that the Unicode
/// segmentation rules join. A skin-tone modifier is not one: it is removed.
pub fn joins_emoji(before: char, after: char) -> bool {
    let wide_emoji = |c: char| c.width() == Some(2) && !is_emoji_modifier(c);
    if !wide_emoji(before) || !wide_emoji(after) {
        return false;
    }
    let mut buffer = [0u8; 12];
    let mut len = before.encode_utf8(&mut buffer).len();
    len += ZWJ.encode_utf8(&mut buffer[len..]).len();
    len += after.encode_utf8(&mut buffer[len..]).len();
    let joined = std::str::from_utf8(&buffer[..len]).unwrap_or_default();
    joined.graphemes(true).nth(1).is_none() && joined.width() == 2
}

/// Whether a ZWJ at the end of `out`, followed by `next`, is kept: it joins two emoji and the
/// cluster it ends has not joined too many already.
pub fn keeps_zwj(out: &str, next: Option<char>) -> bool {
    let Some(before) = out.chars().next_back() else { return false };
    if !next.is_some_and(|after| joins_emoji(before, after)) {
        return false;
    }
    let cluster = out.graphemes(true).next_back().unwrap_or_default();
    cluster.matches(ZWJ).count() < MAX_EMOJI_JOINS
}

/// `text` without the clusters ratatui would count as zero columns wide: a combining mark at
/// the start of a line (or after a character that breaks clusters), a lone Hangul vowel, a
/// format character. ratatui 0.30's word wrapping (issue #2679) mis-measures a line that
/// starts with such a cluster and writes past the area's right edge, or panics there.
pub fn drop_zero_width_clusters(text: &str) -> String {
    text.graphemes(true).filter(|cluster| *cluster == "\n" || cluster.width() > 0).collect()
}

/// Whether `text` has a cluster [`drop_zero_width_clusters`] removes.
pub fn has_zero_width_cluster(text: &str) -> bool {
    text.graphemes(true).any(|cluster| cluster != "\n" && cluster.width() == 0)
}

#[cfg(test)]
mod tests {
    use super::super::{Lines, sanitize};
    use super::*;

    #[test]
    fn emoji_join_only_emoji() {
        assert!(joins_emoji('👩', '👧'));
        assert!(joins_emoji('🧑', '💻'));
        // Narrow pictographs, letters, CJK: tmux would hide or mismeasure them.
        assert!(!joins_emoji('👩', '❤'));
        assert!(!joins_emoji('🏳', '🌈'));
        assert!(!joins_emoji('a', '👩'));
        assert!(!joins_emoji('中', '文'));
    }

    #[test]
    fn every_joined_pair_is_one_cluster_two_columns_wide() {
        // Exhaustive on the emoji side: any wide character the rule joins to 😀, either way
        // round, gives the width a terminal draws for it.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.width() == Some(2)) {
            for pair in [[c, '😀'], ['😀', c]] {
                if joins_emoji(pair[0], pair[1]) {
                    let joined = format!("{}{ZWJ}{}", pair[0], pair[1]);
                    assert_eq!((joined.graphemes(true).count(), joined.width()), (1, 2), "{joined:?}");
                }
            }
        }
    }

    #[test]
    fn zero_width_clusters_go_and_marks_on_letters_stay() {
        assert_eq!(drop_zero_width_clusters("\u{301} 中"), " 中");
        assert_eq!(drop_zero_width_clusters("ab\n\u{301}\u{302}c"), "ab\nc");
        assert_eq!(drop_zero_width_clusters("a\u{2061}b\u{1160}"), "ab");
        assert_eq!(drop_zero_width_clusters("e\u{301} \u{301}x"), "e\u{301} \u{301}x");
        assert!(has_zero_width_cluster("\u{301}a") && !has_zero_width_cluster("a\u{301}\n"));
    }

    /// Texts whose first cluster, or the first of a line, is a lone mark or format character:
    /// ratatui 0.30 (issue #2679) wraps them past the right edge and panics at the buffer's.
    const LEADING_MARKS: &[&str] = &[
        "\u{301} 中🌞b",
        "\u{301}\u{302} 中🌞b 中🌞b ab 中🌞b",
        "ab\n\u{301} 中🌞b",
        "\u{1160} 中🌞b",
        "\u{2061} 中🌞b",
        "\u{FE0F} 中🌞b",
        "\u{200D} 中🌞b",
        " \u{301} 中🌞b",
        "\u{7}\u{301} 中🌞b",
        "a\n\u{7}\u{301}\u{302}\u{303} 中🌞b中🌞b",
    ];

    /// Full width: no margin, so nothing past the right edge goes unnoticed. Two columns are
    /// left out: there ratatui panics on any narrow character before a wide one (`a中b`), so
    /// the views never wrap text into fewer than three (the render fuzz checks that).
    #[test]
    fn wrapped_full_width_text_never_panics() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        use ratatui::widgets::{Paragraph, Wrap};
        for raw in LEADING_MARKS {
            for lines in [Lines::Single, Lines::Multi] {
                let text = sanitize(raw, lines);
                for width in (1..=40).filter(|&width| width != 2) {
                    for trim in [true, false] {
                        let mut terminal = Terminal::new(TestBackend::new(width, 6)).unwrap();
                        terminal
                            .draw(|f| f.render_widget(Paragraph::new(text.as_str()).wrap(Wrap { trim }), f.area()))
                            .unwrap();
                    }
                }
            }
        }
    }

    #[test]
    fn no_line_starts_with_a_mark() {
        assert_eq!(sanitize("\u{301} 中🌞b", Lines::Single), "中🌞b");
        assert_eq!(sanitize("\u{301}\u{302}é", Lines::Single), "é");
        assert_eq!(sanitize("ab\n\u{301}c", Lines::Multi), "ab\nc");
        assert_eq!(sanitize(" \u{301}x", Lines::Single), "x");
        // A mark after a removed control lands on the letter before it, as if never split.
        assert_eq!(sanitize("e\u{7}\u{301}", Lines::Single), "e\u{301}");
        assert_eq!(sanitize("\u{7}\u{301}e", Lines::Single), "e");
    }

    #[test]
    fn emoji_keep_their_joiner_and_lose_what_terminals_draw_differently() {
        let family = "👩\u{200D}👩\u{200D}👧";
        assert_eq!(sanitize(family, Lines::Single), family);
        assert_eq!(sanitize(family, Lines::Single).graphemes(true).count(), 1);
        // VS16 and skin tones go; a joiner beside anything but a wide emoji goes.
        assert_eq!(sanitize("\u{2764}\u{FE0F}", Lines::Single), "\u{2764}");
        assert_eq!(sanitize("👍\u{1F3FD}", Lines::Single), "👍");
        assert_eq!(sanitize("🧑\u{1F3FD}\u{200D}💻", Lines::Single), "🧑\u{200D}💻");
        assert_eq!(sanitize("🏳\u{FE0F}\u{200D}🌈", Lines::Single), "🏳🌈");
        assert_eq!(sanitize("a\u{200D}👩 中\u{200D}文 👩\u{200D}", Lines::Single), "a👩 中文 👩");
        // No endless chains: four emoji at most in one cluster.
        let chain = ["😀"; 8].join("\u{200D}");
        let clean = sanitize(&chain, Lines::Single);
        assert_eq!(clean.graphemes(true).map(|g| g.chars().filter(|&c| c != ZWJ).count()).collect::<Vec<_>>(), [4, 4]);
    }

    #[test]
    fn fitting_never_cuts_an_emoji_sequence() {
        let coder = "🧑\u{200D}💻";
        assert_eq!(super::super::fit(&format!("ab{coder}cd"), 4), "ab…");
        assert_eq!(super::super::fit(&format!("ab{coder}cd"), 5), format!("ab{coder}…"));
    }

    #[test]
    fn curators_are_told_of_a_removed_joiner_not_of_a_kept_one() {
        use super::super::first_cleaned;
        assert_eq!(first_cleaned("x 👩\u{200D}👧 y"), None);
        assert_eq!(first_cleaned("x 👩\u{1F3FD}\u{200D}👧 y"), None);
        assert_eq!(first_cleaned("ab\u{200D}👧"), Some((2, ZWJ)));
    }

    proptest::proptest! {
        // PROPTEST_CASES raises the count, as for the render fuzz.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
        ))]

        /// Whatever a file holds, the clean text is stable, starts no line with a zero-width
        /// cluster, and keeps a ZWJ only inside an emoji.
        #[test]
        fn clean_text_is_stable_and_measurable(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "é", " ", "\n", "\t", "\r", "中", "😀", "👩", "👧", "❤", "🏳", "🌈", "\u{301}", "\u{302}",
            "\u{200D}", "\u{FE0F}", "\u{1F3FD}", "\u{1160}", "\u{1100}", "\u{2061}", "\u{202E}", "\u{1b}",
            "\u{7}", "\u{85}", "\u{AD}", "\u{E0067}", "\u{2028}",
        ]), 0..24)) {
            let raw = parts.concat();
            for lines in [Lines::Single, Lines::Multi] {
                let clean = sanitize(&raw, lines);
                proptest::prop_assert_eq!(&sanitize(&clean, lines), &clean);
                let kept = super::super::SafeString::from_string(raw.clone(), lines);
                proptest::prop_assert_eq!(kept.as_str(), clean.as_str());
                proptest::prop_assert!(!has_zero_width_cluster(&clean), "{:?}", clean);
                let chars: Vec<char> = clean.chars().collect();
                for (i, &c) in chars.iter().enumerate() {
                    let joined = c == ZWJ && i > 0 && i + 1 < chars.len() && joins_emoji(chars[i - 1], chars[i + 1]);
                    proptest::prop_assert!(joined || super::super::is_displayable(c) || c == '\n', "{:?}", clean);
                    proptest::prop_assert!(c != VS16 && !is_emoji_modifier(c), "{:?}", clean);
                }
            }
        }
    }
}
