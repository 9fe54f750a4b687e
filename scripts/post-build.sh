#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), in order: trunk runs the hooks of
# one stage at the same time, and each step reads what the one before wrote.
#   0. the names between each wasm module and its glue shortened;
#   1. the JavaScript minified (terser), and the page's loader
#      (assets/loader.js) into target/site/loader.js;
#   2. the offline file's script: wasm-bindgen's own glue for classic
#      scripts (--target no-modules), from the page as cargo compiled it for
#      this build, into target/site/offline/;
#   3. the static pages, each written whole by the build's template: the
#      default view, a page per record, the glossary, in both languages,
#      robots.txt (and sitemap.xml with PASSERELLES_PUBLIC_URL), the offline
#      passerelles.html (crates/build/src/bin/prerender.rs, the page's own
#      components rendered natively);
#   4. dist/_headers, whose CSP holds the hashes of the final inline scripts.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:-dist}"
profile="${TRUNK_PROFILE:-release}"
node scripts/short-names.mjs
node scripts/minify.mjs
node scripts/minify.mjs --classic assets/loader.js target/site/loader.js

target_dir="$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).target_directory))')"
offline=target/site/offline
rm -rf "$offline"
wasm-bindgen --target no-modules --no-typescript --out-dir "$offline" "$target_dir/wasm32-unknown-unknown/$profile/passerelles.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz "$offline/passerelles_bg.wasm" -o "$offline/passerelles_bg.wasm"
fi
node scripts/minify.mjs --classic "$offline/passerelles.js" "$offline/passerelles.js"

cargo run --quiet -p passerelles-build --features prerender --bin prerender -- "$dir"
node scripts/csp.mjs
