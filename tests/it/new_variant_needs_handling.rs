//! A new screen or overlay must not slip in unhandled: a `match` that names a variant of `Screen`
//! or `Overlay` and has a `_` pattern names all of them (no `_` covers a variant silently; a
//! binding hands the value on to a match of its own), and the key
//! contexts, the drawing and the update routing each hold such a match. The compiler then
//! refuses a new variant until each of those places handles it.
//!
//! The sources are read with `syn` rather than compiled again: the earlier proof copied the crate
//! and ran `cargo check` on it in a target folder of its own, 123 s of a fresh `cargo test`.

use std::collections::BTreeSet;

use syn::visit::Visit;

use crate::common::sources::{parse, repo as root, rust_files};

/// The variants of `enum {name}` in `src/ui/screen.rs`.
fn variants(name: &str) -> BTreeSet<String> {
    let file = parse(&root().join("src/ui/screen.rs"));
    file.items
        .iter()
        .find_map(|item| match item {
            syn::Item::Enum(e) if e.ident == name => Some(e.variants.iter().map(|v| v.ident.to_string()).collect()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("src/ui/screen.rs declares enum {name}"))
}

/// The matches of a file that name a variant of `enum_name`. A pattern is read by position
/// (`Target::Overlay.0`, a tuple's `.1`…): at a position where some arm names a variant, a `_`
/// in another arm could stand for a variant nobody handles, while a binding hands the value on.
#[derive(Default)]
struct Matches {
    enum_name: String,
    /// The variants named at a position where a `_` stands too.
    found: Vec<BTreeSet<String>>,
    /// Every match that names a variant.
    handled: usize,
}

/// Per position in a match's patterns: the variants named there, and whether a `_` stands there.
type Positions = std::collections::BTreeMap<String, (BTreeSet<String>, bool)>;

impl Matches {
    fn read(&self, pat: &syn::Pat, at: &str, into: &mut Positions) {
        let path_name = |path: &syn::Path| path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>();
        let mut variant = |path: &syn::Path| {
            if let [.., e, v] = path_name(path).as_slice()
                && *e == self.enum_name
            {
                into.entry(at.to_string()).or_default().0.insert(v.clone());
            }
        };
        match pat {
            syn::Pat::Wild(_) => into.entry(at.to_string()).or_default().1 = true,
            syn::Pat::Path(p) => variant(&p.path),
            syn::Pat::TupleStruct(p) => {
                variant(&p.path);
                let base = path_name(&p.path).join("::");
                for (i, e) in p.elems.iter().enumerate() {
                    self.read(e, &format!("{at}/{base}.{i}"), into);
                }
            }
            syn::Pat::Struct(p) => {
                variant(&p.path);
                let base = path_name(&p.path).join("::");
                for f in &p.fields {
                    let member = match &f.member {
                        syn::Member::Named(n) => n.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    self.read(&f.pat, &format!("{at}/{base}.{member}"), into);
                }
            }
            syn::Pat::Tuple(p) => {
                for (i, e) in p.elems.iter().enumerate() {
                    self.read(e, &format!("{at}.{i}"), into);
                }
            }
            syn::Pat::Or(p) => p.cases.iter().for_each(|c| self.read(c, at, into)),
            syn::Pat::Reference(p) => self.read(&p.pat, at, into),
            syn::Pat::Paren(p) => self.read(&p.pat, at, into),
            syn::Pat::Ident(p) => {
                if let Some((_, sub)) = &p.subpat {
                    self.read(sub, at, into);
                }
            }
            _ => {}
        }
    }
}

impl<'ast> Visit<'ast> for Matches {
    fn visit_expr_match(&mut self, node: &'ast syn::ExprMatch) {
        let mut positions = Positions::new();
        for arm in &node.arms {
            self.read(&arm.pat, "", &mut positions);
        }
        let mut names = false;
        for (named, wild) in positions.into_values() {
            names |= !named.is_empty();
            if !named.is_empty() && wild {
                self.found.push(named);
            }
        }
        self.handled += usize::from(names);
        syn::visit::visit_expr_match(self, node);
    }
}

/// Every file under `src/` that names a variant of `enum_name` in a match, with those of its
/// matches that also hold a `_`.
fn matches_of(enum_name: &str) -> Vec<(String, Vec<BTreeSet<String>>)> {
    let files = rust_files(&root().join("src"));
    files
        .iter()
        .map(|path| {
            let mut visitor = Matches { enum_name: enum_name.to_string(), ..Matches::default() };
            visitor.visit_file(&parse(path));
            let relative = path.strip_prefix(root()).unwrap().to_string_lossy().into_owned();
            (relative, visitor.found, visitor.handled > 0)
        })
        .filter(|(_, _, handles)| *handles)
        .map(|(file, found, _)| (file, found))
        .collect()
}

fn check(enum_name: &str, places: &[&str]) {
    let all = variants(enum_name);
    let found = matches_of(enum_name);
    for (file, matches) in &found {
        for named in matches {
            let missing: Vec<&String> = all.difference(named).collect();
            assert!(missing.is_empty(), "{file}: a match on {enum_name} leaves {missing:?} to `_`; name every variant");
        }
    }
    for place in places {
        assert!(
            found.iter().any(|(file, _)| file == place),
            "{place} must handle every {enum_name} in a match: {:?}",
            found.iter().map(|(f, _)| f).collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_match_on_a_screen_names_every_screen() {
    // The update layers route each screen (`update/mod.rs`), and `p` presents what each shows
    // (`update/present.rs`).
    check("Screen", &["src/ui/keymap.rs", "src/ui/view/mod.rs", "src/ui/update/mod.rs", "src/ui/update/present.rs"]);
}

#[test]
fn every_match_on_an_overlay_names_every_overlay() {
    // The update layers route each overlay (`update/mod.rs`), and an overlay closes by the key
    // that opens it (`update/overlay.rs`).
    check("Overlay", &["src/ui/keymap.rs", "src/ui/view/mod.rs", "src/ui/update/mod.rs", "src/ui/update/overlay.rs"]);
}

#[test]
fn the_check_sees_a_catch_all_arm() {
    // The visitor itself: a match that leaves a variant to `_` is caught.
    let file: syn::File = syn::parse_quote! {
        fn f(s: Screen) { match s { Screen::Browse => {}, _ => {} } }
        fn g(s: Screen) { match s { Screen::Browse => {}, other => h(other) } }
    };
    let mut visitor = Matches { enum_name: "Screen".into(), ..Matches::default() };
    visitor.visit_file(&file);
    let all = variants("Screen");
    assert_eq!(visitor.found.len(), 1, "only the match with `_` can hide a variant");
    assert_eq!(visitor.handled, 2);
    assert!(all.difference(&visitor.found[0]).count() >= 1);
}
