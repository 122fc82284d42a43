//! What the views and tests read of the shortlist, the export dialog and the entry pane's
//! addresses: the [`App`]'s accessors for those parts, kept beside the rest of the app's.

use std::path::PathBuf;

use super::app::App;
use super::state::{ExportDialog, SearchBox};
use crate::model::Id;
use crate::shortlist::Shortlist;

impl App {
    pub fn shortlist(&self) -> &Shortlist {
        &self.shortlist
    }

    /// Where the shortlist is saved; `None` when it is not.
    pub fn shortlist_file(&self) -> Option<&std::path::Path> {
        self.shortlist_file.as_deref()
    }

    pub fn shortlist_only(&self) -> bool {
        self.shortlist_only
    }

    pub fn shortlist_cursor(&self) -> usize {
        self.shortlist_cursor
    }

    /// The filters pane starts with an "in my shortlist" row once something is marked.
    pub fn shows_shortlist_row(&self) -> bool {
        !self.shortlist.is_empty() || self.shortlist_only
    }

    pub fn is_marked(&self, id: &Id) -> bool {
        self.shortlist.contains(id.as_str())
    }

    pub fn note_box(&self) -> &SearchBox {
        &self.note
    }

    pub fn export_dialog(&self) -> &ExportDialog {
        &self.export
    }

    pub fn catalogue_dirs(&self) -> &[PathBuf] {
        &self.catalogue_dirs
    }

    /// The web addresses of the shown entry (websites, then sources), which the entry pane lets
    /// the user choose after its related entries: choice `links().len() + i` is address `i`.
    pub fn addresses(&self) -> Vec<String> {
        let catalogue = self.catalogue();
        self.shown_entry().map_or_else(Vec::new, |i| {
            let doc = crate::export::EntryDoc::new(catalogue, &catalogue.entries()[i], self.lang);
            crate::export::handout::addresses(&doc)
        })
    }

    /// The address chosen in the entry pane, if the choice is an address.
    pub fn chosen_address(&self) -> Option<String> {
        let chosen = self.trail.link()?;
        let links = self.links().len();
        chosen.checked_sub(links).and_then(|i| self.addresses().into_iter().nth(i))
    }
}
