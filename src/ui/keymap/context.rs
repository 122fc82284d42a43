//! Where a binding applies: the contexts of the key table, in the order the help lists them,
//! and the title of each one's section of the help, in both languages.

use crate::text::Lang;

/// Where a binding applies. Lookup goes through [`super::contexts`], most specific first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Whatever has the keys, even the query box or an overlay.
    Always,
    /// Every pane of the browse screen.
    Global,
    Facets,
    Results,
    Detail,
    Search,
    /// The help and the problems list.
    Overlay,
    /// The shortlist screen.
    Shortlist,
    /// A line of text being typed: a note, a file name.
    Input,
    /// The export dialog's choices.
    ExportChoose,
    /// A yes/no question.
    Confirm,
    /// The tours screen.
    Tours,
    /// The overview screen (charts and map).
    Overview,
    /// The overview's map, when it has the focus (arrows move it).
    OverviewMap,
    /// The overview's charts, when they have the focus (arrows move along the materials).
    OverviewCharts,
    /// Present mode, on a slide.
    Present,
    /// Present mode, typing a search to jump to any entry.
    PresentJump,
    /// The problems panel, before the keys of every overlay.
    Problems,
    /// The entry's form (`e`), a row that is typed in or picks.
    Form,
    /// The form's picker, open on a row.
    Picker,
    /// Editing a line of text: the query, a note, a file name, the jump search. Looked up after
    /// the text box's own keys; listed in the help within the search box's section (the rows
    /// are written once, here, and say what they do to the query).
    Text,
}

impl Context {
    /// Every context with a section of its own in the help, in the order the help lists them
    /// ([`Context::Text`]'s rows are listed within the search box's section).
    pub const ALL: [Context; 20] = [
        Context::Always,
        Context::Global,
        Context::Search,
        Context::Facets,
        Context::Results,
        Context::Detail,
        Context::Tours,
        Context::Overview,
        Context::OverviewMap,
        Context::OverviewCharts,
        Context::Shortlist,
        Context::Present,
        Context::PresentJump,
        Context::Overlay,
        Context::Input,
        Context::ExportChoose,
        Context::Confirm,
        Context::Problems,
        Context::Form,
        Context::Picker,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Context::Always, Lang::En) => "Always, even while typing or in this help",
            (Context::Always, Lang::Fr) => "Toujours, même en saisie ou dans cette aide",
            (Context::Global, Lang::En) => "Everywhere",
            (Context::Global, Lang::Fr) => "Partout",
            (Context::Facets, Lang::En) => "Filters pane",
            (Context::Facets, Lang::Fr) => "Volet des filtres",
            (Context::Results, Lang::En) => "Results pane",
            (Context::Results, Lang::Fr) => "Volet des résultats",
            (Context::Detail, Lang::En) => "Entry pane",
            (Context::Detail, Lang::Fr) => "Volet de la fiche",
            (Context::Search, Lang::En) => "Search box",
            (Context::Search, Lang::Fr) => "Champ de recherche",
            (Context::Overlay, Lang::En) => "This help and the problems list",
            (Context::Overlay, Lang::Fr) => "Cette aide et la liste des problèmes",
            (Context::Shortlist, Lang::En) => "Shortlist screen (4)",
            (Context::Shortlist, Lang::Fr) => "Écran de la sélection (4)",
            (Context::Input, Lang::En) => "Typing a note or a file name",
            (Context::Input, Lang::Fr) => "Saisie d'une note ou d'un nom de fichier",
            (Context::ExportChoose, Lang::En) => "Export dialog (x)",
            (Context::ExportChoose, Lang::Fr) => "Fenêtre d'export (x)",
            (Context::Confirm, Lang::En) => "A question (replace a file?)",
            (Context::Confirm, Lang::Fr) => "Une question (remplacer un fichier ?)",
            (Context::Tours, Lang::En) => "Tours screen (2)",
            (Context::Tours, Lang::Fr) => "Écran des parcours (2)",
            (Context::Overview, Lang::En) => "Overview screen (3)",
            (Context::Overview, Lang::Fr) => "Écran de synthèse (3)",
            (Context::OverviewMap, Lang::En) => "Overview, the map (Tab: the charts)",
            (Context::OverviewMap, Lang::Fr) => "Synthèse, la carte (Tab : les graphiques)",
            (Context::OverviewCharts, Lang::En) => "Overview, the charts (Tab: the map)",
            (Context::OverviewCharts, Lang::Fr) => "Synthèse, les graphiques (Tab : la carte)",
            (Context::Present, Lang::En) => "Present mode (p)",
            (Context::Present, Lang::Fr) => "Mode présentation (p)",
            (Context::PresentJump, Lang::En) => "Present mode, jump search (g)",
            (Context::PresentJump, Lang::Fr) => "Mode présentation, recherche (g)",
            (Context::Problems, Lang::En) => "Problems list",
            (Context::Problems, Lang::Fr) => "Liste des problèmes",
            (Context::Form, Lang::En) => "The entry's form (e)",
            (Context::Form, Lang::Fr) => "Formulaire de la fiche (e)",
            (Context::Picker, Lang::En) => "The form's list of choices",
            (Context::Picker, Lang::Fr) => "Liste de choix du formulaire",
            (Context::Text, Lang::En) => "Editing text (the query, a note, a file name, a field of the form)",
            (Context::Text, Lang::Fr) => "Édition d'un texte (recherche, note, nom de fichier, champ du formulaire)",
        }
    }
}
