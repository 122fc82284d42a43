//! A title typed with a ligature (`ﬁ`, U+FB01) or full-width letters (`ＲＡＷ４ＲＥＳ`, as some
//! input methods and PDFs give them) is found by the plain word, and a plain title by the word
//! typed in those forms; the highlight falls on the letters that matched, as written.

use crate::common;

use boucle::load::{CatalogueSource, load};
use boucle::text::Lang;
use boucle::ui::Options;
use common::ui::{FIXTURE_RELATIVE, app_on, result_ids, title_highlights, type_query};

const ZINC: &str = "zinc-loop-hauts-de-france";

/// The fixture, copied, with the zinc loop's French title written in compatibility forms.
fn catalogue_with_compatibility_forms() -> boucle::model::Catalogue {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(std::path::Path::new(FIXTURE_RELATIVE), dir.path());
    let file = dir.path().join(format!("good-practices/{ZINC}.ron"));
    let text = std::fs::read_to_string(&file).unwrap();
    let plain = "fr: \"Une boucle du zinc entre Befesa, Nyrstar et Recytech\"";
    assert!(text.contains(plain), "the fixture's title as this test knows it");
    let text = text.replace(plain, "fr: \"La ﬁlière ＲＡＷ４ＲＥＳ du zinc : Befesa, Nyrstar et Recytech\"");
    std::fs::write(&file, text).unwrap();
    let loaded = load(&CatalogueSource::Folders(vec![dir.path().to_path_buf()]));
    assert!(loaded.catalogue.entries().iter().any(|e| e.id.as_str() == ZINC));
    loaded.catalogue
}

fn searched(lang: Lang, query: &str) -> boucle::ui::App {
    let mut app = app_on(catalogue_with_compatibility_forms(), Vec::new(), Options { lang, ..Options::default() });
    type_query(&mut app, query);
    app
}

/// The highlighted parts of the zinc loop's title, which must be first among the results.
fn zinc_highlights(app: &boucle::ui::App) -> Vec<String> {
    assert_eq!(result_ids(app).first().map(String::as_str), Some(ZINC), "the title's match comes first");
    let highlights = title_highlights(app);
    let (_, parts) = highlights.iter().find(|(title, _)| title.contains("zinc")).expect("the title is highlighted");
    parts.clone()
}

#[test]
fn a_ligature_and_full_width_letters_in_a_title_are_found_by_the_plain_words() {
    assert_eq!(zinc_highlights(&searched(Lang::Fr, "filiere")), ["ﬁlière"]);
    assert_eq!(zinc_highlights(&searched(Lang::Fr, "raw4res")), ["ＲＡＷ４ＲＥＳ"]);
    // A prefix ends inside the ligature's letters: the highlight takes the whole character.
    assert_eq!(zinc_highlights(&searched(Lang::Fr, "fil")), ["ﬁl"]);
    assert_eq!(zinc_highlights(&searched(Lang::Fr, "raw4")), ["ＲＡＷ４"]);
}

#[test]
fn plain_titles_are_found_by_words_typed_in_compatibility_forms() {
    // The English title is plain: `A zinc loop between Befesa, …`.
    assert_eq!(zinc_highlights(&searched(Lang::En, "ＺＩＮＣ ｌｏｏｐ")), ["zinc", "loop"]);
    assert_eq!(zinc_highlights(&searched(Lang::Fr, "ﬁlière ｚｉｎｃ")), ["ﬁlière", "zinc"]);
}
