//! The form's words (`boucle new KIND ID --form`, `e` in the dashboard): the name of each of its
//! lines, its hints and what it says after a save, in French and English.

use crate::text::Lang;

/// A word or sentence of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormWord {
    NewTitle,
    EditTitle,
    /// The line's value cannot be edited here.
    Kept,
    /// On a picker line without the picker open.
    PickHint,
    NoMatch,
    /// Problems that belong to no line.
    Whole,
    NoProblem,
    Saved,
    NotSaved,
    /// A date that does not read as one, while it is typed.
    NotADate,
    /// The file would not read back as the form's values: never written.
    Unsafe,
    /// A value marked ✗ keeps the entry from loading: not written.
    DoesNotLoad,
    /// The file was written by another program since the form read it: not written over.
    ChangedMeanwhile,
    /// Said of a choice already picked, and of a line that must be filled (screen reader).
    Picked,
    Required,
    Empty,
}

/// Esc on a form with changes: what a second Esc does, and how to keep them instead.
pub fn leave_unsaved(lang: Lang, again: &str, save: &str) -> String {
    match lang {
        Lang::En => format!("Changes not saved: {again} again leaves without saving them, {save} saves"),
        Lang::Fr => {
            format!("Modifications non enregistrées : {again} à nouveau quitte sans les enregistrer, {save} enregistre")
        }
    }
}

pub fn form_word(lang: Lang, word: FormWord) -> &'static str {
    use FormWord::*;
    match lang {
        Lang::En => match word {
            NewTitle => "New entry",
            EditTitle => "Edit entry",
            Kept => "kept as written (E: your editor)",
            PickHint => "Enter: choose",
            NoMatch => "no match",
            Whole => "Whole entry",
            NoProblem => "✓ check finds nothing to report",
            Saved => "saved",
            NotSaved => "not saved",
            NotADate => "not a date: YYYY-MM-DD, YYYY-MM or YYYY",
            Unsafe => "the file would not read back as written (a bug of boucle's: please report it)",
            DoesNotLoad => "a value marked ✗ keeps the entry from loading; correct it first",
            ChangedMeanwhile => {
                "the file was changed by another program since the form opened; nothing was written over it (leave the form and open it again to edit the file as it is now)"
            }
            Picked => "picked",
            Required => "required",
            Empty => "empty",
        },
        Lang::Fr => match word {
            NewTitle => "Nouvelle fiche",
            EditTitle => "Modifier la fiche",
            Kept => "gardé tel quel (E : votre éditeur)",
            PickHint => "Entrée : choisir",
            NoMatch => "aucune correspondance",
            Whole => "Toute la fiche",
            NoProblem => "✓ check ne trouve rien à signaler",
            Saved => "enregistré",
            NotSaved => "pas enregistré",
            NotADate => "pas une date : AAAA-MM-JJ, AAAA-MM ou AAAA",
            Unsafe => "le fichier ne se relirait pas tel qu'écrit (un défaut de boucle : signalez-le)",
            DoesNotLoad => "une valeur marquée ✗ empêche la fiche de se charger ; corrigez-la d'abord",
            ChangedMeanwhile => {
                "le fichier a été modifié par un autre programme depuis l'ouverture du formulaire ; rien n'a été écrit par-dessus (quittez le formulaire et rouvrez-le pour modifier le fichier tel qu'il est)"
            }
            Picked => "choisi",
            Required => "obligatoire",
            Empty => "vide",
        },
    }
}

/// The name of a field (and of its part) as the form shows it.
pub fn field_label(lang: Lang, field: &str, part: Option<&str>) -> String {
    let (name, part) = field_label_parts(lang, field, part);
    format!("{name}{part}")
}

/// A field's name and what says which part of it a line is (` (fr)`, ` · region`): a name cut
/// to fit keeps its part.
pub fn field_label_parts(lang: Lang, field: &str, part: Option<&str>) -> (&'static str, String) {
    let name = field_name(lang, field);
    let part = match part {
        Some("fr") => " (fr)".to_string(),
        Some("en") => " (en)".to_string(),
        Some(part) => format!(" · {}", field_name(lang, part)),
        None => String::new(),
    };
    (name, part)
}

fn field_name(lang: Lang, field: &str) -> &'static str {
    let (en, fr) = match field {
        "title" => ("Title", "Titre"),
        "summary" => ("Summary", "Résumé"),
        "description" => ("Description", "Description"),
        "location" => ("Location", "Lieu"),
        "region" => ("region", "région"),
        "place" => ("place", "commune"),
        "organisations" => ("Organisations", "Organisations"),
        "materials" => ("Materials", "Matériaux"),
        "themes" => ("ESG themes", "Thèmes ESG"),
        "stages" => ("Stages", "Étapes"),
        "tags" => ("Tags (a, b)", "Mots-clés (a, b)"),
        "project" => ("Project", "Projet"),
        "related" => ("Related entries", "Fiches liées"),
        "sources" => ("Source", "Source"),
        "url" => ("address", "adresse"),
        "date" => ("date", "date"),
        "review" => ("Review", "Relecture"),
        "status" => ("status", "état"),
        "checked" => ("checked on", "vérifiée le"),
        "main_institution" => ("Main institution", "Institution principale"),
        "timescale" => ("Timescale", "Calendrier"),
        "start" => ("Start", "Début"),
        "end" => ("End", "Fin"),
        "resources_needed" => ("Resources needed", "Ressources nécessaires"),
        "evidence_of_success" => ("Evidence of success", "Preuves de réussite"),
        "difficulties" => ("Difficulties", "Difficultés"),
        "transfer_potential" => ("Transfer potential", "Potentiel de transfert"),
        "further_information" => ("Further information", "Pour en savoir plus"),
        "site" => ("Site", "Site"),
        "host" => ("Host", "Hôte"),
        "programme" => ("Programme", "Programme"),
        "seen" => ("Seen", "Vu"),
        "takeaways" => ("Takeaways", "À retenir"),
        "organisers" => ("Organisers", "Organisateurs"),
        "venue" => ("Venue", "Lieu de l'événement"),
        "participants" => ("Participants", "Participants"),
        "stops" => ("Stops", "Étapes du parcours"),
        "short_name" => ("Short name", "Sigle"),
        "org_type" => ("Organisation type", "Type d'organisation"),
        "website" => ("Website", "Site web"),
        "founded" => ("Founded", "Fondée en"),
        _ => ("?", "?"),
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// How a bare word of the file is shown in a picker (the word itself is written).
pub fn word_label(lang: Lang, word: &str) -> String {
    let (en, fr) = match word {
        "draft" => ("draft", "brouillon"),
        "to_complete" => ("to complete", "à compléter"),
        "reviewed" => ("reviewed", "relue"),
        "ongoing" => ("ongoing", "en cours"),
        "ended" => ("ended", "terminée"),
        other => (other, other),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Fr => fr.to_string(),
    }
}

/// The status line after a save: `saved good-practices/x.ron`.
pub fn saved(lang: Lang, path: &str) -> String {
    format!("✓ {} {path}", form_word(lang, FormWord::Saved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn every_line_of_every_form_has_a_name_in_both_languages() {
        for kind in Kind::ALL {
            for line in crate::curate::form::lines(kind) {
                for lang in Lang::ALL {
                    let label = field_label(lang, line.field(), line.part());
                    assert!(!label.contains('?'), "{kind:?} {:?} has no name in {lang:?}", line.path);
                }
            }
        }
    }
}
