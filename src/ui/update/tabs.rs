//! The keys every tab shares (the Global context): overlays, theme, language, the command of
//! the view, clearing, searching, switching tabs, marking for the shortlist and showing only
//! the shortlist. Starting present mode and the export dialog are theirs too, routed from
//! [`super`] with the parts they read.

use super::super::action::{Action, Effects, Handled, Pane};
use super::super::screen::{Layer, Overlay, Screen};
use super::super::shared::Shared;
use super::super::state::BrowseState;
use super::super::theme::Theme;
use super::results::search;
use crate::i18n::{Msg, t};
use crate::text::Lang;

pub fn update(browse: &mut BrowseState, shared: &mut Shared, action: &Action) -> Handled {
    let effects = match action {
        Action::ToggleHelp => open(shared, Overlay::Help),
        Action::ToggleProblems => open(shared, Overlay::Problems),
        Action::FocusSearch => {
            // The tours screen has no query: searching is browsing.
            if shared.screen == Screen::Tours {
                shared.screen = Screen::Browse;
            }
            browse.query_box.begin_edit();
            Effects::new()
        }
        Action::ClearFilters => {
            browse.filters.clear_all();
            browse.query_box.edit(&super::super::action::Edit::Clear);
            vec![search(browse, shared, false, true)]
        }
        Action::CycleTheme => {
            shared.theme_name = shared.theme_name.next();
            shared.theme = Theme::new(shared.theme_name);
            let now = format!("{} {}", t(shared.lang, Msg::ThemeChanged), shared.theme_name.id());
            shared.message = Some(crate::i18n::for_this_session(shared.lang, &now, "theme", shared.theme_name.id()));
            Effects::new()
        }
        Action::SwitchLanguage => {
            shared.lang = shared.lang.other();
            let code = match shared.lang {
                Lang::En => "en",
                Lang::Fr => "fr",
            };
            let now = crate::i18n::language_name(shared.lang);
            shared.message = Some(crate::i18n::for_this_session(shared.lang, now, "language", code));
            // Highlights are positions in the displayed language's text: search again.
            vec![search(browse, shared, false, true)]
        }
        Action::ShowCommand => {
            let command = browse.equivalent_command(&shared.indexed, shared.lang);
            shared.message = Some(format!("{} {command}", t(shared.lang, Msg::CommandForView)));
            Effects::new()
        }
        Action::ShowScreen(screen) => {
            if *screen != Screen::Present {
                shared.screen = *screen;
            }
            Effects::new()
        }
        Action::ToggleMark => {
            // The entry the user is looking at: the one shown in the entry pane when it has the
            // keys, else the selected result.
            let id = match browse.focus {
                Pane::Detail => browse.shown_id().cloned(),
                Pane::Facets | Pane::Results => browse.list.selected().cloned(),
            };
            match id {
                Some(id) => super::marks::toggle(browse, shared, &id),
                None => Effects::new(),
            }
        }
        Action::ToggleShortlistFilter => {
            browse.shortlist_only = !browse.shortlist_only;
            vec![search(browse, shared, false, true)]
        }
        _ => return Handled::Ignored,
    };
    Handled::Done(effects)
}

fn open(shared: &mut Shared, overlay: Overlay) -> Effects {
    shared.overlays.push(Layer::new(overlay));
    Effects::new()
}
