//! The room's presentation (`boucle serve --presentation TOUR`): one [`Hub`] that the facilitator
//! drives and every participant's dashboard watches, told who is in and who follows for the
//! console. Who may drive is a credential of its own, separate from the room's
//! (`--facilitator-password-file`, `--facilitator-keys`): a session that logged in with it gets
//! a projector that drives; every other session gets only the stages. The server's machine
//! drives too, through the local socket (`boucle present TOUR --console` there).

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use russh::MethodKind;
use russh::keys::PublicKey;

use super::access::{read_keys, read_password};
use crate::i18n::Said;
use crate::presentation::{Hub, RoomCount};

/// The facilitator's credential.
pub struct Facilitator {
    password: Option<String>,
    keys: Vec<PublicKey>,
}

impl Facilitator {
    /// From the command line's files; none given, no facilitator logs in over SSH.
    pub fn new(password_file: Option<&Path>, keys_file: Option<&Path>) -> Result<Option<Facilitator>, Said> {
        if password_file.is_none() && keys_file.is_none() {
            return Ok(None);
        }
        let password = password_file.map(read_password).transpose()?;
        let keys = keys_file.map(read_keys).transpose()?.unwrap_or_default();
        Ok(Some(Facilitator { password, keys }))
    }

    /// The methods it needs offered, beside the room's.
    pub fn methods(&self) -> Vec<MethodKind> {
        let mut kinds = Vec::new();
        if !self.keys.is_empty() {
            kinds.push(MethodKind::PublicKey);
        }
        if self.password.is_some() {
            kinds.push(MethodKind::Password);
        }
        kinds
    }

    pub fn password_ok(&self, given: &str) -> bool {
        self.password
            .as_deref()
            .is_some_and(|expected| super::access::same_bytes(expected.as_bytes(), given.as_bytes()))
    }

    /// Only for a key whose signature was verified: an offered key proves nothing.
    pub fn key_ok(&self, key: &PublicKey) -> bool {
        self.keys.iter().any(|k| k.key_data() == key.key_data())
    }
}

/// The presentation of a room, and who follows it.
pub struct RoomPresentation {
    pub hub: Arc<Hub>,
    /// The tour presented, by id.
    pub tour: String,
    following: Mutex<HashSet<u64>>,
    /// What the followers' frames share: each slide drawn once for all who see it alike.
    pub frames: Arc<super::frames::FrameShare>,
}

impl RoomPresentation {
    pub fn new(hub: Arc<Hub>, tour: String) -> RoomPresentation {
        RoomPresentation { hub, tour, following: Mutex::default(), frames: Arc::default() }
    }

    /// Session `id` follows now, or no longer; `connected` dashboards are in the room.
    pub fn set_following(&self, id: u64, following: bool, connected: usize) {
        let mut set = self.following.lock().unwrap_or_else(|p| p.into_inner());
        if following {
            set.insert(id);
        } else {
            set.remove(&id);
        }
        let count = RoomCount { connected, following: set.len() };
        drop(set);
        self.hub.count(count);
    }

    /// The room's count changed (someone came or left).
    pub fn counted(&self, connected: usize, present: impl Fn(u64) -> bool) {
        let mut set = self.following.lock().unwrap_or_else(|p| p.into_inner());
        set.retain(|id| present(*id));
        let count = RoomCount { connected, following: set.len() };
        drop(set);
        self.hub.count(count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facilitators_password_is_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("facilitator");
        std::fs::write(&file, "conduire\n").unwrap();
        let facilitator = Facilitator::new(Some(&file), None).unwrap().unwrap();
        assert!(facilitator.password_ok("conduire"));
        assert!(!facilitator.password_ok("aimant2026") && !facilitator.password_ok(""));
        assert_eq!(facilitator.methods(), [MethodKind::Password]);
        assert!(Facilitator::new(None, None).unwrap().is_none());
    }
}
