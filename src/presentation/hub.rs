//! The one driver of a presentation: it applies [`Drive`]s in the order they come and tells
//! every view the new [`Stage`]. Driving is a capability: only who was handed a [`Driver`]
//! (the projector and console, a facilitator's session, the server's terminal) can send one;
//! a follower is given views only, and its views are never told the room's live picks.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use super::{Drive, RoomPicks, Stage, now_ms};

/// A view: told each new stage; answers false once it is gone, and is forgotten.
type Watcher = Box<dyn Fn(&Stage) -> bool + Send>;

/// Who a view is: a driver's sees the room's picks, a follower's never does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Driver,
    Follower,
}

pub struct Hub {
    stage: Mutex<Stage>,
    watchers: Mutex<Vec<(Seat, Watcher)>>,
}

impl Hub {
    pub fn new(stage: Stage) -> Arc<Hub> {
        Arc::new(Hub { stage: Mutex::new(stage), watchers: Mutex::new(Vec::new()) })
    }

    /// The stage now.
    pub fn stage(&self) -> Stage {
        self.stage.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Applies a drive; every view is told when it changed anything. Returns the stage after.
    pub fn drive(&self, drive: &Drive) -> Stage {
        let (stage, changed) = {
            let mut stage = self.stage.lock().unwrap_or_else(|p| p.into_inner());
            let changed = stage.apply(drive, now_ms());
            (stage.clone(), changed)
        };
        if changed {
            self.tell(&stage);
        }
        stage
    }

    /// Adds a view, told the stage now at once (a late joiner lands on the current stop).
    pub fn watch(&self, seat: Seat, watcher: impl Fn(&Stage) -> bool + Send + 'static) {
        let mut watchers = self.watchers.lock().unwrap_or_else(|p| p.into_inner());
        // Under the watchers' lock: no stage can be told between this one and the view's
        // joining.
        let stage = self.stage();
        let told = match seat {
            Seat::Driver => watcher(&stage),
            Seat::Follower => watcher(&stage.for_follower()),
        };
        if told {
            watchers.push((seat, Box::new(watcher)));
        }
    }

    /// The room's picks changed (a participant marked or unmarked): the views that drive are
    /// told, and a later [`Drive::Picks`] presents them. Not a drive: no view can send it.
    pub fn picks(&self, picks: RoomPicks) {
        let stage = {
            let mut stage = self.stage.lock().unwrap_or_else(|p| p.into_inner());
            if stage.picks.as_ref() == Some(&picks) {
                return;
            }
            stage.picks = Some(picks);
            stage.version += 1;
            stage.clone()
        };
        // A follower's stage is the same as before: it is not woken for nothing.
        self.watchers.lock().unwrap_or_else(|p| p.into_inner()).retain(|(seat, watcher)| match seat {
            Seat::Driver => watcher(&stage),
            Seat::Follower => true,
        });
    }

    /// The room's counts changed (a participant came, left, followed or broke away): views are
    /// told. Not a drive: no view can send it.
    pub fn count(&self, room: super::RoomCount) {
        let stage = {
            let mut stage = self.stage.lock().unwrap_or_else(|p| p.into_inner());
            if stage.room == Some(room) {
                return;
            }
            stage.room = Some(room);
            stage.version += 1;
            stage.clone()
        };
        self.tell(&stage);
    }

    /// How many views are watching.
    pub fn views(&self) -> usize {
        self.watchers.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    fn tell(&self, stage: &Stage) {
        // One follower's stage for them all, made only when some follower watches.
        let mut followers: Option<Stage> = None;
        self.watchers.lock().unwrap_or_else(|p| p.into_inner()).retain(|(seat, watcher)| match seat {
            Seat::Driver => watcher(stage),
            Seat::Follower => watcher(followers.get_or_insert_with(|| stage.for_follower())),
        });
    }
}

/// The right to drive a presentation: the hub itself in its own process, or the socket to the
/// process that holds it.
#[derive(Clone)]
pub enum Driver {
    Hub(Arc<Hub>),
    Remote(Sender<Drive>),
}

impl Driver {
    pub fn send(&self, drive: Drive) {
        match self {
            Driver::Hub(hub) => {
                hub.drive(&drive);
            }
            Driver::Remote(sender) => {
                let _ = sender.send(drive);
            }
        }
    }
}

impl std::fmt::Debug for Driver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Driver::Hub(_) => "Driver::Hub",
            Driver::Remote(_) => "Driver::Remote",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presentation::Deck;
    use std::sync::mpsc::channel;

    #[test]
    fn every_view_sees_each_change_and_a_late_one_the_current_stop() {
        let hub = Hub::new(Stage::new(Deck::Tour("t".into()), 9, now_ms()));
        let (first, seen_first) = channel();
        hub.watch(Seat::Driver, move |s| first.send(s.stop).is_ok());
        hub.drive(&Drive::Next);
        hub.drive(&Drive::Next);
        let (late, seen_late) = channel();
        hub.watch(Seat::Follower, move |s| late.send(s.stop).is_ok());
        assert_eq!(seen_first.try_iter().collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(seen_late.try_iter().collect::<Vec<_>>(), [2], "a late view lands on the current stop");
    }

    #[test]
    fn a_view_gone_is_forgotten_and_no_change_tells_nobody() {
        let hub = Hub::new(Stage::new(Deck::Tour("t".into()), 2, now_ms()));
        let (gone, seen) = channel();
        hub.watch(Seat::Follower, move |s| gone.send(s.stop).is_ok());
        drop(seen);
        hub.drive(&Drive::Next);
        assert_eq!(hub.views(), 0);
        let (stays, seen) = channel();
        hub.watch(Seat::Follower, move |s| stays.send(s.stop).is_ok());
        hub.drive(&Drive::Next);
        assert_eq!(seen.try_iter().count(), 1, "past the last stop: only the joining stage");
    }

    /// Security: the room's live picks reach the views that drive, never a follower's — not
    /// when it joins, not when they change, not with a step — until the driver presents them.
    #[test]
    fn a_follower_is_never_told_the_live_picks_until_they_are_presented() {
        let hub = Hub::new(Stage::new(Deck::Tour("t".into()), 3, now_ms()));
        hub.picks(RoomPicks { participants: 2, ranked: vec![("a".into(), 2)] });
        let (driver, driven) = channel();
        hub.watch(Seat::Driver, move |s| driver.send(s.clone()).is_ok());
        let (follower, followed) = channel();
        hub.watch(Seat::Follower, move |s| follower.send(s.clone()).is_ok());
        hub.picks(RoomPicks { participants: 3, ranked: vec![("a".into(), 3)] });
        hub.drive(&Drive::Next);
        let driven: Vec<Stage> = driven.try_iter().collect();
        let followed: Vec<Stage> = followed.try_iter().collect();
        assert_eq!(driven.len(), 3, "joining, the picks, the step");
        assert!(driven.iter().all(|s| s.picks.is_some()));
        assert_eq!(followed.len(), 2, "joining and the step: a change of picks does not wake it");
        assert!(followed.iter().all(|s| s.picks.is_none()), "{followed:?}");
        hub.drive(&Drive::Picks);
        let presented = hub.stage();
        assert_eq!(presented.deck, Deck::Picks(RoomPicks { participants: 3, ranked: vec![("a".into(), 3)] }));
    }
}
