//! `boucle present TOUR` and `boucle present --query …`: the dashboard, started in present mode
//! on a tour's stops or on the entries the filters and query select; `q` ends it.

use std::io::Write;

use clap::Args;

use super::{Cli, FilterArgs};
use crate::model::Kind;
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

pub fn run(cli: &Cli, args: &PresentArgs, err: &mut dyn Write) -> std::io::Result<i32> {
    let loaded = cli.load(&cli.catalogue_source());
    let start = match &args.tour {
        Some(tour) => {
            let is_tour = loaded.catalogue.get(tour).is_some_and(|e| e.kind == Kind::Tour);
            if !is_tour {
                let tours: Vec<&str> =
                    loaded.catalogue.entries().iter().filter(|e| e.kind == Kind::Tour).map(|e| e.id.as_str()).collect();
                let shown = crate::text::sanitize(tour, crate::text::Lines::Single);
                writeln!(err, "boucle: {}", crate::i18n::commands::no_such_tour(&shown, &tours).get(cli.language()))?;
                return Ok(2);
            }
            PresentStart::Tour(tour.clone())
        }
        None => PresentStart::Results,
    };
    // Unknown values are refused as `list` refuses them, before the screen is taken.
    let query = crate::query::Query::parse(&args.filters.query);
    if !args.filters.selections().is_empty() || !query.fields.is_empty() || !query.errors.is_empty() {
        let engine = crate::query::Engine::new(&loaded.catalogue);
        if let Err(e) = super::list::selection(&engine, &loaded.catalogue, &args.filters) {
            writeln!(err, "boucle: {}", e.said().get(cli.language()))?;
            return Ok(e.exit_code());
        }
    }
    let options = super::dashboard_options(cli, &args.filters, Some(start));
    crate::ui::run(loaded.catalogue, loaded.diagnostics, options)
}
