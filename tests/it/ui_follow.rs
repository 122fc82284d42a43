//! The dashboard in a shared presentation (#21 items 1–3, 6), on the fixture's tour: the
//! projector's and console's keys are drives, the hub's stage moves them; a participant sees
//! where the facilitator is, follows with `f`, breaks away with any browsing key, rejoins on
//! the current stop, marks the stop on screen, sees a quiet pause screen and the room line,
//! and never drives, whatever key it presses. Who drives sees the room's picks on the console,
//! presents them with `p` (followers see them ranked, with their counts) and types the room
//! line with `l`; a participant never sees the live picks.

use crate::common;

use boucle::presentation::{Deck, Drive, Hub, RoomCount, RoomPicks, Stage, now_ms};
use boucle::ui::app::PresentStart;
use boucle::ui::state::Role;
use boucle::ui::update::presented;
use boucle::ui::{Action, App, Effect, Options, Screen};
use common::ui::{app_sized, keys, press, redraw, screen, status_line};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const TOUR: &str = "peer-review-lille-2025";

fn hub() -> std::sync::Arc<Hub> {
    Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms()))
}

/// Tells `app` the hub's stage as the hub tells its seat: a follower never the live picks.
fn tell(app: &mut App, hub: &Hub) {
    let stage = hub.stage();
    let stage = if app.follow().role() == Some(Role::Follower) { stage.for_follower() } else { stage };
    presented(app, stage);
    redraw(app);
}

fn picks() -> RoomPicks {
    RoomPicks {
        participants: 3,
        ranked: vec![("western-macedonia-lignite-phase-out".into(), 3), ("zinc-loop-hauts-de-france".into(), 1)],
    }
}

fn participant() -> App {
    app_sized(Options { presenting: Some(Role::Follower), ..Options::default() }, 120, 40)
}

fn facilitator(role: Role) -> App {
    let options = Options {
        present: Some(PresentStart::Tour(TOUR.into())),
        chrome: false,
        presenting: Some(role),
        ..Options::default()
    };
    app_sized(options, 120, 40)
}

fn drives(effects: &[Effect]) -> Vec<Drive> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Drive(d) => Some(d.clone()),
            _ => None,
        })
        .collect()
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    common::ui::key(app, code, KeyModifiers::NONE)
}

#[test]
fn the_projectors_keys_are_drives_and_the_stage_moves_it() {
    let hub = hub();
    let mut projector = facilitator(Role::Projector);
    tell(&mut projector, &hub);
    let effects = key(&mut projector, KeyCode::Right);
    assert_eq!(drives(&effects), [Drive::Next]);
    assert_eq!(projector.present().position(), 0, "nothing moves before the hub says so");
    for drive in drives(&effects) {
        hub.drive(&drive);
    }
    tell(&mut projector, &hub);
    assert_eq!(projector.present().position(), 1);
    assert!(screen(&projector).contains("2/4"), "{}", screen(&projector));
    assert_eq!(drives(&keys(&mut projector, "b")), [Drive::Blank]);
    assert_eq!(drives(&key(&mut projector, KeyCode::End)), [Drive::Last]);
    // `p` presents the picks; with none told (no room), it says so rather than doing nothing.
    assert!(drives(&keys(&mut projector, "p")).is_empty());
    let said = projector.shared().message().unwrap_or_default().to_string();
    assert!(said.contains("come from a room"), "{said}");
    hub.picks(picks());
    tell(&mut projector, &hub);
    assert_eq!(drives(&keys(&mut projector, "p")), [Drive::Picks]);
}

#[test]
fn the_console_shows_now_next_notes_clocks_and_the_countdown() {
    let hub = hub();
    let mut console = facilitator(Role::Console);
    tell(&mut console, &hub);
    let shown = screen(&console);
    for words in [
        "Presenter console",
        "stop 1/4",
        "Now: Visit to BringBack",
        "Next: A zinc loop between Befesa, Nyrstar and Recytech (14:00)",
        "next stop at 14:00:",
        "Day 1, morning. Open with the common thread",
        "on this stop",
        "in all",
    ] {
        assert!(shown.contains(words), "{words:?} missing from\n{shown}");
    }
    hub.drive(&Drive::Next);
    hub.drive(&Drive::Blank);
    hub.count(RoomCount { connected: 5, following: 3 });
    hub.drive(&Drive::RoomLine(Some("Pause jusqu'à 10 h 30".into())));
    tell(&mut console, &hub);
    let shown = screen(&console);
    for words in [
        "stop 2/4",
        "Day 1, afternoon. Show how a cluster",
        "SCREEN BLANK — the room rests",
        "Room: 5 connected, 3 following, 2 free",
        "Pause jusqu'à 10 h 30",
    ] {
        assert!(shown.contains(words), "{words:?} missing from\n{shown}");
    }
    assert!(!shown.contains("next stop at"), "the next stop has no clock time: no countdown\n{shown}");
}

/// The projector and the console beside it, at 80x24, show the same time in the same form (the
/// trial saw 00:07 on one and 0:11 on the other): m:ss, 67 seconds after the presentation began.
#[test]
fn the_projector_and_the_console_show_one_clock() {
    use boucle::ui::update::tick;
    let hub = Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms() - 67_000));
    let mut projector = facilitator(Role::Projector);
    let mut console = facilitator(Role::Console);
    common::ui::resize(&mut projector, 80, 24);
    common::ui::resize(&mut console, 80, 24);
    // Both views read the time at their tick: retried when the two ticks fell either side of a second.
    let clock_of = |text: &str, after: &str| -> Option<String> {
        let at = text.find(after)? + after.len();
        Some(text[at..].split_whitespace().next()?.to_string())
    };
    let mut seen = Vec::new();
    for _ in 0..3 {
        for app in [&mut projector, &mut console] {
            tell(app, &hub);
            tick(app, std::time::Instant::now());
            redraw(app);
        }
        let (on_projector, on_console) = (screen(&projector), screen(&console));
        let footer = on_projector.lines().rev().find(|l| l.contains('⏱')).unwrap_or_default().to_string();
        let shown = (clock_of(&footer, "⏱ "), clock_of(&on_console, "on this stop · "));
        seen.push((footer, on_console));
        if let (Some(projector), Some(console)) = &shown
            && projector == console
        {
            assert!(projector.starts_with("1:0") && projector.len() == 4, "m:ss: {projector}");
            return;
        }
    }
    panic!("the two clocks differ: {seen:#?}");
}

/// `g` on the console searches, and Enter takes the room to that stop; an entry the tour does
/// not hold is said to be the projector's to show, and the console's keys still drive after it.
/// On the projector, what `p` said outside a room stands in its footer until the room moves.
#[test]
fn the_console_jumps_the_room_to_a_stop_and_says_when_an_entry_is_no_stop() {
    let hub = hub();
    let mut console = facilitator(Role::Console);
    tell(&mut console, &hub);
    keys(&mut console, "g");
    keys(&mut console, "zinc loop between");
    redraw(&mut console);
    assert!(screen(&console).contains("Jump to: zinc loop between"), "{}", screen(&console));
    let effects = key(&mut console, KeyCode::Enter);
    let stop = console.present().slides().iter().position(|s| format!("{s:?}").contains("zinc-loop-hauts-de-france"));
    assert_eq!(drives(&effects), [Drive::Goto(stop.expect("the zinc loop is a stop of the tour"))]);

    keys(&mut console, "g");
    keys(&mut console, "team2");
    let effects = key(&mut console, KeyCode::Enter);
    assert!(drives(&effects).is_empty(), "{effects:?}");
    let said = console.shared().message().unwrap_or_default().to_string();
    assert!(said.contains("is not a stop here") && said.contains("g on the projector"), "{said}");
    assert_eq!(drives(&key(&mut console, KeyCode::Right)), [Drive::Next], "the console still drives");

    let mut projector = facilitator(Role::Projector);
    tell(&mut projector, &hub);
    keys(&mut projector, "p");
    redraw(&mut projector);
    assert!(screen(&projector).contains("come from a room"), "{}", screen(&projector));
    hub.drive(&Drive::Next);
    tell(&mut projector, &hub);
    assert!(!screen(&projector).contains("come from a room"), "{}", screen(&projector));
}

#[test]
fn a_participant_follows_breaks_away_and_rejoins_on_the_current_stop() {
    let hub = hub();
    hub.drive(&Drive::Next);
    hub.drive(&Drive::Next);
    let mut app = participant();
    tell(&mut app, &hub);
    assert_eq!(app.screen(), Screen::Browse, "nobody is made to follow");
    assert!(status_line(&app).contains("The facilitator is at stop 3/4 — f to follow"), "{}", status_line(&app));

    keys(&mut app, "f");
    assert_eq!(app.screen(), Screen::Present, "a late joiner lands on the current stop");
    assert_eq!(app.present().position(), 2);
    assert!(screen(&app).contains("Following, stop 3/4"), "{}", screen(&app));
    hub.drive(&Drive::Prev);
    tell(&mut app, &hub);
    assert_eq!(app.present().position(), 1, "it moves with the driver");

    let effects = key(&mut app, KeyCode::Right);
    assert!(drives(&effects).is_empty());
    assert_eq!(app.screen(), Screen::Browse, "a browsing key breaks away");
    hub.drive(&Drive::Last);
    tell(&mut app, &hub);
    assert_eq!(app.screen(), Screen::Browse, "broken away: the driver no longer moves it");
    assert!(status_line(&app).contains("stop 4/4"));

    keys(&mut app, "f");
    assert_eq!((app.screen(), app.present().position()), (Screen::Present, 3), "f rejoins at the current stop");
}

/// "Any other key to browse", as the follower's line says: a key present mode binds to nothing
/// breaks away and does what it does on the dashboard, at once (tried in a room: `2` did
/// nothing while following, only Esc broke away).
#[test]
fn a_browsing_key_present_mode_does_not_know_breaks_away_and_does_its_work() {
    let hub = hub();
    hub.drive(&Drive::Next);
    let mut app = participant();
    tell(&mut app, &hub);
    keys(&mut app, "f");
    assert_eq!(app.screen(), Screen::Present);
    keys(&mut app, "2");
    assert_eq!(app.screen(), Screen::Tours, "2 breaks away to the tours");
    assert!(status_line(&app).contains("The facilitator is at stop 2/4 — f to follow"), "{}", status_line(&app));

    keys(&mut app, "f");
    assert_eq!(app.screen(), Screen::Present, "f rejoins");
    keys(&mut app, "1");
    assert_eq!(app.screen(), Screen::Browse, "1 breaks away to the search screen");
    keys(&mut app, "f");
    keys(&mut app, "3");
    assert_eq!(app.screen(), Screen::Overview, "3 breaks away to the overview");
    // `/` is present mode's jump, which a follower has not: it opens the search at once.
    keys(&mut app, "1");
    keys(&mut app, "f");
    assert_eq!(app.screen(), Screen::Present);
    keys(&mut app, "/");
    assert_eq!(app.screen(), Screen::Browse, "/ breaks away to the search screen");
    keys(&mut app, "zinc");
    assert_eq!(common::ui::query_text(&app), "zinc", "and what follows is typed into the search");
}

/// The clock on a follower's footer, at its tick.
fn follower_clock(app: &mut App) -> String {
    boucle::ui::update::tick(app, std::time::Instant::now());
    redraw(app);
    let shown = screen(app);
    let footer = shown.lines().rev().find(|l| l.contains('⏱')).unwrap_or_default();
    footer.split("⏱ ").nth(1).and_then(|c| c.split_whitespace().next()).unwrap_or_default().to_string()
}

/// All views of one presentation show its clock: a follower who (re)follows reads the time the
/// facilitator's projector and console read, not the time since it pressed `f` (a trial saw
/// 0:46 on the projector, 0:15 and 0:02 on two followers).
#[test]
fn a_follower_shows_the_presentations_clock_however_late_it_follows() {
    let hub = Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms() - 46_000));
    let mut app = participant();
    tell(&mut app, &hub);
    keys(&mut app, "f");
    let clock = follower_clock(&mut app);
    assert!(clock == "0:46" || clock == "0:47", "the presentation's time: {clock}\n{}", screen(&app));
    // Broken away and back: still the presentation's time, not a new start.
    key(&mut app, KeyCode::Esc);
    keys(&mut app, "f");
    let clock = follower_clock(&mut app);
    assert!(clock == "0:46" || clock == "0:47", "after following again: {clock}");
}

/// A participant browsing while the facilitator blanks reads that the room rests, not only
/// where it stands; once the room is back, where it stands again.
#[test]
fn a_browsing_participant_reads_that_the_facilitator_paused() {
    let hub = hub();
    hub.drive(&Drive::Next);
    hub.drive(&Drive::Blank);
    let mut app = participant();
    tell(&mut app, &hub);
    let status = status_line(&app);
    assert!(status.contains("The facilitator has paused the presentation (stop 2/4) — f to follow"), "{status}");
    hub.drive(&Drive::Blank);
    tell(&mut app, &hub);
    assert!(status_line(&app).contains("The facilitator is at stop 2/4 — f to follow"), "{}", status_line(&app));
}

/// At 80 columns, the follower's line is read whole in both languages, beside the position and
/// the clock, even on a stop with a day and a time (a trial saw « toute autr… »), and it names
/// the key that leaves.
#[test]
fn the_follower_line_fits_an_80_column_footer_in_both_languages() {
    for (lang, said) in [
        (boucle::text::Lang::Fr, "★ Vous suivez, étape 1/4 — m marquer, Échap pour parcourir"),
        (boucle::text::Lang::En, "★ Following, stop 1/4 — m mark, Esc to browse"),
    ] {
        let hub = hub();
        let options = Options { lang, presenting: Some(Role::Follower), ..Options::default() };
        let mut app = app_sized(options, 80, 24);
        tell(&mut app, &hub);
        keys(&mut app, "f");
        keys(&mut app, "m");
        redraw(&mut app);
        let shown = screen(&app);
        let footer = shown.lines().rev().find(|l| l.contains('⏱')).unwrap_or_default();
        assert!(footer.contains(said) && footer.contains("1/4 · ⏱"), "{lang:?}: {footer}");
    }
}

/// The room line on the projector, as the room's followers see it: a line posted with `--say`
/// or the console's `l` was seen only on the console (hostile trial), never on the screen the
/// room looks at. Cleared, it goes.
#[test]
fn the_room_line_shows_on_the_projector() {
    let hub = hub();
    let mut projector = facilitator(Role::Projector);
    common::ui::resize(&mut projector, 80, 24);
    tell(&mut projector, &hub);
    hub.drive(&Drive::RoomLine(Some("hello there".into())));
    tell(&mut projector, &hub);
    let shown = screen(&projector);
    let footer = shown.lines().rev().find(|l| l.contains('⏱')).unwrap_or_default();
    assert!(footer.contains("📣 hello there"), "{shown}");
    hub.drive(&Drive::RoomLine(None));
    tell(&mut projector, &hub);
    assert!(!screen(&projector).contains("hello there"), "{}", screen(&projector));
}

#[test]
fn a_follower_marks_the_stop_on_screen_and_sees_the_pause_screen() {
    let hub = hub();
    hub.drive(&Drive::Next);
    let mut app = participant();
    tell(&mut app, &hub);
    keys(&mut app, "f");
    keys(&mut app, "m");
    assert!(app.shared().shortlist().contains("zinc-loop-hauts-de-france"), "m marks the stop shown");
    assert_eq!(app.screen(), Screen::Present, "marking does not break away");
    assert!(screen(&app).contains("★ Following"), "{}", screen(&app));
    hub.drive(&Drive::Blank);
    tell(&mut app, &hub);
    let shown = screen(&app);
    assert!(shown.contains("Pause — the presentation comes back soon"), "{shown}");
    assert!(!shown.contains("zinc"), "nothing of the slide under the pause\n{shown}");
}

#[test]
fn the_room_line_shows_on_every_participants_status_line_until_cleared() {
    let hub = hub();
    let mut app = participant();
    hub.drive(&Drive::RoomLine(Some("Next: the Battri visit\x1b[2J".into())));
    tell(&mut app, &hub);
    let status = status_line(&app);
    assert!(status.contains("Next: the Battri visit[2J") && !status.contains('\x1b'), "{status}");
    hub.drive(&Drive::RoomLine(None));
    tell(&mut app, &hub);
    assert!(!status_line(&app).contains("Battri"), "{}", status_line(&app));
}

/// Security: a participant's keys are never drives, whether it follows or not, whatever it
/// presses (every key of the table, and the present mode it may start on its own).
#[test]
fn a_participants_keys_never_drive() {
    let hub = hub();
    let mut app = participant();
    tell(&mut app, &hub);
    let mut all = Vec::new();
    for round in 0..3 {
        if round == 1 {
            keys(&mut app, "f");
        }
        if round == 2 {
            press(&mut app, Action::Present);
        }
        for code in [KeyCode::Right, KeyCode::Left, KeyCode::Home, KeyCode::End, KeyCode::PageDown, KeyCode::Char(' ')]
        {
            all.extend(key(&mut app, code));
            keys(&mut app, "f");
        }
        for c in "bp.gznl".chars() {
            all.extend(keys(&mut app, &c.to_string()));
            key(&mut app, KeyCode::Esc);
            keys(&mut app, "f");
        }
    }
    assert!(drives(&all).is_empty(), "{all:?}");
    assert_eq!(hub.stage().stop, 0);
}

/// #21 item 5: the console shows the room's picks live (the top entries, a count each, how many
/// marked anything); `p` presents them ranked to the whole room, followers included, with the
/// rank and the count over each, and `p` again brings the tour back at its stop.
#[test]
fn the_console_shows_the_live_picks_and_p_presents_them_to_the_room() {
    let hub = hub();
    hub.drive(&Drive::Next);
    let mut console = facilitator(Role::Console);
    let mut follower = participant();
    tell(&mut console, &hub);
    tell(&mut follower, &hub);
    keys(&mut follower, "f");
    hub.picks(picks());
    tell(&mut console, &hub);
    tell(&mut follower, &hub);
    let shown = screen(&console);
    for words in [
        "The room's picks · 3 participants marked entries",
        "1.   3 × Western Macedonia: phasing out lignite",
        "2.   1 × A zinc loop",
    ] {
        assert!(shown.contains(words), "{words:?} missing from\n{shown}");
    }
    assert!(!screen(&follower).contains("The room's picks"), "{}", screen(&follower));

    for drive in drives(&keys(&mut console, "p")) {
        hub.drive(&drive);
    }
    tell(&mut console, &hub);
    tell(&mut follower, &hub);
    let followed = screen(&follower);
    assert!(followed.contains("The room's pick 1/2: marked by 3 of 3"), "{followed}");
    let shown = |app: &App| match app.present().slide() {
        Some(boucle::ui::state::Slide::Entry { id, .. }) => id.as_str().to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(shown(&follower), "western-macedonia-lignite-phase-out", "the most marked first");
    assert!(screen(&console).contains("PRESENTING THE ROOM'S PICKS"), "{}", screen(&console));
    hub.drive(&Drive::Next);
    tell(&mut follower, &hub);
    assert!(screen(&follower).contains("The room's pick 2/2: marked by 1 of 3"), "{}", screen(&follower));
    assert_eq!(shown(&follower), "zinc-loop-hauts-de-france");

    for drive in drives(&keys(&mut console, "p")) {
        hub.drive(&drive);
    }
    tell(&mut console, &hub);
    tell(&mut follower, &hub);
    assert!(screen(&console).contains("stop 2/4"), "{}", screen(&console));
    assert!(screen(&follower).contains("Following, stop 2/4"), "{}", screen(&follower));
}

/// #21 item 6 from the console's keys: `l` opens a line, Enter posts it (the hub cleans and
/// cuts it), an empty line clears the room's, Esc posts nothing; a facilitator's projector
/// over SSH types it the same way, and Tab turns it into the console where the picks are.
#[test]
fn the_console_posts_and_clears_the_room_line_from_its_keys() {
    let hub = hub();
    let mut console = facilitator(Role::Console);
    tell(&mut console, &hub);
    assert!(keys(&mut console, "l").is_empty());
    assert!(screen(&console).contains("Line for the room (Enter posts"), "{}", screen(&console));
    keys(&mut console, "Pause \u{1b}[2Jjusqu'à 10 h 30 — bq");
    let posted = drives(&key(&mut console, KeyCode::Enter));
    assert_eq!(posted, [Drive::RoomLine(Some("Pause [2Jjusqu'à 10 h 30 — bq".into()))], "b and q are typed");
    for drive in &posted {
        hub.drive(drive);
    }
    tell(&mut console, &hub);
    assert!(
        screen(&console).contains("📣 Pause [2Jjusqu'à 10 h 30"),
        "cleaned as catalogue text\n{}",
        screen(&console)
    );
    keys(&mut console, "l");
    keys(&mut console, "not this: a line longer than the box has room for, its end shows");
    let narrow = common::ui::screen_at(&mut console, 80, 24);
    assert!(narrow.contains("its end shows"), "the end typed is in sight at 80 columns\n{narrow}");
    assert!(drives(&key(&mut console, KeyCode::Esc)).is_empty(), "Esc posts nothing");
    keys(&mut console, "l");
    assert_eq!(drives(&key(&mut console, KeyCode::Enter)), [Drive::RoomLine(None)], "an empty line clears");

    let mut projector = facilitator(Role::Projector);
    tell(&mut projector, &hub);
    keys(&mut projector, "l");
    keys(&mut projector, "Next: Battri");
    assert_eq!(drives(&key(&mut projector, KeyCode::Enter)), [Drive::RoomLine(Some("Next: Battri".into()))]);
    hub.picks(picks());
    tell(&mut projector, &hub);
    assert!(!screen(&projector).contains("The room's picks"), "the projector is the room's screen");
    key(&mut projector, KeyCode::Tab);
    assert!(screen(&projector).contains("The room's picks · 3 participants"), "{}", screen(&projector));
}

/// Security: a participant never sees the live picks, whatever it presses (`p`, Tab, `l`), and
/// never types a room line: nothing it does is a drive.
#[test]
fn a_participant_never_sees_the_live_picks_nor_posts_the_room_line() {
    let hub = hub();
    hub.picks(picks());
    let mut app = participant();
    tell(&mut app, &hub);
    assert!(app.follow().stage().is_some_and(|s| s.picks.is_none()));
    let mut all = Vec::new();
    for following in [false, true] {
        if following {
            keys(&mut app, "f");
        }
        all.extend(keys(&mut app, "p"));
        all.extend(key(&mut app, KeyCode::Tab));
        all.extend(keys(&mut app, "l"));
        all.extend(keys(&mut app, "hello"));
        all.extend(key(&mut app, KeyCode::Enter));
        let shown = screen(&app);
        assert!(!shown.contains("The room's picks") && !shown.contains("Line for the room"), "{shown}");
        key(&mut app, KeyCode::Esc);
    }
    assert!(drives(&all).is_empty(), "{all:?}");
    assert_eq!(hub.stage().line, None);
}

/// The process holding the presentation ended and this one could not take its place: its keys
/// are not left dead — they move this view alone — and it says so at once, even over a slide.
#[test]
fn a_view_that_loses_the_presentation_says_so_and_its_keys_move_it_alone() {
    let hub = hub();
    let mut projector = facilitator(Role::Projector);
    tell(&mut projector, &hub);
    boucle::ui::update::presentation_lost(&mut projector);
    redraw(&mut projector);
    assert!(screen(&projector).contains("could not take its place"), "{}", screen(&projector));
    let effects = key(&mut projector, KeyCode::Right);
    assert!(drives(&effects).is_empty(), "{effects:?}");
    assert_eq!(projector.present().position(), 1, "the key moved this view");
}
