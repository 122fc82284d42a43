//! The texts of a cache's problems, checked on the archive as its entries' texts are (the
//! model's archived types verify themselves while rkyv validates a section: `SafeString`,
//! `LocalText`, `WebAddress`; ids are checked as they are read back). A problem's words are
//! cleaned when it is made (`Diagnostic::error`), its code is a short word of lowercase
//! letters and dashes: a cache whose problems say otherwise was not written by a load, and is
//! refused. The file texts the problems quote are the files as they are, and are made
//! displayable when quoted.
//!
//! Each check reads archived values only, so it stays valid for a cache read in place.

use super::format::ArchivedMeta;
use crate::diagnostic::ArchivedDiagnostic;
use crate::text::is_sanitized;

/// Whether every problem in `meta` reads as a load writes one.
pub fn meta_is_clean(meta: &ArchivedMeta) -> bool {
    meta.diagnostics.iter().all(diagnostic_is_clean)
}

fn diagnostic_is_clean(problem: &ArchivedDiagnostic) -> bool {
    let code = problem.code.as_str();
    let code_ok = !code.is_empty()
        && code.len() <= 64
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let optional = [&problem.expected, &problem.suggestion, &problem.french.expected, &problem.french.suggestion];
    code_ok
        && [&problem.file, &problem.message, &problem.french.message].into_iter().all(|s| is_sanitized(s))
        && optional.into_iter().all(|s| s.as_ref().is_none_or(|s| is_sanitized(s)))
        && problem
            .follow_ons
            .iter()
            .all(|f| is_sanitized(&f.file) && is_sanitized(&f.message) && is_sanitized(&f.message_fr))
}
