#!/usr/bin/env bash
# The workbook with real programs (make test-workbook): LibreOffice Calc and
# the Frictionless validator, on the shipped data file.
#
# 1. The workbook exported as ODS and as XLSX, opened and saved again by
#    LibreOffice (headless), each as ODS and as XLSX: the four files import
#    back to data/passerelles.json byte for byte.
# 2. The sheet "Événements" saved by LibreOffice as CSV the way French
#    spreadsheets write it (";", Windows-1252): imported in place of that
#    sheet, the same file again.
# 3. Every JSON an import wrote passes the validator (bin validate).
# 4. The CSV tables `export --csv` writes, checked by Frictionless itself
#    against data/datapackage.json and data/tableschema/; a damaged copy
#    must be found invalid, so this check can fail.
#
# Needs soffice and .venv/bin/frictionless (scripts/setup.sh installs both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
DATA="$ROOT/data/passerelles.json"
WORK="$ROOT/target/workbook-test"
BIN="$ROOT/target/debug"
PROFILE="$(mktemp -d /tmp/passerelles-lo-XXXXXX)"
trap 'rm -rf "$PROFILE"' EXIT

say() { printf 'test-workbook: %s\n' "$*"; }
fail() { printf 'test-workbook: FAILED: %s\n' "$*" >&2; failed=$((failed + 1)); }
passed=0
failed=0
ok() { say "ok: $*"; passed=$((passed + 1)); }
now() { date +%s%N; }
took() { local ms=$(( ($(now) - $1) / 1000000 )); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

command -v soffice >/dev/null || { echo "soffice missing: run scripts/setup.sh" >&2; exit 1; }
[ -x .venv/bin/frictionless ] || { echo ".venv/bin/frictionless missing: run scripts/setup.sh" >&2; exit 1; }

cargo build --quiet -p passerelles-build --bin workbook --bin validate
rm -rf "$WORK" && mkdir -p "$WORK/lo"
# A profile of its own: never the user's, never shared between runs.
calc() { soffice "-env:UserInstallation=file://$PROFILE" --headless "$@" >/dev/null 2>&1; }

t=$(now)
"$BIN/workbook" export "$DATA" --out "$WORK/exported-ods.ods" >/dev/null
"$BIN/workbook" export "$DATA" --out "$WORK/exported-xlsx.xlsx" >/dev/null
say "export ODS + XLSX: $(took "$t")"

# One soffice run a target format, both files in it.
t=$(now)
calc --convert-to ods --outdir "$WORK/lo" "$WORK/exported-ods.ods" "$WORK/exported-xlsx.xlsx"
calc --convert-to xlsx --outdir "$WORK/lo" "$WORK/exported-ods.ods" "$WORK/exported-xlsx.xlsx"
# Token 3 "1" is Windows-1252, token 12 the sheet (2: Événements).
calc --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1,1,,0,false,true,true,false,false,2' \
  --outdir "$WORK/lo" "$WORK/exported-ods.ods"
say "LibreOffice: 3 runs, 5 files: $(took "$t")"

check_json() { # name json
  if ! cmp -s "$2" "$DATA"; then
    fail "$1: the JSON differs from data/passerelles.json"; diff "$2" "$DATA" | head -20 >&2; return
  fi
  if ! "$BIN/validate" "$2" >/dev/null; then
    fail "$1: the validator refuses the JSON"; return
  fi
  ok "$1 imports back byte for byte, and the validator passes it"
}

t=$(now)
for f in "$WORK"/lo/exported-ods.ods "$WORK"/lo/exported-xlsx.ods "$WORK"/lo/exported-ods.xlsx "$WORK"/lo/exported-xlsx.xlsx; do
  name="LibreOffice's $(basename "$f")"
  out="$f.json"
  if ! "$BIN/workbook" import "$f" --out "$out" > "$f.log" 2>&1; then
    fail "$name: import refused"; cat "$f.log" >&2; continue
  fi
  check_json "$name" "$out"
done
csv="$WORK/lo/exported-ods-Événements.csv"
if [ ! -f "$csv" ]; then
  fail "LibreOffice wrote no CSV of Événements"; ls "$WORK/lo" >&2
elif iconv -f UTF-8 -t UTF-8 "$csv" >/dev/null 2>&1; then
  fail "the CSV is UTF-8, not Windows-1252"
elif ! "$BIN/workbook" import "$csv" --sheet Événements --base "$DATA" --out "$csv.json" > "$csv.log" 2>&1; then
  fail "CSV import refused"; cat "$csv.log" >&2
else
  grep -q 'CSV lu en Windows-1252, séparateur « ; »' "$csv.log" || fail "the CSV was not read as Windows-1252 with ';'"
  check_json "LibreOffice's Événements as CSV (;, Windows-1252)" "$csv.json"
fi
say "imports: $(took "$t")"

# Frictionless, from the package's own folder (it refuses absolute paths).
t=$(now)
pkg="$WORK/package"
mkdir -p "$pkg"
cp data/datapackage.json "$pkg/" && cp -r data/tableschema "$pkg/"
"$BIN/workbook" export "$DATA" --csv "$pkg/csv" >/dev/null
if (cd "$pkg" && "$ROOT/.venv/bin/frictionless" validate datapackage.json > "$WORK/frictionless.log" 2>&1); then
  ok "Frictionless finds the 12 CSV tables valid against data/tableschema/"
else
  fail "Frictionless finds the CSV tables invalid"; tail -40 "$WORK/frictionless.log" >&2
fi
# The check can fail: a theme id no theme has, and an id of the wrong shape.
sed -i '2s/,[a-z-]*$/,emploie/' "$pkg/csv/themes-des-fiches.csv"
sed -i '2s/^[a-z0-9-]*,/AG 1,/' "$pkg/csv/accords.csv"
if (cd "$pkg" && "$ROOT/.venv/bin/frictionless" validate --json datapackage.json > "$WORK/frictionless-bad.json" 2>&1); then
  fail "Frictionless accepted damaged tables"
else
  for err in '"type": "foreign-key"' '"type": "constraint-error"'; do
    grep -q "$err" "$WORK/frictionless-bad.json" || fail "Frictionless did not report $err"
  done
  ok "Frictionless reports the damaged tables (foreign key, pattern)"
fi
say "Frictionless: $(took "$t")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
