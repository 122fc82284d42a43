//! The form's state: one row per line of the entry's form ([`crate::curate::form`]), each with
//! its text box (the one [`TextInput`]) or its picked ids; the row the cursor is on; the
//! picker opened on it; the file the form would write, and the problems `check` finds in it,
//! each beside the row it belongs to. Every change of a value checks the file again.

use std::sync::Arc;

use super::super::action::Edit;
use super::text_input::{Edited, TextInput};
use crate::curate::fmt::cst::Doc;
pub use crate::curate::form::FormStart;
use crate::curate::form::doc::Step;
use crate::curate::form::{self, Choice, Control, Filled, Line};
use crate::diagnostic::Severity;
use crate::i18n::Said;
use crate::model::Catalogue;
use crate::text::Lang;

/// The most characters a value of the form holds.
const CAP: usize = 2000;

/// Why the form's file is not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotSaved {
    /// A value the loader refuses (marked ✗): the entry would not load.
    DoesNotLoad,
    /// `fmt` would not write it (it does not read back the same): a bug.
    Unsafe,
}

/// A problem shown beside a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub severity: Severity,
    pub message: Said,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub line: Line,
    /// What the form can do with it here (a value of another shape is kept).
    pub control: Control,
    pub input: TextInput,
    pub ids: Vec<String>,
    pub choices: Arc<[Choice]>,
    /// Changed by the curator: only such rows are written.
    pub dirty: bool,
    pub problems: Vec<Shown>,
}

impl Row {
    fn filled(&self) -> Filled {
        match self.control {
            Control::Many(_) => Filled::Ids(self.ids.clone()),
            Control::One(_) => Filled::Text(self.ids.first().cloned().unwrap_or_default()),
            _ => Filled::Text(self.input.text().to_string()),
        }
    }

    /// The label of a picked id in the curator's language (the id itself when unknown).
    pub fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.choices.iter().find(|c| c.id == id).map_or(id, |c| c.label.as_str())
    }

    pub fn picks(&self) -> bool {
        matches!(self.control, Control::One(_) | Control::Many(_))
    }

    /// The value as the form shows it and the screen reader says it: the text typed, the
    /// labels of the ids picked (`Plomb (lead)`), or that it is kept as written; with whether
    /// it is typed in (a text box) rather than picked.
    pub fn value_text(&self, lang: Lang) -> (String, bool) {
        match self.control {
            Control::Kept => (crate::i18n::form::form_word(lang, crate::i18n::form::FormWord::Kept).to_string(), false),
            Control::One(_) | Control::Many(_) => {
                (self.ids.iter().map(|id| self.picked_label(id)).collect::<Vec<_>>().join(", "), false)
            }
            Control::Text | Control::Date | Control::Count | Control::Words => (self.input.text().to_string(), true),
        }
    }

    /// `Plomb (lead)`: the label in the curator's language, and the id that is written.
    pub fn picked_label(&self, id: &str) -> String {
        let label = self.label_of(id);
        if label == id { id.to_string() } else { format!("{label} ({id})") }
    }
}

/// The picker open on a row: what is typed, the choices that match it, best first.
#[derive(Clone, Debug)]
pub struct Picker {
    pub query: TextInput,
    pub matches: Vec<usize>,
    pub cursor: usize,
}

#[derive(Clone, Debug)]
pub struct FormState {
    pub start: FormStart,
    /// `good-practices/x.ron`: how `check` names the file.
    pub relative: String,
    base: Doc,
    pub rows: Vec<Row>,
    pub cursor: usize,
    pub picker: Option<Picker>,
    /// The file the form would write now.
    pub text: String,
    /// Problems of the whole entry, that belong to no row.
    pub whole: Vec<Shown>,
    /// Whether the entry the form would write loads (else it is not saved: the dashboard would
    /// not show it).
    pub loads: bool,
    /// The file the form would have written as it opened: what it has now differs once
    /// something was changed, which leaving must not throw away at one key.
    opened: String,
    /// Esc was pressed with changes unsaved: a second Esc leaves without saving.
    pub leaving: bool,
    /// How the file opened was written, which saving keeps: a byte-order mark (some Windows
    /// editors write one) and CRLF line ends. A save is then no whole-file diff.
    bom: bool,
    crlf: bool,
}

impl FormState {
    /// The form of `start`'s entry, its pickers' choices from `catalogue` in `lang`, checked
    /// at once. A file the form cannot read (a syntax error) is said why.
    pub fn open(start: FormStart, catalogue: &Catalogue, lang: Lang) -> Result<FormState, Said> {
        let opened = start.text.as_deref().unwrap_or_default();
        let bom = opened.starts_with('\u{feff}');
        let crlf = opened.find('\n').is_some_and(|at| opened[..at].ends_with('\r'));
        let base = match &start.text {
            Some(text) => {
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                crate::curate::fmt::cst::parse(text).map_err(|e| crate::i18n::problems::reading(&e.what))?
            }
            None => form::empty(start.kind),
        };
        let rows = form::lines(start.kind)
            .into_iter()
            .map(|line| {
                let (filled, control) = form::read(&base, &line);
                // A value with characters that cannot be typed (controls, bidi overrides, line
                // ends) is never drawn nor retyped here: it is kept as written.
                let typeable = |text: &str| text.chars().all(crate::text::is_typeable);
                let control = match &filled {
                    Filled::Text(text) if !typeable(text) => Control::Kept,
                    Filled::Ids(ids) if !ids.iter().all(|id| typeable(id)) => Control::Kept,
                    _ => control,
                };
                let filled = if control == Control::Kept { Filled::Text(String::new()) } else { filled };
                let choices = match control {
                    Control::One(from) | Control::Many(from) => form::choices(catalogue, from, lang),
                    _ => Arc::from(Vec::new()),
                };
                let (text, ids) = match (filled, control) {
                    (_, Control::Kept) => (String::new(), Vec::new()),
                    (Filled::Ids(ids), _) => (String::new(), ids),
                    (Filled::Text(text), Control::One(_)) => {
                        (String::new(), if text.is_empty() { Vec::new() } else { vec![text] })
                    }
                    (Filled::Text(text), _) => (text, Vec::new()),
                };
                // A new entry starts as a draft, as `boucle new`'s template does.
                let draft = start.text.is_none() && line.path == [Step::Field("review"), Step::Field("status")];
                let ids = if draft { vec!["draft".to_string()] } else { ids };
                // A new entry's required values are written from the start (empty), as
                // `boucle new`'s template writes them.
                let dirty = start.text.is_none() && line.required;
                Row { line, control, input: TextInput::new(&text, CAP), ids, choices, dirty, problems: Vec::new() }
            })
            .collect();
        let relative = format!("{}/{}.ron", start.kind.folder(), start.id);
        let mut form = FormState {
            start,
            relative,
            base,
            rows,
            cursor: 0,
            picker: None,
            text: String::new(),
            whole: Vec::new(),
            loads: false,
            opened: String::new(),
            leaving: false,
            bom,
            crlf,
        };
        form.check(catalogue);
        form.opened = form.text.clone();
        Ok(form)
    }

    /// Whether the form would write something else than it opened with.
    pub fn edited(&self) -> bool {
        self.text != self.opened
    }

    pub fn row(&self) -> &Row {
        &self.rows[self.cursor]
    }

    /// Writes the edited rows into the document, prints it, and checks it with the loader's
    /// own checks; each problem goes beside its row, the rest to the whole entry. A date that
    /// does not read is said as it is typed.
    pub fn check(&mut self, catalogue: &Catalogue) {
        let filled: Vec<Filled> = self.rows.iter().map(Row::filled).collect();
        let edits: Vec<(&Line, &Filled)> =
            self.rows.iter().zip(&filled).filter(|(row, _)| row.dirty).map(|(row, f)| (&row.line, f)).collect();
        let doc = form::apply(&self.base, &edits);
        self.text = crate::curate::fmt::print_entry(&doc, self.start.kind);
        let lines: Vec<Line> = self.rows.iter().map(|r| r.line.clone()).collect();
        for row in &mut self.rows {
            row.problems.clear();
            if row.control == Control::Date
                && let Some(why) = form::date_problem(row.input.text())
            {
                row.problems.push(Shown { severity: Severity::Error, message: why });
            }
        }
        self.whole.clear();
        let checked = form::problems(catalogue, self.start.kind, &self.relative, &self.text);
        self.loads = checked.loads;
        for problem in checked.problems {
            let shown = Shown { severity: problem.severity, message: problem.message.clone() };
            match form::line_of(&self.text, &problem, &lines) {
                Some(row) if !self.rows[row].problems.contains(&shown) => self.rows[row].problems.push(shown),
                Some(_) => {}
                None => self.whole.push(shown),
            }
        }
    }

    /// The text to save: the form's file in `fmt`'s layout, checked by `fmt` (read back, same
    /// values, comments kept, stable), of an entry that loads. Why not, else (never written).
    pub fn to_save(&self) -> Result<String, NotSaved> {
        if !self.loads {
            return Err(NotSaved::DoesNotLoad);
        }
        let file_type = crate::curate::fmt::FileType::Entry(self.start.kind);
        let text = crate::curate::fmt::format(&self.text, Some(file_type)).map_err(|_| NotSaved::Unsafe)?;
        Ok(self.written_as_opened(text))
    }

    /// `text` with the opened file's byte-order mark and line ends. A line end already CRLF
    /// (inside a multi-line string, kept as written) is not doubled.
    fn written_as_opened(&self, text: String) -> String {
        let mut out = String::with_capacity(text.len() + if self.crlf { text.len() / 20 } else { 0 } + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        if !self.crlf {
            out.push_str(&text);
            return out;
        }
        let mut previous = '\0';
        for c in text.chars() {
            if c == '\n' && previous != '\r' {
                out.push('\r');
            }
            out.push(c);
            previous = c;
        }
        out
    }

    pub fn up(&mut self) {
        match &mut self.picker {
            Some(picker) => picker.cursor = picker.cursor.saturating_sub(1),
            None => self.cursor = self.cursor.checked_sub(1).unwrap_or(self.rows.len() - 1),
        }
    }

    pub fn down(&mut self) {
        match &mut self.picker {
            Some(picker) => picker.cursor = (picker.cursor + 1).min(picker.matches.len().saturating_sub(1)),
            None => self.cursor = (self.cursor + 1) % self.rows.len(),
        }
    }

    /// Opens the picker on the row, if it picks, with `typed` as its query.
    pub fn open_picker(&mut self, typed: &str) -> bool {
        if !self.row().picks() {
            return false;
        }
        let mut picker = Picker { query: TextInput::new(typed, 64), matches: Vec::new(), cursor: 0 };
        narrow(&self.rows[self.cursor].choices, &mut picker);
        self.picker = Some(picker);
        true
    }

    pub fn close_picker(&mut self) {
        self.picker = None;
    }

    /// Picks the choice under the picker's cursor: added to a list (or taken out of it), or
    /// the one value (and the picker closes). Says whether the value changed.
    pub fn pick(&mut self) -> bool {
        let Some(picker) = &self.picker else { return false };
        let Some(&choice) = picker.matches.get(picker.cursor) else { return false };
        let row = &mut self.rows[self.cursor];
        let id = row.choices[choice].id.clone();
        match row.control {
            Control::Many(_) => match row.ids.iter().position(|i| *i == id) {
                Some(at) => {
                    row.ids.remove(at);
                }
                None => row.ids.push(id),
            },
            _ => {
                row.ids = vec![id];
                self.picker = None;
            }
        }
        row.dirty = true;
        true
    }

    /// An edit of the row's text, or of the picker's query; typing on a row that picks opens
    /// its picker. Says whether a value changed (the file is checked again then).
    pub fn edit(&mut self, edit: &Edit) -> Edited {
        if let Some(picker) = &mut self.picker {
            let edited = picker.query.apply(edit);
            if edited.changed() {
                narrow(&self.rows[self.cursor].choices, picker);
            }
            return Edited::Unchanged;
        }
        let row = &mut self.rows[self.cursor];
        match (row.control, edit) {
            (Control::Kept, _) => Edited::Unchanged,
            (Control::One(_) | Control::Many(_), Edit::Insert(c)) => {
                self.open_picker(&c.to_string());
                Edited::Unchanged
            }
            // Backspace on a row that picks takes the last id picked out.
            (Control::One(_) | Control::Many(_), Edit::Backspace) => match row.ids.pop() {
                Some(_) => {
                    row.dirty = true;
                    Edited::Changed
                }
                None => Edited::Unchanged,
            },
            (Control::One(_) | Control::Many(_), _) => Edited::Unchanged,
            _ => {
                let edited = row.input.apply(edit);
                if edited.changed() {
                    row.dirty = true;
                }
                edited
            }
        }
    }
}

/// The choices matching the picker's query, best first (all of them, in order, for none).
fn narrow(choices: &[Choice], picker: &mut Picker) {
    let query = crate::query::fold(picker.query.text().trim());
    picker.matches = if query.is_empty() {
        (0..choices.len()).collect()
    } else {
        let scorer = crate::query::fuzzy::TitleScorer::default();
        let mut scored: Vec<(i64, usize)> = choices
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let haystack = crate::query::fold(&format!("{} {}", c.label, c.id));
                scorer.score(&haystack, &query).map(|score| (score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    };
    picker.cursor = 0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{CatalogueSource, load};
    use crate::model::Kind;
    use std::path::PathBuf;

    fn fixture() -> Catalogue {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
        load(&CatalogueSource::Folders(vec![folder])).catalogue
    }

    fn new_practice(catalogue: &Catalogue, lang: Lang) -> FormState {
        let start = FormStart {
            kind: Kind::GoodPractice,
            id: "lead-loop".into(),
            path: PathBuf::from("good-practices/lead-loop.ron"),
            text: None,
            ends_session: true,
        };
        FormState::open(start, catalogue, lang).unwrap()
    }

    fn go_to(form: &mut FormState, field: &str) {
        form.cursor = form.rows.iter().position(|r| r.line.field() == field).unwrap();
    }

    fn type_text(form: &mut FormState, catalogue: &Catalogue, text: &str) {
        for c in text.chars() {
            if form.edit(&Edit::Insert(c)).changed() {
                form.check(catalogue);
            }
        }
    }

    fn problems_of(form: &FormState, field: &str) -> Vec<String> {
        let row = form.rows.iter().find(|r| r.line.field() == field).unwrap();
        row.problems.iter().map(|p| p.message.get(Lang::En).to_string()).collect()
    }

    #[test]
    fn a_picker_finds_by_label_in_the_curators_language_and_writes_the_id() {
        let catalogue = fixture();
        let mut form = new_practice(&catalogue, Lang::Fr);
        go_to(&mut form, "materials");
        // Typing on a row that picks opens its picker, with what was typed.
        type_text(&mut form, &catalogue, "plomb");
        let picker = form.picker.as_ref().expect("the picker opened");
        let first = &form.row().choices[picker.matches[0]];
        assert_eq!((first.id.as_str(), first.label.as_str()), ("lead", "Plomb"));
        assert!(form.pick(), "picked");
        assert!(form.picker.is_some(), "a list's picker stays open for more");
        form.picker.as_mut().unwrap().query.set("zinc");
        form.open_picker("zinc");
        form.pick();
        form.close_picker();
        form.check(&catalogue);
        assert_eq!(form.row().ids, ["lead", "zinc"]);
        assert!(form.text.contains(r#"materials: ["lead", "zinc"]"#), "{}", form.text);
        assert_eq!(form.row().label_of("lead"), "Plomb");
        // Picking again takes it out; Backspace takes the last one out.
        form.open_picker("plomb");
        form.pick();
        assert_eq!(form.row().ids, ["zinc"]);
        form.close_picker();
        assert_eq!(form.edit(&Edit::Backspace), Edited::Changed);
        form.check(&catalogue);
        assert!(!form.text.contains("materials"), "an emptied list is not written: {}", form.text);
    }

    #[test]
    fn a_picker_of_one_value_closes_on_its_pick_and_ranks_the_closest_first() {
        let catalogue = fixture();
        let mut form = new_practice(&catalogue, Lang::En);
        form.cursor = form.rows.iter().position(|r| r.line.part() == Some("region")).unwrap();
        assert!(form.open_picker("fre11"));
        let picker = form.picker.as_ref().unwrap();
        assert_eq!(form.row().choices[picker.matches[0]].id, "FRE11");
        form.pick();
        assert!(form.picker.is_none());
        form.check(&catalogue);
        assert!(form.text.contains(r#"location: (region: "FRE11")"#), "{}", form.text);
        assert!(!form.open_picker("") || form.row().picks());
        form.close_picker();
        // Up and down move the picker's cursor while it is open, the rows' otherwise.
        let row = form.cursor;
        form.down();
        assert_eq!(form.cursor, row + 1);
    }

    #[test]
    fn a_date_is_said_wrong_as_it_is_typed_and_right_once_corrected() {
        let catalogue = fixture();
        let mut form = new_practice(&catalogue, Lang::En);
        form.cursor = form.rows.iter().position(|r| r.line.part() == Some("checked")).unwrap();
        let said = |form: &FormState| -> Vec<String> {
            form.row().problems.iter().map(|p| p.message.get(Lang::En).to_string()).collect()
        };
        assert!(said(&form).iter().any(|p| p.contains("not filled in")), "{:?}", said(&form));
        type_text(&mut form, &catalogue, "2026-13");
        assert!(said(&form).iter().any(|p| p.contains("not a real calendar date")), "{:?}", said(&form));
        form.edit(&Edit::Backspace);
        type_text(&mut form, &catalogue, "2");
        assert_eq!(said(&form), Vec::<String>::new());
        assert!(form.text.contains(r#"checked: "2026-12""#), "{}", form.text);
        assert!(
            form.loads && form.to_save().is_ok(),
            "a draft with empty fields is saved: check keeps saying what it lacks"
        );
    }

    #[test]
    fn a_value_that_cannot_be_typed_is_kept_as_written_and_never_drawn() {
        let catalogue = fixture();
        let file = "GoodPractice(\n    title: \"A\\u{202e}B\",\n    summary: \"line one\\nline two\",\n    materials: [\"x\\u{1b}[2J\"],\n    review: (status: draft, checked: \"2026-01\"),\n)\n";
        let start = FormStart {
            kind: Kind::GoodPractice,
            id: "x".into(),
            path: PathBuf::from("good-practices/x.ron"),
            text: Some(file.into()),
            ends_session: false,
        };
        let form = FormState::open(start, &catalogue, Lang::En).unwrap();
        let kept: Vec<&str> = form.rows.iter().filter(|r| r.control == Control::Kept).map(|r| r.line.field()).collect();
        assert_eq!(kept, ["title", "title", "summary", "summary", "materials"], "{form:?}");
        assert!(form.rows.iter().all(|r| r.input.text().is_empty() || !r.input.text().contains('\u{202e}')));
        assert_eq!(form.text, crate::curate::fmt::format(file, None).unwrap(), "nothing edited, nothing changed");
    }

    /// A file a Windows editor wrote (a byte-order mark, CRLF line ends, one of them inside a
    /// multi-line string) opens, and is saved as it was written: the mark kept, every line
    /// end CRLF, none doubled (hostile trial: "unexpected character", then a whole-file diff).
    #[test]
    fn a_windows_file_opens_and_is_saved_with_its_mark_and_line_ends() {
        let catalogue = fixture();
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
        let id = "zinc-loop-hauts-de-france";
        let lf = std::fs::read_to_string(folder.join(format!("good-practices/{id}.ron"))).unwrap();
        let lf = lf.replace("à Gravelines, Nyrstar", "à Gravelines,\nNyrstar");
        let file = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
        let start = FormStart {
            kind: Kind::GoodPractice,
            id: id.into(),
            path: PathBuf::from(format!("good-practices/{id}.ron")),
            text: Some(file),
            ends_session: false,
        };
        let mut form = FormState::open(start, &catalogue, Lang::En).expect("opens");
        go_to(&mut form, "tags");
        type_text(&mut form, &catalogue, ", zn");
        let saved = form.to_save().expect("saved");
        assert!(saved.starts_with('\u{feff}') && !saved[3..].contains('\u{feff}'), "{saved:?}");
        assert!(saved.contains(r#""boucle du zinc", "zn"]"#), "{saved:?}");
        assert!(saved.contains("à Gravelines,\r\nNyrstar") && !saved.contains("\r\r"), "{saved:?}");
        assert_eq!(saved.matches('\n').count(), saved.matches("\r\n").count(), "{saved:?}");
    }

    #[test]
    fn check_s_problems_are_beside_their_field_and_go_once_it_is_filled() {
        let catalogue = fixture();
        let mut form = new_practice(&catalogue, Lang::En);
        assert!(problems_of(&form, "summary").iter().any(|p| p.contains("summary is empty")), "{form:?}");
        assert!(problems_of(&form, "sources").iter().any(|p| p.contains("no sources")));
        go_to(&mut form, "summary");
        type_text(&mut form, &catalogue, "Lead recycled.");
        assert_eq!(problems_of(&form, "summary"), Vec::<String>::new());
        go_to(&mut form, "tags");
        type_text(&mut form, &catalogue, "plomb, boucle");
        assert!(form.text.contains(r#"tags: ["plomb", "boucle"]"#), "{}", form.text);
        // What is saved is fmt's layout of the same file.
        assert_eq!(form.to_save().as_deref(), Ok(form.text.as_str()));
    }
}
