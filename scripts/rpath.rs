// Shared build script body: emit `-Wl,-rpath,<libtorch>/lib` for this package's
// binaries, tests, benches and examples. torch-sys finds libtorch through the
// LIBTORCH variable (set by `.cargo/config.toml` to the `.libtorch` link that
// `scripts/setup.sh` makes); tch itself sets no run-time search path.
fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    if let Some(dir) = std::env::var_os("LIBTORCH") {
        let dir = std::path::PathBuf::from(dir);
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.join("lib").display());
    }
}
