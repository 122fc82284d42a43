//! `boucle present TOUR` and `boucle present --query …`: the dashboard, started in present mode
//! on a tour's stops or on the entries the filters and query select; `q` ends it.

use std::io::Write;

use clap::Args;

use super::{Cli, FilterArgs};
use crate::model::{Catalogue, Entry, Kind};
use crate::query::fold;
use crate::ui::app::PresentStart;

#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The tour to present, by id (its file name); without it, the entries the filters and
    /// query select.
    #[arg(value_name = "TOUR")]
    pub tour: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,
}

/// The tour `given` names: its id, else the one tour whose id starts with it, else the one
/// tour each of whose words (accents and case aside) begins a word of its id or of its title in
/// either language (`raw4res-lille`, `peer review lille`). Several: the message names them all.
pub fn find_tour<'a>(catalogue: &'a Catalogue, given: &str) -> Result<&'a str, String> {
    let tours: Vec<&Entry> = catalogue.entries().iter().filter(|e| e.kind == Kind::Tour).collect();
    if let Some(exact) = tours.iter().find(|e| e.id.as_str().eq_ignore_ascii_case(given)) {
        return Ok(exact.id.as_str());
    }
    let shown = crate::text::sanitize(given, crate::text::Lines::Single);
    let folded = fold(given);
    let by_prefix: Vec<&Entry> = tours.iter().copied().filter(|e| fold(e.id.as_str()).starts_with(&folded)).collect();
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let by_words: Vec<&Entry> = if by_prefix.is_empty() && !words.is_empty() {
        tours
            .iter()
            .copied()
            .filter(|e| {
                let mut own = fold(e.id.as_str());
                for title in e.title().variants() {
                    own.push(' ');
                    own.push_str(&fold(title.as_str()));
                }
                let own: Vec<&str> = own.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                words.iter().all(|w| own.iter().any(|o| o.starts_with(w)))
            })
            .collect()
    } else {
        by_prefix
    };
    match by_words[..] {
        [one] => Ok(one.id.as_str()),
        [] => {
            let ids: Vec<&str> = tours.iter().map(|e| e.id.as_str()).collect();
            let known = if ids.is_empty() { "none".to_string() } else { ids.join(", ") };
            Err(format!("no tour \"{shown}\" in the catalogue (tours: {known})"))
        }
        ref several => {
            let ids: Vec<&str> = several.iter().map(|e| e.id.as_str()).collect();
            Err(format!(
                "\"{shown}\" matches {} tours: {}; give more of the id or of the title",
                ids.len(),
                ids.join(", ")
            ))
        }
    }
}

pub fn run(cli: &Cli, args: &PresentArgs, err: &mut dyn Write) -> std::io::Result<i32> {
    let loaded = cli.load(&cli.catalogue_source());
    let start = match &args.tour {
        Some(tour) => match find_tour(&loaded.catalogue, tour) {
            Ok(id) => PresentStart::Tour(id.to_string()),
            Err(message) => {
                writeln!(err, "boucle: {message}")?;
                return Ok(2);
            }
        },
        None => PresentStart::Results,
    };
    // Unknown values are refused as `list` refuses them, before the screen is taken.
    let query = crate::query::Query::parse(&args.filters.query);
    if !args.filters.selections().is_empty() || !query.fields.is_empty() || !query.errors.is_empty() {
        let engine = crate::query::Engine::new(&loaded.catalogue);
        if let Err(e) = super::list::selection(&engine, &loaded.catalogue, &args.filters) {
            writeln!(err, "boucle: {e}")?;
            return Ok(e.exit_code());
        }
    }
    let options = super::dashboard_options(cli, &args.filters, Some(start));
    crate::ui::run(loaded.catalogue, loaded.diagnostics, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{CatalogueSource, load};

    fn bundled() -> Catalogue {
        load(&CatalogueSource::Bundled).catalogue
    }

    #[test]
    fn a_tour_is_found_by_its_id_a_prefix_or_its_words() {
        let catalogue = bundled();
        let lille = "raw4res-peer-review-lille-2025";
        for given in
            [lille, "RAW4RES-peer-review-lille-2025", "raw4res-peer", "raw4res-lille", "lille", "Peer review Lille"]
        {
            assert_eq!(find_tour(&catalogue, given), Ok(lille), "{given}");
        }
    }

    #[test]
    fn several_matches_name_the_candidates_and_none_names_the_tours() {
        let catalogue = bundled();
        let several = find_tour(&catalogue, "2025").unwrap_err();
        assert!(several.contains("matches 2 tours") && several.contains("raw4res-peer-review-lille-2025"), "{several}");
        assert_eq!(find_tour(&catalogue, "raw4res"), Ok("raw4res-peer-review-lille-2025"), "the one id it begins");
        let none = find_tour(&catalogue, "zzz").unwrap_err();
        assert!(none.contains("no tour \"zzz\"") && none.contains("tours: "), "{none}");
        assert!(find_tour(&catalogue, "bringback").is_err(), "a practice is not a tour");
    }
}
