//! The shape of the crate, checked: dependencies point one way between the layers (`app` -> `cli`
//! -> `jobs` -> `store`, `sampling` -> `model` -> `math`), no module imports one that imports it
//! back, nothing below the command line names a flag, the Python extension reaches the library
//! without the command line, and the CSV contract written outside the Rust code (README, plots)
//! is the one the row types define.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file: `src/jobs/record.rs` -> `["jobs", "record"]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(repo().join("src")).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The modules a file refers to, as absolute paths of up to two parts (`crate::a::b`,
/// `super::b` resolved), from code lines only (not comments).
fn references(file: &Path) -> BTreeSet<Vec<String>> {
    let module = module_of(file);
    let text = std::fs::read_to_string(file).unwrap();
    let mut refs = BTreeSet::new();
    let ident = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|p| {
                p.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|p| !p.is_empty() && p.chars().next().unwrap().is_lowercase())
            .take(2)
            .collect()
    };
    for line in text.lines() {
        let code = line.split("//").next().unwrap();
        for (i, _) in code.match_indices("crate::") {
            let path = ident(&code[i + "crate::".len()..]);
            if !path.is_empty() {
                refs.insert(path);
            }
        }
        for (i, _) in code.match_indices("super::") {
            if i >= 2 && &code[i - 2..i] == "::" {
                continue;
            }
            let mut parent = module.clone();
            // `super` of a folder's mod.rs is the folder's parent; of a file, its folder.
            let is_mod = file.ends_with("mod.rs");
            parent.pop();
            if is_mod {
                parent.pop();
            }
            let rest = ident(&code[i + "super::".len()..]);
            let mut path = parent;
            path.extend(rest);
            path.truncate(2);
            if !path.is_empty() {
                refs.insert(path);
            }
        }
    }
    refs
}

/// The layer of a top-level module: a module may use only modules of lower layers, or its own.
fn layer(top: &str) -> u32 {
    match top {
        "math" => 0,
        "model" => 1,
        "error" => 2,
        "sampling" | "store" => 3,
        "jobs" => 4,
        "cli" => 5,
        "app" => 6,
        "main" | "" => 7,
        other => panic!("module '{other}' has no layer: add it to tests/architecture.rs"),
    }
}

#[test]
fn dependencies_point_down_the_layers() {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    let mut bad = Vec::new();
    for file in &files {
        let module = module_of(file);
        let top = module.first().map_or("", String::as_str);
        for r in references(file) {
            let to = r[0].as_str();
            let allowed = to == top || layer(to) < layer(top);
            // The mathematics stands alone: not even the crate's error type.
            let math_alone = top != "math" || to == "math";
            if !allowed || !math_alone {
                bad.push(format!("{} uses crate::{}", file.display(), r.join("::")));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the layers (math <- model <- sampling, store <- jobs <- cli <- app):\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    // Edges between sibling modules of one folder, and between top-level modules.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        for r in references(file) {
            let (from, to) = if module.first() == r.first() && module.len() >= 2 && r.len() >= 2 {
                (module[..2].to_vec(), r.clone())
            } else {
                (module[..module.len().min(1)].to_vec(), r[..1].to_vec())
            };
            if from != to && !from.is_empty() {
                edges.entry(from).or_default().insert(to);
            }
        }
    }
    // Depth-first search for a cycle.
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        if let Some(i) = stack.iter().position(|s| s == node) {
            return Some(stack[i..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!("import cycle: {} -> back", names.join(" -> "));
        }
    }
}

/// A flag (`--widths`) written in a string, outside comments.
fn names_a_flag(line: &str) -> bool {
    let code = line.split("//").next().unwrap();
    code.match_indices("\"--")
        .any(|(i, _)| code[i + 3..].starts_with(|c: char| c.is_ascii_lowercase()))
}

/// The domain, the jobs, the store and the samplers speak of parameters ([`Param`]), never of
/// flags: the command line alone maps one to the other (`cli::flags`), and Python maps them to
/// its argument names. (`app`, above `cli`, builds the command lines of experiment steps.)
#[test]
fn nothing_below_the_command_line_names_a_flag() {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    let mut bad = Vec::new();
    for file in &files {
        let top = module_of(file).first().cloned().unwrap_or_default();
        if matches!(top.as_str(), "cli" | "app" | "main" | "") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests may feed command lines to what they test.
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (i, line) in code.lines().enumerate() {
            if names_a_flag(line) {
                bad.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "flags named below cli/:\n{}",
        bad.join("\n")
    );
}

/// The Python extension builds the domain's types itself; it neither fills the command line's
/// structs nor uses its parsers.
#[test]
fn the_python_extension_does_not_use_the_command_line() {
    let lib = std::fs::read_to_string(repo().join("python/src/lib.rs")).unwrap();
    let code: Vec<&str> = lib.lines().map(|l| l.split("//").next().unwrap()).collect();
    assert!(
        !code
            .iter()
            .any(|l| l.contains("mc_gumbel::cli") || l.contains("mc_gumbel::app")),
        "python/src/lib.rs uses the command line (mc_gumbel::cli or ::app)"
    );
    assert!(
        !code.iter().any(|l| names_a_flag(l)),
        "python/src/lib.rs names a flag"
    );
}

/// `docs/columns.json` is what `mc-gumbel columns` prints; the plot scripts read the same list
/// through the Python package, from the library.
#[test]
fn columns_file_matches_the_row_types() {
    let want: serde_json::Map<String, serde_json::Value> = mc_gumbel::jobs::csv_columns()
        .into_iter()
        .map(|(f, c)| (f.to_string(), c.into()))
        .collect();
    let path = repo().join("docs/columns.json");
    let have: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        have,
        serde_json::Value::Object(want),
        "docs/columns.json is stale: regenerate it with `cargo run --release -- columns > docs/columns.json`"
    );
    let common = std::fs::read_to_string(repo().join("plots/common.py")).unwrap();
    let reader = std::fs::read_to_string(repo().join("python/mc_gumbel/results.py")).unwrap();
    assert!(
        common.contains("from mc_gumbel.results import COLUMNS")
            && reader.contains("_core.columns()"),
        "plots/common.py must take the contract from the package's reader, which takes it from \
         the library's row types (`csv_columns`)"
    );
}

/// Every column list the README shows is a table's header as the row types define it.
#[test]
fn readme_shows_the_headers_of_the_row_types() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for (file, cols) in mc_gumbel::jobs::csv_columns() {
        let header = cols.join(",");
        assert!(
            readme.contains(&header),
            "README.md does not show the columns of {file}:\n  {header}"
        );
    }
}
