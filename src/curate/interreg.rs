//! `boucle check --interreg`: for each good practice, the Interreg Europe template's sections
//! it leaves empty or overfills ([`crate::model::interreg`]), at the field concerned (or the
//! entry's first line when the field is not written). Notes by default; warnings for a region
//! that submits to the database and runs `--deny-warnings`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::problems as say;
use crate::load::Locator;
use crate::model::Catalogue;
use crate::model::interreg::{Gap, gaps};

pub fn check(catalogue: &Catalogue, text_of: &dyn Fn(&str) -> Option<String>, severity: Severity) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in catalogue.entries() {
        let found = gaps(entry);
        if found.is_empty() {
            continue;
        }
        let file = entry.file().to_string();
        let text = text_of(&file).unwrap_or_default();
        let mut locator = Locator::default();
        let start_of_entry = crate::load::position_in(&text, crate::load::first_code(&text));
        for (section, gap) in found {
            let span = locator.locate_field(&text, section.field);
            let (start, end) = if span.start == crate::diagnostic::Position::START && span.end == span.start {
                (start_of_entry, start_of_entry)
            } else {
                (span.start, span.end)
            };
            let problem = match gap {
                Gap::Missing => Diagnostic::error(
                    "interreg-missing",
                    &file,
                    start,
                    end,
                    say::interreg_missing(section.name, section.field),
                )
                .with_help(Some(say::fill_in_for_interreg(section.field))),
                Gap::TooLong { lang, chars, limit } => Diagnostic::error(
                    "interreg-too-long",
                    &file,
                    start,
                    end,
                    say::interreg_too_long(section.name, lang, chars, limit),
                )
                .with_help(Some(say::shorten_it(limit))),
            };
            out.push(Diagnostic { severity, ..problem });
        }
    }
    out
}
