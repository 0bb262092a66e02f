//! Puts libtorch's library folder into this program's run-time search path
//! (`-Wl,-rpath`), so that it starts without `LD_LIBRARY_PATH`: torch-sys
//! links libtorch but sets no run path, and a dependency's build script
//! cannot set one for its dependents. `LIBTORCH` comes from the lines
//! `scripts/setup.sh --env` prints into `.cargo/config.toml`.
fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    if let Some(dir) = std::env::var_os("LIBTORCH") {
        let dir = std::path::PathBuf::from(dir);
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.join("lib").display());
    }
}
