//! `boucle show ID`: one entry in full, as Markdown (the handout of `export --entry ID`) or
//! JSON. The rendering is [`crate::export`]'s; this file finds the entry.

use clap::{Args, ValueEnum};
use std::io::Write;

use super::list::{CommandError, closest};
use crate::model::Entries;
use crate::text::Lang;
use crate::{export, i18n};

#[derive(Clone, Debug, Args)]
pub struct ShowArgs {
    #[arg(value_name = "ID")]
    pub id: String,

    #[arg(long, value_enum, default_value_t = ShowFormat::Md)]
    pub format: ShowFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Md,
    Json,
}

/// `boucle show ID`. An unknown id is a usage error naming the closest ids.
pub fn run_show(catalogue: &dyn Entries, args: &ShowArgs, lang: Lang, out: &mut dyn Write) -> Result<(), CommandError> {
    let Some(entry) = catalogue.get(&args.id).or_else(|| {
        // Ids are case-insensitive in practice: `Team2` finds `team2`.
        (0..catalogue.len()).map(|e| catalogue.entry(e)).find(|e| e.id.as_str().eq_ignore_ascii_case(&args.id))
    }) else {
        let ids = (0..catalogue.len()).map(|e| catalogue.entry(e).id.as_str());
        let suggestions = closest(&args.id, ids, 3);
        let shown = crate::text::sanitize(&args.id, crate::text::Lines::Single);
        return Err(CommandError::Usage(i18n::unknown_entry(&shown, &suggestions)));
    };
    match args.format {
        ShowFormat::Json => export::json::write_entry(entry, out)?,
        // The handout's writer, as `export --entry ID --format md`: every catalogue text made
        // inert, and only web addresses made links (`ssh host show ID > x.md` is rendered).
        ShowFormat::Md => {
            use export::handout::{Format, Scope, build, render};
            let shortlist = crate::shortlist::Shortlist::default();
            let handout = build(catalogue, Scope::Entry(entry.id.as_str()), &shortlist, lang)
                .map_err(|_| CommandError::Usage(i18n::unknown_entry(entry.id.as_str(), &[])))?;
            out.write_all(&render(&handout, catalogue, Format::Md))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(id: &str, format: ShowFormat, lang: Lang) -> Result<String, CommandError> {
        let cat = export::testing::catalogue();
        let mut out = Vec::new();
        run_show(&cat, &ShowArgs { id: id.to_string(), format }, lang, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn markdown_is_the_entry_document() {
        let text = show("Battery", ShowFormat::Md, Lang::En).unwrap();
        assert!(text.starts_with("# Battery regeneration \\| \\*lead\\*\n"), "{text}");
        assert!(text.contains("`battery`"), "{text}");
    }

    #[test]
    fn json_is_the_entry() {
        let text = show("battery", ShowFormat::Json, Lang::Fr).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["id"], "battery");
        assert!(value.get("title").is_some() && value.get("details").is_some());
    }

    #[test]
    fn an_unknown_id_names_the_closest_ones() {
        let err = show("batterx", ShowFormat::Md, Lang::Fr).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("\"battery\""), "{err}");
        assert!(show("zzzzzz", ShowFormat::Md, Lang::Fr).unwrap_err().to_string().contains("boucle list"));
    }
}
