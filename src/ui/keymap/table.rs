//! The one key table: every binding, its context, its keys and what it says in the help. Read
//! through a session's [`super::Keymap`] (the table with the user's keys), it dispatches keys
//! and feeds the help overlay and the key hints, so the three can never disagree.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::super::action::{Action, Edit, Pane};
use super::super::screen::Screen;
use super::context::Context;
use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub context: Context,
    /// The table's own keys, or those the user's config file gave the action instead.
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    pub en: &'static str,
    pub fr: &'static str,
    /// Shown in the status line's hints for its context.
    pub hint: bool,
}

impl Binding {
    pub fn describe(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

const UP: &[Key] = &[key(KeyCode::Up), ch('k')];
const DOWN: &[Key] = &[key(KeyCode::Down), ch('j')];
const PAGE_UP: &[Key] = &[key(KeyCode::PageUp), ctrl('b')];
const PAGE_DOWN: &[Key] = &[key(KeyCode::PageDown), ctrl('f')];
const HOME: &[Key] = &[key(KeyCode::Home), ch('g')];
const END: &[Key] = &[key(KeyCode::End), ch('G')];
const OPEN: &[Key] = &[key(KeyCode::Enter), key(KeyCode::Right), ch('l')];
const BACK: &[Key] = &[key(KeyCode::Backspace), key(KeyCode::Esc), key(KeyCode::Left), ch('h')];
/// What presentation clickers send for the next and the previous slide.
const NEXT_SLIDE: &[Key] = &[key(KeyCode::Right), key(KeyCode::PageDown), key(KeyCode::Char(' '))];
const PREV_SLIDE: &[Key] = &[key(KeyCode::Left), key(KeyCode::PageUp)];

macro_rules! bind {
    ($context:ident, $keys:expr, $action:expr, $en:literal, $fr:literal) => {
        Binding {
            context: Context::$context,
            keys: Cow::Borrowed($keys),
            action: $action,
            en: $en,
            fr: $fr,
            hint: false,
        }
    };
    ($context:ident, $keys:expr, $action:expr, $en:literal, $fr:literal, hint) => {
        Binding {
            context: Context::$context,
            keys: Cow::Borrowed($keys),
            action: $action,
            en: $en,
            fr: $fr,
            hint: true,
        }
    };
}

/// The keys as shipped; a session reads them through its [`Keymap`], which the user's config
/// file may have changed.
pub static BINDINGS: &[Binding] = &[
    bind!(Global, &[ch('/')], Action::FocusSearch, "search", "chercher", hint),
    bind!(Global, &[key(KeyCode::Tab)], Action::FocusNext, "next pane", "volet suivant", hint),
    bind!(Global, &[key(KeyCode::BackTab)], Action::FocusPrev, "previous pane", "volet précédent"),
    bind!(Global, &[ch('c')], Action::ClearFilters, "clear filters and search", "effacer filtres et recherche"),
    bind!(
        Global,
        &[ch('t')],
        Action::CycleTheme,
        "next theme (dark, light, high contrast)",
        "thème suivant (sombre, clair, contraste)"
    ),
    bind!(Global, &[ch('L')], Action::SwitchLanguage, "français / English", "français / English"),
    bind!(Global, &[ch('y')], Action::ShowCommand, "show this view as a command", "afficher la commande de cette vue"),
    bind!(Global, &[ch('?'), key(KeyCode::F(1))], Action::ToggleHelp, "help", "aide", hint),
    bind!(
        Global,
        &[ch('!')],
        Action::ToggleProblems,
        "problems found in the catalogue",
        "problèmes trouvés dans le catalogue"
    ),
    bind!(
        Global,
        &[ch('r')],
        Action::Reload,
        "reload the catalogue folders now",
        "recharger les dossiers du catalogue"
    ),
    bind!(
        Global,
        &[ch('e')],
        Action::EditEntry,
        "edit the selected entry in a form",
        "modifier la fiche dans un formulaire"
    ),
    bind!(
        Global,
        &[ch('E')],
        Action::EditFile,
        "open the entry's file in your editor ($VISUAL, $EDITOR)",
        "ouvrir le fichier de la fiche dans votre éditeur ($VISUAL, $EDITOR)"
    ),
    bind!(Global, &[ch('q')], Action::Quit, "quit", "quitter", hint),
    bind!(Global, &[ch('1')], Action::ShowScreen(Screen::Browse), "browse screen", "écran de recherche"),
    bind!(Global, &[ch('2')], Action::ShowScreen(Screen::Tours), "tours screen", "écran des parcours"),
    bind!(
        Global,
        &[ch('3')],
        Action::ShowScreen(Screen::Overview),
        "overview: charts, map",
        "synthèse : graphiques, carte"
    ),
    bind!(
        Global,
        &[ch('4')],
        Action::ShowScreen(Screen::Shortlist),
        "my shortlist (screen 4)",
        "ma sélection (écran 4)"
    ),
    bind!(
        Global,
        &[ch('p')],
        Action::Present,
        "present the tour or the results",
        "présenter le parcours ou les résultats"
    ),
    bind!(
        Global,
        &[ch('f')],
        Action::Follow,
        "follow the facilitator's presentation",
        "suivre la présentation de l'animateur"
    ),
    bind!(Global, &[ch('m')], Action::ToggleMark, "mark / unmark (shortlist)", "marquer / démarquer (sélection)", hint),
    bind!(
        Global,
        &[ch('s')],
        Action::ToggleShortlistFilter,
        "only my shortlist / all results",
        "seulement ma sélection / tous les résultats"
    ),
    bind!(
        Global,
        &[ch('x')],
        Action::OpenExport,
        "export (shortlist, results, entry)",
        "exporter (sélection, résultats, fiche)"
    ),
    bind!(Always, &[ctrl('c')], Action::Quit, "quit", "quitter"),
    bind!(Always, &[ctrl('z')], Action::Suspend, "suspend (fg to come back)", "suspendre (fg pour revenir)"),
    bind!(Facets, UP, Action::Up, "previous value", "valeur précédente"),
    bind!(Facets, DOWN, Action::Down, "next value", "valeur suivante"),
    bind!(Facets, PAGE_UP, Action::PageUp, "page up", "page précédente"),
    bind!(Facets, PAGE_DOWN, Action::PageDown, "page down", "page suivante"),
    bind!(Facets, HOME, Action::Home, "first", "début"),
    bind!(Facets, END, Action::End, "last", "fin"),
    bind!(
        Facets,
        &[key(KeyCode::Char(' ')), key(KeyCode::Enter)],
        Action::ToggleValue,
        "select / deselect",
        "cocher / décocher",
        hint
    ),
    bind!(Facets, &[key(KeyCode::Right), ch('l')], Action::Expand, "unfold", "déplier", hint),
    bind!(Facets, &[key(KeyCode::Left), ch('h')], Action::Collapse, "fold", "replier"),
    bind!(
        Facets,
        &[key(KeyCode::Backspace)],
        Action::RemoveLastFilter,
        "remove the last filter",
        "retirer le dernier filtre"
    ),
    bind!(Results, UP, Action::Up, "previous result", "résultat précédent"),
    bind!(Results, DOWN, Action::Down, "next result", "résultat suivant"),
    bind!(Results, PAGE_UP, Action::PageUp, "page up", "page précédente"),
    bind!(Results, PAGE_DOWN, Action::PageDown, "page down", "page suivante"),
    bind!(Results, HOME, Action::Home, "first", "début"),
    bind!(Results, END, Action::End, "last", "fin"),
    bind!(
        Results,
        &[key(KeyCode::Enter), key(KeyCode::Right), ch('l')],
        Action::Open,
        "open the entry",
        "ouvrir la fiche",
        hint
    ),
    bind!(
        Results,
        &[key(KeyCode::Left), ch('h')],
        Action::Focus(Pane::Facets),
        "go to the filters",
        "aller aux filtres"
    ),
    bind!(
        Results,
        &[key(KeyCode::Backspace)],
        Action::RemoveLastFilter,
        "remove the last filter",
        "retirer le dernier filtre"
    ),
    bind!(
        Detail,
        &[key(KeyCode::Backspace), key(KeyCode::Esc), key(KeyCode::Left), ch('h')],
        Action::Back,
        "back",
        "retour",
        hint
    ),
    bind!(Detail, UP, Action::Up, "scroll up", "remonter"),
    bind!(Detail, DOWN, Action::Down, "scroll down", "descendre"),
    bind!(Detail, PAGE_UP, Action::PageUp, "page up", "page précédente"),
    bind!(Detail, PAGE_DOWN, Action::PageDown, "page down", "page suivante"),
    bind!(Detail, HOME, Action::Home, "top", "début"),
    bind!(Detail, END, Action::End, "bottom", "fin"),
    bind!(Detail, &[ch('n'), ch(']')], Action::NextLink, "next related entry", "fiche liée suivante", hint),
    bind!(Detail, &[ch('N'), ch('[')], Action::PrevLink, "previous related entry", "fiche liée précédente"),
    bind!(Detail, &[key(KeyCode::Enter)], Action::Open, "follow the related entry", "suivre la fiche liée", hint),
    bind!(Detail, &[ch('o')], Action::OpenAddress, "open address", "ouvrir l'adresse", hint),
    bind!(Detail, &[ch('C')], Action::CopyAddress, "copy the chosen address", "copier l'adresse choisie", hint),
    bind!(Shortlist, UP, Action::Up, "previous", "précédente"),
    bind!(Shortlist, DOWN, Action::Down, "next", "suivante"),
    bind!(Shortlist, PAGE_UP, Action::PageUp, "page up", "page précédente"),
    bind!(Shortlist, PAGE_DOWN, Action::PageDown, "page down", "page suivante"),
    bind!(Shortlist, HOME, Action::Home, "first", "début"),
    bind!(Shortlist, END, Action::End, "last", "fin"),
    bind!(Shortlist, &[key(KeyCode::Enter)], Action::Open, "read the entry", "lire la fiche"),
    bind!(Shortlist, &[ch('K')], Action::MoveItemUp, "move up", "monter", hint),
    bind!(Shortlist, &[ch('J')], Action::MoveItemDown, "move down", "descendre", hint),
    bind!(Shortlist, &[ch('n')], Action::EditNote, "write a note", "écrire une note", hint),
    bind!(Shortlist, &[ch('d'), key(KeyCode::Delete)], Action::RemoveItem, "remove", "retirer", hint),
    bind!(
        Shortlist,
        &[key(KeyCode::Esc), key(KeyCode::Backspace)],
        Action::Back,
        "back to browsing",
        "retour à la navigation",
        hint
    ),
    bind!(Input, &[key(KeyCode::Enter)], Action::Submit, "keep", "valider", hint),
    bind!(Input, &[key(KeyCode::Esc)], Action::Cancel, "cancel", "annuler", hint),
    bind!(ExportChoose, UP, Action::PrevChoice, "previous: what to export", "précédent : quoi exporter"),
    bind!(ExportChoose, DOWN, Action::NextChoice, "next: what to export", "suivant : quoi exporter", hint),
    bind!(ExportChoose, &[key(KeyCode::Left), ch('h')], Action::PrevFormat, "previous format", "format précédent"),
    bind!(ExportChoose, &[key(KeyCode::Right), ch('l')], Action::NextFormat, "next format", "format suivant", hint),
    bind!(ExportChoose, &[key(KeyCode::Enter)], Action::Open, "next: the file name", "suite : le nom du fichier", hint),
    bind!(ExportChoose, &[key(KeyCode::Esc), ch('q')], Action::CloseOverlay, "cancel", "annuler", hint),
    bind!(Confirm, &[ch('y'), ch('o')], Action::Yes, "yes, replace", "oui, remplacer", hint),
    bind!(Confirm, &[ch('n'), key(KeyCode::Esc)], Action::No, "no", "non", hint),
    bind!(
        Search,
        &[key(KeyCode::Enter)],
        Action::Submit,
        "keep and go to results",
        "valider et aller aux résultats",
        hint
    ),
    bind!(
        Search,
        &[key(KeyCode::Esc)],
        Action::Cancel,
        "leave, restoring the query",
        "sortir du champ, sans changer la recherche",
        hint
    ),
    bind!(Search, &[key(KeyCode::Up)], Action::HistoryPrev, "previous search", "recherche précédente", hint),
    bind!(Search, &[key(KeyCode::Down)], Action::HistoryNext, "next search", "recherche suivante"),
    // The editing keys of every text box, written once: the query box, a note, a file name,
    // the jump search.
    bind!(Text, &[key(KeyCode::Backspace)], Action::Edit(Edit::Backspace), "delete before", "effacer avant"),
    bind!(Text, &[key(KeyCode::Delete)], Action::Edit(Edit::Delete), "delete after", "effacer après"),
    bind!(Text, &[key(KeyCode::Left)], Action::Edit(Edit::Left), "cursor left", "curseur à gauche"),
    bind!(Text, &[key(KeyCode::Right)], Action::Edit(Edit::Right), "cursor right", "curseur à droite"),
    bind!(
        Text,
        &[key(KeyCode::Home), ctrl('a')],
        Action::Edit(Edit::Home),
        "start of the query",
        "début de la recherche"
    ),
    bind!(Text, &[key(KeyCode::End), ctrl('e')], Action::Edit(Edit::End), "end of the query", "fin de la recherche"),
    bind!(Text, &[ctrl('u')], Action::Edit(Edit::Clear), "clear the query", "vider la recherche"),
    bind!(Text, &[ctrl('w')], Action::Edit(Edit::DeleteWord), "delete the word before", "effacer le mot précédent"),
    bind!(Problems, UP, Action::Up, "previous problem", "problème précédent"),
    bind!(Problems, DOWN, Action::Down, "next problem", "problème suivant"),
    bind!(Problems, &[key(KeyCode::Enter)], Action::OpenProblem, "open in the editor", "ouvrir dans l’éditeur", hint),
    bind!(Overlay, UP, Action::Up, "scroll up", "remonter"),
    bind!(Overlay, DOWN, Action::Down, "scroll down", "descendre"),
    bind!(Overlay, PAGE_UP, Action::PageUp, "page up", "page précédente"),
    bind!(Overlay, PAGE_DOWN, Action::PageDown, "page down", "page suivante"),
    bind!(Overlay, HOME, Action::Home, "top", "début"),
    bind!(Overlay, END, Action::End, "bottom", "fin"),
    bind!(
        Overlay,
        &[key(KeyCode::Esc), ch('?'), ch('!'), ch('q'), key(KeyCode::F(1))],
        Action::CloseOverlay,
        "close",
        "fermer",
        hint
    ),
    bind!(Tours, UP, Action::Up, "previous tour or stop", "parcours ou étape précédente"),
    bind!(Tours, DOWN, Action::Down, "next tour or stop", "parcours ou étape suivante"),
    bind!(Tours, PAGE_UP, Action::PageUp, "page up", "page précédente"),
    bind!(Tours, PAGE_DOWN, Action::PageDown, "page down", "page suivante"),
    bind!(Tours, HOME, Action::Home, "first", "début"),
    bind!(Tours, END, Action::End, "last", "fin"),
    bind!(Tours, OPEN, Action::Open, "open the tour, then the stop", "ouvrir le parcours, puis l'étape", hint),
    bind!(Tours, BACK, Action::Back, "back to the stops, the tours", "retour aux étapes, aux parcours", hint),
    bind!(Overview, &[ch('+'), ch('=')], Action::ZoomIn, "zoom the map in", "rapprocher la carte", hint),
    bind!(Overview, &[ch('-')], Action::ZoomOut, "zoom the map out", "éloigner la carte", hint),
    bind!(
        Overview,
        &[ch('0')],
        Action::FitMap,
        "fit the map to the results",
        "recadrer la carte sur les résultats",
        hint
    ),
    bind!(Overview, &[key(KeyCode::Tab)], Action::FocusNext, "map or charts", "carte ou graphiques", hint),
    bind!(
        OverviewMap,
        &[key(KeyCode::Left)],
        Action::PanMap { east: -1, north: 0 },
        "move the map west",
        "déplacer la carte vers l'ouest"
    ),
    bind!(
        OverviewMap,
        &[key(KeyCode::Right)],
        Action::PanMap { east: 1, north: 0 },
        "move the map east",
        "déplacer la carte vers l'est"
    ),
    bind!(
        OverviewMap,
        &[key(KeyCode::Up)],
        Action::PanMap { east: 0, north: 1 },
        "move the map north",
        "déplacer la carte vers le nord"
    ),
    bind!(
        OverviewMap,
        &[key(KeyCode::Down)],
        Action::PanMap { east: 0, north: -1 },
        "move the map south",
        "déplacer la carte vers le sud"
    ),
    bind!(OverviewCharts, UP, Action::Up, "previous material", "matériau précédent"),
    bind!(OverviewCharts, DOWN, Action::Down, "next material", "matériau suivant"),
    bind!(OverviewCharts, &[key(KeyCode::Right), ch('l')], Action::Expand, "unfold a group", "déplier un groupe", hint),
    bind!(OverviewCharts, &[key(KeyCode::Left), ch('h')], Action::Collapse, "fold it", "le replier"),
    bind!(Present, NEXT_SLIDE, Action::NextSlide, "next stop", "étape suivante"),
    bind!(Present, PREV_SLIDE, Action::PrevSlide, "previous stop", "étape précédente"),
    bind!(Present, &[key(KeyCode::Home)], Action::Home, "first stop", "première étape"),
    bind!(Present, &[key(KeyCode::End)], Action::End, "last stop", "dernière étape"),
    bind!(Present, UP, Action::Up, "scroll up (zoomed)", "remonter (zoom)"),
    bind!(Present, DOWN, Action::Down, "scroll down (zoomed)", "descendre (zoom)"),
    bind!(
        Present,
        &[ch('b'), ch('.')],
        Action::Blank,
        "blank screen (the room rests), again to restore",
        "écran noir (la salle fait une pause), encore pour revenir"
    ),
    bind!(Present, &[ch('g'), ch('/')], Action::JumpSearch, "jump to any entry", "aller à n'importe quelle fiche"),
    bind!(
        Present,
        &[key(KeyCode::Esc), key(KeyCode::Backspace)],
        Action::Back,
        "back to the stop",
        "revenir à l'étape"
    ),
    bind!(
        Present,
        &[ch('z')],
        Action::Zoom,
        "the whole entry, again to come back",
        "la fiche entière, encore pour revenir"
    ),
    bind!(Present, &[ch('?'), key(KeyCode::F(1))], Action::PresentKeys, "a line of keys", "une ligne des touches"),
    bind!(
        Present,
        &[ch('p')],
        Action::PresentPicks,
        "present the room's picks, again for the tour",
        "présenter les choix de la salle, encore pour le parcours"
    ),
    bind!(Present, &[ch('l')], Action::RoomLine, "post a line to the room", "afficher une ligne pour la salle"),
    bind!(Present, &[key(KeyCode::Tab)], Action::SwitchView, "console or projector view", "vue console ou projecteur"),
    bind!(Present, &[ch('m')], Action::ToggleMark, "mark / unmark this stop", "marquer / démarquer cette étape"),
    bind!(Present, &[ch('f')], Action::Follow, "back to the facilitator's stop", "revenir à l'étape de l'animateur"),
    bind!(Present, &[ch('q')], Action::LeavePresent, "leave present mode", "quitter le mode présentation"),
    // The form's and the picker's hints, most useful first.
    bind!(Form, &[ctrl('s'), key(KeyCode::F(2))], Action::SaveForm, "save the entry", "enregistrer la fiche", hint),
    bind!(Form, &[key(KeyCode::Esc)], Action::Cancel, "leave without saving", "quitter sans enregistrer", hint),
    bind!(
        Form,
        &[key(KeyCode::Enter)],
        Action::Submit,
        "choose (a list), else next field",
        "choisir (une liste), sinon champ suivant",
        hint
    ),
    bind!(Form, &[key(KeyCode::Down), key(KeyCode::Tab)], Action::Down, "next field", "champ suivant", hint),
    bind!(Form, &[key(KeyCode::Up), key(KeyCode::BackTab)], Action::Up, "previous field", "champ précédent"),
    bind!(
        Picker,
        &[key(KeyCode::Enter), key(KeyCode::Tab)],
        Action::Submit,
        "take it (a list: or leave it)",
        "le prendre (une liste : ou le retirer)",
        hint
    ),
    bind!(Picker, &[key(KeyCode::Esc)], Action::Cancel, "done choosing", "fin du choix", hint),
    bind!(Picker, &[key(KeyCode::Down)], Action::Down, "next choice", "choix suivant", hint),
    bind!(Picker, &[key(KeyCode::Up)], Action::Up, "previous choice", "choix précédent"),
    bind!(PresentJump, &[key(KeyCode::Enter)], Action::Submit, "show the entry", "montrer la fiche"),
    bind!(PresentJump, &[key(KeyCode::Esc)], Action::Cancel, "back to the stop", "revenir à l'étape"),
    bind!(PresentJump, &[key(KeyCode::Up)], Action::Up, "previous match", "résultat précédent"),
    bind!(PresentJump, &[key(KeyCode::Down)], Action::Down, "next match", "résultat suivant"),
];

fn matches(key: &Key, event: &KeyEvent) -> bool {
    // Terminals disagree on whether Shift is reported with an upper-case letter or a BackTab;
    // the character itself already says it.
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    let wanted = key.modifiers - KeyModifiers::SHIFT;
    key.code == event.code && modifiers == wanted
}

/// The action of a key in the given contexts, most specific first, in `bindings` (a session's
/// [`Keymap`]). In a text box (the [`Context::Text`] keys) any other printable character is typed.
pub fn action_for(bindings: &[Binding], contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for context in contexts {
        let found = bindings.iter().find(|b| b.context == *context && b.keys.iter().any(|k| matches(k, event)));
        if let Some(binding) = found {
            return Some(binding.action.clone());
        }
        if *context == Context::Text
            && let KeyCode::Char(c) = event.code
            && !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Some(Action::Edit(Edit::Insert(c)));
        }
    }
    None
}

/// How a key is written in help and hints, in the interface's language: `↑`, `Ctrl-C`,
/// `PgDn`, `Échap`, `q`.
pub fn key_name(key: &Key, lang: Lang) -> String {
    use crate::i18n::{KeyWord, key_word};
    let word = |w| key_word(lang, w).to_string();
    let name = match key.code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageUp => word(KeyWord::PageUp),
        KeyCode::PageDown => word(KeyWord::PageDown),
        KeyCode::Home => word(KeyWord::Home),
        KeyCode::End => word(KeyWord::End),
        KeyCode::Enter => word(KeyWord::Enter),
        KeyCode::Esc => word(KeyWord::Esc),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => word(KeyWord::ShiftTab),
        KeyCode::Backspace => word(KeyWord::Backspace),
        KeyCode::Delete => word(KeyWord::Delete),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => word(KeyWord::Space),
        KeyCode::Char(c) => c.to_string(),
        _ => "?".to_string(),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) { format!("Ctrl-{}", name.to_uppercase()) } else { name }
}

/// `↑/k`: every key of a binding.
pub fn keys_label(binding: &Binding, lang: Lang) -> String {
    binding.keys.iter().map(|key| key_name(key, lang)).collect::<Vec<_>>().join("/")
}

/// The name of the first key `bindings` give `action` in `context` (empty if none): what a
/// hint or a message names, so it follows the user's overrides.
pub fn first_key_name(bindings: &[Binding], context: Context, action: Action, lang: Lang) -> String {
    bindings_of(bindings, context)
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|key| key_name(key, lang))
        .unwrap_or_default()
}

/// The bindings of a context, in table order.
pub fn bindings_of(bindings: &[Binding], context: Context) -> impl Iterator<Item = &Binding> {
    bindings.iter().filter(move |b| b.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action_for(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
        super::action_for(BINDINGS, contexts, event)
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn specific_contexts_win_over_global() {
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action_for(&[Context::Results, Context::Global, Context::Always], &enter), Some(Action::Open));
        assert_eq!(action_for(&[Context::Facets, Context::Global, Context::Always], &enter), Some(Action::ToggleValue));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&[Context::Results, Context::Global, Context::Always], &q), Some(Action::Quit));
    }

    #[test]
    fn the_search_box_takes_letters_that_are_commands_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        let typing = [Context::Search, Context::Text, Context::Always];
        assert_eq!(action_for(&typing, &q), Some(Action::Edit(Edit::Insert('q'))));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&typing, &ctrl_c), Some(Action::Quit));
        let ctrl_z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&typing, &ctrl_z), Some(Action::Suspend));
        assert_eq!(action_for(&[Context::Overlay, Context::Always], &ctrl_z), Some(Action::Suspend));
    }

    /// #22: `c` cleared everything but copied an address in the entry pane, and `e` edited the
    /// entry's file but wrote a note on the shortlist screen. Wherever keys are looked up
    /// together (every list [`contexts`] gives), a key means one thing: a key bound in two of
    /// them does the same in both. Every key of the table is checked, letters or not.
    #[test]
    fn every_key_has_one_meaning_wherever_it_is_shown() {
        for stack in crate::ui::keymap::stacks::ALL {
            for (i, context) in stack.iter().enumerate() {
                for near in bindings_of(BINDINGS, *context) {
                    for far in stack[i + 1..].iter().flat_map(|c| bindings_of(BINDINGS, *c)) {
                        for key in near.keys.iter().filter(|k| far.keys.contains(k)) {
                            assert_eq!(
                                near.action, far.action,
                                "{key:?} means {:?} in {:?} but {:?} in {:?}, looked up together",
                                near.action, near.context, far.action, far.context
                            );
                        }
                    }
                }
            }
        }
        // Every context is in some list: none escapes the check.
        for context in Context::ALL.iter().chain([&Context::Text]) {
            assert!(
                crate::ui::keymap::stacks::ALL.iter().any(|s| s.contains(context)),
                "{context:?} is in no list of contexts"
            );
        }
    }

    /// In a list that types text, a printable letter bound before the text box's keys would
    /// never be typed: only the keys that always work (with Ctrl) come after it.
    #[test]
    fn a_text_box_takes_every_letter() {
        for stack in crate::ui::keymap::stacks::ALL.iter().filter(|s| s.contains(&Context::Text)) {
            for binding in stack.iter().flat_map(|c| bindings_of(BINDINGS, *c)) {
                for key in binding.keys.iter() {
                    let letter = matches!(key.code, KeyCode::Char(_)) && key.modifiers == KeyModifiers::NONE;
                    assert!(!letter, "{key:?} ({:?}) in {:?} could never be typed", binding.action, binding.context);
                }
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys.iter() {
                        assert!(!b.keys.contains(key), "{:?} bound twice in {:?}", key, a.context);
                    }
                }
            }
        }
    }
}
