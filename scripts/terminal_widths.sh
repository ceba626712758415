#!/bin/sh
# Show what a newcomer sees: run bti's listings in a real terminal (tmux) at several widths
# and print each screen, flagging any line wider than the terminal.
#
#   scripts/terminal_widths.sh                 # every listing at 100, 80 and 60 columns
#   scripts/terminal_widths.sh 60 "measures list -t indicated" "services list --lang nn"
#   scripts/terminal_widths.sh 80 "cases show CASE --for guardians --lang en"
#
# Needs tmux. Runs .venv/bin/bti from the repository root (or `bti` on PATH); colour is on
# (NO_COLOR unset) so the screens are what a terminal user gets. The commands run with a
# throwaway cases folder and config file holding two cases made from examples/answers
# (level1.toml and level3.toml); CASE in a command stands for the level-3 case, CASE1 for the
# level-1 case. Your own cases and settings are never read.
set -eu
cd "$(dirname "$0")/.."
BTI=.venv/bin/bti
[ -x "$BTI" ] || BTI=bti
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
command -v tmux >/dev/null || { echo "terminal_widths.sh: tmux is not installed" >&2; exit 1; }

if [ $# -gt 0 ]; then
    WIDTHS=$1; shift
else
    WIDTHS="100 80 60"
    set -- "measures list" "measures list -g tier" "measures show marte-meo-helsestasjon" \
        "services list" "arenas list" "coordinators" "data areas" "data municipalities" \
        "data process" "suggest --age 9 --area learning --arena school -n 3" \
        "suggest --level 3 --age 16 --area mental-health -n 3" \
        "cases show CASE1" "cases show CASE" "cases verify" "cases show CASE --for guardians" \
        "cases list" "due --within 60" "stats" "stats --by service" \
        "config show" "--help" "measures list --help" "start --help"
fi

HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bti-widths.XXXXXX")
trap 'rm -rf "$HOME_DIR"' EXIT
ENVIRONMENT="BTI_CASES_DIR=$HOME_DIR/cases BTI_CONFIG=$HOME_DIR/config.toml BTI_CACHE_DIR=$HOME_DIR/cache"
example_case() {
    env $ENVIRONMENT BTI_LANG=nb NO_COLOR=1 "$BTI" start --no-input --answers "examples/answers/$1" \
        | sed -n 's/.*\(BTI-[0-9]\{4\}-[0-9A-Z]\{5\}\).*/\1/p' | tail -n 1
}
CASE1=$(example_case level1.toml)
CASE3=$(example_case level3.toml)

status=0
for width in $WIDTHS; do
    for command in "$@"; do
        session="bti-widths-$$"
        line=$(printf '%s' "$command" | sed -e "s/\bCASE1\b/$CASE1/g" -e "s/\bCASE\b/$CASE3/g")
        tmux new-session -d -s "$session" -x "$width" -y 300 \
            "env -u NO_COLOR -u COLUMNS -u LINES $ENVIRONMENT $BTI $line; tmux wait-for -S $session-done; sleep 60"
        tmux wait-for "$session-done"
        screen=$(tmux capture-pane -p -t "$session" -S 0 -E 299 | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
        tmux kill-session -t "$session"
        echo "=== bti $line  ($width columns)"
        echo "$screen"
        wide=$(printf '%s\n' "$screen" | "$PY" -c 'import sys; w = int(sys.argv[1]); print(sum(len(l.rstrip("\n")) > w for l in sys.stdin))' "$width")
        if [ "$wide" -gt 0 ]; then
            echo "!!! $wide line(s) wider than $width columns" >&2
            status=1
        fi
    done
done
exit $status
