//! Loads, checks and makes the documents' data of the example repository
//! with one of its YAML files replaced by the fuzzer's bytes: the first byte
//! picks the file, the rest is its content. Any panic is a finding; add the
//! input to tests/bad/ as a case (the files that differ from
//! tests/good/minimal) with what rsr should say of it.
//!
//! With cargo-fuzz and a nightly toolchain:
//!
//!     cargo +nightly fuzz run load -- -max_total_time=600
//!
//! On stable, without sanitizers, in fuzz/:
//!
//!     RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
//!       -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
//!       -Cllvm-args=-sanitizer-coverage-pc-table \
//!       -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Coverflow-checks" \
//!       cargo build --release --target x86_64-unknown-linux-gnu --bin load
//!     target/x86_64-unknown-linux-gnu/release/load corpus -max_total_time=600
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// A copy of the examples, made once, and its YAML files.
fn repository() -> &'static (tempfile_dir::Dir, Vec<PathBuf>) {
    static REPOSITORY: OnceLock<(tempfile_dir::Dir, Vec<PathBuf>)> = OnceLock::new();
    REPOSITORY.get_or_init(|| {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir = tempfile_dir::Dir::new();
        std::fs::copy(examples.join("rsr.yaml"), dir.0.join("rsr.yaml")).unwrap();
        let mut files = vec![PathBuf::from("rsr.yaml")];
        for entry in walkdir_lite(&examples.join("meetings")) {
            let relative = entry.strip_prefix(&examples).unwrap().to_path_buf();
            std::fs::create_dir_all(dir.0.join(&relative).parent().unwrap()).unwrap();
            std::fs::copy(&entry, dir.0.join(&relative)).unwrap();
            if relative.extension().is_some_and(|x| x == "yaml") {
                files.push(relative);
            }
        }
        files.sort();
        (dir, files)
    })
}

/// Every file under `dir`.
fn walkdir_lite(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walkdir_lite(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// A temporary folder removed at exit, without another dependency.
mod tempfile_dir {
    pub struct Dir(pub std::path::PathBuf);

    impl Dir {
        pub fn new() -> Dir {
            let path = std::env::temp_dir().join(format!("rsr-fuzz-{}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let (dir, files) = repository();
    let file = dir.0.join(&files[pick as usize % files.len()]);
    let original = std::fs::read(&file).unwrap();
    std::fs::write(&file, content).unwrap();
    let checked = rsr::check::check_loaded(rsr::repo::load::load(&dir.0));
    if let (Some(repository), 0) = (&checked.repository, checked.errors()) {
        rsr::docs::documents(repository, &rsr::docs::Filter::default());
    }
    std::fs::write(&file, original).unwrap();
});
