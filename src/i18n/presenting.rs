//! What a shared presentation says: to a participant (where the facilitator is, how to follow,
//! the pause screen), on the facilitator's console (the stops, the clocks, the room), and about
//! the local socket.

use super::Said;
use crate::text::Lang;

/// « L'animateur est à l'étape 3/9 — f pour suivre ».
pub fn facilitator_at(stop: usize, stops: usize) -> Said {
    Said::new(
        format!("The facilitator is at stop {stop}/{stops} — f to follow"),
        format!("L'animateur est à l'étape {stop}/{stops} — f pour suivre"),
    )
}

/// « L'animateur a mis la présentation en pause (étape 3/9) — f pour suivre »: said to a
/// participant who is browsing while the room rests, rather than where it stands.
pub fn facilitator_paused(stop: usize, stops: usize) -> Said {
    Said::new(
        format!("The facilitator has paused the presentation (stop {stop}/{stops}) — f to follow"),
        format!("L'animateur a mis la présentation en pause (étape {stop}/{stops}) — f pour suivre"),
    )
}

/// The line over a followed slide: the participant follows, and how to stop. Short enough for
/// the footer of an 80-column terminal beside the position and the clock, in both languages.
/// Esc is named as the one sure way out: the scrolling keys, `z` and `?` stay on the slide.
pub fn following(stop: usize, stops: usize) -> Said {
    Said::new(
        format!("Following, stop {stop}/{stops} — m mark, Esc to browse"),
        format!("Vous suivez, étape {stop}/{stops} — m marquer, Échap pour parcourir"),
    )
}

/// `f` with no presentation running.
pub fn nothing_to_follow() -> Said {
    Said::new("No presentation is running: nothing to follow.", "Aucune présentation en cours : rien à suivre.")
}

/// A slide whose entry is no longer in this catalogue (its file removed since the presentation
/// started): said on the slide, never a blank screen.
pub fn stop_removed(id: &str) -> Said {
    Said::new(
        format!("This stop, “{id}”, is no longer in the catalogue: its file {id}.ron was removed or no longer loads."),
        format!(
            "Cette étape, « {id} », n’est plus dans le catalogue : son fichier {id}.ron a été retiré ou ne se charge plus."
        ),
    )
}

/// The quiet screen followers see while the facilitator blanks or pauses.
pub fn pause_screen() -> Said {
    Said::new("Pause — the presentation comes back soon", "Pause — la présentation reprend bientôt")
}

/// The room line, as a participant's status line shows it.
pub fn room_line(line: &str) -> Said {
    Said::by(|_| format!("📣 {line}"))
}

/// The socket's folder when `$XDG_RUNTIME_DIR` is not set.
pub fn socket_fallback(dir: &str) -> Said {
    Said::new(
        format!(
            "$XDG_RUNTIME_DIR is not set, or others may write in it: the presentation's socket is in {dir} (0700)."
        ),
        format!(
            "$XDG_RUNTIME_DIR n'est pas défini, ou d'autres peuvent y écrire : la prise de la présentation est dans {dir} (0700)."
        ),
    )
}

/// The presentation could not be shared (its socket): it runs alone.
pub fn not_shared(why: &str) -> Said {
    Said::new(
        format!("This presentation runs alone: its socket could not be opened ({why})."),
        format!("Cette présentation tourne seule : sa prise n'a pas pu être ouverte ({why})."),
    )
}

/// `--say` with nothing listening.
pub fn no_presentation_running(tour: &str) -> Said {
    Said::new(
        format!("no presentation of {tour} is running here (start boucle present {tour} first)"),
        format!("aucune présentation de {tour} ne tourne ici (lancez d'abord boucle present {tour})"),
    )
}

/// The words of the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Console {
    Title,
    Now,
    Next,
    LastStop,
    Notes,
    NoNotes,
    OnStop,
    Total,
    Blank,
    PresentingPicks,
    Keys,
    RoomLinePrompt,
}

pub fn console(lang: Lang, word: Console) -> &'static str {
    use Console::*;
    match (lang, word) {
        (Lang::En, Title) => "Presenter console",
        (Lang::Fr, Title) => "Console de l'animateur",
        (Lang::En, Now) => "Now",
        (Lang::Fr, Now) => "Maintenant",
        (Lang::En, Next) => "Next",
        (Lang::Fr, Next) => "Ensuite",
        (Lang::En, LastStop) => "(the last stop)",
        (Lang::Fr, LastStop) => "(la dernière étape)",
        (Lang::En, Notes) => "Notes",
        (Lang::Fr, Notes) => "Notes",
        (Lang::En, NoNotes) => "(no note for this stop)",
        (Lang::Fr, NoNotes) => "(pas de note pour cette étape)",
        (Lang::En, OnStop) => "on this stop",
        (Lang::Fr, OnStop) => "sur l'étape",
        (Lang::En, Total) => "in all",
        (Lang::Fr, Total) => "en tout",
        (Lang::En, Blank) => "SCREEN BLANK — the room rests, the clocks stand (b to restore)",
        (Lang::Fr, Blank) => "ÉCRAN NOIR — la salle fait une pause, les horloges s'arrêtent (b pour revenir)",
        (Lang::En, PresentingPicks) => "PRESENTING THE ROOM'S PICKS (p: back to the tour)",
        (Lang::Fr, PresentingPicks) => "LES CHOIX DE LA SALLE SONT PRÉSENTÉS (p : retour au parcours)",
        (Lang::En, Keys) => "→ ← step  b blank  p picks  l room line  Tab projector  g jump  q quit",
        (Lang::Fr, Keys) => "→ ← étapes  b noir  p choix  l ligne  Tab projecteur  g aller  q quitter",
        (Lang::En, RoomLinePrompt) => "Line for the room (Enter posts, empty clears):",
        (Lang::Fr, RoomLinePrompt) => "Ligne pour la salle (Entrée l'affiche, vide l'efface) :",
    }
}

/// The console's jump search chose an entry the presentation does not hold.
pub fn not_a_stop(title: &str) -> Said {
    Said::new(
        format!("“{title}” is not a stop here: g on the projector shows it, Esc there comes back"),
        format!("« {title} » n'est pas une étape ici : g sur le projecteur la montre, Échap y revient"),
    )
}

/// `p` with no picks to present: outside a room (none are told), or nothing marked yet.
pub fn no_picks(in_a_room: bool) -> Said {
    if in_a_room {
        Said::new("No entry marked yet: no picks to present.", "Aucune fiche marquée : pas de choix à présenter.")
    } else {
        Said::new(
            "The room's picks come from a room: boucle serve --presentation TOUR.",
            "Les choix de la salle viennent d'une salle : boucle serve --presentation PARCOURS.",
        )
    }
}

/// A room's key (`p`, `l`, Tab) in a presentation that is no room's and shared with nobody.
pub fn no_room() -> Said {
    Said::new(
        "No room here: its picks, its line and the console are a shared presentation's (boucle present TOUR).",
        "Pas de salle ici : ses choix, sa ligne et la console sont ceux d'une présentation partagée \
         (boucle present PARCOURS).",
    )
}

/// The process holding the shared presentation ended and this one could not take its place.
pub fn presentation_lost() -> Said {
    Said::new(
        "The other window's presentation ended and this one could not take its place: its keys move this window only.",
        "La présentation de l'autre fenêtre s'est arrêtée et celle-ci n'a pu prendre sa place : ses touches ne \
         déplacent plus que cette fenêtre.",
    )
}

/// A slide of the room's picks, over it: its rank and how many marked it.
pub fn pick_slide(rank: usize, of: usize, count: usize, participants: usize) -> Said {
    Said::new(
        format!("The room's pick {rank}/{of}: marked by {count} of {participants}"),
        format!("Choix de la salle {rank}/{of} : marqué par {count} sur {participants}"),
    )
}

/// The stop counter: « étape 2/4 ».
pub fn stop_of(stop: usize, stops: usize) -> Said {
    Said::new(format!("stop {stop}/{stops}"), format!("étape {stop}/{stops}"))
}

/// The countdown to the next stop's time: before it, or late.
pub fn countdown(time: &str, seconds: i64) -> Said {
    let clock = clock(seconds.unsigned_abs());
    if seconds >= 0 {
        Said::new(format!("next stop at {time}: in {clock}"), format!("étape suivante à {time} : dans {clock}"))
    } else {
        Said::new(format!("next stop at {time}: {clock} late"), format!("étape suivante à {time} : {clock} de retard"))
    }
}

/// Who is in the room, for the console: connected, following, free.
pub fn room_counts(connected: usize, following: usize) -> Said {
    let free = connected.saturating_sub(following);
    Said::new(
        format!("Room: {connected} connected, {following} following, {free} free"),
        format!("Salle : {connected} connectés, {following} suivent, {free} libres"),
    )
}

/// `h:mm:ss`, or `m:ss` under an hour: the one clock of every view (the projector's footer, a
/// follower's, the console's clocks and countdown), so that two screens side by side agree.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

/// `--open` with a facilitator's credential: OpenSSH asks for no method when none is needed,
/// so the credential would never be tried.
pub fn facilitator_in_open_room() -> Said {
    Said::new(
        "--open lets everyone in before any password or key is asked, so the facilitator's credential would never be \
         tried: give the room a --password-file or --authorized-keys",
        "--open laisse entrer chacun avant qu'un mot de passe ou une clé soit demandé : l'identifiant de l'animateur \
         ne serait jamais essayé ; donnez à la salle un --password-file ou des --authorized-keys",
    )
}
