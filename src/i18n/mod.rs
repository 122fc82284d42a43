//! Every word of the interface, in French and English: the dashboard, the command line and the
//! exports all take their words from here, so one thing has one name everywhere. Catalogue text
//! carries its own languages.
//!
//! Each table is a `match` on the language, so a missing translation is a compile error.
//! Sentences with numbers or names in them are in `i18n/sentences.rs`; counted nouns, with their
//! plurals, in `i18n/count.rs` ([`count`], [`count_of`]).

pub mod cache;
pub mod commands;
pub mod config;
mod count;
pub mod form;
pub mod guards;
mod keys;
pub mod overview;
pub mod picks;
pub mod presenting;
pub mod problems;
pub mod room;
mod said;
mod sentences;
pub mod take_home;
pub mod template;
pub mod usage;
mod words;

pub use count::{Noun, count, count_of, problem_counts};
pub use keys::{KeyWord, key_word};
pub use problems::did_you_mean;
pub use said::{ArchivedSaid, Explained, Gender, Named, Said, quoted};
pub use sentences::*;
pub use words::{
    Word, empty_shortlist, for_this_session, language_name, no_note, section_word, shortlist_set_aside,
    shortlist_unusable, word,
};

use crate::model::entry::Progress;
use crate::model::{Facet, Kind, ReviewStatus};
use crate::text::Lang;

/// Every sentence of the interface. One `match` per language keeps each translation next to
/// its twin, so a missing one is a compile error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Facets,
    Results,
    Detail,
    Search,
    SearchHint,
    NoResults,
    /// Followed by files read / total.
    LoadingFiles,
    Indexing,
    Filters,
    Help,
    HelpTitle,
    HelpFooter,
    TooSmall,
    Description,
    Location,
    Organisations,
    Materials,
    Themes,
    Stages,
    Tags,
    Sources,
    Related,
    Review,
    Dates,
    Project,
    MainInstitution,
    Timescale,
    ResourcesNeeded,
    EvidenceOfSuccess,
    Difficulties,
    TransferPotential,
    FurtherInformation,
    Site,
    Host,
    Programme,
    Seen,
    Takeaways,
    Venue,
    Participants,
    Stops,
    Website,
    Founded,
    OrganisationType,
    ShortName,
    ReviewNote,
    Checked,
    CommandForView,
    Searching,
    ThemeChanged,
    Back,
    UnknownQueryValue,
    Hidden,
    Organisers,
    QuitKey,
    HelpOtherKeys,
    HelpTextKeys,
    /// What the ≈ beside a result means, in the help.
    HelpCloseMatch,
    /// Beside the chosen related entry: what Enter does.
    FollowChosenLink,
    NoProblems,
    /// The quiet note after a live reload.
    Reloaded,
    /// `r` with the bundled catalogue.
    NothingToReload,
    NoEditor,
    NotEditableHere,
    EditorFailed,
    NoEditorHere,
    ProblemsHint,
    BestFirst,
    ColumnTitle,
    ColumnKind,
    ColumnRegion,
    ColumnYears,
    ColumnId,
    TabBrowse,
    TabTours,
    TabOverview,
    TabShortlist,
    ToursTitle,
    NoTours,
    NoStops,
    DayUnknown,
    StopNote,
    StopOf,
    Where,
    Who,
    When,
    MapTitle,
    MapLocated,
    /// The same, for a narrow map: `n` is how many entries at that place.
    MapLocatedShort,
    MapSelected,
    MapZoomKeys,
    MapNotLocated,
    NoCounts,
    JumpPrompt,
    JumpNoMatch,
    Detour,
    NothingToPresent,
    ServeGoodbye,
    ServeRoomClosing,
    ServeIdle,
    ServeRoomFull,
    ServeNeedsTerminal,
    ServeExecRefused,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match lang {
        Lang::En => match msg {
            Facets => "Filters",
            Results => "Results",
            Detail => "Entry",
            Search => "Search",
            SearchHint => "type / to search — words, region:FRE12 mat:nd theme:E5 kind:visit year:2025, -word",
            NoResults => "No entry matches. Press c to clear the filters, or change the search.",
            LoadingFiles => "reading the catalogue",
            Indexing => "indexing the catalogue…",
            Filters => "filters",
            Help => "help",
            HelpTitle => "Keys",
            HelpFooter => "↑↓ scroll · Esc or ? close",
            TooSmall => "The window is too small for boucle.",
            Description => "Description",
            Location => "Location",
            Organisations => "Organisations",
            Materials => "Materials",
            Themes => "ESG themes",
            Stages => "Value-chain stages",
            Tags => "Tags",
            Sources => "Sources",
            Related => "Related entries",
            Review => "Review",
            Dates => "Dates",
            Project => "Project",
            MainInstitution => "Main institution",
            Timescale => "Timescale",
            ResourcesNeeded => "Resources needed",
            EvidenceOfSuccess => "Evidence of success",
            Difficulties => "Difficulties and lessons learnt",
            TransferPotential => "Potential for transfer",
            FurtherInformation => "Further information",
            Site => "Site",
            Host => "Host",
            Programme => "Programme",
            Seen => "What was seen",
            Takeaways => "Take-aways",
            Venue => "Venue",
            Participants => "Participants",
            Stops => "Stops",
            Website => "Website",
            Founded => "Founded",
            OrganisationType => "Type",
            ShortName => "Short name",
            ReviewNote => "Note for curators",
            Checked => "last checked",
            CommandForView => "This view from the command line:",
            Searching => "searching…",
            ThemeChanged => "Theme:",
            Back => "back",
            UnknownQueryValue => "unknown value",
            Hidden => "more",
            Organisers => "Organisers",
            QuitKey => "q: quit",
            HelpOtherKeys => "  any other key types into the query; mouse: wheel scrolls, click selects",
            HelpTextKeys => "  and the search box's editing keys (listed with it)",
            HelpCloseMatch => "  ≈ a close match: a word found only within one typo, listed after the others",
            FollowChosenLink => "follow",
            NoProblems => "No problems: every file of the catalogue loaded.",
            Reloaded => "reloaded",
            NothingToReload => "the bundled catalogue does not change: nothing to reload (use --catalogue DIR)",
            NoEditor => "no editor: set $VISUAL or $EDITOR (e.g. export EDITOR=nano)",
            NotEditableHere => {
                "this entry is built into boucle and cannot be edited in place: edit a copy of the practices/ folder of boucle's sources (or start a folder with `boucle init DIR`) and run `boucle --catalogue DIR`"
            }
            EditorFailed => "the editor did not run",
            NoEditorHere => "no editor in this session",
            ProblemsHint => "The entries shown are the ones that loaded; `boucle check` gives every detail.",
            BestFirst => ", best matches first",
            ColumnTitle => "Title",
            ColumnKind => "Kind",
            ColumnRegion => "Region",
            ColumnYears => "Years",
            ColumnId => "Id",
            TabBrowse => "Browse",
            TabTours => "Tours",
            TabOverview => "Overview",
            TabShortlist => "Shortlist",
            ToursTitle => "Tours",
            NoTours => "This catalogue has no tour.",
            NoStops => "This tour has no stop yet.",
            DayUnknown => "Day not given",
            StopNote => "Note for this stop",
            StopOf => "Stop",
            Where => "Where",
            Who => "Who",
            When => "When",
            MapTitle => "Map",
            MapLocated => "located entries (the number: how many at that place)",
            MapLocatedShort => "entries at that place",
            MapSelected => "selected entry",
            MapZoomKeys => "+/- zoom",
            MapNotLocated => "not located",
            NoCounts => "Nothing to count: no entry matches.",
            JumpPrompt => "Jump to",
            JumpNoMatch => "No entry matches.",
            Detour => "out of the programme — Esc to come back",
            NothingToPresent => "Nothing to present: no entry matches. Change the search or the filters, then press p.",
            ServeGoodbye => "Goodbye! To take entries home: ssh … list --format md > entries.md",
            ServeRoomClosing => "The facilitator has closed the room. Goodbye!",
            ServeIdle => "Session closed after a long time without a key. Reconnect any time.",
            ServeRoomFull => "The room is full. Please try again in a moment.",
            ServeNeedsTerminal => {
                "boucle needs a terminal: connect with ssh -t, or run a command: `list`, `show ID`, `export` (see --help)."
            }
            ServeExecRefused => {
                "only these commands run here: `list`, `show ID`, `export` (without --output; --shortlist with your code, or alone with your key); add --help to any"
            }
        },
        Lang::Fr => match msg {
            Facets => "Filtres",
            Results => "Résultats",
            Detail => "Fiche",
            Search => "Recherche",
            SearchHint => "tapez / pour chercher — mots, region:FRE12 mat:nd theme:E5 kind:visit year:2025, -mot",
            NoResults => "Aucune fiche ne correspond. Touche c pour effacer les filtres, ou changez la recherche.",
            LoadingFiles => "lecture du catalogue",
            Indexing => "indexation du catalogue…",
            Filters => "filtres",
            Help => "aide",
            HelpTitle => "Touches",
            HelpFooter => "↑↓ défiler · Échap ou ? fermer",
            TooSmall => "La fenêtre est trop petite pour boucle.",
            Description => "Description",
            Location => "Lieu",
            Organisations => "Organisations",
            Materials => "Matériaux",
            Themes => "Thèmes ESG",
            Stages => "Étapes de la chaîne de valeur",
            Tags => "Mots-clés",
            Sources => "Sources",
            Related => "Fiches liées",
            Review => "Relecture",
            Dates => "Dates",
            Project => "Projet",
            MainInstitution => "Institution principale",
            Timescale => "Calendrier",
            ResourcesNeeded => "Ressources nécessaires",
            EvidenceOfSuccess => "Preuves de réussite",
            Difficulties => "Difficultés et enseignements",
            TransferPotential => "Potentiel de transfert",
            FurtherInformation => "Pour en savoir plus",
            Site => "Site",
            Host => "Hôte",
            Programme => "Programme",
            Seen => "Ce qui a été vu",
            Takeaways => "À retenir",
            Venue => "Lieu de l'événement",
            Participants => "Participants",
            Stops => "Étapes",
            Website => "Site web",
            Founded => "Création",
            OrganisationType => "Type",
            ShortName => "Sigle",
            ReviewNote => "Note pour les curateurs",
            Checked => "vérifiée le",
            CommandForView => "Cette vue en ligne de commande :",
            Searching => "recherche…",
            ThemeChanged => "Thème :",
            Back => "retour",
            UnknownQueryValue => "valeur inconnue",
            Hidden => "de plus",
            Organisers => "Organisateurs",
            QuitKey => "q : quitter",
            HelpOtherKeys => "  les autres touches s'écrivent dans la recherche ; souris : molette, clic",
            HelpTextKeys => "  et les touches d'édition du champ de recherche (listées avec lui)",
            HelpCloseMatch => "  ≈ résultat approché : un mot trouvé à une faute près, après les autres",
            FollowChosenLink => "suivre",
            NoProblems => "Aucun problème : tous les fichiers du catalogue sont chargés.",
            Reloaded => "rechargé",
            NothingToReload => "le catalogue intégré ne change pas : rien à recharger (utilisez --catalogue DOSSIER)",
            NoEditor => "aucun éditeur : définissez $VISUAL ou $EDITOR (p. ex. export EDITOR=nano)",
            NotEditableHere => {
                "cette fiche est intégrée à boucle et ne se modifie pas sur place : modifiez une copie du dossier practices/ des sources de boucle (ou créez un dossier avec `boucle init DOSSIER`) et lancez `boucle --catalogue DOSSIER`"
            }
            EditorFailed => "l’éditeur ne s’est pas lancé",
            NoEditorHere => "pas d’éditeur dans cette session",
            ProblemsHint => "Les fiches affichées sont celles qui se chargent ; `boucle check` donne le détail.",
            BestFirst => ", les plus pertinentes d'abord",
            ColumnTitle => "Titre",
            ColumnKind => "Type",
            ColumnRegion => "Région",
            ColumnYears => "Années",
            ColumnId => "Id",
            TabBrowse => "Recherche",
            TabTours => "Parcours",
            TabOverview => "Synthèse",
            TabShortlist => "Sélection",
            ToursTitle => "Parcours",
            NoTours => "Ce catalogue n'a aucun parcours.",
            NoStops => "Ce parcours n'a pas encore d'étape.",
            DayUnknown => "Jour non précisé",
            StopNote => "Note pour cette étape",
            StopOf => "Étape",
            Where => "Où",
            Who => "Qui",
            When => "Quand",
            MapTitle => "Carte",
            MapLocated => "fiches situées (le nombre : combien à cet endroit)",
            MapLocatedShort => "fiches à cet endroit",
            MapSelected => "fiche sélectionnée",
            MapZoomKeys => "+/- zoom",
            MapNotLocated => "non situées",
            NoCounts => "Rien à compter : aucune fiche ne correspond.",
            JumpPrompt => "Aller à",
            JumpNoMatch => "Aucune fiche ne correspond.",
            Detour => "hors programme — Échap pour revenir",
            NothingToPresent => {
                "Rien à présenter : aucune fiche ne correspond. Changez la recherche ou les filtres, puis p."
            }
            ServeGoodbye => "Au revoir ! Pour emporter des fiches : ssh … list --format md > fiches.md",
            ServeRoomClosing => "L'animateur a fermé la salle. Au revoir !",
            ServeIdle => "Session fermée après un long moment sans frappe. Reconnectez-vous quand vous voulez.",
            ServeRoomFull => "La salle est pleine. Réessayez dans un instant.",
            ServeNeedsTerminal => {
                "boucle a besoin d'un terminal : connectez-vous avec ssh -t, ou lancez une commande : `list`, `show ID`, `export` (voir --help)."
            }
            ServeExecRefused => {
                "seules ces commandes s'exécutent ici : `list`, `show ID`, `export` (sans --output ; --shortlist avec votre code, ou seul avec votre clé) ; ajoutez --help à l'une d'elles"
            }
        },
    }
}

/// A facet's short name for `n` values: present mode's label column ("Materials" over Nd and
/// Pr, "Material" over one). Facets with one value per entry keep their name.
pub fn facet_name_for(lang: Lang, facet: Facet, n: usize) -> &'static str {
    if n <= 1 {
        return facet_name(lang, facet);
    }
    match (lang, facet) {
        (Lang::En, Facet::Material) => "Materials",
        (Lang::En, Facet::Theme) => "ESG themes",
        (Lang::En, Facet::Stage) => "Stages",
        (Lang::En, Facet::Organisation) => "Organisations",
        (Lang::En, Facet::Year) => "Years",
        (Lang::Fr, Facet::Material) => "Matériaux",
        (Lang::Fr, Facet::Theme) => "Thèmes ESG",
        (Lang::Fr, Facet::Stage) => "Étapes",
        (Lang::Fr, Facet::Organisation) => "Organisations",
        (Lang::Fr, Facet::Year) => "Années",
        (_, Facet::Region | Facet::Kind | Facet::Status) => facet_name(lang, facet),
    }
}

pub fn facet_name(lang: Lang, facet: Facet) -> &'static str {
    match (lang, facet) {
        (Lang::En, Facet::Region) => "Region",
        (Lang::En, Facet::Material) => "Material",
        (Lang::En, Facet::Theme) => "ESG theme",
        (Lang::En, Facet::Kind) => "Kind",
        (Lang::En, Facet::Stage) => "Stage",
        (Lang::En, Facet::Organisation) => "Organisation",
        (Lang::En, Facet::Year) => "Year",
        (Lang::En, Facet::Status) => "Review",
        (Lang::Fr, Facet::Region) => "Région",
        (Lang::Fr, Facet::Material) => "Matériau",
        (Lang::Fr, Facet::Theme) => "Thème ESG",
        (Lang::Fr, Facet::Kind) => "Type",
        (Lang::Fr, Facet::Stage) => "Étape",
        (Lang::Fr, Facet::Organisation) => "Organisation",
        (Lang::Fr, Facet::Year) => "Année",
        (Lang::Fr, Facet::Status) => "Relecture",
    }
}

pub fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    match (lang, kind) {
        (Lang::En, Kind::GoodPractice) => "good practice",
        (Lang::En, Kind::SiteVisit) => "site visit",
        (Lang::En, Kind::Event) => "event",
        (Lang::En, Kind::Tour) => "tour",
        (Lang::En, Kind::Organisation) => "organisation",
        (Lang::Fr, Kind::GoodPractice) => "bonne pratique",
        (Lang::Fr, Kind::SiteVisit) => "visite de site",
        (Lang::Fr, Kind::Event) => "événement",
        (Lang::Fr, Kind::Tour) => "parcours",
        (Lang::Fr, Kind::Organisation) => "organisation",
    }
}

pub fn status_name(lang: Lang, status: ReviewStatus) -> &'static str {
    match (lang, status) {
        (Lang::En, ReviewStatus::Draft) => "draft",
        (Lang::En, ReviewStatus::ToComplete) => "to complete",
        (Lang::En, ReviewStatus::Reviewed) => "reviewed",
        (Lang::Fr, ReviewStatus::Draft) => "brouillon",
        (Lang::Fr, ReviewStatus::ToComplete) => "à compléter",
        (Lang::Fr, ReviewStatus::Reviewed) => "relue",
    }
}

/// Where a practice stands in time.
pub fn progress_name(lang: Lang, progress: Progress) -> &'static str {
    match (lang, progress) {
        (Lang::En, Progress::Ongoing) => "ongoing",
        (Lang::En, Progress::Ended) => "ended",
        (Lang::Fr, Progress::Ongoing) => "en cours",
        (Lang::Fr, Progress::Ended) => "terminé",
    }
}

/// A facet as a noun inside a sentence ("unknown region …"), where [`facet_name`] is a title,
/// with its French gender.
pub fn facet_noun(facet: Facet) -> Named {
    match facet {
        Facet::Region => Named::feminine("region", "région"),
        Facet::Material => Named::masculine("material", "matériau"),
        Facet::Theme => Named::masculine("ESG theme", "thème ESG"),
        Facet::Kind => Named::masculine("kind", "type"),
        Facet::Stage => Named::feminine("value-chain stage", "étape de la chaîne de valeur"),
        Facet::Organisation => Named::feminine("organisation", "organisation"),
        Facet::Year => Named::feminine("year", "année"),
        Facet::Status => Named::masculine("review status", "statut de relecture"),
    }
}

/// Where the entry pane stops a very long text, and how much of it is left (kB).
pub fn text_cut(lang: Lang, kb_left: usize) -> String {
    match lang {
        Lang::En => format!("… cut here: {kb_left} kB more in the file (exports keep the whole text)"),
        Lang::Fr => format!("… coupé ici : encore {kb_left} ko dans le fichier (les exports gardent le texte entier)"),
    }
}

/// A label followed by its colon: French typography puts a space before it.
pub fn with_colon(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!("{label}:"),
        Lang::Fr => format!("{label} :"),
    }
}
