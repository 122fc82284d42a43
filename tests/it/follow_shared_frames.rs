//! A room draws each stop once for the followers who see it alike and shares the buffer
//! (`serve::frames`): a follower's screen must be exactly what its own drawing would have
//! shown, whoever drew the shared part — at every size, in both languages, blank, with its own
//! mark and clock, with the room line, after breaking away and rejoining — and followers who
//! see it alike must really share it (one drawing, the others copies).

use crate::common;

use std::time::{Duration, Instant};

use boucle::presentation::{Deck, Drive, Hub, Stage, now_ms};
use boucle::serve::frames::FrameShare;
use boucle::text::Lang;
use boucle::ui::state::Role;
use boucle::ui::update::{presented, tick};
use boucle::ui::{App, Options, Screen};
use common::ui::{app_sized, buffer_text, draw, keys};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const TOUR: &str = "peer-review-lille-2025";

fn hub() -> std::sync::Arc<Hub> {
    Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms()))
}

fn follower(lang: Lang, (width, height): (u16, u16)) -> App {
    app_sized(Options { lang, presenting: Some(Role::Follower), ..Options::default() }, width, height)
}

/// Tells `app` the hub's stage, as the hub tells a follower's seat.
fn tell(app: &mut App, hub: &Hub) {
    presented(app, hub.stage().for_follower());
}

/// `app`'s frame as its session draws it in a room: through the share.
fn through(share: &FrameShare, app: &App) -> Buffer {
    let (width, height) = app.shared().size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| drop(share.draw(frame, app))).unwrap();
    terminal.backend().buffer().clone()
}

/// Each follower's frame through the share is its own frame, cell for cell (colours too).
fn each_sees_its_own(share: &FrameShare, apps: &[&App]) {
    for app in apps {
        let (shared, own) = (through(share, app), draw(app));
        assert_eq!(shared, own, "through the share:\n{}\nits own:\n{}", buffer_text(&shared), buffer_text(&own));
    }
}

/// Two followers on the same stop, one of them with the stop marked and a clock a minute on.
fn two_on_a_stop(hub: &Hub, lang: Lang, size: (u16, u16)) -> (App, App) {
    let (mut first, mut second) = (follower(lang, size), follower(lang, size));
    let now = Instant::now();
    for app in [&mut first, &mut second] {
        tell(app, hub);
        keys(app, "f");
        tick(app, now);
    }
    keys(&mut second, "m");
    tick(&mut second, now + Duration::from_secs(65));
    (first, second)
}

#[test]
fn a_followers_screen_through_the_share_is_its_own_at_every_size_and_in_both_languages() {
    let hub = hub();
    hub.drive(&Drive::Next);
    hub.drive(&Drive::RoomLine(Some("Pause jusqu'à 10 h 30".into())));
    for lang in Lang::ALL {
        for size in [(120, 40), (80, 24), (200, 60), (160, 45), (60, 15)] {
            let share = FrameShare::default();
            let (mut first, mut second) = two_on_a_stop(&hub, lang, size);
            each_sees_its_own(&share, &[&first, &second]);
            assert_eq!(share.counts(), (1, 1), "{lang:?} {size:?}: drawn once, copied once");
            let (mine, theirs) = (buffer_text(&through(&share, &second)), buffer_text(&through(&share, &first)));
            assert!(mine.contains("01:05") && !theirs.contains("01:05"), "the clock is its own\n{mine}");
            if size.0 >= 120 {
                // Narrower, the footer's left part is cut before the star.
                assert!(mine.contains("★") && !theirs.contains("★"), "the mark is its own\n{mine}");
                assert!(mine.contains("10 h 30"), "the room line\n{mine}");
            }

            hub.drive(&Drive::Next);
            tell(&mut first, &hub);
            tell(&mut second, &hub);
            each_sees_its_own(&share, &[&second, &first]);
            hub.drive(&Drive::Prev);
        }
    }
}

#[test]
fn a_blank_room_shows_every_follower_its_own_pause_screen_drawn_once() {
    let hub = hub();
    let (mut first, mut second) = two_on_a_stop(&hub, Lang::Fr, (120, 40));
    hub.drive(&Drive::Blank);
    tell(&mut first, &hub);
    tell(&mut second, &hub);
    let share = FrameShare::default();
    each_sees_its_own(&share, &[&first, &second]);
    assert_eq!(share.counts(), (1, 1));
    assert!(buffer_text(&through(&share, &second)).contains("Pause"), "{}", buffer_text(&draw(&second)));
}

#[test]
fn followers_of_other_sizes_or_languages_draw_their_own() {
    let hub = hub();
    let share = FrameShare::default();
    let (wide, _) = two_on_a_stop(&hub, Lang::En, (120, 40));
    let (narrow, _) = two_on_a_stop(&hub, Lang::En, (100, 30));
    let (french, _) = two_on_a_stop(&hub, Lang::Fr, (120, 40));
    each_sees_its_own(&share, &[&wide, &narrow, &french]);
    assert_eq!(share.counts(), (3, 0), "nothing shared between frames that differ");
}

#[test]
fn a_follower_who_breaks_away_draws_alone_and_shares_again_when_it_rejoins() {
    let hub = hub();
    let share = FrameShare::default();
    let (mut first, mut second) = two_on_a_stop(&hub, Lang::En, (120, 40));
    each_sees_its_own(&share, &[&first, &second]);
    keys(&mut second, "/");
    assert_ne!(second.screen(), Screen::Present, "a browsing key breaks away");
    each_sees_its_own(&share, &[&second]);
    assert_eq!(share.counts(), (1, 1), "a browsing screen is drawn whole, not shared");

    hub.drive(&Drive::Next);
    tell(&mut first, &hub);
    tell(&mut second, &hub);
    keys(&mut second, "\u{1b}");
    keys(&mut second, "f");
    assert_eq!((second.screen(), second.present().position()), (Screen::Present, 1), "rejoined on the current stop");
    each_sees_its_own(&share, &[&first, &second]);
    assert_eq!(share.counts(), (2, 2));
    // The zoom (a reading key a follower keeps) is the follower's own: drawn whole.
    keys(&mut second, "z");
    each_sees_its_own(&share, &[&second]);
    assert_eq!(share.counts(), (2, 2));
}
