//! `boucle present TOUR` and `boucle present --query …`: the dashboard, started in present mode
//! on a tour's stops or on the entries the filters and query select; `q` ends it.

use std::io::Write;

use clap::Args;

use super::{Cli, FilterArgs};
use crate::i18n::{Said, commands, presenting};
use crate::model::{Catalogue, Entry, Kind};
use crate::presentation::{Deck, Drive, Stage};
use crate::query::fold;
use crate::ui::app::PresentStart;
use crate::ui::state::Role;

#[derive(Debug, Args)]
pub struct PresentArgs {
    #[arg(value_name = "TOUR")]
    pub tour: Option<String>,

    #[arg(long, requires = "tour")]
    pub console: bool,

    #[arg(long, value_name = "TEXT", requires = "tour")]
    pub say: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,
}

/// The tour `given` names: its id, else the one tour whose id starts with it, else the one
/// tour each of whose words (accents and case aside) begins a word of its id or of its title in
/// either language (`raw4res-lille`, `peer review lille`). Several: the message names them all.
pub fn find_tour<'a>(catalogue: &'a Catalogue, given: &str) -> Result<&'a str, Said> {
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
            Err(commands::no_such_tour(&shown, &ids))
        }
        ref several => {
            let ids: Vec<&str> = several.iter().map(|e| e.id.as_str()).collect();
            Err(commands::several_tours(&shown, &ids))
        }
    }
}

pub fn run(cli: &Cli, args: &PresentArgs, err: &mut dyn Write) -> std::io::Result<i32> {
    let loaded = cli.load(&cli.catalogue_source());
    let start = match &args.tour {
        Some(tour) => match find_tour(&loaded.catalogue, tour) {
            Ok(id) if tour_stops(&loaded.catalogue, id) == 0 => {
                writeln!(err, "boucle: {}", commands::tour_without_stops(id).get(cli.language()))?;
                return Ok(2);
            }
            Ok(id) => PresentStart::Tour(id.to_string()),
            Err(message) => {
                writeln!(err, "boucle: {}", message.get(cli.language()))?;
                return Ok(2);
            }
        },
        None => PresentStart::Results,
    };
    // Unknown values are refused as `list` refuses them, before the screen is taken; and a
    // selection with no entry has nothing to present, as a tour with no stop has not.
    let query = crate::query::Query::parse(&args.filters.query);
    if !args.filters.selections().is_empty() || !query.is_empty() || !query.errors.is_empty() {
        let engine = crate::query::Engine::new(&loaded.catalogue);
        match super::list::selection(&engine, &loaded.catalogue, &args.filters) {
            Err(e) => {
                writeln!(err, "boucle: {}", e.said().get(cli.language()))?;
                return Ok(e.exit_code());
            }
            Ok((query, filters)) if start == PresentStart::Results => {
                if engine.search(&loaded.catalogue, &query, &filters, cli.language(), 1).total == 0 {
                    writeln!(err, "boucle: {}", commands::nothing_to_present(&args.filters.query).get(cli.language()))?;
                    return Ok(2);
                }
            }
            Ok(_) => {}
        }
    }
    let mut options = super::dashboard_options(cli, &args.filters, Some(start.clone()));
    let PresentStart::Tour(tour) = start else {
        set_notice_aside(&mut options, args.console, err)?;
        return crate::ui::run(loaded.catalogue, loaded.diagnostics, options);
    };
    let lang = cli.language();
    let place = match crate::presentation::socket::place() {
        Ok(place) => place,
        Err(e) => {
            let why = crate::i18n::problems::io_problem(&e);
            if args.say.is_some() {
                writeln!(err, "boucle: {}", why.get(lang))?;
                return Ok(1);
            }
            options.notice = Some(presenting::not_shared(why.get(lang)).get(lang).to_string());
            return crate::ui::run(loaded.catalogue, loaded.diagnostics, options);
        }
    };
    let socket = crate::presentation::socket::path(&place.dir, &tour);
    if let Some(text) = &args.say {
        let line = Some(text.clone()).filter(|t| !t.trim().is_empty());
        return Ok(match crate::presentation::socket::send_once(&socket, &Drive::RoomLine(line)) {
            Ok(()) => 0,
            Err(_) => {
                writeln!(err, "boucle: {}", presenting::no_presentation_running(&tour).get(lang))?;
                1
            }
        });
    }
    set_notice_aside(&mut options, args.console, err)?;
    let stops = tour_stops(&loaded.catalogue, &tour);
    let first = || Stage::new(Deck::Tour(tour.clone()), stops, crate::presentation::now_ms());
    match crate::presentation::socket::attach(&socket, first) {
        Ok(link) => {
            options.presenting = Some(if args.console { Role::Console } else { Role::Projector });
            if place.fallback {
                // The audience sees the projector: the notice is for whoever runs it, whole, on
                // the terminal before the screen is taken (it is there again when boucle ends),
                // and on the console, where the facilitator looks.
                let said = presenting::socket_fallback(crate::text::visible::path(&place.dir).as_ref());
                writeln!(err, "boucle: {}", said.get(lang))?;
                if args.console {
                    options.notice = Some(said.get(lang).to_string());
                }
            }
            let holder = link.holder();
            let code = crate::ui::run_presenting(loaded.catalogue, loaded.diagnostics, options, link);
            // It started the presentation, or took it over from the process that did.
            if holder.holds() {
                // The views still attached lose their driver with it: nobody answers there now.
                let _ = std::fs::remove_file(&socket);
            }
            code
        }
        Err(e) => {
            options.presenting = args.console.then_some(Role::Console);
            let why = crate::i18n::problems::io_problem(&e);
            options.notice = Some(presenting::not_shared(why.get(lang)).get(lang).to_string());
            crate::ui::run(loaded.catalogue, loaded.diagnostics, options)
        }
    }
}

/// What the start has to say (a shortlist id skipped or the file set aside, a config notice) is
/// for whoever runs the presentation, never the room: written on the terminal before the screen
/// is taken (it is there again when boucle ends), and kept for the console's quiet line; the
/// projector shows none of it.
fn set_notice_aside(options: &mut crate::ui::Options, console: bool, err: &mut dyn Write) -> std::io::Result<()> {
    let notice = options.notice.take();
    if let Some(notice) = &notice {
        writeln!(err, "boucle: {notice}")?;
    }
    if console {
        options.notice = notice;
    }
    Ok(())
}

/// How many of the tour's stops this catalogue has (the slides every view makes of them).
pub(super) fn tour_stops(catalogue: &Catalogue, tour: &str) -> usize {
    match catalogue.get(tour).map(|e| &e.details) {
        Some(crate::model::Details::Tour(t)) => {
            t.stops.iter().filter(|s| catalogue.get(s.entry.as_str()).is_some()).count()
        }
        _ => 0,
    }
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
        let several = find_tour(&catalogue, "2025").unwrap_err().get(crate::text::Lang::En).to_string();
        assert!(several.contains("matches 2 tours") && several.contains("raw4res-peer-review-lille-2025"), "{several}");
        assert_eq!(find_tour(&catalogue, "raw4res"), Ok("raw4res-peer-review-lille-2025"), "the one id it begins");
        let none = find_tour(&catalogue, "zzz").unwrap_err().get(crate::text::Lang::En).to_string();
        assert!(none.contains("no tour \"zzz\"") && none.contains("tours: "), "{none}");
        assert!(find_tour(&catalogue, "bringback").is_err(), "a practice is not a tour");
    }
}
