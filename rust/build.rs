//! Lists the crate's own source files for `SOURCES`, so that the build cache's code fingerprint
//! (`builder/build/signature.py`) changes whenever the core's code does.

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut files = vec![
        root.join("Cargo.toml"),
        root.join("Cargo.lock"),
        root.join("build.rs"),
    ];
    collect(&root.join("src"), &mut files);
    let mut code = String::from("pub const SOURCES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        code += &format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.to_string_lossy()
        );
        println!("cargo:rerun-if-changed={}", path.display());
    }
    code += "];\n";
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    fs::write(
        PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("sources.rs"),
        code,
    )
    .unwrap();
}
