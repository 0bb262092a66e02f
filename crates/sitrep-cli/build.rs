//! Embeds libtorch's library folder as an rpath so tests, benches and binaries run
//! without LD_LIBRARY_PATH. The same file is included by every package that links
//! libtorch into an executable (see scripts/rpath.rs).
include!("../../scripts/rpath.rs");
