//! The comments of `boucle new`'s template and the README of `boucle init`, in the curator's
//! language: what each field holds, in the words of the curators' guide.

use crate::text::Lang;

/// The template's opening comment, for a new entry of kind `kind` (`practice`).
pub fn template_head(lang: Lang, kind: &str) -> String {
    match lang {
        Lang::En => format!(
            "// A new {kind} (see docs/CURATING.md). Fields marked REQUIRED must be filled: `boucle check`\n\
             // fails until they are. The others are optional: remove the `//` to use one.\n\
             // A text is \"…\" or (fr: \"…\", en: \"…\"); dates are \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\".\n"
        ),
        Lang::Fr => format!(
            "// Une nouvelle fiche {kind} (voir docs/CURATING.md). Les champs marqués OBLIGATOIRE sont à remplir :\n\
             // `boucle check` échoue tant qu’ils ne le sont pas. Les autres sont facultatifs : retirez le `//`\n\
             // pour en utiliser un. Un texte s’écrit \"…\" ou (fr: \"…\", en: \"…\") ; une date \"AAAA-MM-JJ\",\n\
             // \"AAAA-MM\" ou \"AAAA\".\n"
        ),
    }
}

/// What heads the comment of a field the curator must fill.
pub fn required_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "REQUIRED. ",
        Lang::Fr => "OBLIGATOIRE. ",
    }
}

/// What a field of a catalogue entry holds; empty for a field the guide does not describe.
pub fn field_about(lang: Lang, field: &str) -> &'static str {
    match (lang, field) {
        (Lang::En, "title") => "The name shown everywhere.",
        (Lang::Fr, "title") => "Le nom affiché partout.",
        (Lang::En, "summary") => "One sentence, shown in lists.",
        (Lang::Fr, "summary") => "Une phrase, affichée dans les listes.",
        (Lang::En, "description") => "The full text; may span lines.",
        (Lang::Fr, "description") => "Le texte complet ; il peut tenir sur plusieurs lignes.",
        (Lang::En, "location") => "Where: a region id from vocabularies/regions.ron (NUTS), and a place name.",
        (Lang::Fr, "location") => "Où : un id de région de vocabularies/regions.ron (NUTS), et un nom de lieu.",
        (Lang::En, "organisations") => "Organisations involved: ids of files in organisations/.",
        (Lang::Fr, "organisations") => "Les organisations impliquées : ids de fichiers de organisations/.",
        (Lang::En, "materials") => "Ids from vocabularies/materials.ron (a group id is allowed).",
        (Lang::Fr, "materials") => "Des ids de vocabularies/materials.ron (un id de groupe est permis).",
        (Lang::En, "themes") => "ESG themes: ids from vocabularies/themes.ron (ESRS: E1–E5, S1–S4, G1).",
        (Lang::Fr, "themes") => "Thèmes ESG : des ids de vocabularies/themes.ron (ESRS : E1–E5, S1–S4, G1).",
        (Lang::En, "stages") => "Value-chain stages: ids from vocabularies/stages.ron.",
        (Lang::Fr, "stages") => "Étapes de la chaîne de valeur : des ids de vocabularies/stages.ron.",
        (Lang::En, "tags") => "Free words that help search.",
        (Lang::Fr, "tags") => "Des mots libres qui aident la recherche.",
        (Lang::En, "project") => "The project it belongs to.",
        (Lang::Fr, "project") => "Le projet dont elle fait partie.",
        (Lang::En, "related") => "Other entries, by id (file name).",
        (Lang::Fr, "related") => "D’autres fiches, par id (nom de fichier).",
        (Lang::En, "sources") => "Where the facts come from: without sources, `boucle check` warns.",
        (Lang::Fr, "sources") => "D’où viennent les faits : sans sources, `boucle check` avertit.",
        (Lang::En, "review") => {
            "How far it was checked: `status` `draft`, `to_complete` or `reviewed`; `checked`: the day you checked it."
        }
        (Lang::Fr, "review") => {
            "Où en est la relecture : `status` `draft`, `to_complete` ou `reviewed` ; `checked` : le jour de votre vérification."
        }
        (Lang::En, "main_institution") => "The leading organisation: an id of a file in organisations/.",
        (Lang::Fr, "main_institution") => "L’organisation qui porte la pratique : l’id d’un fichier de organisations/.",
        (Lang::En, "timescale") => "When it ran: `start`, `end`, `status` `ongoing` or `ended`.",
        (Lang::Fr, "timescale") => "Quand elle a eu lieu : `start`, `end`, `status` `ongoing` ou `ended`.",
        (Lang::En, "resources_needed") => "Interreg template: resources needed.",
        (Lang::Fr, "resources_needed") => "Modèle Interreg : ressources nécessaires.",
        (Lang::En, "evidence_of_success") => "Interreg template: evidence of success.",
        (Lang::Fr, "evidence_of_success") => "Modèle Interreg : preuves de réussite.",
        (Lang::En, "difficulties") => "Interreg template: difficulties and lessons learnt.",
        (Lang::Fr, "difficulties") => "Modèle Interreg : difficultés et enseignements.",
        (Lang::En, "transfer_potential") => "Interreg template: potential for transfer.",
        (Lang::Fr, "transfer_potential") => "Modèle Interreg : potentiel de transfert.",
        (Lang::En, "further_information") => "Interreg template: further information.",
        (Lang::Fr, "further_information") => "Modèle Interreg : pour en savoir plus.",
        (Lang::En, "site") => "The site visited.",
        (Lang::Fr, "site") => "Le site visité.",
        (Lang::En, "host") => "The host: an id of a file in organisations/.",
        (Lang::Fr, "host") => "L’hôte : l’id d’un fichier de organisations/.",
        (Lang::En, "start") => "The first day.",
        (Lang::Fr, "start") => "Le premier jour.",
        (Lang::En, "end") => "The last day.",
        (Lang::Fr, "end") => "Le dernier jour.",
        (Lang::En, "programme") => "The tour or event it was part of, by id.",
        (Lang::Fr, "programme") => "Le parcours ou l’événement dont elle faisait partie, par id.",
        (Lang::En, "seen") => "What was seen.",
        (Lang::Fr, "seen") => "Ce qui a été vu.",
        (Lang::En, "takeaways") => "Take-aways.",
        (Lang::Fr, "takeaways") => "Ce qu’il faut en retenir.",
        (Lang::En, "organisers") => "Organisers: ids of files in organisations/.",
        (Lang::Fr, "organisers") => "Les organisateurs : ids de fichiers de organisations/.",
        (Lang::En, "venue") => "Where it took place.",
        (Lang::Fr, "venue") => "Où il a eu lieu.",
        (Lang::En, "participants") => "How many took part.",
        (Lang::Fr, "participants") => "Combien de personnes y ont pris part.",
        (Lang::En, "stops") => "The entries presented, in order, each with a note for the facilitator.",
        (Lang::Fr, "stops") => "Les fiches présentées, dans l’ordre, chacune avec une note pour l’animateur.",
        (Lang::En, "short_name") => "A short name or acronym.",
        (Lang::Fr, "short_name") => "Un nom court ou un sigle.",
        (Lang::En, "org_type") => "An id from vocabularies/organisation-types.ron.",
        (Lang::Fr, "org_type") => "Un id de vocabularies/organisation-types.ron.",
        (Lang::En, "website") => "Its website.",
        (Lang::Fr, "website") => "Son site web.",
        (Lang::En, "founded") => "When it was founded.",
        (Lang::Fr, "founded") => "Quand elle a été fondée.",
        _ => "",
    }
}

/// The README `boucle init` writes for a regional catalogue's curators.
pub fn catalogue_readme(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "# A regional boucle catalogue\n\n\
One entry per file, in the folder of its kind; the file name is the entry's id.\n\n\
- `boucle new practice my-practice --catalogue .` writes a commented template to fill in.\n\
- `boucle check .` reports every problem with its file, line and column (add the bundled\n  \
catalogue's folder first when your entries refer to its organisations: `boucle check practices .`).\n\
- `boucle --catalogue .` opens the dashboard on this folder; it reloads as you save.\n\n\
Without a `vocabularies/` folder, the bundled vocabularies (NUTS regions, CRMA materials, ESRS\n\
themes, value-chain stages, organisation types) are used. The curators' guide, docs/CURATING.md in\n\
boucle's sources, describes every field and every problem `check` reports.\n"
        }
        Lang::Fr => {
            "# Un catalogue régional boucle\n\n\
Une fiche par fichier, dans le dossier de son type ; le nom du fichier est l’id de la fiche.\n\n\
- `boucle new practice ma-pratique --catalogue .` écrit un modèle commenté à remplir.\n\
- `boucle check .` signale chaque problème avec son fichier, sa ligne et sa colonne (ajoutez d’abord\n  \
le dossier du catalogue intégré quand vos fiches citent ses organisations : `boucle check practices .`).\n\
- `boucle --catalogue .` ouvre le tableau de bord sur ce dossier ; il se recharge à chaque enregistrement.\n\n\
Sans dossier `vocabularies/`, les vocabulaires intégrés (régions NUTS, matériaux du CRMA, thèmes\n\
ESRS, étapes de la chaîne de valeur, types d’organisation) sont utilisés. Le guide des curateurs,\n\
docs/CURATING.md dans les sources de boucle, décrit chaque champ et chaque problème que `check` signale.\n"
        }
    }
}
