//! The typed queries every benchmark replays key by key, so that the engine, the dashboard on a
//! pty and `boucle serve` are measured on the same keystrokes.

pub const QUERIES: &[&str] = &[
    "bethune",
    "terres rares",
    "recyclage aimants",
    "béton",
    "economie circulaire",
    "neodyme",
    "batteries plomb",
    "bethnue",
    "friche miniere",
    "aimants mat:nd",
    "recycling -draft",
];
