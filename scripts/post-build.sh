#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), in order: trunk runs the hooks of
# one stage at the same time, and each step reads what the one before wrote.
#   0. the names between each wasm module and its glue shortened;
#   1. the JavaScript minified (terser);
#   2. the static pages: the default view in index.html, a page per record,
#      robots.txt (and sitemap.xml with PASSERELLES_PUBLIC_URL), the offline
#      passerelles.html (crates/build/src/bin/prerender.rs, the page's own components
#      rendered natively; it inlines the minified glue);
#   3. dist/_headers, whose CSP holds the hashes of the final inline scripts.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:-dist}"
node scripts/short-names.mjs
node scripts/minify.mjs
# Trunk's page kept as written, so the pages can be rendered again from it
# (the end-to-end tests do, with a public address).
mkdir -p target/site && cp "$dir/index.html" target/site/trunk-index.html
cargo run --quiet -p passerelles-build --features prerender --bin prerender -- "$dir" --template target/site/trunk-index.html
node scripts/csp.mjs
