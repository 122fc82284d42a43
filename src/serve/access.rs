//! Who may come in: a room password, a list of public keys, or — chosen explicitly — anyone who
//! reaches the port. There is no default: a server that lets strangers in by accident is worse
//! than one that does not start.

use std::path::Path;

use crate::text::visible;
use russh::MethodKind;
use russh::MethodSet;
use russh::keys::PublicKey;
use russh::keys::ssh_key::AuthorizedKeys;

use crate::i18n::Said;
use crate::i18n::commands::at_path;
use crate::i18n::problems::io_problem;
use crate::i18n::room as console;

pub enum Access {
    /// `--open`: every connection is let in, without a password.
    Open,
    Checked {
        password: Option<String>,
        keys: Vec<PublicKey>,
    },
}

impl Access {
    pub fn new(password_file: Option<&Path>, authorized_keys: Option<&Path>, open: bool) -> Result<Access, Said> {
        if open {
            if password_file.is_some() || authorized_keys.is_some() {
                return Err(console::open_alone());
            }
            return Ok(Access::Open);
        }
        let password = password_file.map(read_password).transpose()?;
        let keys = authorized_keys.map(read_keys).transpose()?.unwrap_or_default();
        if password.is_none() && authorized_keys.is_none() {
            return Err(console::say_who_may_come_in());
        }
        Ok(Access::Checked { password, keys })
    }

    /// The methods offered to clients.
    pub fn methods(&self) -> MethodSet {
        let kinds: Vec<MethodKind> = match self {
            Access::Open => vec![MethodKind::None, MethodKind::Password, MethodKind::PublicKey],
            Access::Checked { password, keys } => {
                let mut kinds = Vec::new();
                if !keys.is_empty() {
                    kinds.push(MethodKind::PublicKey);
                }
                if password.is_some() {
                    kinds.push(MethodKind::Password);
                }
                kinds
            }
        };
        MethodSet::from(&kinds[..])
    }

    /// Participants log in with keys, so each can be known again after a reconnection.
    pub fn has_keys(&self) -> bool {
        matches!(self, Access::Checked { keys, .. } if !keys.is_empty())
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Access::Open)
    }

    pub fn password_ok(&self, given: &str) -> bool {
        match self {
            Access::Open => true,
            Access::Checked { password: Some(expected), .. } => same_bytes(expected.as_bytes(), given.as_bytes()),
            Access::Checked { password: None, .. } => false,
        }
    }

    /// The name the authorized_keys file gives `key` (its comment: `alice@laptop`), cleaned of
    /// anything a terminal would obey and cut to [`NAME_MAX`] characters; none without one.
    pub fn key_name(&self, key: &PublicKey) -> Option<String> {
        let Access::Checked { keys, .. } = self else { return None };
        let listed = keys.iter().find(|k| k.key_data() == key.key_data())?;
        let clean = crate::text::sanitize(listed.comment().as_str_lossy(), crate::text::Lines::Single);
        let clean = clean.trim();
        if clean.is_empty() {
            return None;
        }
        let mut name: String = clean.chars().take(NAME_MAX).collect();
        if clean.chars().count() > NAME_MAX {
            name.push('…');
        }
        Some(name)
    }

    pub fn key_ok(&self, key: &PublicKey) -> bool {
        match self {
            Access::Open => true,
            Access::Checked { keys, .. } => keys.iter().any(|k| k.key_data() == key.key_data()),
        }
    }
}

/// The most characters of a key's name shown in the console.
pub const NAME_MAX: usize = 32;

/// Compares in a time that does not depend on where the first difference is.
pub(super) fn same_bytes(expected: &[u8], given: &[u8]) -> bool {
    let mut difference = expected.len() ^ given.len();
    for (i, &byte) in expected.iter().enumerate() {
        difference |= usize::from(byte ^ given.get(i).copied().unwrap_or(!byte));
    }
    difference == 0
}

pub(super) fn read_password(path: &Path) -> Result<String, Said> {
    let shown = visible::path(path).to_string();
    let bytes = crate::files::read_regular(path).map_err(|e| at_path(&shown, &io_problem(&e)))?;
    let text = String::from_utf8(bytes).map_err(|_| console::not_utf8(&shown))?;
    let password = text.lines().next().unwrap_or("").to_string();
    if password.is_empty() {
        return Err(console::empty_password(&shown));
    }
    // Spaces alone are a password nobody chose: most likely a file emptied by hand.
    if password.trim().is_empty() {
        return Err(console::blank_password(&shown));
    }
    Ok(password)
}

pub(super) fn read_keys(path: &Path) -> Result<Vec<PublicKey>, Said> {
    let shown = visible::path(path).to_string();
    // Read only if a regular file (a FIFO would block the start), then parsed as OpenSSH does.
    let bytes = crate::files::read_regular(path).map_err(|e| at_path(&shown, &io_problem(&e)))?;
    let text = String::from_utf8(bytes).map_err(|_| console::not_utf8(&shown))?;
    let keys: Vec<_> = AuthorizedKeys::new(&text)
        .collect::<Result<_, _>>()
        .map_err(|e| console::unreadable_keys(&shown, &e.to_string()))?;
    if keys.is_empty() {
        return Err(console::no_public_key(&shown));
    }
    Ok(keys.into_iter().map(|entry: russh::keys::ssh_key::authorized_keys::Entry| entry.public_key().clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nobody_gets_in_by_default() {
        let error = Access::new(None, None, false).err().unwrap();
        assert!(error.get(crate::text::Lang::En).contains("--open"), "{error:?}");
        assert!(error.get(crate::text::Lang::Fr).contains("--open"), "{error:?}");
    }

    #[test]
    fn the_room_password_is_the_first_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("password");
        std::fs::write(&file, "aimant2026\n").unwrap();
        let access = Access::new(Some(&file), None, false).unwrap();
        assert!(access.password_ok("aimant2026"));
        assert!(!access.password_ok("aimant2025"));
        assert!(!access.password_ok("aimant20266"));
        assert!(!access.password_ok(""));
    }

    #[test]
    fn a_keys_name_is_its_comment_cleaned_and_cut() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("authorized_keys");
        let key = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        let other = "AAAAC3NzaC1lZDI1NTE5AAAAIB8QnHqcRkTJ3GTkUD6PyWrNfYnvkLvLYhbPjM1fGc1c";
        let long = "x".repeat(80);
        std::fs::write(&file, format!("ssh-ed25519 {key} alice@laptop\nssh-ed25519 {other} \u{1b}[31m{long}\n"))
            .unwrap();
        let access = Access::new(None, Some(&file), false).unwrap();
        let Access::Checked { keys, .. } = &access else { panic!() };
        assert_eq!(access.key_name(&keys[0]).as_deref(), Some("alice@laptop"));
        let cut = access.key_name(&keys[1]).unwrap();
        assert!(!cut.contains('\u{1b}') && cut.chars().count() == NAME_MAX + 1 && cut.ends_with('…'), "{cut}");
        assert_eq!(Access::Open.key_name(&keys[0]), None);
    }

    #[test]
    fn an_empty_password_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("password");
        std::fs::write(&file, "\n").unwrap();
        assert!(Access::new(Some(&file), None, false).is_err());
    }

    #[test]
    fn a_password_of_spaces_alone_is_an_error_that_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("password");
        std::fs::write(&file, "   \t \nsecret\n").unwrap();
        let error = Access::new(Some(&file), None, false).err().expect("refused");
        assert!(error.get(crate::text::Lang::En).ends_with("holds only spaces"), "{error:?}");
        assert!(error.get(crate::text::Lang::Fr).ends_with("ne contient que des espaces"), "{error:?}");
    }
}
