#!/bin/sh
# The search pool's one `unsafe` (src/query/pool.rs: a closure on the caller's stack handed to the
# helper threads as 'static) under Miri, which reports any use of it after `run` returns.
#
# pool.rs uses std only, so it is built alone in a scratch crate: Miri never has to interpret
# the crate's C dependencies (mimalloc, ring). Miri gives a program one core unless told otherwise,
# and a pool without helpers would prove nothing: 4 cores, and the helpers (which live as long as
# the process) are not reported as leaks. About 90 s on a 2-core machine.
#
# Once: rustup +nightly component add miri rust-src
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
printf '[package]\nname = "miri-pool"\nversion = "0.0.0"\nedition = "2024"\n' > "$dir/Cargo.toml"
printf 'pub mod query {\n    #[path = "%s/src/query/pool.rs"]\n    pub mod pool;\n}\n' "$root" > "$dir/src/lib.rs"
cd "$dir"
MIRIFLAGS="-Zmiri-num-cpus=4 -Zmiri-ignore-leaks" cargo +nightly miri test
