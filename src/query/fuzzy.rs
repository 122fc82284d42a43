//! The one place fuzzy-matcher is used: scoring a candidate's (folded) title against the
//! query, to order candidates the index already found, and the form's pickers' choices.
//! Swapping the matcher means changing this file only.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Scores folded titles against a folded query. `Send + Sync`; keeps no state between calls
/// that changes results.
pub struct TitleScorer {
    matcher: SkimMatcherV2,
}

impl Default for TitleScorer {
    fn default() -> Self {
        TitleScorer { matcher: SkimMatcherV2::default().ignore_case() }
    }
}

impl TitleScorer {
    /// A score, higher for a closer match (consecutive characters, word starts), or `None`
    /// when the pattern's characters do not all occur in order.
    pub fn score(&self, folded_title: &str, folded_pattern: &str) -> Option<i64> {
        self.matcher.fuzzy_match(folded_title, folded_pattern)
    }
}
