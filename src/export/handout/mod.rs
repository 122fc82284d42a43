//! Handouts: what a participant or a facilitator takes home, in five formats, for four scopes
//! (the shortlist, a tour, the current results, one entry). A [`Handout`] is built once from
//! the scope — each entry as its [`EntryDoc`], with the participant's note and, in a tour, the
//! facilitator's note for the stop — and every format walks it, so they all say the same.
//!
//! Text from the catalogue is escaped for each format (Markdown metacharacters, HTML through
//! `html-escape`, CSV formula cells), and only `http`/`https` addresses ever become links.

mod data;
mod html;
mod interreg;
mod md;

pub use md::line as md_line;

use super::doc::EntryDoc;
use crate::i18n::{Word, word};
use crate::model::{Details, Entries, Id};
use crate::shortlist::Shortlist;
use crate::text::Lang;

/// The formats of `boucle export --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A Markdown handout: title, key facts, full text, notes, sources.
    Md,
    /// One row per entry, for spreadsheets.
    Csv,
    /// Stable, documented fields, for tools.
    Json,
    /// One self-contained page, printable and readable on a phone.
    Html,
    /// The Interreg Europe good-practice template's sections, in Markdown.
    Interreg,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Md, Format::Html, Format::Csv, Format::Json, Format::Interreg];

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md | Format::Interreg => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::Interreg => "interreg",
        }
    }
}

/// What is exported.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    Shortlist,
    Tour(&'a str),
    Entry(&'a str),
    /// Catalogue positions, in the order shown.
    Results(&'a [usize]),
}

/// One entry of a handout.
#[derive(Clone, Debug)]
pub struct Item {
    /// From 1, in the handout's order.
    pub number: usize,
    pub id: Id,
    /// `None`: the entry is no longer in the catalogue (a shortlist keeps it).
    pub doc: Option<EntryDoc>,
    /// Its position in the catalogue, when it is there.
    pub index: Option<usize>,
    /// The participant's own note, from the shortlist.
    pub note: Option<String>,
    /// The facilitator's note for this stop of a tour.
    pub stop_note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Handout {
    pub lang: Lang,
    /// `shortlist`, `tour`, `entry` or `results`: named in JSON.
    pub scope: &'static str,
    pub title: String,
    /// Lines under the title: a tour's summary and dates.
    pub intro: Vec<String>,
    pub items: Vec<Item>,
}

/// Why a handout could not be built: an id that names nothing (the message suggests nothing;
/// the caller knows the candidates).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeError {
    UnknownEntry(String),
    NotATour(String),
}

/// The handout of `scope`, with the notes of `shortlist` on the entries it has.
pub fn build(
    catalogue: &dyn Entries,
    scope: Scope<'_>,
    shortlist: &Shortlist,
    lang: Lang,
) -> Result<Handout, ScopeError> {
    let item = |number: usize, id: &Id, stop_note: Option<String>| {
        let index = catalogue.index_of(id.as_str());
        Item {
            number,
            id: id.clone(),
            doc: index.map(|i| EntryDoc::new(catalogue, catalogue.entry(i), lang)),
            index,
            note: shortlist.note(id.as_str()).map(str::to_string),
            stop_note: stop_note.filter(|n| !n.trim().is_empty()),
        }
    };
    let numbered = |ids: Vec<&Id>| ids.into_iter().enumerate().map(|(i, id)| item(i + 1, id, None)).collect();
    Ok(match scope {
        Scope::Shortlist => Handout {
            lang,
            scope: "shortlist",
            title: word(lang, Word::MyShortlist).to_string(),
            intro: Vec::new(),
            items: numbered(shortlist.ids().collect()),
        },
        Scope::Results(positions) => Handout {
            lang,
            scope: "results",
            title: word(lang, Word::Results).to_string(),
            intro: Vec::new(),
            items: numbered(
                positions.iter().filter(|&&p| p < catalogue.len()).map(|&p| &catalogue.entry(p).id).collect(),
            ),
        },
        Scope::Entry(id) => {
            let entry = catalogue.get(id).ok_or_else(|| ScopeError::UnknownEntry(id.to_string()))?;
            Handout {
                lang,
                scope: "entry",
                title: entry.title().get(lang).to_string(),
                intro: Vec::new(),
                items: vec![item(1, &entry.id, None)],
            }
        }
        Scope::Tour(id) => {
            let entry = catalogue.get(id).ok_or_else(|| ScopeError::UnknownEntry(id.to_string()))?;
            let Details::Tour(tour) = &entry.details else { return Err(ScopeError::NotATour(id.to_string())) };
            let doc = EntryDoc::new(catalogue, entry, lang);
            let mut intro = vec![doc.summary.clone()];
            intro.extend(doc.place.iter().chain(&doc.dates).cloned());
            let items = tour
                .stops
                .iter()
                .enumerate()
                .map(|(i, stop)| item(i + 1, &stop.entry, stop.note.as_ref().map(|n| n.get(lang).to_string())))
                .collect();
            Handout { lang, scope: "tour", title: doc.title, intro, items }
        }
    })
}

/// The handout in `format`, ready to be written.
pub fn render(handout: &Handout, catalogue: &dyn Entries, format: Format) -> Vec<u8> {
    render_for(handout, catalogue, format, false)
}

/// [`render`]; `excel`: a CSV for the spreadsheet program of the handout's language (a UTF-8
/// byte-order mark, and `;` between cells in French, where `,` is the decimal mark).
pub fn render_for(handout: &Handout, catalogue: &dyn Entries, format: Format, excel: bool) -> Vec<u8> {
    match format {
        Format::Md => md::handout(handout).into_bytes(),
        Format::Html => html::handout(handout).into_bytes(),
        Format::Json => data::json(handout),
        Format::Csv => data::csv(handout, catalogue, excel),
        Format::Interreg => interreg::handout(handout, catalogue).into_bytes(),
    }
}

/// The web addresses an entry's document gives (websites among its facts, then its sources), in
/// the order it lists them, each once: what the entry pane lets the user open or copy.
pub fn addresses(doc: &EntryDoc) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for block in &doc.blocks {
        let found: Vec<&str> = match block {
            super::Block::Fields(fields) => fields
                .iter()
                .filter_map(|f| match &f.value {
                    super::doc::Value::Address(a) => Some(a.as_str()),
                    _ => None,
                })
                .collect(),
            super::Block::Sources { sources, .. } => sources.iter().map(|s| s.address.as_str()).collect(),
            _ => Vec::new(),
        };
        for address in found.into_iter().filter_map(web_address) {
            if !out.iter().any(|a| a == address) {
                out.push(address.to_string());
            }
        }
    }
    out
}

/// `text` when it is an address a reader may follow: `http` or `https`, nothing that could
/// end a link or an attribute early (spaces, quotes, angle brackets, control characters).
pub fn web_address(text: &str) -> Option<&str> {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let scheme = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\".contains(c));
    (scheme && clean && text.len() > 8).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(web_address("https://www.team2.fr/a?b=c"), Some("https://www.team2.fr/a?b=c"));
        assert_eq!(web_address("HTTP://example.org"), Some("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://x.org/\"><script>",
            "http://",
            "data:text/html,x",
            " https://a.b",
        ] {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }
}
