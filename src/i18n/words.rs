//! The words of the shortlist, the exports and the addresses an entry can open: one table per
//! language, as in the main table, kept apart so that these features read as one piece.

use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Shortlist,
    MyShortlist,
    InShortlist,
    Marked,
    Unmarked,
    Missing,
    MissingLong,
    NotInCatalogue,
    MyNote,
    NoteTitle,
    NoteHelp,
    StopNote,
    Stop,
    Results,
    Handout,
    MadeBy,
    Export,
    ExportScope,
    ExportFormat,
    ExportPath,
    ExportScopeShortlist,
    ExportScopeResults,
    ExportScopeEntry,
    ExportChooseHelp,
    ExportPathHelp,
    ExportExists,
    ExportConfirmHelp,
    ExportWritten,
    ExportFailed,
    ExportNothing,
    ExportDoneHelp,
    ShortlistFile,
    ShortlistNotSaved,
    ShortlistSaveFailed,
    /// Over SSH, the shortlist of a password or open room lives as long as the session.
    ShortlistKeptForSession,
    /// A session that cannot put text on the user's clipboard.
    NoClipboard,
    ShortlistMerged,
    Opening,
    NoOpener,
    OnlyWeb,
    Copied,
    NoAddress,
    AddressKeys,
    NotGiven,
    NotAPractice,
    // The Interreg Europe good-practice template's sections.
    GpTitle,
    GpSummary,
    GpInstitution,
    GpLocation,
    GpTimescale,
    GpTopic,
    GpAbout,
    GpResources,
    GpEvidence,
    GpDifficulties,
    GpTransfer,
    GpFurther,
    GpOwner,
    GpExpert,
    GpProject,
    GpTemplate,
}

/// The word naming a section of the Interreg Europe template.
pub fn section_word(part: crate::model::interreg::Part) -> Word {
    use crate::model::interreg::Part;
    match part {
        Part::Title => Word::GpTitle,
        Part::Summary => Word::GpSummary,
        Part::Institution => Word::GpInstitution,
        Part::Location => Word::GpLocation,
        Part::Timescale => Word::GpTimescale,
        Part::About => Word::GpAbout,
        Part::Resources => Word::GpResources,
        Part::Evidence => Word::GpEvidence,
        Part::Difficulties => Word::GpDifficulties,
        Part::Transfer => Word::GpTransfer,
        Part::Further => Word::GpFurther,
    }
}

pub fn word(lang: Lang, word: Word) -> &'static str {
    use Word::*;
    match lang {
        Lang::En => match word {
            Shortlist => "Shortlist",
            MyShortlist => "My shortlist",
            InShortlist => "In my shortlist",
            Marked => "Added to the shortlist:",
            Unmarked => "Removed from the shortlist:",
            Missing => "missing",
            MissingLong => "not in this catalogue: kept for the catalogue it was marked in",
            NotInCatalogue => "no longer in the catalogue",
            MyNote => "My note",
            NoteTitle => "Note",
            NoteHelp => "Enter keep · Esc cancel",
            StopNote => "Facilitator's note",
            Stop => "Stop",
            Results => "Results",
            Handout => "Handout",
            MadeBy => "Made with boucle from its catalogue of good practices.",
            Export => "Export",
            ExportScope => "What",
            ExportFormat => "Format",
            ExportPath => "File",
            ExportScopeShortlist => "my shortlist",
            ExportScopeResults => "the current results",
            ExportScopeEntry => "this entry",
            ExportChooseHelp => "↑↓ what · ←→ format · Enter next · Esc cancel",
            ExportPathHelp => "Enter write · Esc back",
            ExportExists => "This file exists. Replace it?",
            ExportConfirmHelp => "y replace · n choose another name",
            ExportWritten => "Written to",
            ExportFailed => "Not written:",
            ExportNothing => "There is nothing to export in this choice.",
            ExportDoneHelp => "Esc close",
            ShortlistFile => "file:",
            ShortlistNotSaved => "The shortlist is not saved in a file in this session.",
            ShortlistSaveFailed => "The shortlist could not be saved:",
            ShortlistKeptForSession => "over SSH, the shortlist is kept for this session",
            NoClipboard => "this session cannot copy to the clipboard",
            ShortlistMerged => "Shortlist merged with the marks of another session.",
            Opening => "Opening",
            NoOpener => "No program to open addresses was found here (xdg-open or open); the address:",
            OnlyWeb => "Only http and https addresses are opened.",
            Copied => "Copied to the clipboard (if the terminal allows it):",
            NoAddress => "Choose an address first: n / N move to the sources and websites.",
            AddressKeys => "o open · C copy",
            NotGiven => "not given in the catalogue",
            NotAPractice => "not a good practice: only the sections it has are filled in",
            GpTitle => "Title of the good practice",
            GpSummary => "Short summary",
            GpInstitution => "Main institution involved",
            GpLocation => "Location of the good practice",
            GpTimescale => "Timescale (start, end, status)",
            GpTopic => "Topic",
            GpAbout => "Detailed information on the practice",
            GpResources => "Resources needed",
            GpEvidence => "Evidence of success (results achieved)",
            GpDifficulties => "Difficulties encountered / lessons learnt",
            GpTransfer => "Potential for learning or transfer",
            GpFurther => "Further information",
            GpOwner => "Good practice owner",
            GpExpert => "Expert opinion",
            GpProject => "Linked Interreg Europe project",
            GpTemplate => "Interreg Europe good-practice template",
        },
        Lang::Fr => match word {
            Shortlist => "Sélection",
            MyShortlist => "Ma sélection",
            InShortlist => "Dans ma sélection",
            Marked => "Ajoutée à la sélection :",
            Unmarked => "Retirée de la sélection :",
            Missing => "absente",
            MissingLong => "absente de ce catalogue : gardée pour celui où elle a été marquée",
            NotInCatalogue => "n'est plus dans le catalogue",
            MyNote => "Ma note",
            NoteTitle => "Note",
            NoteHelp => "Entrée garder · Échap annuler",
            StopNote => "Note de l'animateur",
            Stop => "Étape",
            Results => "Résultats",
            Handout => "Dossier",
            MadeBy => "Fait avec boucle, à partir de son catalogue de bonnes pratiques.",
            Export => "Exporter",
            ExportScope => "Quoi",
            ExportFormat => "Format",
            ExportPath => "Fichier",
            ExportScopeShortlist => "ma sélection",
            ExportScopeResults => "les résultats affichés",
            ExportScopeEntry => "cette fiche",
            ExportChooseHelp => "↑↓ quoi · ←→ format · Entrée suite · Échap annuler",
            ExportPathHelp => "Entrée écrire · Échap retour",
            ExportExists => "Ce fichier existe. Le remplacer ?",
            // The question takes y and o (oui): a French reader reads "y" as a word.
            ExportConfirmHelp => "o remplacer · n choisir un autre nom",
            ExportWritten => "Écrit dans",
            ExportFailed => "Non écrit :",
            ExportNothing => "Il n'y a rien à exporter dans ce choix.",
            ExportDoneHelp => "Échap fermer",
            ShortlistFile => "fichier :",
            ShortlistNotSaved => "La sélection n'est pas enregistrée dans un fichier pendant cette session.",
            ShortlistSaveFailed => "La sélection n'a pas pu être enregistrée :",
            ShortlistKeptForSession => "par SSH, la sélection est gardée le temps de la session",
            NoClipboard => "cette session ne peut pas copier dans le presse-papiers",
            ShortlistMerged => "Sélection fusionnée avec les marques d'une autre session.",
            Opening => "Ouverture de",
            NoOpener => "Aucun programme pour ouvrir les adresses ici (xdg-open ou open) ; l'adresse :",
            OnlyWeb => "Seules les adresses http et https s'ouvrent.",
            Copied => "Copiée dans le presse-papiers (si le terminal le permet) :",
            NoAddress => "Choisissez d'abord une adresse : n / N vont aux sources et aux sites web.",
            AddressKeys => "o ouvrir · C copier",
            NotGiven => "non renseigné dans le catalogue",
            NotAPractice => "pas une bonne pratique : seules les rubriques qu'elle a sont remplies",
            GpTitle => "Titre de la bonne pratique",
            GpSummary => "Résumé",
            GpInstitution => "Institution principale",
            GpLocation => "Lieu de la bonne pratique",
            GpTimescale => "Calendrier (début, fin, état)",
            GpTopic => "Thématique",
            GpAbout => "Description détaillée de la pratique",
            GpResources => "Ressources nécessaires",
            GpEvidence => "Preuves de réussite (résultats obtenus)",
            GpDifficulties => "Difficultés rencontrées / enseignements",
            GpTransfer => "Potentiel d'apprentissage ou de transfert",
            GpFurther => "Pour en savoir plus",
            GpOwner => "Porteur de la bonne pratique",
            GpExpert => "Avis d'expert",
            GpProject => "Projet Interreg Europe associé",
            GpTemplate => "Modèle de bonne pratique Interreg Europe",
        },
    }
}

/// "The shortlist file could not be read …": what happened to a bad shortlist file.
/// The shortlist screen with nothing marked: the key that marks, as the key table binds it.
pub fn empty_shortlist(lang: Lang, key: &str) -> String {
    match lang {
        Lang::En => format!("Nothing marked yet. In the results or an entry, press {key} to mark it; it comes here."),
        Lang::Fr => {
            format!("Rien de marqué. Dans les résultats ou une fiche, touche {key} pour la marquer ; elle vient ici.")
        }
    }
}

/// Under a shortlist item without a note: the key that writes one, as the key table binds it.
pub fn no_note(lang: Lang, key: &str) -> String {
    match lang {
        Lang::En => format!("no note ({key} to write one)"),
        Lang::Fr => format!("pas de note ({key} pour en écrire une)"),
    }
}

pub fn shortlist_set_aside(lang: Lang, problem: &str, moved_to: &str) -> String {
    match lang {
        Lang::En => format!(
            "The shortlist file could not be read ({problem}); it was kept as {moved_to}, and a new shortlist starts."
        ),
        Lang::Fr => format!(
            "Le fichier de la sélection est illisible ({problem}) ; il est gardé sous {moved_to}, et une nouvelle sélection commence."
        ),
    }
}

pub fn shortlist_unusable(lang: Lang, problem: &str, path: &str) -> String {
    match lang {
        Lang::En => format!(
            "The shortlist file {path} cannot be used ({problem}); it is left as it is, and this session's shortlist is not saved."
        ),
        Lang::Fr => format!(
            "Le fichier de sélection {path} est inutilisable ({problem}) ; il reste tel quel, et la sélection de cette session n'est pas enregistrée."
        ),
    }
}

/// `t` or `L` changed a setting for this session: what keeps it (the config file is the
/// user's, written by hand with its comments, so boucle does not rewrite it).
pub fn for_this_session(lang: Lang, now: &str, setting: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{now} for this session; {setting}: \"{value}\" in config.ron keeps it"),
        Lang::Fr => format!("{now} pour cette session ; {setting}: \"{value}\" dans config.ron le garde"),
    }
}

/// The interface language's name, in itself.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "Français",
    }
}
