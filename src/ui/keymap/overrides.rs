//! A session's key table: [`BINDINGS`] with the keys the user's config file gives actions
//! instead. Dispatch, the help and the hints all read this one table, so they show and obey
//! the same keys. An override that names no action, a key that is no key, or a key then bound
//! twice in one context is a problem placed in the config file, and that override is left out.

use std::borrow::Cow;

use super::names::{action_name, parse_key};
use super::table::{BINDINGS, Binding, Key};
use crate::diagnostic::{Diagnostic, Position, close_candidates};
use crate::i18n::config as say;

/// One entry of the config file's `keys`: `"results.open": ["Enter", "o"]`, or `"quit": ["Q"]`
/// for the action in every context that binds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub name: String,
    pub keys: Vec<String>,
    /// Where the name is written in the config file.
    pub at: Position,
    /// Where each key is written, so that a problem with one points at it (the name's place
    /// when not known).
    pub key_at: Vec<Position>,
}

impl Override {
    /// Where the `index`th key is written, and where it ends (its quotes included).
    fn key_place(&self, index: usize) -> (Position, Position) {
        let at = self.key_at.get(index).copied().unwrap_or(self.at);
        let width = if at == self.at { self.name.chars().count() } else { self.keys[index].chars().count() };
        (at, Position::new(at.line, at.column + width + 2))
    }
}

/// The key table a session dispatches, helps and hints with.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap { bindings: BINDINGS.to_vec() }
    }
}

impl std::ops::Deref for Keymap {
    type Target = [Binding];

    fn deref(&self) -> &[Binding] {
        &self.bindings
    }
}

/// An override read: the bindings it changes, and its keys.
struct Resolved<'a> {
    given: &'a Override,
    targets: Vec<usize>,
    keys: Vec<Key>,
}

impl Keymap {
    /// The table with `overrides` applied; the problems of those that could not be, placed in
    /// `file`.
    pub fn with_overrides(overrides: &[Override], file: &str) -> (Keymap, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut resolved: Vec<Resolved> = overrides.iter().filter_map(|o| resolve(o, file, &mut problems)).collect();
        loop {
            let keymap = apply(&resolved);
            let clashes = clashes(&keymap, &resolved);
            if clashes.is_empty() {
                return (keymap, problems);
            }
            for (index, key, other) in clashes.iter().rev() {
                let given = resolved[*index].given;
                problems.push(bound_twice(given, file, key, &keymap.bindings[*other]));
            }
            let mut dropped: Vec<usize> = clashes.into_iter().map(|(index, _, _)| index).collect();
            dropped.sort_unstable();
            dropped.dedup();
            for index in dropped.into_iter().rev() {
                resolved.remove(index);
            }
        }
    }

    /// Whether a binding's keys are the user's, not the table's.
    pub fn overridden(&self, binding: &Binding) -> bool {
        matches!(binding.keys, Cow::Owned(_))
    }
}

/// Every name a config file may give an override: `quit` and `global.quit`.
pub fn every_name() -> Vec<String> {
    let mut names: Vec<String> = BINDINGS
        .iter()
        .flat_map(|b| {
            let action = action_name(&b.action);
            [format!("{}.{action}", b.context.id()), action]
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

fn targets(name: &str) -> Vec<usize> {
    let (context, action) = match name.split_once('.') {
        Some((context, action)) => (Some(context), action),
        None => (None, name),
    };
    BINDINGS
        .iter()
        .enumerate()
        .filter(|(_, b)| context.is_none_or(|c| b.context.id() == c) && action_name(&b.action) == action)
        .map(|(i, _)| i)
        .collect()
}

fn resolve<'a>(given: &'a Override, file: &str, problems: &mut Vec<Diagnostic>) -> Option<Resolved<'a>> {
    let end = Position::new(given.at.line, given.at.column + given.name.chars().count() + 2);
    let targets = targets(&given.name);
    if targets.is_empty() {
        let names = every_name();
        let close = close_candidates(&given.name, names.iter().map(String::as_str));
        let help = crate::i18n::did_you_mean(&close.iter().take(3).copied().collect::<Vec<_>>())
            .or_else(|| Some(say::see_action_names()));
        problems.push(
            Diagnostic::error("unknown-action", file, given.at, end, say::unknown_action(&given.name)).with_help(help),
        );
        return None;
    }
    let mut keys = Vec::new();
    for (index, text) in given.keys.iter().enumerate() {
        match parse_key(text) {
            Some(key) if !keys.contains(&key) => keys.push(key),
            Some(_) => {}
            None => {
                let (at, end) = given.key_place(index);
                problems.push(
                    Diagnostic::error("unknown-key", file, at, end, say::unknown_key(text, &given.name))
                        .with_expected(say::key_examples()),
                );
                return None;
            }
        }
    }
    if keys.is_empty() {
        problems.push(
            Diagnostic::error("unknown-key", file, given.at, end, say::no_key(&given.name))
                .with_expected(say::key_examples()),
        );
        return None;
    }
    Some(Resolved { given, targets, keys })
}

fn apply(resolved: &[Resolved]) -> Keymap {
    let mut keymap = Keymap::default();
    for one in resolved {
        for &target in &one.targets {
            keymap.bindings[target].keys = Cow::Owned(one.keys.clone());
        }
    }
    keymap
}

/// Each override whose key another binding of the same context also has: (the override, the
/// key, the other binding).
fn clashes(keymap: &Keymap, resolved: &[Resolved]) -> Vec<(usize, Key, usize)> {
    let mut found = Vec::new();
    for (index, one) in resolved.iter().enumerate() {
        for &target in &one.targets {
            let binding = &keymap.bindings[target];
            for key in &one.keys {
                let other = keymap.bindings.iter().enumerate().find(|(i, b)| {
                    *i != target && b.context == binding.context && b.action != binding.action && b.keys.contains(key)
                });
                if let Some((other, _)) = other
                    && !found.iter().any(|(i, k, _)| *i == index && k == key)
                {
                    found.push((index, *key, other));
                }
            }
        }
    }
    found
}

fn bound_twice(given: &Override, file: &str, key: &Key, other: &Binding) -> Diagnostic {
    let written = given.keys.iter().position(|text| parse_key(text).as_ref() == Some(key));
    let (at, end) = given.key_place(written.unwrap_or(usize::MAX));
    let key = super::names::key_spelling(key);
    let other_name = format!("{}.{}", other.context.id(), action_name(&other.action));
    Diagnostic::error("key-bound-twice", file, at, end, say::bound_twice(&key, &given.name, &other_name))
        .with_help(Some(say::give_another_key(&other_name)))
}

#[cfg(test)]
mod tests {
    use super::super::context::Context;
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn given(name: &str, keys: &[&str]) -> Override {
        let keys = keys.iter().map(|k| k.to_string()).collect();
        Override { name: name.into(), keys, at: Position::new(3, 5), key_at: Vec::new() }
    }

    #[test]
    fn an_override_changes_the_keys_of_its_action_only() {
        let (keymap, problems) = Keymap::with_overrides(&[given("global.quit", &["Q"])], "config.ron");
        assert!(problems.is_empty(), "{problems:?}");
        let quit: Vec<&Binding> =
            keymap.iter().filter(|b| b.action == super::super::super::action::Action::Quit).collect();
        let global = quit.iter().find(|b| b.context == Context::Global).unwrap();
        assert_eq!(&global.keys[..], &[Key { code: KeyCode::Char('Q'), modifiers: KeyModifiers::NONE }]);
        let always = quit.iter().find(|b| b.context == Context::Always).unwrap();
        assert_eq!(always.keys[0].modifiers, KeyModifiers::CONTROL);
    }

    #[test]
    fn a_key_bound_twice_leaves_the_override_out_and_says_where() {
        let (keymap, problems) = Keymap::with_overrides(&[given("results.open", &["m"])], "config.ron");
        assert_eq!(problems.len(), 0, "m is global, open is in results: stacked, not twice");
        assert!(
            keymap.iter().any(|b| b.context == Context::Results && b.keys.iter().any(|k| k.code == KeyCode::Char('m')))
        );
        let (keymap, problems) = Keymap::with_overrides(&[given("results.open", &["g"])], "config.ron");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "key-bound-twice");
        assert_eq!(problems[0].start, Position::new(3, 5));
        let open = keymap
            .iter()
            .find(|b| b.context == Context::Results && b.action == super::super::super::action::Action::Open);
        assert!(!keymap.overridden(open.unwrap()));
    }

    #[test]
    fn an_unknown_action_gets_the_closest_names() {
        let (_, problems) = Keymap::with_overrides(&[given("global.quitt", &["Q"])], "config.ron");
        assert_eq!(problems[0].code, "unknown-action");
        let help = problems[0].suggestion.as_ref().unwrap().get(crate::text::Lang::En);
        assert!(help.contains("global.quit"), "{help}");
    }
}
