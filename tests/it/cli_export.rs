//! `boucle export` as a participant or facilitator runs it: every format for every scope, each
//! read back by a parser (CSV, JSON, HTML) or kept as a snapshot (Markdown); files written
//! with normal permissions and never replaced without `--force`, never into the catalogue;
//! hostile catalogue text escaped or dropped; spreadsheet formulas neutralised.

use crate::common::written;

use std::path::Path;
use std::process::{Command, Output};

use written::{Fixture, PRACTICE};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
const TOUR: &str = "peer-review-lille-2025";
const ENTRY: &str = "zinc-loop-hauts-de-france";

fn boucle_in(catalogue: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["--catalogue", catalogue, "--lang", "en"])
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        // No user's shortlist leaks into a test.
        .env("XDG_DATA_HOME", "/nonexistent-boucle-test")
        .env("HOME", "/nonexistent-boucle-test")
        .output()
        .expect("run boucle")
}

fn export(args: &[&str]) -> String {
    let output = boucle_in(FIXTURE, &[&["export"], args].concat());
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// A shortlist file with two entries (one with a note) and one the catalogue no longer has.
fn shortlist_file(dir: &Path) -> String {
    let path = dir.join("shortlist.ron");
    std::fs::write(
        &path,
        r#"(version: 1, entries: [
            (id: "bringback-lead-acid-regeneration", note: "=ask about | costs <b>"),
            (id: "gone-since-last-year"),
            (id: "team2"),
        ])"#,
    )
    .unwrap();
    path.display().to_string()
}

/// The scopes, as flags, with the entry ids each must give in order.
fn scopes(shortlist: &str) -> Vec<(&'static str, Vec<String>, Vec<&'static str>)> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        (
            "shortlist",
            s(&["--shortlist", shortlist]),
            vec!["bringback-lead-acid-regeneration", "gone-since-last-year", "team2"],
        ),
        (
            "tour",
            s(&["--tour", TOUR]),
            vec![
                "bringback-visit-2025",
                "zinc-loop-hauts-de-france",
                "bethune-bruay-mining-sites-2025",
                "western-macedonia-lignite-phase-out",
            ],
        ),
        ("entry", s(&["--entry", ENTRY]), vec![ENTRY]),
        ("results", s(&["--kind", "event"]), vec!["rare-earth-magnets-day-2025"]),
    ]
}

#[test]
fn every_format_of_every_scope_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let shortlist = shortlist_file(dir.path());
    for (name, flags, ids) in scopes(&shortlist) {
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();

        let json: serde_json::Value =
            serde_json::from_str(&export(&[&flags[..], &["--format", "json"]].concat())).unwrap();
        assert_eq!(json["format"], "boucle-handout");
        assert_eq!(json["scope"], name);
        let got: Vec<&str> = json["entries"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(got, ids, "{name} json");

        let csv_text = export(&[&flags[..], &["--format", "csv"]].concat());
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        assert_eq!(&reader.headers().unwrap()[1], "id");
        let got: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_string()).collect();
        assert_eq!(got, ids, "{name} csv");

        let html = export(&[&flags[..], &["--format", "html"]].concat());
        let page = scraper::Html::parse_document(&html);
        assert!(page.errors.is_empty(), "{name}: {:?}", page.errors);
        let articles = scraper::Selector::parse("article").unwrap();
        let got: Vec<&str> = page.select(&articles).map(|a| a.value().attr("id").unwrap()).collect();
        assert_eq!(got, ids, "{name} html");
        for tag in ["script", "img", "link", "iframe"] {
            assert_eq!(page.select(&scraper::Selector::parse(tag).unwrap()).count(), 0, "{name}: no {tag}");
        }
        let lang = scraper::Selector::parse("html").unwrap();
        assert_eq!(page.select(&lang).next().unwrap().value().attr("lang"), Some("en"));

        let md = export(&[&flags[..], &["--format", "md"]].concat());
        insta::assert_snapshot!(format!("export_{name}_md"), md);
        let interreg = export(&[&flags[..], &["--format", "interreg"]].concat());
        assert!(interreg.contains("Interreg Europe good-practice template"), "{name}");
        for id in &ids {
            assert!(interreg.contains(&format!("`{id}`")), "{name} interreg names {id}");
        }
    }
}

#[test]
fn a_tour_lists_its_stops_in_order_with_dates_notes_and_sources() {
    let md = export(&["--tour", TOUR]);
    let first = md.find("## 1. Visit to BringBack").expect("stop 1");
    let second = md.find("## 2. A zinc loop").expect("stop 2");
    assert!(first < second);
    assert!(md.contains("2025-07-29"), "the stop's day");
    assert!(md.contains("**Facilitator's note:** Day 1, morning."), "{md}");
    assert!(md.contains("### Sources"));
}

#[test]
fn the_interreg_template_has_every_section() {
    let md = export(&["--entry", ENTRY, "--format", "interreg"]);
    for section in [
        "Title of the good practice",
        "Short summary",
        "Main institution involved",
        "Location of the good practice",
        "Timescale",
        "Topic",
        "Detailed information on the practice",
        "Resources needed",
        "Evidence of success",
        "Difficulties encountered / lessons learnt",
        "Potential for learning or transfer",
        "Further information",
        "Good practice owner",
        "Expert opinion",
        "Linked Interreg Europe project",
    ] {
        assert!(md.contains(&format!("### {section}")), "{section}:\n{md}");
    }
    assert!(md.contains("*not given in the catalogue*"), "what the catalogue lacks is said, not invented");
}

#[test]
fn files_are_written_0644_and_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.html");
    let out_text = out.display().to_string();
    let run = |extra: &[&str]| {
        boucle_in(FIXTURE, &[&["export", "--tour", TOUR, "--format", "html", "--output", &out_text], extra].concat())
    };
    let first = run(&[]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(first.stdout.is_empty(), "the handout went to the file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Tests run under the usual 022 umask: a new file is 0644, not tempfile's 0600.
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{mode:o}");
    }
    std::fs::write(&out, "mine").unwrap();
    let second = run(&[]);
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("already exists (--force replaces it)"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine", "left alone");
    assert!(run(&["--force"]).status.success());
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<!DOCTYPE html>"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
}

#[test]
fn nothing_is_ever_written_into_the_catalogue() {
    let fixture = Fixture::new();
    fixture.file("good-practices/battery.ron", PRACTICE);
    let target = fixture.path().join("good-practices/handout.md");
    let catalogue = fixture.path().display().to_string();
    let output = boucle_in(&catalogue, &["export", "--entry", "battery", "--output", &target.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("never writes there"));
    assert!(!target.exists());
}

#[test]
fn hostile_catalogue_text_is_escaped_or_dropped() {
    let fixture = Fixture::new();
    let hostile = PRACTICE
        .replace(
            r#"title: (fr: "Régénération de batteries", en: "Battery regeneration"),"#,
            r#"title: "=HYPERLINK(\"http://evil\") | <script>alert(1)</script> *bold* [x](javascript:alert(1))","#,
        )
        .replace(
            r#"location: (region: "FRE12", place: "Béthune"),"#,
            "description: \"# Heading\\n> quote\\n<img src=x onerror=alert(1)>\\n[click](javascript:alert(2))\",\n    location: (region: \"FRE12\", place: \"Béthune\"),",
        );
    assert_ne!(hostile, PRACTICE);
    fixture.file("good-practices/battery.ron", &hostile);
    let catalogue = fixture.path().display().to_string();
    let run = |format: &str| {
        let output = boucle_in(&catalogue, &["export", "--entry", "battery", "--format", format]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };

    let html = run("html");
    let page = scraper::Html::parse_document(&html);
    for tag in ["script", "img"] {
        assert_eq!(page.select(&scraper::Selector::parse(tag).unwrap()).count(), 0, "no {tag} element:\n{html}");
    }
    let links = scraper::Selector::parse("a").unwrap();
    for a in page.select(&links) {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with("https://") || href.starts_with("http://"), "{href}");
    }
    let text: String = page.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>"), "shown as text");

    let md = run("md");
    assert!(md.contains("\\<script\\>") && md.contains("\\|") && md.contains("\\*bold\\*"), "{md}");
    assert!(md.contains("\\# Heading") && md.contains("\\> quote"), "{md}");
    assert!(!has_javascript_link(&md), "no javascript link:\n{md}");
    let interreg = run("interreg");
    assert!(!has_javascript_link(&interreg) && interreg.contains("\\<img"), "{interreg}");

    let csv_text = run("csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert!(row[3].starts_with("'=HYPERLINK"), "the formula is neutralised: {:?}", &row[3]);

    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert!(json["entries"][0]["title"].as_str().unwrap().starts_with("=HYPERLINK"), "JSON keeps text as it is");
}

/// Whether Markdown has a link to a `javascript:` address: `](javascript:` whose `]` is not
/// escaped (an escaped one is plain text).
fn has_javascript_link(md: &str) -> bool {
    md.match_indices("](javascript:").any(|(at, _)| !md[..at].ends_with('\\'))
}

/// `export --tour lille` failed with a "did you mean" naming entries that are not tours, while
/// `present lille` took the word (hostile trial): export takes the words present takes.
#[test]
fn export_takes_the_words_present_takes_for_a_tour() {
    assert_eq!(export(&["--tour", "lille"]), export(&["--tour", TOUR]));
    assert_eq!(export(&["--tour", "peer review"]), export(&["--tour", TOUR]));
}

#[test]
fn usage_errors_name_what_is_wrong() {
    let output = boucle_in(FIXTURE, &["export", "--tour", "team2"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(TOUR), "the tours are named");
    let output = boucle_in(FIXTURE, &["export", "--entry", "zinc-lop"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains(ENTRY), "the closest id is suggested");
    let output = boucle_in(FIXTURE, &["export", "--tour", TOUR, "--entry", ENTRY]);
    assert_eq!(output.status.code(), Some(2), "one scope at a time");
    let output = boucle_in(FIXTURE, &["export", "--shortlist", "/nonexistent-boucle-test/none.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("mark entries with m"),
        "an empty shortlist says how to fill it"
    );
}

/// `--force` replaces a regular file only: a FIFO (or a device like /dev/null, made here in a
/// temporary folder when the tests run as root) is refused with a clear message, and stays
/// what it was; a symbolic link is written through, its target replaced, the link kept.
#[cfg(unix)]
#[test]
fn force_replaces_only_a_regular_file_and_writes_through_a_link() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("handout.md");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut specials = vec![(fifo.clone(), "a FIFO")];
    let device = dir.path().join("null");
    // SAFETY: mknod with a valid C path; it fails, and the case is skipped, unless root.
    let made = unsafe {
        let path = std::ffi::CString::new(device.to_str().unwrap()).unwrap();
        libc::mknod(path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) == 0
    };
    if made {
        specials.push((device.clone(), "a device"));
    }
    for (path, what) in &specials {
        let output = boucle_in(FIXTURE, &["export", "--entry", ENTRY, "--output", path.to_str().unwrap(), "--force"]);
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{said}");
        assert!(said.contains(what) && said.contains("replaces only a regular file, even with --force"), "{said}");
    }
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    if made {
        assert!(std::fs::symlink_metadata(&device).unwrap().file_type().is_char_device(), "still a device");
    }
    let target = dir.path().join("kept.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let output = boucle_in(FIXTURE, &["export", "--entry", ENTRY, "--output", link.to_str().unwrap(), "--force"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(std::fs::read_to_string(&target).unwrap().contains("zinc loop"), "its target has the handout");
}

/// An error message quotes a path with control characters as GNU tools do (`$'…'`): the
/// path's ESC and BEL never reach the terminal.
#[test]
fn a_path_with_control_characters_is_quoted_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x\u{1b}]0;pwned\u{7}").join("out.md");
    let output = boucle_in(FIXTURE, &["export", "--entry", ENTRY, "--output", path.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'), "{said:?}");
    assert!(said.contains("x\\033]0;pwned\\a/out.md'") && said.contains("$'"), "{said}");
}

/// `show` writes the handout's Markdown, as `export --entry ID --format md` does: summary,
/// description and evidence of success made inert (no script, image, javascript: link or
/// comment reaches a renderer), and an address that would end its link dropped.
#[test]
fn show_writes_markdown_that_cannot_run() {
    let fixture = Fixture::new();
    let hostile = PRACTICE
        .replace(
            r#"summary: (fr: "Des batteries au plomb régénérées à Béthune", en: "Lead-acid batteries regenerated in Béthune"),"#,
            r#"summary: "<script>alert(1)</script> <!-- hidden","#,
        )
        .replace(
            r#"location: (region: "FRE12", place: "Béthune"),"#,
            "description: \"<img src=x onerror=alert(2)>\\n[click](javascript:alert(3))\",\n    evidence_of_success: \"<a href=javascript:alert(5)>win</a>\",\n    location: (region: \"FRE12\", place: \"Béthune\"),",
        )
        .replace("https://www.lemoniteur.fr/article", r#"https://x.org/\"><script>alert(4)</script>"#);
    fixture.file("good-practices/battery.ron", &hostile);
    let catalogue = fixture.path().display().to_string();
    let shown = boucle_in(&catalogue, &["show", "battery"]);
    assert!(shown.status.success(), "{}", String::from_utf8_lossy(&shown.stderr));
    let md = String::from_utf8(shown.stdout).unwrap();
    // Live: not escaped by a backslash before it.
    let live = |needle: &str| md.match_indices(needle).any(|(at, _)| !md[..at].ends_with('\\'));
    for needle in ["<script", "<img", "<a href", "<!--"] {
        assert!(!live(needle), "{needle} in:\n{md}");
    }
    assert!(!md.contains("alert(4)"), "the address that would end its link is dropped:\n{md}");
    assert!(!has_javascript_link(&md), "{md}");
    assert!(md.contains("\\<script\\>") && md.contains("\\<img"), "shown as text:\n{md}");
    let exported = boucle_in(&catalogue, &["export", "--entry", "battery", "--format", "md"]);
    assert_eq!(md, String::from_utf8(exported.stdout).unwrap(), "one writer");
}

/// #22: a one-entry Interreg export names its title once as the page's and once in the
/// template's title field, not a third time as a numbered heading.
#[test]
fn a_one_entry_interreg_export_does_not_repeat_its_title() {
    let md = export(&["--entry", ENTRY, "--format", "interreg"]);
    let title = "A zinc loop";
    let times = md.lines().filter(|l| l.contains(title)).count();
    assert_eq!(times, 2, "{md}");
    assert!(md.starts_with(&format!("# {title}")) && md.contains("### Title of the good practice"), "{md}");
    assert!(!md.contains("## 1."), "{md}");
    // Several entries keep their numbered headings.
    assert!(export(&["--tour", TOUR, "--format", "interreg"]).contains("## 1. "));
}

/// #22: the CSV names each entry's region, materials, themes and organisations by id and by
/// label; `--excel` adds a byte-order mark and, in French, separates cells with `;`.
#[test]
fn the_csv_has_vocabulary_columns_and_an_excel_form() {
    let csv_text = export(&["--tour", TOUR, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    for column in [
        "region",
        "region_label",
        "materials",
        "material_labels",
        "themes",
        "theme_labels",
        "organisations",
        "organisation_labels",
    ] {
        assert!(header.contains(&column.to_string()), "{column}: {header:?}");
    }
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[at("id")], "bringback-visit-2025");
    assert_eq!(&first[at("region")], "FRE12");
    assert_eq!(&first[at("region_label")], "Pas-de-Calais");
    assert!(first[at("materials")].contains("lead"), "{first:?}");
    assert!(first[at("material_labels")].contains("Lead"), "{first:?}");
    assert!(!csv_text.starts_with('\u{feff}'), "a plain CSV has no byte-order mark");

    let excel = |lang: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["--catalogue", FIXTURE, "--lang", lang, "export", "--tour", TOUR, "--format", "csv", "--excel"])
            .env_remove("BOUCLE_CATALOGUE")
            .env("XDG_DATA_HOME", "/nonexistent-boucle-test")
            .env("HOME", "/nonexistent-boucle-test")
            .output()
            .expect("run boucle");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    };
    let french = excel("fr");
    assert!(french.starts_with(b"\xEF\xBB\xBF"), "the byte-order mark Excel needs");
    let first_line = String::from_utf8_lossy(&french[3..]).lines().next().unwrap_or_default().to_string();
    assert!(first_line.starts_with("number;id;kind;"), "{first_line}");
    let english = excel("en");
    assert!(english.starts_with(b"\xEF\xBB\xBF") && english[3..].starts_with(b"number,id,kind,"));
    let refused = boucle_in(FIXTURE, &["export", "--tour", TOUR, "--format", "md", "--excel"]);
    assert_eq!(refused.status.code(), Some(2), "--excel is for CSV");
}

/// #22: numbers keep their units on one line in every output (no-break spaces), and the HTML
/// handout's tables of facts share one label width.
#[test]
fn numbers_keep_their_units_and_fact_tables_line_up() {
    let fixture = Fixture::new();
    let practice = PRACTICE.replace(
        r#"summary: (fr: "Des batteries au plomb régénérées à Béthune", en: "Lead-acid batteries regenerated in Béthune"),"#,
        r#"summary: (fr: "10 M€ pour 27 000 m²", en: "10 M€ for 27 000 m²"),"#,
    );
    assert_ne!(practice, PRACTICE);
    fixture.file("good-practices/battery-regeneration.ron", &practice);
    let dir = fixture.path().display().to_string();
    for format in ["md", "html", "json", "csv", "interreg"] {
        let output = boucle_in(&dir, &["export", "--entry", "battery-regeneration", "--format", format]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("10\u{a0}M€") && text.contains("27\u{a0}000\u{a0}m²"), "{format}: {text}");
    }
    let html = export(&["--tour", TOUR, "--format", "html"]);
    assert!(html.contains("grid-template-columns:11rem 1fr") && !html.contains("max-content"), "one label width");
}
