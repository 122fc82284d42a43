//! Building an [`EntryDoc`](super::EntryDoc) of an entry: its heading facts, then its blocks:
//! the ones only one kind of entry has, in the order each kind's template reads (its own facts
//! first, then its texts), and the ones every entry has. The document's shape is
//! [`super::doc`]'s; this file fills it.

use super::doc::{
    Block, EntryDoc, EntryName, Field, Link, ReviewItem, SourceItem, StopItem, Term, Value, dates, join, link_targets,
};
use crate::i18n::{Msg, kind_name, progress_name, status_name, t};
use crate::model::{Details, Entries, Entry, Id, Vocabulary};
use crate::text::{Lang, LocalText};

impl EntryDoc {
    /// The document of `entry`, which belongs to `catalogue`, in `lang`.
    pub fn new(catalogue: &dyn Entries, entry: &Entry, lang: Lang) -> EntryDoc {
        let mut doc = EntryDoc {
            id: entry.id.clone(),
            kind: entry.kind,
            kind_word: kind_name(lang, entry.kind),
            title: entry.title().get(lang).to_string(),
            place: place(catalogue, entry, lang),
            dates: entry.span().map(|(start, end)| dates(Some(start), end)),
            summary: entry.summary().get(lang).to_string(),
            blocks: Vec::new(),
        };
        let mut b = Builder::new(catalogue, lang);
        b.prose(Msg::Description, &entry.common.description);
        kind_blocks(&mut b, entry);
        b.common_fields(entry);
        b.links(entry);
        b.sources(entry);
        b.review(entry);
        doc.blocks = b.blocks;
        doc.keep_units_together();
        doc
    }
}

fn place(catalogue: &dyn Entries, entry: &Entry, lang: Lang) -> Option<String> {
    let location = entry.common.location.as_ref()?;
    let code = &location.region;
    let region = catalogue.vocabularies().regions.get(code.as_str()).map(|r| r.label.get(lang).to_string());
    let place = location.place.as_ref().map(|p| p.get(lang).to_string());
    Some(match (place, region) {
        (Some(p), Some(r)) if p != r => format!("{p}, {r} ({code})"),
        (Some(p), _) => format!("{p} ({code})"),
        (None, Some(r)) => format!("{r} ({code})"),
        (None, None) => code.to_string(),
    })
}

fn kind_blocks(b: &mut Builder<'_>, entry: &Entry) {
    let lang = b.lang;
    b.end_fields();
    match &entry.details {
        Details::GoodPractice(d) => {
            b.entries(Msg::MainInstitution, &d.main_institution);
            let timescale = d.timescale.as_ref().map(|ts| b.progress(ts));
            b.text(Msg::Timescale, timescale);
            b.prose(Msg::ResourcesNeeded, &d.resources_needed);
            b.prose(Msg::EvidenceOfSuccess, &d.evidence_of_success);
            b.prose(Msg::Difficulties, &d.difficulties);
            b.prose(Msg::TransferPotential, &d.transfer_potential);
            b.prose(Msg::FurtherInformation, &d.further_information);
        }
        Details::SiteVisit(d) => {
            b.text(Msg::Site, d.site.as_ref().map(|s| s.get(lang).to_string()));
            b.entries(Msg::Host, &d.host);
            b.text(Msg::Dates, d.start.map(|start| dates(Some(start), d.end)));
            b.entries(Msg::Programme, &d.programme);
            b.prose(Msg::Seen, &d.seen);
            b.prose(Msg::Takeaways, &d.takeaways);
        }
        Details::Event(d) => {
            b.entries(Msg::Organisers, &d.organisers);
            b.text(Msg::Dates, d.start.map(|start| dates(Some(start), d.end)));
            b.text(Msg::Venue, d.venue.as_ref().map(|v| v.get(lang).to_string()));
            b.text(Msg::Participants, d.participants.map(|p| p.to_string()));
            b.entries(Msg::Programme, &d.programme);
        }
        Details::Tour(d) => {
            b.entries(Msg::Organisers, &d.organisers);
            b.text(Msg::Dates, Some(dates(d.start, d.end)));
            let stops = d
                .stops
                .iter()
                .enumerate()
                .map(|(i, stop)| StopItem {
                    number: i + 1,
                    entry: EntryName::new(b.catalogue, &stop.entry, lang),
                    note: stop.note.as_ref().map(|n| n.get(lang).to_string()).filter(|n| !n.trim().is_empty()),
                })
                .collect();
            // A tour is its stops: the heading stays even before any is written.
            b.push(Block::Stops { label: t(lang, Msg::Stops), stops });
        }
        Details::Organisation(d) => {
            let vocabulary = &b.catalogue.vocabularies().organisation_types;
            let org_type = d.org_type.iter().map(|id| Term {
                id: id.to_string(),
                label: vocabulary.get(id.as_str()).map(|t| t.label.get(lang).to_string()).unwrap_or_default(),
            });
            b.text(Msg::ShortName, d.short_name.as_ref().map(|s| s.as_str().to_string()));
            b.field(Msg::OrganisationType, Value::Terms { terms: org_type.collect(), codes: false });
            b.field(Msg::Website, Value::Address(d.website.as_ref().map(|u| u.to_string()).unwrap_or_default()));
            b.text(Msg::Founded, d.founded.map(|f| f.to_string()));
        }
    }
}

/// Collects blocks; fields gather until a block of another sort closes them.
pub(super) struct Builder<'a> {
    pub catalogue: &'a dyn Entries,
    pub lang: Lang,
    pub blocks: Vec<Block>,
    fields: Vec<Field>,
}

impl<'a> Builder<'a> {
    pub fn new(catalogue: &'a dyn Entries, lang: Lang) -> Builder<'a> {
        Builder { catalogue, lang, blocks: Vec::new(), fields: Vec::new() }
    }

    pub fn field(&mut self, msg: Msg, value: Value) {
        if !value.is_empty() {
            self.fields.push(Field { label: t(self.lang, msg), value });
        }
    }

    pub fn text(&mut self, msg: Msg, text: Option<String>) {
        self.field(msg, Value::Text(text.unwrap_or_default()));
    }

    pub fn entries<'i>(&mut self, msg: Msg, ids: impl IntoIterator<Item = &'i Id>) {
        let names = ids.into_iter().map(|id| EntryName::new(self.catalogue, id, self.lang)).collect();
        self.field(msg, Value::Entries(names));
    }

    pub fn terms(&mut self, msg: Msg, vocabulary: &Vocabulary, ids: &[Id], codes: bool) {
        let terms = ids
            .iter()
            .map(|id| Term {
                id: id.to_string(),
                label: vocabulary.get(id.as_str()).map(|t| t.label.get(self.lang).to_string()).unwrap_or_default(),
            })
            .collect();
        self.field(msg, Value::Terms { terms, codes });
    }

    /// Ends the current group of fields, so the next ones start a block of their own.
    pub fn end_fields(&mut self) {
        if !self.fields.is_empty() {
            self.blocks.push(Block::Fields(std::mem::take(&mut self.fields)));
        }
    }

    pub fn push(&mut self, block: Block) {
        self.end_fields();
        self.blocks.push(block);
    }

    pub fn prose<const M: bool>(&mut self, msg: Msg, text: &Option<LocalText<M>>) {
        if let Some(text) = text.as_ref().map(|t| t.get(self.lang)).filter(|t| !t.trim().is_empty()) {
            self.push(Block::Prose { label: t(self.lang, msg), text: text.to_string() });
        }
    }

    pub fn progress(&self, timescale: &crate::model::entry::Timescale) -> String {
        let span = dates(timescale.start, timescale.end);
        match timescale.status.map(|p| progress_name(self.lang, p)) {
            Some(word) if span.is_empty() => word.to_string(),
            Some(word) => format!("{span} ({word})"),
            None => span,
        }
    }

    pub fn common_fields(&mut self, entry: &Entry) {
        self.end_fields();
        let (c, v) = (&entry.common, self.catalogue.vocabularies());
        self.terms(Msg::Materials, &v.materials, &c.materials, false);
        self.terms(Msg::Themes, &v.themes, &c.themes, true);
        self.terms(Msg::Stages, &v.stages, &c.stages, false);
        self.text(Msg::Tags, Some(join(c.tags.iter().map(|t| t.as_str().to_string()))));
        self.text(Msg::Project, c.project.as_ref().map(|p| p.as_str().to_string()));
        self.end_fields();
    }

    pub fn links(&mut self, entry: &Entry) {
        let lang = self.lang;
        let links: Vec<Link> = link_targets(self.catalogue, entry)
            .into_iter()
            .map(|index| {
                let linked = &self.catalogue.entry(index);
                Link {
                    index,
                    id: linked.id.clone(),
                    title: linked.title().get(lang).to_string(),
                    kind: linked.kind,
                    kind_word: kind_name(lang, linked.kind),
                }
            })
            .collect();
        if !links.is_empty() {
            self.push(Block::Links { label: t(lang, Msg::Related), links });
        }
    }

    pub fn sources(&mut self, entry: &Entry) {
        let sources: Vec<SourceItem> = entry
            .common
            .sources
            .iter()
            .map(|s| SourceItem {
                title: s.title.get(self.lang).to_string(),
                address: s.url.to_string(),
                date: s.date.map(|d| d.to_string()),
            })
            .collect();
        if !sources.is_empty() {
            self.push(Block::Sources { label: t(self.lang, Msg::Sources), sources });
        }
    }

    pub fn review(&mut self, entry: &Entry) {
        let review = &entry.common.review;
        let lang = self.lang;
        let item = ReviewItem {
            status: review.status,
            status_word: status_name(lang, review.status),
            checked_word: t(lang, Msg::Checked),
            checked: review.checked.map(|d| d.to_string()).unwrap_or_default(),
            note: review.note.as_ref().map(|n| n.get(lang).to_string()).filter(|n| !n.trim().is_empty()),
        };
        self.push(Block::Review { label: t(lang, Msg::Review), review: item });
    }
}
