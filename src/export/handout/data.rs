//! The handout for tools: JSON with stable field names, and CSV with one row per entry.
//!
//! JSON: an object `{ "format": "boucle-handout", "version": 1, "lang", "scope"
//! ("shortlist" | "tour" | "entry" | "results"), "title", "intro": [string], "entries": [...] }`.
//! Each entry: `number` (from 1, the handout's order), `id`, `missing` (true when the
//! catalogue no longer has it: then only `number`, `id`, `missing`, `note` are meaningful),
//! `kind` (`practice`, `visit`, `event`, `tour`, `organisation`, or null), `title`, `summary`,
//! `place`, `dates` (strings or null), `note` (the participant's, or null), `stop_note` (the
//! facilitator's for a tour stop, or null), `fields` [{`label`, `value`}], `sections`
//! [{`label`, `text`}], `stops` [{`number`, `id`, `title`, `note`}], `related` [{`id`,
//! `title`, `kind`}], `sources` [{`title`, `url` (http/https only, else null), `date`}].
//! Labels are in the handout's language; ids and keys never change with it.
//!
//! CSV: the columns of [`CSV_HEADER`]; several sources are joined by ` ; `. Cells that a
//! spreadsheet would run as formulas are neutralised by [`crate::export::csv::cell`]. With
//! `--excel`, a byte-order mark and, in French, `;` between cells.

use serde_json::{Value as Json, json};

use super::super::doc::{Block, Value};
use super::super::row::{Listed, Row};
use super::{Handout, Item, web_address};
use crate::model::Entries;
use crate::text::Lang;

pub fn json(h: &Handout) -> Vec<u8> {
    let entries: Vec<Json> = h.items.iter().map(entry).collect();
    let value = json!({
        "format": "boucle-handout",
        "version": 1,
        "lang": h.lang.code(),
        "scope": h.scope,
        "title": h.title,
        "intro": h.intro,
        "entries": entries,
    });
    let mut out = serde_json::to_vec_pretty(&value).unwrap_or_default();
    out.push(b'\n');
    out
}

fn entry(item: &Item) -> Json {
    let mut fields = Vec::new();
    let mut sections = Vec::new();
    let mut stops = Vec::new();
    let mut related = Vec::new();
    let mut sources = Vec::new();
    if let Some(doc) = &item.doc {
        for block in &doc.blocks {
            match block {
                Block::Fields(list) => fields.extend(list.iter().map(|f| {
                    let value = match &f.value {
                        Value::Address(a) => web_address(a).unwrap_or_default().to_string(),
                        other => other.plain(),
                    };
                    json!({ "label": f.label, "value": value })
                })),
                Block::Prose { label, text } => sections.push(json!({ "label": label, "text": text })),
                Block::Stops { stops: list, .. } => {
                    stops.extend(list.iter().map(
                        |s| json!({ "number": s.number, "id": s.entry.id, "title": s.entry.title, "note": s.note }),
                    ))
                }
                Block::Links { links, .. } => {
                    related.extend(links.iter().map(|l| json!({ "id": l.id, "title": l.title, "kind": l.kind.id() })))
                }
                Block::Sources { sources: list, .. } => sources.extend(
                    list.iter().map(|s| json!({ "title": s.title, "url": web_address(&s.address), "date": s.date })),
                ),
                Block::Review { .. } => {}
            }
        }
    }
    let doc = item.doc.as_ref();
    json!({
        "number": item.number,
        "id": item.id,
        "missing": doc.is_none(),
        "kind": doc.map(|d| d.kind.id()),
        "title": doc.map(|d| &d.title),
        "summary": doc.map(|d| &d.summary),
        "place": doc.and_then(|d| d.place.as_ref()),
        "dates": doc.and_then(|d| d.dates.as_ref()),
        "note": item.note,
        "stop_note": item.stop_note,
        "fields": fields,
        "sections": sections,
        "stops": stops,
        "related": related,
        "sources": sources,
    })
}

/// The CSV columns; an interface, like the JSON keys. The vocabulary columns hold ids (several
/// joined by `;`, as `boucle list` writes them) and, beside them, their labels in the handout's
/// language.
pub const CSV_HEADER: [&str; 19] = [
    "number",
    "id",
    "kind",
    "title",
    "summary",
    "place",
    "dates",
    "region",
    "region_label",
    "materials",
    "material_labels",
    "themes",
    "theme_labels",
    "organisations",
    "organisation_labels",
    "note",
    "stop_note",
    "sources",
    "missing",
];

/// The CSV; `excel`: a UTF-8 byte-order mark first (Excel reads UTF-8 only with it), and `;`
/// between cells where the language's spreadsheets use `,` as the decimal mark (French).
pub fn csv(h: &Handout, catalogue: &dyn Entries, excel: bool) -> Vec<u8> {
    let delimiter = if excel && h.lang == Lang::Fr { b';' } else { b',' };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect()];
    let ids = |items: &[Listed]| items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>().join(";");
    let labels = |items: &[Listed]| {
        items.iter().map(|i| i.label.clone().unwrap_or_else(|| i.id.clone())).collect::<Vec<_>>().join("; ")
    };
    for item in &h.items {
        let doc = item.doc.as_ref();
        let row = item.index.map(|i| Row::new(catalogue, catalogue.entry(i), h.lang, None));
        let listed = |f: fn(&Row) -> &Vec<Listed>| row.as_ref().map(|r| f(r).as_slice()).unwrap_or_default();
        let region: Vec<Listed> = row.as_ref().and_then(|r| r.region.clone()).into_iter().collect();
        let sources: Vec<String> = doc
            .into_iter()
            .flat_map(|d| &d.blocks)
            .filter_map(|b| match b {
                Block::Sources { sources, .. } => Some(sources),
                _ => None,
            })
            .flatten()
            .filter_map(|s| web_address(&s.address).map(str::to_string))
            .collect();
        rows.push(vec![
            item.number.to_string(),
            item.id.to_string(),
            doc.map(|d| d.kind.id().to_string()).unwrap_or_default(),
            doc.map(|d| d.title.clone()).unwrap_or_default(),
            doc.map(|d| d.summary.clone()).unwrap_or_default(),
            doc.and_then(|d| d.place.clone()).unwrap_or_default(),
            doc.and_then(|d| d.dates.clone()).unwrap_or_default(),
            ids(&region),
            labels(&region),
            ids(listed(|r| &r.materials)),
            labels(listed(|r| &r.materials)),
            ids(listed(|r| &r.themes)),
            labels(listed(|r| &r.themes)),
            ids(listed(|r| &r.organisations)),
            labels(listed(|r| &r.organisations)),
            item.note.clone().unwrap_or_default(),
            item.stop_note.clone().unwrap_or_default(),
            sources.join(" ; "),
            doc.is_none().to_string(),
        ]);
    }
    for row in rows {
        // Writing to memory cannot fail but for a bug; a short file would show it.
        let _ = writer.write_record(row.iter().map(|c| super::super::csv::cell(c)));
    }
    let body = writer.into_inner().unwrap_or_default();
    if excel { [b"\xEF\xBB\xBF".as_slice(), &body].concat() } else { body }
}
