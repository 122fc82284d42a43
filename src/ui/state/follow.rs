//! The dashboard's hold on a shared presentation ([`crate::presentation`]): what part it plays
//! (the projector or the console, which drive; a participant, who may follow), the newest
//! stage it was told, whether it follows now, and the clocks the console shows, read by the
//! loop's tick so that views never read the time themselves.

use super::TextInput;
use crate::presentation::Stage;

/// The part a dashboard plays in a presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The facilitator's present mode: it drives (its present keys are sent to the hub).
    Projector,
    /// The facilitator's console: it drives, and shows the notes, the next stop and the clocks.
    Console,
    /// A participant in the room: never drives; follows with `f` when it wants to.
    Follower,
}

impl Role {
    pub fn drives(self) -> bool {
        matches!(self, Role::Projector | Role::Console)
    }
}

#[derive(Clone, Debug, Default)]
pub struct FollowState {
    pub(in crate::ui) role: Option<Role>,
    pub(in crate::ui) stage: Option<Stage>,
    /// A participant following (present layout moving with the driver).
    pub(in crate::ui) following: bool,
    /// Milliseconds since the Unix epoch, and seconds since local midnight, at the last tick.
    pub(in crate::ui) now_ms: u64,
    pub(in crate::ui) local_seconds: u32,
    /// The room line being typed (`l`, who drives): Enter posts it.
    pub(in crate::ui) typing: Option<TextInput>,
    /// The presentation was lost (its holder ended, no take-over): said even over a slide.
    pub(in crate::ui) lost: bool,
}

impl FollowState {
    pub fn new(role: Option<Role>) -> FollowState {
        FollowState { role, ..FollowState::default() }
    }

    pub fn role(&self) -> Option<Role> {
        self.role
    }

    pub fn stage(&self) -> Option<&Stage> {
        self.stage.as_ref()
    }

    pub fn following(&self) -> bool {
        self.following
    }

    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    pub fn local_seconds(&self) -> u32 {
        self.local_seconds
    }

    pub fn lost(&self) -> bool {
        self.lost
    }

    pub fn typing(&self) -> Option<&TextInput> {
        self.typing.as_ref()
    }

    /// Keeps `stage` unless an older one of the same deck (stages may cross on their way).
    pub fn take(&mut self, stage: Stage) -> bool {
        if self.stage.as_ref().is_some_and(|s| s.deck == stage.deck && s.version > stage.version) {
            return false;
        }
        self.stage = Some(stage);
        true
    }
}
