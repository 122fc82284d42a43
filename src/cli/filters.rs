//! The filter flags shared by the dashboard and `boucle list`, so that a command a facilitator
//! reads out opens the same view in either.

use clap::Args;

use crate::query::Facet;

#[derive(Clone, Debug, Default, Args)]
pub struct FilterArgs {
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub region: Vec<String>,
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub material: Vec<String>,
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub esg: Vec<String>,
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub kind: Vec<String>,
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub stage: Vec<String>,
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub org: Vec<String>,
    #[arg(long, value_name = "YEAR", value_delimiter = ',', value_parser = year_value)]
    pub year: Vec<String>,
    #[arg(long, value_name = "STATUS", value_delimiter = ',')]
    pub status: Vec<String>,
    #[arg(long, short = 'q', value_name = "TEXT", default_value = "", allow_hyphen_values = true)]
    pub query: String,
}

/// A year or a range of years, checked when given: a reversed range would select nothing
/// and say nothing.
fn year_value(text: &str) -> Result<String, crate::i18n::Explained> {
    use crate::i18n::{Explained, commands};
    let year = |part: &str| part.trim().parse::<i32>().map_err(|_| Explained(commands::not_a_year(part.trim())));
    match text.split_once("..") {
        Some((from, to)) => {
            let (from, to) = (year(from)?, year(to)?);
            if from > to {
                return Err(Explained(commands::reversed_range(from, to)));
            }
        }
        None if text.trim().is_empty() => {}
        None => {
            year(text)?;
        }
    }
    Ok(text.to_string())
}

impl FilterArgs {
    /// Every (facet, value as typed) pair given.
    pub fn selections(&self) -> Vec<(Facet, String)> {
        let groups = [
            (Facet::Region, &self.region),
            (Facet::Material, &self.material),
            (Facet::Theme, &self.esg),
            (Facet::Kind, &self.kind),
            (Facet::Stage, &self.stage),
            (Facet::Organisation, &self.org),
            (Facet::Year, &self.year),
            (Facet::Status, &self.status),
        ];
        groups
            .into_iter()
            .flat_map(|(facet, values)| values.iter().map(move |v| (facet, v.trim().to_string())))
            .filter(|(_, v)| !v.is_empty())
            .collect()
    }
}
