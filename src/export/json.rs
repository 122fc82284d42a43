//! JSON for tools. Field names are an interface: scripts read them, so they do not change
//! when the interface's words do.

use std::io::{self, Write};

use super::row::{Listed, Row};
use crate::model::Entry;

/// `boucle show --format json`: the entry as the catalogue holds it, in every language.
///
/// Fields: `id`, `kind` (`practice`, `visit`, `event`, `tour`, `organisation`), `file`, then
/// the fields every kind has (`title`, `summary`, `description`, `location` {`region`,
/// `place`, `coordinates`}, `organisations`, `materials`, `themes`, `stages`, `tags`,
/// `project`, `related`, `sources` [{`title`, `url`, `date`}], `review` {`status`,
/// `checked`, `note`}), and `details`: `{ "<kind>": { …the kind's own fields… } }` with the
/// kinds `good-practice`, `site-visit`, `event`, `tour`, `organisation`. Texts are
/// `{"fr": …, "en": …}` or a plain string; dates `YYYY[-MM[-DD]]`.
pub fn write_entry(entry: &Entry, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, entry).map_err(io::Error::from)?;
    writeln!(out)
}

/// `boucle list --format json`: an array with one object per row, keys in alphabetical order.
///
/// Keys: `id`; `kind` (its id); `title`, `summary` and `place` in the chosen language;
/// `score` and `words` (the search's score and the number of query words found; 0 without a
/// query); `close` (true when found only within a typo of a word, marked ≈ in the table); `region` (an object or null), `materials`, `themes`, `stages`, `organisations`
/// (arrays of `{"id", "label"}`, the label null when the catalogue lacks the id); `years`
/// (numbers); `status` (`draft`, `to-complete`, `reviewed`); `tags`; `file`.
pub fn write_rows(rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    let all = |items: &[Listed]| -> Vec<serde_json::Value> { items.iter().map(listed).collect() };
    let items: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            let rank = row.rank.unwrap_or(super::row::Rank { score: 0, words: 0, close: false });
            serde_json::json!({
                "id": row.id,
                "kind": row.kind,
                "title": row.title,
                "summary": row.summary,
                "score": rank.score,
                "words": rank.words,
                "close": rank.close,
                "region": row.region.as_ref().map(listed),
                "place": row.place,
                "materials": all(&row.materials),
                "themes": all(&row.themes),
                "stages": all(&row.stages),
                "organisations": all(&row.organisations),
                "years": row.years,
                "status": row.status,
                "tags": row.tags,
                "file": row.file,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
    writeln!(out)
}

fn listed(item: &Listed) -> serde_json::Value {
    serde_json::json!({ "id": item.id, "label": item.label })
}
