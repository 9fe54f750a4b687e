#!/usr/bin/env bash
# Installs what building and testing Passerelles needs, and only what is
# missing: safe to run again and again (every `make` target calls it).
# Works unattended (CI=true, no stdin). Sources: crates.io, npm, Debian apt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

TRUNK_VERSION="0.21.14"
WASM_TARGET="wasm32-unknown-unknown"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found (install Rust with rustup first)"
command -v rustup >/dev/null || die "rustup not found (needed for the $WASM_TARGET target)"
command -v npm >/dev/null || die "npm not found (install nodejs and npm first)"

# 1. Rust target for the browser build.
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "rust target $WASM_TARGET: ok"
else
  say "rust target $WASM_TARGET: installing"
  rustup target add "$WASM_TARGET"
fi

# 2. trunk (0.22.x needs a newer rustc; without --locked 0.21.14 does not compile).
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: ok"
else
  say "trunk $TRUNK_VERSION: installing (found '${have_trunk:-none}'; takes ~8 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen CLI at exactly the wasm-bindgen version of Cargo.lock.
if ! grep -qx 'name = "wasm-bindgen"' Cargo.lock 2>/dev/null; then
  say "Cargo.lock missing or without wasm-bindgen: resolving it"
  cargo metadata --format-version 1 >/dev/null
fi
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen entry found in Cargo.lock"
have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(command -v wasm-bindgen-test-runner || true)"
if [ "$have_wbg" = "$WBG_VERSION" ] && [ -n "$have_runner" ]; then
  say "wasm-bindgen-cli $WBG_VERSION: ok"
else
  say "wasm-bindgen-cli $WBG_VERSION: installing (found '${have_wbg:-none}'; takes ~4 min)"
  # No --locked: the CLI's own lock pins a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# 4. The browsers, from Debian, never downloaded by a test tool: Chromium and
#    its WebDriver (wasm-bindgen-test, end-to-end tests), and for the core
#    journeys in every engine (tests/engines/) Firefox ESR, WebKitGTK's
#    WebDriver with its MiniBrowser, and xvfb-run to give WebKit a display.
missing_debs=()
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium + chromedriver: ok"
else
  missing_debs+=(chromium chromium-driver)
fi
if [ -x /usr/bin/firefox-esr ]; then
  say "firefox-esr: ok"
else
  missing_debs+=(firefox-esr)
fi
if [ -x /usr/bin/WebKitWebDriver ] && compgen -G '/usr/lib/*/webkit2gtk-4.1/MiniBrowser' >/dev/null; then
  say "webkit2gtk-driver (WebKitWebDriver, MiniBrowser): ok"
else
  missing_debs+=(webkit2gtk-driver)
fi
if command -v xvfb-run >/dev/null; then
  say "xvfb: ok"
else
  missing_debs+=(xvfb)
fi
if [ "${#missing_debs[@]}" -gt 0 ]; then
  say "${missing_debs[*]}: installing with apt-get"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update </dev/null
  $SUDO apt-get install -y "${missing_debs[@]}" </dev/null
fi

# 5. Debian packages the build and the tests read: the font the link
#    previews are set in (crates/build/src/site/preview.rs, found by fontdb),
#    a real OCR with its French words (tests/e2e/partners.test.mjs reads the
#    pictures back), and WordPress, for its own wp-embed.js (the partner
#    page of tests/e2e/partners.test.mjs loads it as WordPress would).
apt_missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || apt_missing+=(fonts-dejavu-core)
command -v tesseract >/dev/null || apt_missing+=(tesseract-ocr)
[ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/fra.traineddata 2>/dev/null)" ] || apt_missing+=(tesseract-ocr-fra)
[ -f /usr/share/wordpress/wp-includes/js/wp-embed.js ] || apt_missing+=(wordpress)
if [ ${#apt_missing[@]} -eq 0 ]; then
  say "fonts-dejavu-core, tesseract-ocr (fra), wordpress: ok"
else
  say "${apt_missing[*]}: installing with apt-get"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update </dev/null
  $SUDO apt-get install -y --no-install-recommends "${apt_missing[@]}" </dev/null
fi

# 6. npm tooling: binaryen (wasm-opt 132), terser, the browsers' drivers
#    (playwright-core; puppeteer-core and selenium-webdriver for the other
#    engines), axe-core, the parsers the export tests read files back with
#    (csv-parse, ical.js, ajv, @xmldom/xmldom), itemsjs.
if [ ! -d node_modules ] || { [ -f package-lock.json ] && [ package-lock.json -nt node_modules ]; }; then
  say "npm packages: installing"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund </dev/null
  else
    npm install --no-audit --no-fund </dev/null
  fi
  touch node_modules
else
  say "npm packages: ok"
fi

have_opt="$("$ROOT/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)"
case "$have_opt" in
  *"(version_132)"*) say "wasm-opt (npm binaryen): $have_opt" ;;
  *) die "node_modules/.bin/wasm-opt is not version 132 (got '${have_opt:-nothing}'); delete node_modules and rerun" ;;
esac

# 7. A real spreadsheet program for the workbook's tests (make test-workbook):
#    LibreOffice Calc, headless, opens and saves the exported workbooks.
if command -v soffice >/dev/null; then
  say "libreoffice (soffice): ok"
else
  say "libreoffice-calc-nogui: installing with apt-get (~10 s)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update </dev/null
  $SUDO apt-get install -y --no-install-recommends libreoffice-calc-nogui </dev/null
fi

# 8. The Frictionless validator (the one Validata runs), pinned, in .venv:
#    make test-workbook checks the CSV tables against data/tableschema/.
FRICTIONLESS_VERSION="5.21.0"
have_fl="$("$ROOT/.venv/bin/frictionless" --version 2>/dev/null || true)"
if [ "$have_fl" = "$FRICTIONLESS_VERSION" ]; then
  say "frictionless $FRICTIONLESS_VERSION (.venv): ok"
else
  command -v python3 >/dev/null || die "python3 not found (needed for the Frictionless validator)"
  say "frictionless $FRICTIONLESS_VERSION: installing in .venv (found '${have_fl:-none}')"
  [ -x "$ROOT/.venv/bin/pip" ] || python3 -m venv "$ROOT/.venv"
  "$ROOT/.venv/bin/pip" install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION" </dev/null
fi

say "done"
