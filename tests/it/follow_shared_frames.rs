//! A room draws each stop once for the followers who see it alike, shares the buffer, and sends
//! each the same escape codes for the same move (`serve::frames`). What must hold: a follower's
//! screen, as its terminal shows the bytes it was sent (read back through `vt100`), is exactly
//! the screen its own drawing would have made — whoever drew the shared part, at every size, in
//! both languages, blank, with its own mark and the presentation's clock, with the room line, after breaking away
//! and rejoining, after a resize — and followers who see it alike really share (one drawing and
//! one move made; the others copied and sent).

use crate::common;

use std::sync::Arc;
use std::time::Instant;

use boucle::presentation::{Deck, Drive, Hub, Stage, now_ms};
use boucle::serve::frames::{FrameShare, Shown};
use boucle::serve::output::{FrameWriter, Next, Outbox, PtySize, SshBackend};
use boucle::text::Lang;
use boucle::ui::colours::Depth;
use boucle::ui::state::Role;
use boucle::ui::update::{presented, tick};
use boucle::ui::{App, Options, Screen, render};
use common::ui::{app_sized, keys, resize};
use ratatui::Terminal;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const TOUR: &str = "peer-review-lille-2025";

fn hub() -> Arc<Hub> {
    Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms()))
}

fn cells(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

/// A terminal over SSH: what the session draws goes out as bytes, which the client's terminal
/// (`vt100`) shows.
struct Client {
    terminal: Terminal<SshBackend>,
    size: Arc<PtySize>,
    outbox: Arc<Outbox>,
    screen: vt100::Parser,
    shown: Option<Shown>,
}

impl Client {
    fn new((width, height): (u16, u16)) -> Client {
        let (outbox, size) = (Arc::new(Outbox::default()), Arc::new(PtySize::new(width, height)));
        let backend = SshBackend::new(FrameWriter::new(outbox.clone()), size.clone());
        let terminal = Terminal::new(backend).unwrap();
        Client { terminal, size, outbox, screen: vt100::Parser::new(cells(height), cells(width), 0), shown: None }
    }

    fn resize(&mut self, (width, height): (u16, u16)) {
        self.size.set(width, height);
        self.screen.screen_mut().set_size(cells(height), cells(width));
        self.shown = None;
    }

    /// The bytes sent so far, shown.
    fn read(&mut self) {
        while let Next::Send(bytes) = self.outbox.next() {
            self.screen.process(&bytes);
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }
}

/// A follower in a room: its session draws through the share; its twin, the same dashboard,
/// draws alone, as every session did before the share.
struct Follower {
    app: App,
    shared: Client,
    alone: Client,
}

impl Follower {
    fn new(lang: Lang, size: (u16, u16)) -> Follower {
        Follower::in_colours(lang, size, Depth::TrueColour)
    }

    /// A follower whose terminal shows `colours` (its TERM and COLORTERM over SSH).
    fn in_colours(lang: Lang, size: (u16, u16), colours: Depth) -> Follower {
        let options = Options { lang, colours, presenting: Some(Role::Follower), ..Options::default() };
        Follower { app: app_sized(options, size.0, size.1), shared: Client::new(size), alone: Client::new(size) }
    }

    /// Draws a frame both ways and checks that the client shows the same screen, colours and
    /// attributes too.
    fn draw(&mut self, share: &FrameShare) {
        share.render(&mut self.shared.terminal, &mut self.app, &mut self.shared.shown).unwrap();
        render(&mut self.alone.terminal, &mut self.app).unwrap();
        self.shared.read();
        self.alone.read();
        assert_eq!(
            self.shared.screen.screen().contents_formatted(),
            self.alone.screen.screen().contents_formatted(),
            "through the share:\n{}\ndrawn alone:\n{}",
            self.shared.text(),
            self.alone.text()
        );
    }

    fn told(&mut self, hub: &Hub) {
        presented(&mut self.app, hub.stage().for_follower());
    }

    fn resize(&mut self, size: (u16, u16)) {
        resize(&mut self.app, size.0, size.1);
        self.shared.resize(size);
        self.alone.resize(size);
    }
}

/// Two followers on the hub's stop, the second with the stop marked; the clock is the
/// presentation's, alike on both.
fn two_following(hub: &Hub, lang: Lang, size: (u16, u16)) -> (Follower, Follower) {
    let (mut first, mut second) = (Follower::new(lang, size), Follower::new(lang, size));
    let now = Instant::now();
    for follower in [&mut first, &mut second] {
        follower.told(hub);
        keys(&mut follower.app, "f");
        tick(&mut follower.app, now);
    }
    keys(&mut second.app, "m");
    (first, second)
}

/// The hub moves; each follower is told and draws, as the room's sessions do.
fn step(hub: &Hub, drive: Drive, share: &FrameShare, followers: &mut [&mut Follower]) {
    hub.drive(&drive);
    for follower in followers.iter_mut() {
        follower.told(hub);
        follower.draw(share);
    }
}

/// The seconds of the clock a screen shows (`⏱ m:ss`).
fn clock_seconds(text: &str) -> u64 {
    let clock = text.split("⏱ ").nth(1).and_then(|c| c.split_whitespace().next()).unwrap_or_default();
    let (minutes, seconds) = clock.split_once(':').unwrap_or_default();
    minutes.parse::<u64>().unwrap_or(0) * 60 + seconds.parse::<u64>().unwrap_or(0)
}

#[test]
fn a_followers_screen_through_the_share_is_its_own_at_every_size_and_in_both_languages() {
    // Started a minute before: every follower's clock shows the presentation's time.
    let hub = Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms() - 65_000));
    hub.drive(&Drive::RoomLine(Some("Pause jusqu'à 10 h 30".into())));
    for lang in Lang::ALL {
        for size in [(120, 40), (80, 24), (200, 60), (160, 45), (60, 15)] {
            let share = FrameShare::default();
            let (mut first, mut second) = two_following(&hub, lang, size);
            first.draw(&share);
            second.draw(&share);
            let (mine, theirs) = (second.shared.text(), first.shared.text());
            let (my_clock, their_clock) = (clock_seconds(&mine), clock_seconds(&theirs));
            assert!(my_clock >= 65 && my_clock.abs_diff(their_clock) <= 1, "the presentation's clock\n{mine}");
            if size.0 >= 80 {
                // Narrower, the footer's left part is cut before the star.
                assert!(mine.contains('★') && !theirs.contains('★'), "the mark is its own\n{mine}");
            }
            if size.0 >= 120 {
                assert!(mine.contains("10 h 30"), "the room line\n{mine}");
            }
            for drive in [Drive::Next, Drive::Next, Drive::Prev, Drive::Blank, Drive::Blank, Drive::Last, Drive::First]
            {
                step(&hub, drive, &share, &mut [&mut first, &mut second]);
            }
            // The second follower unmarks the stop: its footer alone changes.
            keys(&mut second.app, "m");
            second.draw(&share);
            // Stops 1, 2, 3 and 4 and the pause screen drawn once each; 17 frames in all. Each
            // of the 7 moves made once for both followers, and the mark's (no shared change).
            let counts = share.counts();
            assert_eq!((counts.drawn, counts.copied), (5, 12), "{lang:?} {size:?}: each stop drawn once: {counts:?}");
            assert_eq!((counts.moves_made, counts.moves_sent), (8, 7), "{lang:?} {size:?}: {counts:?}");
        }
    }
}

#[test]
fn followers_of_other_sizes_or_languages_draw_their_own() {
    let hub = hub();
    let share = FrameShare::default();
    let (mut wide, _) = two_following(&hub, Lang::En, (120, 40));
    let (mut narrow, _) = two_following(&hub, Lang::En, (100, 30));
    let (mut french, _) = two_following(&hub, Lang::Fr, (120, 40));
    for follower in [&mut wide, &mut narrow, &mut french] {
        follower.draw(&share);
    }
    step(&hub, Drive::Next, &share, &mut [&mut wide, &mut narrow, &mut french]);
    let counts = share.counts();
    assert_eq!((counts.drawn, counts.copied, counts.moves_sent), (6, 0, 0), "nothing shared: {counts:?}");
}

#[test]
fn a_follower_who_breaks_away_resizes_or_zooms_draws_alone_and_shares_again_when_it_rejoins() {
    let hub = hub();
    let share = FrameShare::default();
    let (mut first, mut second) = two_following(&hub, Lang::En, (120, 40));
    first.draw(&share);
    second.draw(&share);
    keys(&mut second.app, "/");
    assert_ne!(second.app.screen(), Screen::Present, "a browsing key breaks away");
    second.draw(&share);
    step(&hub, Drive::Next, &share, &mut [&mut first, &mut second]);
    assert!(second.shared.text().contains("The facilitator is at stop 2/4"), "{}", second.shared.text());

    // `/` opened the search: Esc leaves it, then `f` rejoins.
    common::ui::key(&mut second.app, KeyCode::Esc, KeyModifiers::NONE);
    keys(&mut second.app, "f");
    assert_eq!((second.app.screen(), second.app.present().position()), (Screen::Present, 1), "rejoined");
    second.draw(&share);
    step(&hub, Drive::Next, &share, &mut [&mut first, &mut second]);

    // The zoom (a reading key a follower keeps) is the follower's own: drawn whole, then shared
    // again once it is left.
    keys(&mut second.app, "z");
    second.draw(&share);
    step(&hub, Drive::Next, &share, &mut [&mut first, &mut second]);
    keys(&mut second.app, "z");
    second.draw(&share);
    step(&hub, Drive::Prev, &share, &mut [&mut first, &mut second]);

    second.resize((100, 30));
    second.draw(&share);
    step(&hub, Drive::Prev, &share, &mut [&mut first, &mut second]);
    second.resize((120, 40));
    second.draw(&share);
    step(&hub, Drive::Next, &share, &mut [&mut first, &mut second]);
    assert!(share.counts().moves_sent >= 3, "{:?}", share.counts());
}

/// A follower on a 256-colour terminal is sent the palette's colours through the share, as its
/// own drawing would be, never 24-bit codes (its terminal shows them wrong); a follower on a
/// 24-bit terminal beside it is not given the palette's.
#[test]
fn a_followers_colours_are_its_terminals_through_the_share_too() {
    let hub = hub();
    let share = FrameShare::default();
    let (mut rgb, _) = two_following(&hub, Lang::En, (120, 40));
    let mut palette = Follower::in_colours(Lang::En, (120, 40), Depth::Palette256);
    palette.told(&hub);
    keys(&mut palette.app, "f");
    rgb.draw(&share);
    palette.draw(&share);
    step(&hub, Drive::Next, &share, &mut [&mut rgb, &mut palette]);
    let colours = |client: &Client| {
        let screen = client.screen.screen();
        let (rows, columns) = screen.size();
        let (rows, columns) = (rows.get(), columns.get());
        let cells = (0..rows).flat_map(|r| (0..columns).map(move |c| (r, c)));
        let cells: Vec<_> =
            cells.filter_map(|(r, c)| screen.cell(r, c)).flat_map(|c| [c.fgcolor(), c.bgcolor()]).collect();
        (
            cells.iter().any(|c| matches!(c, vt100::Color::Rgb(..))),
            cells.iter().any(|c| matches!(c, vt100::Color::Idx(16..))),
        )
    };
    assert_eq!(colours(&palette.shared), (false, true), "the palette only");
    assert!(colours(&rgb.shared).0, "24-bit colours");
    assert_eq!(share.counts().copied, 0, "nothing shared between terminals of other colours");
}
