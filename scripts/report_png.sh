#!/bin/sh
# Render `bti report` of generated cases with headless Chromium to docs/img/report.png, so the
# docs show the page as a browser draws it (Debian: apt-get install -y chromium).
#
#   scripts/report_png.sh [MUNICIPALITY] [CASES] [OUT.png]
#
# The cases are synthetic (benchmarks/cases.py, fixed seed); the page is written to a temporary
# folder and opened from disk; Chromium runs with every background network feature off.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MUNICIPALITY=${1:-sondre-land}
CASES=${2:-1500}
OUT=${3:-$ROOT/docs/img/report.png}
PY=${PYTHON:-$ROOT/.venv/bin/python}
BROWSER=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
WORK=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$WORK" "$PROFILE"' EXIT

"$PY" "$ROOT/benchmarks/cases.py" --cases "$CASES" --out "$WORK/cases" --municipality "$MUNICIPALITY" \
  --seed 15 --years 2 --today 2026-11-23 --index >/dev/null
"$PY" -m bti_cli report --year 2026 --as-of 2026-11-23 -m "$MUNICIPALITY" --cases-dir "$WORK/cases" \
  --lang "${BTI_LANG:-nb}" -o "$WORK/report.html"
"$BROWSER" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$PROFILE" --hide-scrollbars \
  --screenshot="$OUT" --window-size="${WIDTH:-1100},${HEIGHT:-4200}" "file://$WORK/report.html" 2>/dev/null
echo "wrote $OUT"
