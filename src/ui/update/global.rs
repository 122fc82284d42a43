//! The keys that always work, whatever has the keys: quitting, suspending, reloading, the
//! form or the editor on the selected entry or the problem under the panel's cursor, and a new size.

use super::super::action::{Action, Effect, Handled};
use super::super::shared::Shared;
use crate::model::Id;

/// `in_view`: the entry the screen shows ([`super::in_view::entry_in_view`]), which `e` and
/// `E` act on.
pub fn update(in_view: Option<Id>, shared: &mut Shared, action: &Action) -> Handled {
    match action {
        Action::Quit => Handled::effect(Effect::Quit),
        Action::Suspend => Handled::effect(Effect::Suspend),
        Action::Reload => Handled::effect(Effect::Reload),
        Action::OpenProblem => Handled::Done(super::edit::open_problem(shared)),
        Action::EditEntry => Handled::Done(super::form::edit_entry(in_view, shared)),
        Action::EditFile => Handled::Done(super::edit::edit_entry(in_view, shared)),
        Action::Resize { width, height } => {
            // The lists keep their cursor in sight of the rows the next frame has
            // (`frame_drawn`): nothing here measures the layout.
            shared.width = *width;
            shared.height = *height;
            Handled::done()
        }
        _ => Handled::Ignored,
    }
}
