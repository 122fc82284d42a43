//! Nothing imports a layer below itself: `src/lib.rs` lists the crate's modules from the bottom
//! layer up (`text` first, `cli` last), and each module may name only the modules listed before
//! it. Every path of every source file is read with `syn` (`use crate::…`, `crate::…::f()`, and
//! `super::…` climbing out of a module), so a stray import anywhere fails here, naming the file.
//!
//! A module's own unit tests (`#[cfg(test)]`) may drive it through a layer above (the shortlist's
//! reader in `files`' FIFO test): they are not part of the layer and are not read.
//!
//! The same reading finds circles between files: outside `src/ui` (which is being split into
//! screens), no file names a file that names it back, directly or round a longer loop. A file
//! naming its own parent module (what `mod.rs` declares and re-exports) is no circle.

use std::collections::BTreeSet;
use std::path::Path;

use syn::visit::Visit;

use crate::common::sources::{parse, repo as root, rust_files};

/// The layers in the order `src/lib.rs` lists them: the modules of its `//! - [`a`], [`b`]: …` lines,
/// bottom first, and modules declared but not in that list (the allocator) have no place.
fn layer_order() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    text.lines()
        .filter_map(|line| line.strip_prefix("//! - "))
        .map(|line| {
            let head = line.split(':').next().unwrap_or("");
            head.split(',')
                .filter_map(|part| part.trim().strip_prefix("[`")?.strip_suffix("`]").map(str::to_string))
                .filter(|name| !name.contains("::"))
                .collect::<Vec<_>>()
        })
        .filter(|names| !names.is_empty())
        .collect()
}

/// The module path of a file: `src/load/cache/mod.rs` is `load::cache`, `src/load/parse.rs`
/// `load::parse`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(root().join("src")).unwrap();
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// The modules a file's paths name, from `crate::x::…` or from `super::` climbing, as absolute
/// module paths (`["load", "parse", "decode"]`: the module part is found later).
struct Named<'a> {
    module: &'a [String],
    /// How deep the code being read is in inline modules of the file (`mod tests { … }`).
    inline: Vec<String>,
    found: BTreeSet<Vec<String>>,
}

impl Named<'_> {
    fn path(&mut self, segments: &[String]) {
        match segments.first().map(String::as_str) {
            Some("crate") if segments.len() > 1 => {
                self.found.insert(segments[1..].to_vec());
            }
            Some("super") => {
                let mut at: Vec<String> = self.module.iter().chain(&self.inline).cloned().collect();
                let mut rest = segments;
                while rest.first().map(String::as_str) == Some("super") {
                    at.pop();
                    rest = &rest[1..];
                }
                // Inline modules of this file are not files.
                at.truncate(at.len().min(self.module.len()));
                at.extend(rest.iter().cloned());
                if !at.is_empty() {
                    self.found.insert(at);
                }
            }
            _ => {}
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.path(prefix);
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.path(prefix);
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.path(prefix),
            syn::UseTree::Group(g) => g.items.iter().for_each(|item| self.use_tree(prefix, item)),
        }
    }
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.parse_args::<syn::Meta>().is_ok_and(|m| m.path().is_ident("test")))
}

impl<'ast> Visit<'ast> for Named<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if is_test_only(&item.attrs) {
            return;
        }
        self.inline.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.inline.pop();
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_fn(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if !is_test_only(&item.attrs) {
            self.use_tree(&mut Vec::new(), &item.tree);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.path(&segments);
        syn::visit::visit_path(self, path);
    }
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let layers = layer_order();
    let rank = |name: &str| layers.iter().position(|layer| layer.iter().any(|m| m == name));
    let listed: Vec<&String> = layers.iter().flatten().collect();
    assert!(listed.len() >= 12, "src/lib.rs lists the layers: {layers:?}");
    let files = rust_files(&root().join("src"));
    let mut wrong = Vec::new();
    for file in files {
        let module = module_of(&file);
        let Some(own) = module.first().and_then(|top| rank(top)) else { continue };
        let parsed = parse(&file);
        let mut named = Named { module: &module, inline: Vec::new(), found: BTreeSet::new() };
        named.visit_file(&parsed);
        for path in named.found {
            if let Some(theirs) = rank(&path[0])
                && theirs > own
            {
                let shown = file.strip_prefix(root()).unwrap().display();
                wrong.push(format!("{shown} ({}) imports {}", module[0], path[0]));
            }
        }
    }
    assert!(wrong.is_empty(), "imports of a layer above, by the order of src/lib.rs {layers:?}:\n{}", wrong.join("\n"));
}

#[test]
fn the_layer_order_is_every_module_of_the_crate() {
    let text = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let declared: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').to_string())
        .filter(|m| m != "allocator")
        .collect();
    let listed: BTreeSet<String> = layer_order().into_iter().flatten().collect();
    assert_eq!(declared, listed, "src/lib.rs places every module (but the allocator) in a layer");
}

/// Every source file's module path, and the module paths of the files its paths name (the
/// longest prefix of each path that is a file's module).
fn file_graph() -> Vec<(Vec<String>, BTreeSet<Vec<String>>)> {
    let files = rust_files(&root().join("src"));
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    files
        .iter()
        .map(|file| {
            let module = module_of(file);
            let parsed = parse(file);
            let mut named = Named { module: &module, inline: Vec::new(), found: BTreeSet::new() };
            named.visit_file(&parsed);
            let targets = named
                .found
                .into_iter()
                .filter_map(|path| (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|m| modules.contains(m)))
                // A module's parent declares it and re-exports from it: naming it is no circle.
                .filter(|target| *target != module && !module.starts_with(target))
                .collect();
            (module, targets)
        })
        .collect()
}

#[test]
fn no_circle_between_files_outside_the_ui() {
    let graph: Vec<(Vec<String>, BTreeSet<Vec<String>>)> =
        file_graph().into_iter().filter(|(module, _)| module.first().is_some_and(|top| top != "ui")).collect();
    let edges = |from: &Vec<String>| graph.iter().find(|(m, _)| m == from).map(|(_, t)| t.clone()).unwrap_or_default();
    let mut circles = Vec::new();
    for (start, _) in &graph {
        // A path back to `start`, breadth first, through files outside the ui.
        let mut seen: BTreeSet<Vec<String>> = BTreeSet::new();
        let mut queue: std::collections::VecDeque<Vec<Vec<String>>> =
            edges(start).into_iter().map(|t| vec![t]).collect();
        while let Some(path) = queue.pop_front() {
            let last = path.last().unwrap().clone();
            if last == *start {
                let names: Vec<String> = std::iter::once(start).chain(&path).map(|m| m.join("::")).collect();
                circles.push(names.join(" → "));
                break;
            }
            if last.first().is_some_and(|top| top == "ui") || !seen.insert(last.clone()) {
                continue;
            }
            queue.extend(edges(&last).into_iter().map(|next| [path.clone(), vec![next]].concat()));
        }
    }
    assert!(circles.is_empty(), "files that name each other:\n{}", circles.join("\n"));
}
