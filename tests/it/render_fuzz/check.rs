//! What the render fuzz checks on each frame, and on the bytes sent to the terminal.
//!
//! "No text outside its pane", concretely:
//! - every box drawn (a pane, the help or problems overlay) is whole: from its top-left corner,
//!   the left edge runs down to a bottom-left corner, the right edge from the first top-right
//!   corner down to a bottom-right corner, and the bottom row meets no other box's corner on
//!   the way. Text that runs past its pane's inner area lands on that frame first;
//! - the cell under the hidden right half of a wide character is blank and on the screen: a
//!   terminal draws the wide character over whatever is there (ratatui's diff skips that cell).
//!
//! Boxes are checked when nothing covers them: no overlay (or the help and problems overlay
//! itself, whose box is known) and no message over the bottom rows.

use boucle::text::{is_displayable, joins_emoji};
use boucle::ui::{App, FrameFacts, Overlay};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const TOP_LEFT: &[&str] = &["╭", "┌", "┏", "╔"];
const TOP_RIGHT: &[&str] = &["╮", "┐", "┓", "╗"];
const BOTTOM_LEFT: &[&str] = &["╰", "└", "┗", "╚"];
const BOTTOM_RIGHT: &[&str] = &["╯", "┘", "┛", "╝"];
const VERTICAL: &[&str] = &["│", "┃", "║"];

pub fn screen_check(buffer: &Buffer, app: &App, facts: &FrameFacts) -> Result<(), String> {
    check_cells(buffer)?;
    check_wide(buffer)?;
    if app.shared().message().is_some() {
        return Ok(());
    }
    match app.overlay().map(|layer| layer.overlay) {
        None => check_boxes(buffer, buffer.area),
        Some(Overlay::Help | Overlay::Problems) => {
            let area = boucle::ui::view::help::overlay_area(Rect::new(0, 0, facts.width, facts.height));
            check_boxes(buffer, area)
        }
        Some(Overlay::Export | Overlay::Note | Overlay::Form) => Ok(()),
    }
}

/// No control, bidi, zero-width or presentation character in any cell (but a ZWJ joining two
/// emoji), and no cell that starts with a character of no width (a mark drawn on the cell
/// before it).
pub fn check_cells(buffer: &Buffer) -> Result<(), String> {
    for (i, cell) in buffer.content.iter().enumerate() {
        let symbol = cell.symbol();
        let chars: Vec<char> = symbol.chars().collect();
        let at = || {
            format!(
                "cell ({}, {}) holds {symbol:?}",
                i % usize::from(buffer.area.width.max(1)),
                i / usize::from(buffer.area.width.max(1))
            )
        };
        if chars.first().is_some_and(|&c| c.width().unwrap_or(0) == 0) {
            return Err(format!("{}, which starts with a zero-width character", at()));
        }
        for (n, &c) in chars.iter().enumerate() {
            let joined =
                c == '\u{200D}' && n > 0 && chars.get(n + 1).is_some_and(|&next| joins_emoji(chars[n - 1], next));
            let presentation = c == '\u{FE0F}' || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c);
            if !(joined || is_displayable(c)) || presentation {
                return Err(format!("{}: {c:?} must not reach the screen", at()));
            }
        }
    }
    Ok(())
}

/// The cell under a wide character's right half is on the screen and blank.
pub fn check_wide(buffer: &Buffer) -> Result<(), String> {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if buffer[(x, y)].symbol().width() < 2 {
                continue;
            }
            let hidden = (x + 1 < area.right()).then(|| buffer[(x + 1, y)].symbol());
            if !matches!(hidden, Some(" " | "")) {
                return Err(format!(
                    "the wide {:?} at ({x}, {y}) covers {hidden:?} (None: past the screen's edge)",
                    buffer[(x, y)].symbol()
                ));
            }
        }
    }
    Ok(())
}

/// Every box whose top-left corner is inside `within` is whole.
pub fn check_boxes(buffer: &Buffer, within: Rect) -> Result<(), String> {
    let area = buffer.area;
    let is = |x: u16, y: u16, set: &[&str]| set.contains(&buffer[(x, y)].symbol());
    for y in within.top()..within.bottom().min(area.bottom()) {
        for x in within.left()..within.right().min(area.right()) {
            // A box needs two rows to hold anything; a lone corner glyph is a degenerate box.
            if !is(x, y, TOP_LEFT) || y + 1 >= area.bottom() || !(is(x, y + 1, VERTICAL) || is(x, y + 1, BOTTOM_LEFT)) {
                continue;
            }
            let mut bottom = y + 1;
            while bottom + 1 < area.bottom() && is(x, bottom, VERTICAL) {
                bottom += 1;
            }
            if !is(x, bottom, BOTTOM_LEFT) {
                return Err(format!(
                    "the box at ({x}, {y}): its left edge is broken at ({x}, {bottom}) by {:?}",
                    buffer[(x, bottom)].symbol()
                ));
            }
            let Some(right) = (x + 1..area.right()).find(|&r| is(r, y, TOP_RIGHT)) else {
                return Err(format!("the box at ({x}, {y}) has lost its top-right corner"));
            };
            if let Some(row) = (y + 1..bottom).find(|&r| !is(right, r, VERTICAL)) {
                return Err(format!(
                    "the box at ({x}, {y}): its right edge is broken at ({right}, {row}) by {:?}",
                    buffer[(right, row)].symbol()
                ));
            }
            if !is(right, bottom, BOTTOM_RIGHT) {
                return Err(format!("the box at ({x}, {y}) has lost its bottom-right corner at ({right}, {bottom})"));
            }
            let corners = [TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT].concat();
            if let Some(column) = (x + 1..right).find(|&c| is(c, bottom, &corners)) {
                return Err(format!("the box at ({x}, {y}) is two boxes: a corner at ({column}, {bottom})"));
            }
        }
    }
    Ok(())
}

/// The bytes hold only CSI escape sequences, no BEL, no C1 control, no bidi or zero-width
/// character (but a ZWJ joining two emoji); they are UTF-8.
pub fn bytes_check(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("the bytes are not UTF-8: {e}"))?;
    let chars: Vec<char> = text.chars().collect();
    for (n, &c) in chars.iter().enumerate() {
        let around = || chars[n.saturating_sub(12)..(n + 12).min(chars.len())].iter().collect::<String>();
        let bad = match c {
            '\u{1b}' if chars.get(n + 1) != Some(&'[') => "an escape that does not start a CSI sequence",
            '\u{7}' => "BEL",
            '\u{80}'..='\u{9f}' => "a C1 control",
            '\u{200D}' if n > 0 && chars.get(n + 1).is_some_and(|&next| joins_emoji(chars[n - 1], next)) => continue,
            '\u{1b}' | '\r' | '\n' => continue,
            c if !is_displayable(c) => "a control, bidi or zero-width character",
            _ => continue,
        };
        return Err(format!("{bad} ({c:?}) is sent to the terminal: {:?}", around()));
    }
    Ok(())
}
