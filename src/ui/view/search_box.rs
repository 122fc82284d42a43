//! The query line at the top: what is typed, the cursor, and what the query could not use.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Target};
use super::super::i18n::{Msg, t};
use crate::query::{Facet, MAX_WORDS, QueryErrorKind};
use crate::text::Lang;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let lang = app.lang();
    let editing = app.target() == Target::Search;
    let text = app.search().text();
    let prompt = Span::styled(" / ", if editing { theme.border_focused } else { theme.key });
    let mut spans = vec![prompt];
    if text.is_empty() && !editing {
        let room = usize::from(area.width).saturating_sub(4);
        spans.push(Span::styled(super::fit(t(lang, Msg::SearchHint), room), theme.muted));
    } else {
        spans.push(Span::styled(text, theme.base));
    }
    // What the query could not use, so a typo in a field name is not silently ignored.
    let mut problems: Vec<String> = app.query().errors.iter().map(|e| query_error(lang, &e.kind)).collect();
    problems.extend(
        app.results()
            .unknown_values
            .iter()
            .map(|(facet, value)| format!("{} {}:{value}", t(lang, Msg::UnknownQueryValue), facet.field_name())),
    );
    if let Some(problem) = problems.first() {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(format!("⚠ {problem}"), theme.warning));
    } else if app.searching() {
        spans.push(Span::styled(format!("   {}", t(lang, Msg::Searching)), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if editing {
        let before = text[..app.search().cursor()].width() as u16;
        let x = (area.x + 3 + before).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// A query problem in the interface's language.
fn query_error(lang: Lang, kind: &QueryErrorKind) -> String {
    let fields = Facet::ALL.map(Facet::field_name).join(" ");
    match (lang, kind) {
        (Lang::En, QueryErrorKind::UnknownField(name)) => format!("unknown field {name}: — fields: {fields}"),
        (Lang::Fr, QueryErrorKind::UnknownField(name)) => format!("champ inconnu {name}: — champs : {fields}"),
        (Lang::En, QueryErrorKind::TooManyWords) => format!("only the first {MAX_WORDS} words are searched"),
        (Lang::Fr, QueryErrorKind::TooManyWords) => format!("seuls les {MAX_WORDS} premiers mots sont cherchés"),
    }
}
