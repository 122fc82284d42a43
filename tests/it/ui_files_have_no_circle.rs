//! The files of `src/ui` import one another in one direction only: no file reaches, through
//! its imports, back to itself (#20 item 6). A circle is where a change in one file ripples
//! back into it, and where two responsibilities have grown into one; `update` importing
//! `app` while `app` called into `update` was one, `session` and `terminal` another.
//!
//! The sources are read with `syn`: every path a file names (its `use` items and the paths in
//! its code, but not doc links nor `pub(in …)`) is resolved to the file that defines it — a
//! name a `mod.rs` re-exports (`pub use child::Name`) to the child's file. Tests inside a file
//! (`#[cfg(test)]`) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

use crate::common::sources::{self, parse, rust_files};

fn root() -> PathBuf {
    sources::repo().join("src")
}

/// `ui/update/mod.rs` → `["ui", "update"]`; `ui/app.rs` → `["ui", "app"]`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(root()).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && matches!(&a.meta, syn::Meta::List(list) if list.tokens.to_string().contains("test"))
    })
}

/// Every path a file names, as segments.
#[derive(Default)]
struct Paths(Vec<Vec<String>>);

impl Paths {
    fn use_tree(&mut self, prefix: &[String], tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                let mut next = prefix.to_vec();
                next.push(p.ident.to_string());
                self.use_tree(&next, &p.tree);
            }
            syn::UseTree::Name(n) => self.push(prefix, &n.ident),
            syn::UseTree::Rename(r) => self.push(prefix, &r.ident),
            syn::UseTree::Glob(_) => self.0.push(prefix.to_vec()),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(prefix, t)),
        }
    }

    fn push(&mut self, prefix: &[String], last: &syn::Ident) {
        let mut path = prefix.to_vec();
        if last != "self" {
            path.push(last.to_string());
        }
        self.0.push(path);
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&[], &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.0.push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}
}

struct Crate {
    /// Module path → file.
    modules: BTreeMap<Vec<String>, PathBuf>,
    /// (a module's file, a name it re-exports) → the file the name comes from.
    reexports: BTreeMap<(PathBuf, String), PathBuf>,
}

impl Crate {
    fn read() -> Crate {
        let files = rust_files(&root());
        let modules: BTreeMap<Vec<String>, PathBuf> = files.iter().map(|f| (module_of(f), f.clone())).collect();
        let mut reexports = BTreeMap::new();
        for file in &files {
            let module = module_of(file);
            for item in parse(file).items {
                let syn::Item::Use(used) = item else { continue };
                if !matches!(used.vis, syn::Visibility::Public(_)) {
                    continue;
                }
                let mut paths = Paths::default();
                paths.use_tree(&[], &used.tree);
                for path in paths.0 {
                    let [child, .., name] = path.as_slice() else { continue };
                    let mut child_module = module.clone();
                    child_module.push(child.clone());
                    if let Some(child_file) = modules.get(&child_module) {
                        reexports.insert((file.clone(), name.clone()), child_file.clone());
                    }
                }
            }
        }
        Crate { modules, reexports }
    }

    /// The file a path named in `module` leads to, if it is one of the crate's.
    fn resolve(&self, module: &[String], path: &[String]) -> Option<PathBuf> {
        let (mut base, rest): (Vec<String>, &[String]) = match path.first().map(String::as_str) {
            Some("crate") => (Vec::new(), &path[1..]),
            Some("super" | "self") => {
                let mut base = module.to_vec();
                let mut rest = path;
                while let Some(first) = rest.first() {
                    match first.as_str() {
                        "super" => {
                            base.pop();
                        }
                        "self" => {}
                        _ => break,
                    }
                    rest = &rest[1..];
                }
                (base, rest)
            }
            // A child module of this one, named without `self::`.
            Some(first) if self.modules.contains_key(&[module, &[first.to_string()]].concat()) => {
                (module.to_vec(), path)
            }
            _ => return None,
        };
        let mut found = self.modules.get(&base).map(|file| (file.clone(), 0));
        for (i, segment) in rest.iter().enumerate() {
            base.push(segment.clone());
            match self.modules.get(&base) {
                Some(file) => found = Some((file.clone(), i + 1)),
                None => break,
            }
        }
        let (file, used) = found?;
        match rest.get(used) {
            Some(name) => Some(self.reexports.get(&(file.clone(), name.clone())).cloned().unwrap_or(file)),
            None => Some(file),
        }
    }
}

/// The imports between the files under `src/<folder>`.
fn edges(folder: &str) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let krate = Crate::read();
    let inside = root().join(folder);
    let mut edges = BTreeMap::new();
    for file in krate.modules.values().filter(|f| f.starts_with(&inside)) {
        let mut paths = Paths::default();
        paths.visit_file(&parse(file));
        let module = module_of(file);
        let targets: BTreeSet<PathBuf> = paths
            .0
            .iter()
            .filter_map(|path| krate.resolve(&module, path))
            .filter(|target| target != file && target.starts_with(&inside))
            .collect();
        edges.insert(file.clone(), targets);
    }
    edges
}

/// The groups of files that reach one another (Tarjan's strongly connected components), of
/// more than one file.
fn circles(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct Walk<'e> {
        edges: &'e BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'e PathBuf, usize>,
        low: BTreeMap<&'e PathBuf, usize>,
        stack: Vec<&'e PathBuf>,
        found: Vec<Vec<PathBuf>>,
    }
    impl<'e> Walk<'e> {
        fn visit(&mut self, v: &'e PathBuf) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in self.edges.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    group.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk { edges, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for v in edges.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_file_of_ui_reaches_back_to_itself() {
    let edges = edges("ui");
    assert!(edges.len() > 50, "the files of src/ui are read: {}", edges.len());
    let found = circles(&edges);
    assert!(found.is_empty(), "files of src/ui that import one another in a circle: {found:#?}");
}

#[test]
fn the_check_sees_a_circle() {
    let a = PathBuf::from("a.rs");
    let b = PathBuf::from("b.rs");
    let c = PathBuf::from("c.rs");
    let edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> =
        [(a.clone(), [b.clone()].into()), (b.clone(), [a.clone(), c.clone()].into()), (c.clone(), BTreeSet::new())]
            .into();
    assert_eq!(circles(&edges).len(), 1);
    // And the resolution sees imports: `update/mod.rs` routes to its children.
    let edges = edges_of_update();
    assert!(edges.iter().any(|t| t.ends_with("ui/update/browse.rs")), "{edges:?}");
}

fn edges_of_update() -> BTreeSet<PathBuf> {
    edges("ui").remove(&root().join("ui/update/mod.rs")).unwrap_or_default()
}

/// The method calls a file makes, by name.
#[derive(Default)]
struct Calls(Vec<String>);

impl<'ast> Visit<'ast> for Calls {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.0.push(call.method.to_string());
        syn::visit::visit_expr_method_call(self, call);
    }
}

/// Drawing only reads the state: no file of `src/ui/view` imports one of `src/ui/update`, and
/// none runs a search (the overview's counts, which need one when a charted facet has a value
/// selected, are taken in `update` when the results change, not at every frame).
#[test]
fn views_neither_update_nor_search() {
    let edges = edges("ui");
    let view = root().join("ui/view");
    let update = root().join("ui/update");
    for (file, targets) in edges.iter().filter(|(file, _)| file.starts_with(&view)) {
        let updates: Vec<&PathBuf> = targets.iter().filter(|t| t.starts_with(&update)).collect();
        assert!(updates.is_empty(), "{} imports {updates:?}", file.display());
        let mut calls = Calls::default();
        calls.visit_file(&parse(file));
        assert!(!calls.0.iter().any(|c| c == "search"), "{} searches while drawing", file.display());
    }
}

/// The identifiers a file names (in its code and types; not inside macros' arguments).
#[derive(Default)]
struct Idents(BTreeSet<String>);

impl<'ast> Visit<'ast> for Idents {
    fn visit_ident(&mut self, ident: &'ast syn::Ident) {
        self.0.insert(ident.to_string());
    }
}

/// Each view is handed its own part of the state and the view context (#20 item 1): only
/// `view/mod.rs`, which splits the `App` into them, names it. A view that took the whole `App`
/// could read any screen's state, and the parts would be parts in name only.
#[test]
fn views_take_their_part_not_the_app() {
    let view = root().join("ui/view");
    let files = rust_files(&view);
    let names_app = |file: &Path| {
        let mut idents = Idents::default();
        idents.visit_file(&parse(file));
        idents.0.contains("App")
    };
    // The check sees the App where it is named.
    assert!(names_app(&view.join("mod.rs")));
    let naming: Vec<_> = files.iter().filter(|f| **f != view.join("mod.rs") && names_app(f)).collect();
    assert!(naming.is_empty(), "these views name the whole App instead of taking their part: {naming:?}");
}
