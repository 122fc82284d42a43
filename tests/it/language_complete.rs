//! One language at a time: everything boucle says to a person comes in French under `--lang fr` (or a
//! French locale), with no English word left, and in English under `--lang en`, with no French word.
//!
//! Each message path is run as a user meets it: `check` on a catalogue with every kind of problem (as
//! people read it and as GitHub annotations), a usage error of every command, the errors of `new`,
//! `init`, `present`, `show`, `list`, `export` and the dashboard, `new`'s template, the export dialog
//! and the status line of the dashboard, a shortlist file that cannot be read, and a room served over
//! SSH: its console and what it refuses. What comes out is searched for the words of the other
//! language listed below. What a curator types reads the same in both languages and is taken out
//! first: code between backticks, values in quotes, file names, options, the lines quoted from a file.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use boucle::text::Lang;

use crate::common::{self, serve, tmux::Tmux, written::Fixture};

/// English words that French prose never uses, and that no code, option or value of boucle is made of.
const ENGLISH: &str = "\
    the is are was were be been not no of and or with without for from into to this that these there here which \
    what when where who its it has have had can cannot could did does do you your mean found expected error errors \
    warning warnings ignored folder folders missing unknown already exists exist write wrote written writes file \
    files line lines column entry entries field fields value values usage only run runs give given add remove \
    close closed closing opening opened struct string invalid failed read refused connection connections room \
    password listening key keys shortlist kept saved nothing more try tip help subcommand unexpected required \
    provided should must would empty name names new created logged ended quit goodbye over server replace choose \
    another write back wrong end too many twice listed broken reference itself real calendar address starting text \
    list one between outside day stop stops kind kinds material region theme stage term vocabulary language holds \
    checked report showing loaded problems problem cut regular symbolic link leads such directory denied os \
    dashboard fingerprint
";

/// French words that English prose never uses, and that no code, option or value of boucle is made of.
const FRENCH: &str = "\
    le la les des du une est sont pas dans pour avec sans fichier fichiers dossier dossiers introuvable attendu \
    trouvé erreur erreurs avertissement avertissements inconnu inconnue vouliez aucun aucune écrit ligne colonne \
    fiche fiches champ champs valeur valeurs salle connexion refusé refusée ou et il elle ne sur au aux ce cette \
    qui que vérifié vérifiés bonne bonnes pratique pratiques visite parcours étape région matériau thème aide \
    utilisation essayez savoir sélection remplacer retour oui non ajoutez retirez fermez mot passe ici déjà créé \
    nouvelle nouveau séance quitter animateur chaîne liste revoir
";

/// Rust's and serde's words, which no reader of either language should meet: `Expected struct File`.
const RUST: &str = "struct enum tuple serde deserialize deserializer variant u8 u16 u32 u64 usize i32 i64 f64";

/// The prose of a text: what is left once the code a curator types and the lines quoted from files are
/// taken out, as words.
fn prose_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in text.lines() {
        // A GitHub annotation's head (`::error file=…,title=code::`) and a usage line are code, and so
        // is the command heading a message (`boucle new:`).
        let line = match line.strip_prefix("::") {
            Some(rest) => rest.split_once("::").map_or(rest, |(_, message)| message),
            None => line,
        };
        if line.starts_with("Usage:") || line.starts_with("Utilisation :") {
            continue;
        }
        let line = ["boucle new", "boucle init", "boucle serve", "boucle cache clear", "boucle"]
            .iter()
            .find_map(|head| line.strip_prefix(&format!("{head}:")).or_else(|| line.strip_prefix(&format!("{head} :"))))
            .unwrap_or(line);
        // codespan's gutter: `3 │ <source>` is the file, `  │   ^^^ <label>` and `  = <note>` are ours.
        let line = match line.rsplit_once('│') {
            Some((_, after)) => {
                let marked = after.trim_start();
                if marked.starts_with('^') || marked.starts_with('-') {
                    marked.trim_start_matches(['^', '-', ' '])
                } else {
                    continue;
                }
            }
            None if line.trim_start().starts_with("┌─") => continue,
            None => line,
        };
        let mut kept = String::new();
        let mut closing: Option<char> = None;
        for c in line.chars() {
            match closing {
                Some(end) if c == end => closing = None,
                Some(_) => {}
                None => match c {
                    '`' => closing = Some('`'),
                    '"' => closing = Some('"'),
                    '«' => closing = Some('»'),
                    '[' => closing = Some(']'),
                    '<' => closing = Some('>'),
                    '\'' if kept.ends_with([' ', '(']) || kept.is_empty() => closing = Some('\''),
                    _ => kept.push(c),
                },
            }
        }
        for token in kept.split(|c: char| !(c.is_alphanumeric() || "-_/.@=$~+".contains(c))) {
            let token = token.trim_matches('.');
            let code = token.is_empty()
                || token.contains(|c: char| c.is_ascii_digit() || "-_/.@=$~+".contains(c))
                || token.chars().all(|c| !c.is_lowercase());
            if !code {
                words.push(token.to_lowercase());
            }
        }
    }
    words
}

/// The words of `text` from the other language's list or from Rust's, and any word said twice in a
/// row ("Retour retour"), each with the line it is in.
fn leaks(text: &str, lang: &str) -> Vec<String> {
    let foreign: Vec<&str> = if lang == "fr" { ENGLISH } else { FRENCH }.split_whitespace().collect();
    let rust: Vec<&str> = RUST.split_whitespace().collect();
    let mut found = Vec::new();
    for line in text.lines() {
        for word in prose_words(line) {
            if foreign.contains(&word.as_str()) {
                found.push(format!("{word:?} in: {}", line.trim()));
            }
        }
        // Rust's words may carry digits (`u32`): looked for among the line's own words.
        for word in line.split(|c: char| !c.is_alphanumeric()) {
            if rust.contains(&word) {
                found.push(format!("Rust's {word:?} in: {}", line.trim()));
            }
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            if pair[0].chars().all(char::is_alphabetic) && pair[0].to_lowercase() == pair[1].to_lowercase() {
                found.push(format!("{:?} twice in: {}", pair[0], line.trim()));
            }
        }
    }
    found
}

/// Fails with every leak of every text, named by where it came from.
fn assert_one_language(lang: &str, texts: &[(String, String)]) {
    let mut report = String::new();
    for (what, text) in texts {
        assert!(!text.trim().is_empty(), "{what} says something");
        let found = leaks(text, lang);
        if !found.is_empty() {
            report.push_str(&format!("\n== {what} ({} words):\n{}\n", found.len(), found.join("\n")));
        }
    }
    assert!(report.is_empty(), "words of the other language under --lang {lang}:{report}");
}

fn boucle(lang: &str, args: &[&str], cwd: Option<&Path>) -> Output {
    boucle_in(lang, args, cwd, &[])
}

/// [`boucle`] with more of the environment set (`BOUCLE_CACHE_DIR`, `HOME`).
fn boucle_in(lang: &str, args: &[&str], cwd: Option<&Path>, env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_boucle"));
    command
        .arg("--lang")
        .arg(lang)
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", std::env::temp_dir().join("boucle-language-complete-cache"))
        .stdin(Stdio::null());
    for proxy in ["http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command.env_remove(proxy);
    }
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run boucle")
}

/// Both streams of a run, as one text.
fn said(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A catalogue with every kind of problem `check` reports, and a second folder merged after it whose
/// copy of a region disagrees with the first.
fn every_problem() -> (Fixture, Fixture) {
    use common::written::PRACTICE;
    let fixture = Fixture::new();
    let practice = |from: &str, to: &str| {
        assert!(PRACTICE.contains(from), "{from}");
        PRACTICE.replacen(from, to, 1)
    };
    fixture
        // Syntax: a lost comma, an open string, an open bracket, nesting beyond the limit, a lost head.
        .file("good-practices/syntax.ron", &practice("\"Battery regeneration\"),", "\"Battery regeneration\")"))
        .file("good-practices/open-string.ron", &practice("place: \"Béthune\"", "place: \"Béthune"))
        .file("good-practices/open-bracket.ron", PRACTICE.trim_end().trim_end_matches(')'))
        .file("good-practices/too-deep.ron",
            &practice("themes: [\"E5\"]", &format!("themes: {}\"E5\"{}", "[".repeat(130), "]".repeat(130))),
        )
        .file("good-practices/headless.ron", "title: \"x\",\n")
        .file("good-practices/wrong-kind.ron", &practice("GoodPractice(", "SiteVisit("))
        .file("good-practices/misspelt-kind.ron", &practice("GoodPractice(", "Goodpractice("))
        .file("good-practices/id-case.ron", &practice("themes: [\"E5\"]", "themes: [\"e5\"]"))
        // The schema: unknown, repeated, missing and unfilled fields, wrong types and values.
        .file("good-practices/unknown-field.ron", &practice("summary:", "sumary:"))
        .file("good-practices/repeated-field.ron", &practice("materials:", "tags: [\"a\"],\n    tags: [\"b\"],\n    materials:"))
        .file("good-practices/missing-field.ron", &practice("    review: (status: reviewed, checked: \"2026-11-28\"),\n", ""))
        .file("good-practices/unfilled.ron", &practice("checked: \"2026-11-28\"", "checked: \"\""))
        .file("good-practices/wrong-type.ron", &practice("materials: [\"lead\"]", "materials: \"lead\""))
        .file("good-practices/wrong-language.ron", &practice("(fr: \"Régénération", "(de: \"x\", fr: \"Régénération"))
        .file("good-practices/no-language.ron", &practice("location: (region: \"FRE12\", place: \"Béthune\")", "location: (region: \"FRE12\", place: (de: \"Béthune\"))"))
        .file("good-practices/unknown-status.ron", &practice("status: reviewed", "status: tocomplete"))
        .file("good-practices/bad-date.ron", &practice("\"2024-01\"", "\"2024-13\""))
        .file("good-practices/bad-date-shape.ron", &practice("\"2024-01\"", "\"24 janvier\""))
        .file("good-practices/bad-address.ron", &practice("https://www.lemoniteur.fr/article", "htps//lemoniteur"))
        .file("good-practices/address-without-host.ron", &practice("https://www.lemoniteur.fr/article", "https://"))
        .file("good-practices/address-homograph.ron", &practice("https://www.lemoniteur.fr/article", "https://www.lemonit\u{435}ur.fr/article"))
        .file("good-practices/address-with-space.ron", &practice("https://www.lemoniteur.fr/article", "https://www.lemoniteur.fr/un article"))
        .file("good-practices/address-over-lines.ron", &practice("url: \"https://www.lemoniteur.fr/article\", date", "url: \"https://www.lemoniteur.fr/article,\n date"))
        .file("good-practices/bad-id-value.ron", &practice("main_institution: \"team2\"", "main_institution: \"team 2!\""))
        .file("good-practices/Bad Name!.ron", PRACTICE)
        // The catalogue: unknown vocabulary ids of each vocabulary, references, duplicates.
        .file("good-practices/unknown-terms.ron", &practice("\"FRE12\"", "\"FRE121\"").replace("[\"lead\"]", "[\"leed\"]").replace("[\"E5\"]", "[\"E9\"]").replace("[\"recycling-recovery\"]", "[\"recyclage\"]"))
        .file("organisations/unknown-type.ron", &common::written::ORGANISATION.replace("\"cluster\"", "\"clusterr\""))
        .file("good-practices/unknown-organisation.ron", &practice("\"team2\"", "\"team-2\""))
        .file("good-practices/not-an-organisation.ron", &practice("\"team2\"", "\"syntax-free\""))
        .file("good-practices/syntax-free.ron", &practice("    review:", "    related: [\"nowhere\", \"syntax-free\", \"too-deep\", \"open-bracket\", \"open-bracket\"],\n    review:"))
        .file("good-practices/empty-title.ron", &practice("(fr: \"Régénération de batteries\", en: \"Battery regeneration\")", "\"\""))
        .file("good-practices/no-source.ron", &practice("    sources: [(title: \"Le Moniteur\", url: \"https://www.lemoniteur.fr/article\", date: \"2024-01\")],\n", ""))
        .file("good-practices/cleaned.ron", &practice("Béthune\")", "Béth\u{202E}une\")"))
        .file("good-practices/far-away.ron", &practice("place: \"Béthune\")", "place: \"Béthune\", coordinates: (2.64, 50.53))"))
        // In France, outside the Pas-de-Calais's NUTS box: Valenciennes (in the Nord's box), and
        // Amiens for a curator's sub-region with no box of its own (south of every box).
        .file("good-practices/next-door.ron", &practice("place: \"Béthune\")", "place: \"Béthune\", coordinates: (50.36, 3.52))"))
        .file("good-practices/sub-region.ron", &practice("(region: \"FRE12\", place: \"Béthune\")", "(region: \"lens-basin\", place: \"Lens\", coordinates: (49.89, 2.3))"))
        .file("good-practices/too-precise.ron", &practice("place: \"Béthune\")", "place: \"Béthune\", coordinates: (50.530312, 2.64))"))
        .file("good-practices/old-review.ron", &practice("\"2026-11-28\"", "\"2019-03-01\""))
        .file("site-visits/syntax-free.ron", &practice("GoodPractice(", "SiteVisit(").replace("    main_institution: \"team2\",\n", "    start: \"2025\",\n    programme: \"syntax-free\",\n").replace("    timescale: (start: \"2024\", status: ongoing),\n", ""))
        .file("events/meeting.ron", "Event(\n    title: \"Meeting\",\n    summary: \"A meeting\",\n    start: \"2025\",\n    end: \"2024-06\",\n    programme: \"meeting\",\n    review: (status: draft, checked: \"2026-11-28\"),\n)\n")
        .file("site-visits/visit.ron", "SiteVisit(\n    title: \"Visit\",\n    summary: \"A visit\",\n    start: \"2025\",\n    programme: \"unknown-status\",\n    review: (status: draft, checked: \"2026-11-28\"),\n)\n")
        .file("tours/empty-tour.ron", "Tour(\n    title: \"Tour\",\n    summary: \"A tour\",\n    stops: [],\n    review: (status: draft, checked: \"2026-11-28\"),\n)\n")
        .file("tours/self-tour.ron", "Tour(\n    title: \"Tour\",\n    summary: \"A tour\",\n    start: \"2025-07-29\",\n    end: \"2025-07-30\",\n    stops: [(entry: \"self-tour\"), (entry: \"unknown-status\", day: \"2025-08-02\", time: \"25:99\")],\n    review: (status: draft, checked: \"2026-11-28\"),\n)\n")
        // Vocabularies: a repeated id, an unknown parent, a term its own parent, a cycle, coordinates off the globe.
        .file("vocabularies/themes.ron", r#"[
    (id: "E", label: "Environment"),
    (id: "E5", parent: "E", label: "Circular economy"),
    (id: "E5", label: "Again"),
    (id: "S1", parent: "S", label: "Workforce"),
    (id: "G1", parent: "G1", label: "Conduct"),
    (id: "A", parent: "B", label: "A"),
    (id: "B", parent: "A", label: "B"),
]"#)
        .file(
            "vocabularies/regions.ron",
            &common::written::REGIONS.replace("(46.6, 2.4)", "(95.0, 2.4)").replace(
                "]",
                r#"    (id: "FRE11", parent: "FRE1", label: (fr: "Nord", en: "Nord")),
    (id: "lens-basin", parent: "FRE12", label: (fr: "Bassin de Lens", en: "Lens basin")),
]"#,
            ),
        )
        // Files: outside the kind folders, an unknown vocabulary, a link to nothing, not UTF-8, too large.
        .file("stray.ron", PRACTICE)
        .file("vocabularies/colours.ron", "[]")
        .file("notes/stray.ron", PRACTICE)
        .bytes("good-practices/latin1.ron", b"GoodPractice(title: \"R\xe9g\xe9n\xe9ration\")")
        .bytes("good-practices/huge.ron", &vec![b' '; boucle::load::MAX_FILE_BYTES + 10]);
    std::os::unix::fs::symlink(fixture.path().join("nowhere.ron"), fixture.path().join("good-practices/link.ron"))
        .unwrap();
    let second = Fixture::new();
    second.file("vocabularies/regions.ron", &common::written::REGIONS.replace("\"Hauts-de-France\"", "\"Nord\""));
    (fixture, second)
}

/// What `check` says about every kind of problem, and about folders that are no catalogue.
fn check_texts(lang: &str) -> Vec<(String, String)> {
    let (fixture, second) = every_problem();
    let (first, second) = (fixture.path().to_str().unwrap(), second.path().to_str().unwrap());
    let mut texts = Vec::new();
    for format in ["human", "github"] {
        let output = boucle(lang, &["check", first, second, "--review-age", "365", "--format", format], None);
        assert_eq!(output.status.code(), Some(1), "{}", said(&output));
        texts.push((format!("check --format {format}"), said(&output)));
    }
    let human = &texts[0].1;
    let missing = [
        "syntax",
        "unclosed-string",
        "unclosed-bracket",
        "wrong-kind",
        "unknown-field",
        "duplicate-field",
        "missing-field",
        "not-filled-in",
        "wrong-type",
        "unknown-value",
        "malformed-date",
        "malformed-address",
        "homograph-host",
        "malformed-id",
        "unknown-vocabulary-id",
        "vocabulary-id-case",
        "broken-reference",
        "self-reference",
        "repeated-id",
        "duplicate-id",
        "empty-text",
        "empty-tour",
        "no-source",
        "review-age",
        "cleaned-text",
        "unknown-parent",
        "parent-cycle",
        "bad-coordinates",
        "conflicting-term",
        "ignored-file",
        "not-a-file",
        "invalid-utf8",
        "file-too-large",
        "stop-day-outside-tour",
        "end-before-start",
        "impossible-time",
        "coordinates-outside-region",
        "coordinates-too-precise",
    ]
    .into_iter()
    .filter(|code| !human.contains(&format!("[{code}]")))
    .collect::<Vec<_>>();
    assert!(missing.is_empty(), "the fixture has a problem of each kind, but none of {missing:?}:\n{human}");
    let empty = tempfile::tempdir().unwrap();
    let kind_folder = empty.path().join("good-practices");
    std::fs::create_dir(&kind_folder).unwrap();
    let file = empty.path().join("a-file.txt");
    std::fs::write(&file, "x").unwrap();
    for (what, folder) in [
        ("an empty folder", empty.path().to_path_buf()),
        ("a kind folder", kind_folder),
        ("a missing folder", empty.path().join("missing")),
        ("a file", file),
    ] {
        let output = boucle(lang, &["check", folder.to_str().unwrap()], None);
        texts.push((format!("check on {what}"), said(&output)));
        let output = boucle(lang, &["list", "--catalogue", folder.to_str().unwrap()], None);
        texts.push((format!("list on {what}"), said(&output)));
    }
    texts
}

/// A usage error of every command, as clap finds them: an unknown option, a missing or bad value.
fn usage_texts(lang: &str) -> Vec<(String, String)> {
    let runs: &[&[&str]] = &[
        &["--bogus"],
        &["bogus-command"],
        &["--theme", "pink"],
        &["--poll", "--no-watch"],
        &["check", "--bogus"],
        &["check", "--format", "xml"],
        &["check", "--review-age", "soon"],
        &["list", "--bogus"],
        &["list", "--format", "xml"],
        &["list", "--limit"],
        &["show"],
        &["show", "x", "--format", "xml"],
        &["serve", "--bogus"],
        &["serve", "--max-sessions", "many"],
        &["export", "--bogus"],
        &["export", "--format", "doc"],
        &["present", "--bogus"],
        &["new"],
        &["new", "practice"],
        &["new", "practice", "x", "--bogus"],
        &["init"],
        &["cache"],
        &["cache", "bogus"],
        &["cache", "clear", "--bogus"],
    ];
    let mut texts = Vec::new();
    for args in runs {
        let output = boucle(lang, args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", said(&output));
        let text = said(&output);
        texts.push((format!("boucle {}", args.join(" ")), text));
    }
    // A language boucle does not speak: the locale's says so.
    let locale = if lang == "fr" { "fr_FR.UTF-8" } else { "en_GB.UTF-8" };
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["--lang", "de", "list"])
        .env("LANG", locale)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    texts.push(("--lang de".to_string(), said(&output)));
    texts
}

/// Each usage error ends with the command's usage line, as clap's own do.
fn assert_usage_lines(usage: &[(String, String)]) {
    for (what, text) in usage {
        assert!(text.lines().any(|l| l.contains(": boucle")), "{what}: the usage line is kept:\n{text}");
    }
}

/// The errors and messages of the commands themselves, and `new`'s template.
fn command_texts(lang: &str) -> Vec<(String, String)> {
    let fixture = Fixture::new();
    let tour = |title: &str| {
        format!(
            "Tour(\n    title: \"{title}\",\n    summary: \"A tour\",\n    stops: [(entry: \"battery\")],\n    review: (status: draft, checked: \"2026-11-28\"),\n)\n"
        )
    };
    fixture
        .file("good-practices/battery.ron", common::written::PRACTICE)
        .file("tours/lille-2025.ron", &tour("Lille"))
        .file("tours/lille-2026.ron", &tour("Lille again"));
    let folder = fixture.path().to_str().unwrap();
    let nowhere = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    let mut run = |what: &str, args: &[&str], cwd: Option<&Path>, code: i32| {
        let output = boucle(lang, args, cwd);
        assert_eq!(output.status.code(), Some(code), "{what}: {}", said(&output));
        texts.push((what.to_string(), said(&output)));
    };
    run("new: a template", &["new", "practice", "fresh-one", "--catalogue", folder], None, 0);
    run("new: an unknown kind", &["new", "recipe", "x", "--catalogue", folder], None, 2);
    run("new: a bad id", &["new", "practice", "Not An Id!", "--catalogue", folder], None, 2);
    run("new: an id taken", &["new", "visit", "battery", "--catalogue", folder], None, 2);
    run("new: no catalogue", &["new", "practice", "x"], Some(nowhere.path()), 2);
    let missing = nowhere.path().join("missing");
    run("new: a missing catalogue", &["new", "practice", "x", "--catalogue", missing.to_str().unwrap()], None, 2);
    let fresh = nowhere.path().join("fresh");
    run("init", &["init", fresh.to_str().unwrap()], None, 0);
    run("init: not empty", &["init", folder], None, 2);
    run("present: an unknown tour", &["present", "nowhere", "--catalogue", folder], None, 2);
    run("present: several tours", &["present", "lille", "--catalogue", folder], None, 2);
    run(
        "export: --excel without csv",
        &["export", "--entry", "battery", "--format", "md", "--excel", "--catalogue", folder],
        None,
        2,
    );
    run("present: an unknown region", &["present", "--region", "FRE121", "--catalogue", folder], None, 2);
    run("show: an unknown id", &["show", "batery", "--catalogue", folder], None, 2);
    run("show: nothing close", &["show", "zzzzzz", "--catalogue", folder], None, 2);
    run("list: an unknown region", &["list", "--region", "FRE121", "--catalogue", folder], None, 2);
    run("list: an unknown stage", &["list", "--stage", "recovery", "--catalogue", folder], None, 2);
    run("list: an unknown field", &["list", "--query", "colour:red", "--catalogue", folder], None, 2);
    run("dashboard: a missing folder", &["--catalogue", missing.to_str().unwrap()], None, 2);
    run("dashboard: no terminal", &["--catalogue", folder], None, 2);
    run("present: no terminal", &["present", "--catalogue", folder], None, 2);
    run("export: an unknown tour", &["export", "--tour", "nowhere", "--catalogue", folder], None, 2);
    let out = nowhere.path().join("out.md");
    std::fs::write(&out, "kept").unwrap();
    run(
        "export: over a file",
        &["export", "--entry", "battery", "--output", out.to_str().unwrap(), "--catalogue", folder],
        None,
        2,
    );
    let inside = fixture.path().join("out.md");
    run(
        "export: into the catalogue",
        &["export", "--entry", "battery", "--output", inside.to_str().unwrap(), "--catalogue", folder],
        None,
        2,
    );
    let lost = nowhere.path().join("no/such/folder/out.md");
    run(
        "export: into no folder",
        &["export", "--entry", "battery", "--output", lost.to_str().unwrap(), "--catalogue", folder],
        None,
        1,
    );
    let bad = nowhere.path().join("bad-shortlist.ron");
    std::fs::write(&bad, "not a shortlist").unwrap();
    run(
        "export: an unreadable shortlist",
        &["export", "--shortlist", bad.to_str().unwrap(), "--catalogue", folder],
        None,
        2,
    );
    // The guards: ids no file can carry, a folder where a file is written (even with --force), a
    // shortlist that is no file.
    run("new: a hidden id", &["new", "practice", ".hidden", "--catalogue", folder], None, 2);
    run("new: a reserved id", &["new", "practice", "con", "--catalogue", folder], None, 2);
    let a_folder = nowhere.path().join("a-folder");
    std::fs::create_dir(&a_folder).unwrap();
    run(
        "export: over a folder with --force",
        &["export", "--entry", "battery", "--force", "--output", a_folder.to_str().unwrap(), "--catalogue", folder],
        None,
        2,
    );
    run(
        "export: a shortlist that is a folder",
        &["export", "--shortlist", a_folder.to_str().unwrap(), "--catalogue", folder],
        None,
        2,
    );
    // `cache clear`: a cache removed, then none left, then no cache folder at all; `man`: its pages
    // written, then a folder it cannot make.
    let cache = nowhere.path().join("cache");
    let mut cleared = Vec::new();
    // The cache is written behind the command's output; waiting for it keeps `cache clear`
    // from racing the writer (CI once saw its temporary file renamed away mid-clear).
    let env = [("BOUCLE_CACHE_DIR", cache.as_path()), ("BOUCLE_CACHE_WRITE", Path::new("wait"))];
    let cached = boucle_in(lang, &["list", "--catalogue", folder], None, &env);
    assert!(cached.status.success(), "a cache written: {}", said(&cached));
    for what in ["cache clear: removed", "cache clear: none left"] {
        let output = boucle_in(lang, &["cache", "clear"], None, &[("BOUCLE_CACHE_DIR", &cache)]);
        assert_eq!(output.status.code(), Some(0), "{what}: {}", said(&output));
        cleared.push((what.to_string(), said(&output)));
    }
    let empty = Path::new("");
    let no_folder = boucle_in(
        lang,
        &["cache", "clear"],
        None,
        &[("BOUCLE_CACHE_DIR", empty), ("XDG_CACHE_HOME", empty), ("HOME", empty)],
    );
    assert_eq!(no_folder.status.code(), Some(1), "no cache folder: {}", said(&no_folder));
    cleared.push(("cache clear: no cache folder".to_string(), said(&no_folder)));
    let pages = nowhere.path().join("man");
    run("man: the pages written", &["man", pages.to_str().unwrap()], None, 0);
    run("man: a folder it cannot make", &["man", out.join("man1").to_str().unwrap()], None, 1);
    texts.extend(cleared);
    texts.extend(config_texts(lang, nowhere.path()));
    let template = std::fs::read_to_string(fixture.path().join("good-practices/fresh-one.ron")).unwrap();
    // The template's comments are prose; its fields, written out or commented out, are code.
    let field = |line: &str| {
        line.split_once(':').is_some_and(|(name, _)| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    };
    let comments: String = template
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("//"))
        .filter(|l| !field(l.trim()))
        .map(|l| format!("{l}\n"))
        .collect();
    texts.push(("new's template".to_string(), comments));
    texts.push(("init's README".to_string(), std::fs::read_to_string(fresh.join("README.md")).unwrap()));
    texts
}

/// What `boucle config` says, and what other commands say of a config file with problems; the
/// comments of the file `config init` writes.
fn config_texts(lang: &str, dir: &Path) -> Vec<(String, String)> {
    let file = dir.join(format!("config-{lang}.ron"));
    let env = [("BOUCLE_CONFIG", file.as_path())];
    let mut texts = Vec::new();
    let init = boucle_in(lang, &["config", "init"], None, &env);
    assert_eq!(init.status.code(), Some(0), "{}", said(&init));
    texts.push(("config init".to_string(), said(&init)));
    let template = std::fs::read_to_string(&file).unwrap();
    // Its settings and the action names are code; the rest of its comments are prose.
    let prose: String = template
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("//"))
        .filter(|l| {
            let l = l.trim();
            let code = l.split_once(':').is_some_and(|(name, _)| {
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.' || c == '-' || c == '"')
            });
            !code && !l.starts_with('"') && !l.starts_with('}')
        })
        .map(|l| format!("{l}\n"))
        .collect();
    texts.push(("config init's comments".to_string(), prose));
    let again = boucle_in(lang, &["config", "init"], None, &env);
    assert_eq!(again.status.code(), Some(1), "{}", said(&again));
    texts.push(("config init: already there".to_string(), said(&again)));
    std::fs::write(
        &file,
        "Config(\n    theme: \"blue\",\n    keys: {\n        \"global.quitt\": [\"Q\"],\n        \"results.open\": [\"g\"],\n        \"quit\": [\"Ctrl-\"],\n    },\n)\n",
    )
    .unwrap();
    let shown = boucle_in(lang, &["config", "show"], None, &env);
    assert_eq!(shown.status.code(), Some(1), "{}", said(&shown));
    // The settings' names are the file's code; what follows them is said in the reader's language.
    let words: String = said(&shown)
        .lines()
        .map(|l| {
            if l.starts_with("  ") { l.split_whitespace().skip(2).collect::<Vec<_>>().join(" ") } else { l.to_string() }
        })
        .map(|l| format!("{l}\n"))
        .collect();
    texts.push(("config show: a file with problems".to_string(), words));
    let listed = boucle_in(lang, &["list", "--limit", "1"], None, &env);
    texts.push(("list: a config file with problems".to_string(), String::from_utf8_lossy(&listed.stderr).into_owned()));
    texts
}

/// A web server on the loopback address: `/gone` answers 404, `/old` moves to `/new`, the rest 200.
fn addresses() -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 2048];
            let read = stream.read(&mut request).unwrap_or(0);
            let request = String::from_utf8_lossy(&request[..read]);
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let head = match path {
                "/gone" => "404 Not Found".to_string(),
                "/old" => format!("301 Moved Permanently\r\nLocation: http://127.0.0.1:{port}/new"),
                _ => "200 OK".to_string(),
            };
            let _ = write!(stream, "HTTP/1.1 {head}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    port
}

/// What the curators' tools say: `check --interreg` (its notes, and as warnings), `--links` (a dead
/// and a moved address, and no network), `--fix` (a fix with its diff, a choice left, a file left for
/// its syntax error), `fmt` (a file it cannot read, a check that finds a file to format, a path that is
/// not there) and their usage errors. The diffs are the files' lines and are taken out.
fn curating_texts(lang: &str) -> Vec<(String, String)> {
    use common::written::PRACTICE;
    let port = addresses();
    let practice = |from: &str, to: &str| {
        assert!(PRACTICE.contains(from), "{from}");
        PRACTICE.replacen(from, to, 1)
    };
    let fixture = Fixture::new();
    fixture
        .file("good-practices/fixable.ron", &practice("(status: reviewed", "(status: reviewd"))
        .file("good-practices/to-choose.ron", &practice("region: \"FRE12\"", "region: \"FRE2\""))
        .file(
            "good-practices/broken.ron",
            &practice("(status: reviewed", "(status: reviewd")
                .replace("\"Battery regeneration\"),", "\"Battery regeneration\")"),
        )
        .file(
            "good-practices/long-title.ron",
            &practice(
                "en: \"Battery regeneration\"",
                &format!("en: \"{}\"", (1..=40).map(|i| format!("b{i} ")).collect::<String>()),
            )
            .replace("https://www.lemoniteur.fr/article", &format!("http://127.0.0.1:{port}/gone")),
        )
        .file(
            "good-practices/moved.ron",
            &practice("https://www.lemoniteur.fr/article", &format!("http://127.0.0.1:{port}/old")),
        );
    let folder = fixture.path().to_str().unwrap();
    let prose = |output: &Output| {
        said(output)
            .lines()
            .filter(|l| !(l.starts_with("--- ") || l.starts_with("+++ ") || l.starts_with(['+', '@', ' '])))
            .filter(|l| !l.starts_with('-') || l.starts_with("--"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    let mut texts = Vec::new();
    let mut run = |what: &str, args: &[&str], code: i32| {
        let output = boucle(lang, args, None);
        assert_eq!(output.status.code(), Some(code), "{what}: {}", said(&output));
        texts.push((what.to_string(), prose(&output)));
    };
    run("check --interreg", &["check", folder, "--interreg"], 1);
    run("check --interreg --deny-warnings", &["check", folder, "--interreg", "--deny-warnings"], 1);
    let links = ["check", folder, "--links", "--links-delay", "0", "--links-timeout", "3"];
    run("check --links", &links, 1);
    let offline = Fixture::new();
    offline.file("good-practices/x.ron", &practice("https://www.lemoniteur.fr/article", "http://127.0.0.1:1/x"));
    let offline_folder = offline.path().to_str().unwrap();
    run("check --links without a network", &["check", offline_folder, "--links"], 0);
    run("check --fix", &["check", folder, "--fix"], 1);
    let unformatted = fixture.path().join("good-practices/fixable.ron");
    std::fs::write(&unformatted, PRACTICE.replace("    title:", "title:")).unwrap();
    let unformatted = unformatted.to_str().unwrap();
    run("fmt --check", &["fmt", "--check", unformatted], 1);
    let broken = fixture.path().join("good-practices/broken.ron");
    run("fmt on a broken file", &["fmt", broken.to_str().unwrap()], 1);
    let nowhere = fixture.path().join("nowhere");
    run("fmt on a missing path", &["fmt", nowhere.to_str().unwrap()], 2);
    run("fmt without a path", &["fmt"], 2);
    run("fmt", &["fmt", unformatted], 0);
    for args in [&["fmt", "--bogus"][..], &["check", "--links-age", "soon"], &["check", "--links-timeout", "-1"]] {
        run(&format!("boucle {}", args.join(" ")), args, 2);
    }
    assert!(texts[0].1.contains("[interreg-missing]") && texts[0].1.contains("[interreg-too-long]"), "{texts:#?}");
    assert!(texts[2].1.contains("[dead-link]") && texts[2].1.contains("[moved-link]"), "{texts:#?}");
    texts
}

#[test]
fn nothing_english_reaches_a_french_reader_of_the_command_line() {
    let usage = usage_texts("fr");
    let texts = [check_texts("fr"), usage.clone(), command_texts("fr"), curating_texts("fr")].concat();
    assert_one_language("fr", &texts);
    assert_usage_lines(&usage);
}

#[test]
fn nothing_french_reaches_an_english_reader_of_the_command_line() {
    let usage = usage_texts("en");
    let texts = [check_texts("en"), usage.clone(), command_texts("en"), curating_texts("en")].concat();
    assert_one_language("en", &texts);
    assert_usage_lines(&usage);
}

/// The rows of the box titled `title` (the export dialog) on a screen, without its borders and
/// without what is drawn around it, with the keys on its bottom border.
fn boxed(screen: &str, title: &str) -> String {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let Some(top) = lines.iter().position(|l| l.iter().collect::<String>().contains(&format!(" {title} "))) else {
        panic!("no box {title:?} on the screen:\n{screen}")
    };
    let (Some(left), Some(right)) =
        (lines[top].iter().position(|&c| c == '┏'), lines[top].iter().position(|&c| c == '┓'))
    else {
        panic!("the box {title:?} has corners:\n{screen}")
    };
    let inside = |line: &[char]| line.get(left + 1..right.min(line.len())).map(|s| s.iter().collect::<String>());
    let mut rows = Vec::new();
    for line in &lines[top + 1..] {
        let row = inside(line).unwrap_or_default();
        if line.get(left) == Some(&'┗') {
            rows.push(row.trim_matches(['━', ' ']).to_string());
            break;
        }
        rows.push(row.trim().to_string());
    }
    rows.join("\n")
}

/// The dashboard in tmux: the status line of each screen, the export dialog at each step (a file written,
/// a file that exists, a folder that does not), and a shortlist file that cannot be read.
fn dashboard_texts(lang: &str, locale: &str) -> Vec<(String, String)> {
    use crate::common::terminal::Launch;
    let tmux = Tmux::start();
    let dir = tempfile::tempdir().unwrap();
    let shortlist = dir.path().join("shortlist.ron");
    std::fs::write(&shortlist, "(version: 1, entries: [oops])").unwrap();
    let locale = format!("LANG={locale}");
    let shortlist_arg = shortlist.to_str().unwrap().to_string();
    let launch = Launch::args(&["--catalogue", serve::FIXTURE, "--shortlist", &shortlist_arg])
        .env(&locale)
        .size(120, 40)
        .cwd(dir.path());
    let boucle = tmux.boucle("dashboard", launch);
    let last_line = |screen: &str| screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").to_string();
    let mut texts = Vec::new();
    // The notice of the file set aside takes the bottom lines until a key is pressed.
    let first = boucle.wait_for("the notice", |s| s.contains("shortlist.ron.bad-1"));
    let lines: Vec<&str> = first.lines().filter(|l| !l.trim().is_empty()).collect();
    let notice = lines[lines.len().saturating_sub(2)..].join("\n");
    texts.push(("the notice of an unreadable shortlist".to_string(), notice));
    boucle.keys(&["Down"]);
    let browse = boucle.wait_for("the status line", |s| !s.contains("shortlist.ron"));
    texts.push(("the status line of the results".to_string(), last_line(&browse)));
    boucle.keys(&["Enter"]);
    let entry = boucle.wait_for("the entry", |s| last_line(s) != last_line(&browse));
    texts.push(("the status line of an entry".to_string(), last_line(&entry)));
    // Keys after Esc are sent once it is taken, or the terminal reads Esc and the key as Alt-key.
    boucle.keys(&["Escape"]);
    boucle.wait_for("the results", |s| last_line(s) == last_line(&browse));
    boucle.keys(&["m", "x"]);
    let title = if lang == "fr" { "Exporter" } else { "Export" };
    let choose = boucle.wait_for("the export dialog", |s| s.contains(&format!(" {title} ")));
    texts.push(("the export dialog: what and how".to_string(), boxed(&choose, title)));
    boucle.keys(&["Enter"]);
    let path = boucle.wait_for("the file name", |s| boxed(s, title) != boxed(&choose, title));
    texts.push(("the export dialog: the file".to_string(), boxed(&path, title)));
    boucle.keys(&["Enter"]);
    let written = boucle.wait_for("the file written", |s| s.contains("✓"));
    texts.push(("the export dialog: written".to_string(), boxed(&written, title)));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the dialog closed", |s| !s.contains(&format!(" {title} ")));
    boucle.keys(&["x"]);
    let again = boucle.wait_for("the export dialog", |s| s.contains(&format!(" {title} ")));
    boucle.keys(&["Enter"]);
    boucle.wait_for("the file name", |s| boxed(s, title) != boxed(&again, title));
    boucle.keys(&["Enter"]);
    let exists =
        boucle.wait_for("the question", |s| s.contains(&format!(" {title} ")) && boxed(s, title).contains('?'));
    texts.push(("the export dialog: replace?".to_string(), boxed(&exists, title)));
    boucle.keys(&["n"]);
    boucle.wait_for("another name", |s| s.contains(&format!(" {title} ")) && !boxed(s, title).contains('?'));
    boucle.keys(&["C-u"]);
    boucle.type_text("no/such/folder/handout.md");
    boucle.keys(&["Enter"]);
    let failed = boucle.wait_for("the failure", |s| s.contains("✗"));
    texts.push(("the export dialog: not written".to_string(), boxed(&failed, title)));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the dialog closed", |s| !s.contains(&format!(" {title} ")));
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    texts
}

#[test]
fn the_dashboard_speaks_french_under_a_french_locale() {
    let texts = dashboard_texts("fr", "fr_FR.UTF-8");
    assert!(texts.iter().any(|(_, t)| t.contains("Sélection") || t.contains("sélection")), "{texts:#?}");
    assert_one_language("fr", &texts);
}

#[test]
fn the_dashboard_speaks_english_under_an_english_locale() {
    let texts = dashboard_texts("en", "en_GB.UTF-8");
    assert_one_language("en", &texts);
}

/// A room served under a `locale`: what its participants are told when something is refused (a shell
/// without a terminal, a command that may not run, an export written on the server, a full room), and
/// the facilitator's console from start to close.
fn room_texts(lang: &str, locale: &str) -> Vec<(String, String)> {
    let access = ["--password-file", "{dir}/password", "--max-sessions", "1", "--login-grace-seconds", "8"];
    let server = serve::Server::start_in(serve::FIXTURE, &access, locale);
    // A connection that never logs in: cut after the grace time, long before the room closes.
    let silent = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut texts = Vec::new();
    let refused = |output: Output| String::from_utf8_lossy(&output.stderr).into_owned();
    let run = |command: &[&str]| refused(server.ssh_then(lang, "aimant2026", &["-T"], command));
    texts.push(("a shell without a terminal".to_string(), run(&[])));
    texts.push(("a command that may not run".to_string(), run(&["rm", "-rf", "/"])));
    texts.push(("a file written on the server".to_string(), run(&["export", "--output", "x.md"])));
    texts.push(("an unknown id".to_string(), run(&["show", "nowhere"])));
    texts.push(("a usage error".to_string(), run(&["list", "--bogus"])));
    let wrong = server.ssh_then(lang, "wrong", &["-T"], &["list"]);
    assert_eq!(wrong.status.code(), Some(255), "a wrong password is refused: {wrong:?}");
    // Port forwarding and subsystems are refused, each on the console.
    let forwarded = server.ssh_then(lang, "aimant2026", &["-T", "-W", "localhost:9"], &[]);
    assert!(!forwarded.status.success(), "port forwarding is refused: {forwarded:?}");
    let subsystem = server.ssh_then(lang, "aimant2026", &["-T", "-s"], &["sftp"]);
    assert!(!subsystem.status.success(), "a subsystem is refused: {subsystem:?}");

    // One participant fills the room, exports from the dashboard (nothing is written on the server: the
    // command that takes the shortlist home is offered), and a second is told the room is full.
    let tmux = Tmux::start();
    let askpass = server.dir.path().join("askpass");
    std::fs::write(&askpass, "#!/bin/sh\necho aimant2026\n").unwrap();
    Command::new("chmod").args(["700", askpass.to_str().unwrap()]).status().unwrap();
    let script = |name: &str| {
        format!(
            "env SSH_ASKPASS={} SSH_ASKPASS_REQUIRE=force DISPLAY=:0 LANG={locale} ssh -t -F {} -p {} {lang}@127.0.0.1; echo EXITED $?; exec sleep 600 # {name}",
            askpass.display(),
            server.ssh_config().display(),
            server.port
        )
    };
    tmux.open("first", (100, 30), server.dir.path(), &script("first"), &[]);
    tmux.wait_for("first", "the dashboard", serve::ready);
    tmux.keys("first", &["m", "x"]);
    let title = if lang == "fr" { "Exporter" } else { "Export" };
    tmux.wait_for("first", "the export dialog", |s| s.contains(&format!(" {title} ")));
    tmux.keys("first", &["Enter"]);
    let offered = tmux.wait_for("first", "the command offered", |s| s.contains("export --shortlist"));
    texts.push(("an export over SSH: the command that takes it home".to_string(), boxed(&offered, title)));
    tmux.open("second", (100, 30), server.dir.path(), &script("second"), &[]);
    let full = tmux.wait_for("second", "the room is full", |s| s.contains("EXITED"));
    texts.push((
        "a full room".to_string(),
        full.lines().filter(|l| l.starts_with("boucle")).collect::<Vec<_>>().join("\n"),
    ));
    tmux.keys("first", &["Escape"]);
    tmux.wait_for("first", "the dialog closed", |s| !s.contains(&format!(" {title} ")));
    tmux.keys("first", &["q"]);
    tmux.wait_for("first", "the goodbye", |s| s.contains("EXITED"));

    // Ctrl-C closes the room.
    drop(silent);
    let mut server = server;
    let _ = Command::new("kill").args(["-INT", &server.child.id().to_string()]).status();
    let _ = server.child.wait();
    // The clock and the fingerprint start lines; what follows is prose.
    let lines: Vec<String> =
        server.log().lines().map(|l| l.split_once("Z ").map_or(l, |(_, rest)| rest).to_string()).collect();
    for line in ["SHA256:", "127.0.0.1"] {
        assert!(lines.iter().any(|l| l.contains(line)), "{line} in the console: {lines:#?}");
    }
    assert!(lines.len() > 20, "a line for each connection, session and refusal: {lines:#?}");
    for port in [":9", "sftp"] {
        assert!(lines.iter().any(|l| l.contains(port)), "the refusal naming {port} in the console: {lines:#?}");
    }
    texts.push(("the console".to_string(), lines.join("\n")));
    texts
}

#[test]
fn a_room_served_under_a_french_locale_speaks_french() {
    let texts = room_texts("fr", "fr_FR.UTF-8");
    assert_one_language("fr", &texts);
}

#[test]
fn a_room_served_under_an_english_locale_speaks_english() {
    let texts = room_texts("en", "en_GB.UTF-8");
    assert_one_language("en", &texts);
}

/// What the console says that a run cannot provoke on a loaded machine in a few seconds (floods of
/// connections, a signal ignored at start, a folder gone while the room runs), and the refusals of the
/// guards, from the typed messages the room and the commands word them from.
fn typed_texts(lang: Lang) -> Vec<(String, String)> {
    use boucle::files::Special;
    use boucle::i18n::guards::{BadFileName, bad_file_name, id_cannot_be_a_file, never_replaced, not_a_regular_file};
    use boucle::i18n::problems::{folder_emptied, folder_gone, put_the_folder_back, refused};
    use boucle::i18n::room::{Idle, Logged, Repeat, cut, logged};
    use boucle::model::{AddressFlaw, Refused};
    let mut texts = Vec::new();
    let address = "192.0.2.7".to_string();
    let kinds = [Repeat::RateLimited, Repeat::AddressWaiting, Repeat::AllWaiting, Repeat::Dropped, Repeat::Timeout];
    for kind in kinds.into_iter().chain([Repeat::WrongCode, Repeat::CodesLimited]) {
        let first = Logged::Repeated { kind, address: address.clone(), connection: 12 };
        texts.push((format!("{kind:?}"), logged(lang, &first)));
        let more = Logged::RepeatedMore { kind, address: address.clone(), count: 41 };
        texts.push((format!("{kind:?}, more"), logged(lang, &more)));
    }
    texts.push(("a signal ignored".into(), logged(lang, &Logged::SignalIgnored("SIGHUP".into()))));
    let closing = Logged::Closing { signal: "SIGTERM".into(), sessions: 3 };
    texts.push(("the room closing".into(), logged(lang, &closing)));
    for why in [Idle::NoLogin, Idle::NoSession] {
        texts.push((format!("cut: {why:?}"), cut(why).get(lang).to_string()));
    }
    for (what, problem) in [("gone", folder_gone("/srv/catalogue")), ("emptied", folder_emptied("/srv/catalogue"))] {
        let kept = Logged::Kept { problem: problem.clone(), entries: 128 };
        texts.push((format!("a folder {what}, on the console"), logged(lang, &kept)));
        texts.push((format!("a folder {what}"), problem.get(lang).to_string()));
    }
    texts.push(("put the folder back".into(), put_the_folder_back().get(lang).to_string()));
    for special in [Special::Folder, Special::Fifo, Special::Socket, Special::Device, Special::Other] {
        texts.push((
            format!("never replaced: {special:?}"),
            never_replaced("/tmp/out.md", special).get(lang).to_string(),
        ));
        texts.push((
            format!("not read: {special:?}"),
            not_a_regular_file("/srv/boucle/host_key", special).get(lang).to_string(),
        ));
    }
    for why in [BadFileName::Hidden, BadFileName::Reserved] {
        texts.push((format!("new: {why:?}"), id_cannot_be_a_file("con", why).get(lang).to_string()));
        texts.push((format!("check: {why:?}"), bad_file_name(why, "con.ron").get(lang).to_string()));
    }
    let flaws = [AddressFlaw::Scheme, AddressFlaw::NoHost, AddressFlaw::Space, AddressFlaw::Control];
    for flaw in flaws.into_iter().chain(['"', '\'', '<', '`', '\\'].map(AddressFlaw::Delimiter)) {
        let address = Refused::Address { address: "https://x.org/a".into(), flaw };
        texts.push((format!("address: {flaw:?}"), refused(&address).get(lang).to_string()));
    }
    texts.extend(take_home_texts(lang));
    texts
}

/// #21: what a room says about taking a shortlist home, the room's picks and the report.
fn take_home_texts(lang: Lang) -> Vec<(String, String)> {
    use boucle::i18n::{picks, take_home};
    let command = "ssh -p 2222 fr@192.0.2.7 export --shortlist K7M2-QX4P --format html > ma-selection.html";
    let mut texts = vec![
        ("code line".into(), take_home::code_line(lang, Some("K7M2-QX4P"))),
        ("code line, key".into(), take_home::code_line(lang, None)),
        ("goodbye".into(), take_home::goodbye(lang, 3, Some("K7M2-QX4P"), command)),
        ("goodbye, key".into(), take_home::goodbye(lang, 1, None, command)),
        ("closing list".into(), take_home::closing_list(lang, 2, false)),
        ("closing list, key".into(), take_home::closing_list(lang, 2, true)),
        ("offered".into(), take_home::offered(lang).to_string()),
        ("copied".into(), take_home::copied(lang, 1519)),
        ("too long".into(), take_home::too_long_to_copy(lang, 200_000, 100_000)),
        ("picks".into(), format!("{} · {}", picks::title(lang), picks::participants(lang, 14))),
        ("no picks".into(), picks::none_yet(lang).to_string()),
        ("toggle".into(), format!("{} {}", picks::toggle(lang, false), picks::toggle(lang, true))),
        ("report".into(), format!("{} {} {}", picks::report_title(lang), picks::entries(lang), picks::tour(lang))),
    ];
    for (what, said) in [
        ("wrong code", take_home::wrong_code()),
        ("limited", take_home::too_many_wrong_codes()),
        ("closed", take_home::room_closed()),
        ("which", take_home::which_shortlist()),
        ("empty", take_home::empty()),
        ("written", picks::report_written("/srv/atelier.md")),
        ("not written", picks::report_not_written(&picks::report_exists("/srv/atelier.md"))),
    ] {
        texts.push((what.into(), said.get(lang).to_string()));
    }
    texts
}

#[test]
fn the_typed_messages_of_the_guards_and_the_console_are_french_in_french() {
    assert_one_language("fr", &typed_texts(Lang::Fr));
}

#[test]
fn the_typed_messages_of_the_guards_and_the_console_are_english_in_english() {
    assert_one_language("en", &typed_texts(Lang::En));
}

#[test]
fn the_word_lists_find_what_they_are_for() {
    // A curator's code is not prose: fields, values, options, files and quoted lines pass.
    assert!(leaks("erreur[unknown-field]: champ inconnu `sumary` dans `GoodPractice`", "fr").is_empty());
    assert!(
        leaks("  = attendu : une date \"AAAA-MM-JJ\" ; voir --review-age et good-practices/x.ron", "fr").is_empty()
    );
    assert!(leaks("3 │     summary: (fr: \"x\", en: \"the file\"),", "fr").is_empty());
    // What the issue saw.
    assert!(!leaks("  = attendu : a date \"YYYY-MM-DD\" (or …)", "fr").is_empty());
    assert!(!leaks("avertissement[ignored-file]: ignored: `x` is not a catalogue folder", "fr").is_empty());
    assert!(!leaks("✗ Non écrit : cannot write boucle-shortlist.md: over SSH, nothing is written", "fr").is_empty());
    assert!(!leaks("Retour retour  / chercher", "fr").is_empty());
    assert!(!leaks("error: the file is not valid UTF-8 (fichier introuvable)", "en").is_empty());
    assert!(
        !leaks("the shortlist x cannot be read: line 1, column 1: Expected struct `File` but found `not`", "en")
            .is_empty()
    );
    assert!(!leaks("invalid type: string, expected u32", "en").is_empty());
}

/// The form (`new organisation x --form`) under a `locale`: its field names, the problems beside them, its keys, and
/// what it says when a save is refused.
fn form_texts(locale: &str) -> Vec<(String, String)> {
    use crate::common::terminal::Launch;
    let tmux = Tmux::start();
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(serve::FIXTURE), dir.path());
    let folder = dir.path().to_str().unwrap().to_string();
    let locale = format!("LANG={locale}");
    let launch =
        Launch::args(&["--catalogue", &folder, "new", "organisation", "x", "--form"]).env(&locale).size(160, 48);
    let boucle = tmux.boucle("form", launch);
    let form = boucle.wait_for("the form and its keys", |s| {
        s.contains("organisations/x.ron") && s.contains('✗') && s.contains("Ctrl-S")
    });
    let mut texts = vec![("the form".to_string(), form.replace("organisations/x.ron", ""))];
    // A date typed wrong (the last field, the year founded) is said beside it.
    boucle.keys(&["Up"]);
    boucle.type_text("2025-13");
    let date = boucle.wait_for("the date's problem", |s| s.lines().any(|l| l.contains("2025-13") && l.contains('✗')));
    texts.push(("a date typed wrong".to_string(), date.lines().filter(|l| l.contains("2025-13")).collect()));
    // Leaving with a change asks first, in the same language; a second Esc leaves.
    boucle.keys(&["Escape"]);
    // The question names Esc before Ctrl-S, where the keys' line has them the other way round.
    let asks = |l: &str| {
        let esc = l.find("Esc ").or_else(|| l.find("Échap "));
        esc.zip(l.find("Ctrl-S")).is_some_and(|(esc, save)| esc < save)
    };
    let asked = boucle.wait_for("the question before leaving", |s| s.lines().any(asks));
    texts.push(("leaving with changes".to_string(), asked.lines().filter(|l| asks(l)).collect()));
    boucle.keys(&["Escape"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    texts
}

#[test]
fn the_form_speaks_french_under_a_french_locale() {
    let texts = form_texts("fr_FR.UTF-8");
    assert!(texts.iter().any(|(_, t)| t.contains("Résumé") && t.contains("enregistrer")), "{texts:#?}");
    assert_one_language("fr", &texts);
}

#[test]
fn the_form_speaks_english_under_an_english_locale() {
    let texts = form_texts("en_GB.UTF-8");
    assert!(texts.iter().any(|(_, t)| t.contains("Summary") && t.contains("save")), "{texts:#?}");
    assert_one_language("en", &texts);
}
