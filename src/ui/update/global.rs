//! The keys of the Global context, which every tab shares: overlays, theme, language, the
//! command of the view, clearing, searching, switching tabs and starting present mode.

use super::super::action::Action;
use super::super::app::App;
use super::super::screen::{Layer, Overlay, Screen};
use super::super::theme::Theme;
use super::results::search_again;
use crate::i18n::{Msg, t};

/// Applies a Global action; says whether it was one.
pub(super) fn update(app: &mut App, action: Action) -> bool {
    match action {
        Action::ToggleHelp => app.overlays.push(Layer::new(Overlay::Help)),
        Action::ToggleProblems => app.overlays.push(Layer::new(Overlay::Problems)),
        Action::FocusSearch => {
            // The tours screen has no query: searching is browsing.
            if app.screen == Screen::Tours {
                app.screen = Screen::Browse;
            }
            app.search.begin_edit();
        }
        Action::ClearFilters => {
            app.filters.clear_all();
            app.search.clear();
            search_again(app, false, true);
        }
        Action::CycleTheme => {
            app.theme_name = app.theme_name.next();
            app.theme = Theme::new(app.theme_name);
            app.message = Some(format!("{} {}", t(app.lang, Msg::ThemeChanged), app.theme_name.id()));
        }
        Action::SwitchLanguage => {
            app.lang = app.lang.other();
            // Highlights are positions in the displayed language's text: search again.
            search_again(app, false, true);
        }
        Action::ShowCommand => {
            app.message = Some(format!("{} {}", t(app.lang, Msg::CommandForView), app.equivalent_command()))
        }
        Action::ShowScreen(screen) => {
            if screen != Screen::Present {
                app.screen = screen;
            }
        }
        Action::Present => super::present::present_screen(app),
        _ => return false,
    }
    true
}
