#!/bin/sh
# Show what a newcomer sees: run bti's listings in a real terminal (tmux) at several widths
# and print each screen, flagging any line wider than the terminal.
#
#   scripts/terminal_widths.sh                 # every catalogue listing at 100, 80 and 60 columns
#   scripts/terminal_widths.sh 60 "measures list -t indicated" "services list --lang nn"
#
# Needs tmux. Runs .venv/bin/bti from the repository root (or `bti` on PATH); colour is on
# (NO_COLOR unset) so the screens are what a terminal user gets.
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
        "config show" "--help" "measures list --help"
fi

status=0
for width in $WIDTHS; do
    for command in "$@"; do
        session="bti-widths-$$"
        tmux new-session -d -s "$session" -x "$width" -y 300 \
            "env -u NO_COLOR -u COLUMNS -u LINES $BTI $command; tmux wait-for -S $session-done; sleep 60"
        tmux wait-for "$session-done"
        screen=$(tmux capture-pane -p -t "$session" -S 0 -E 299 | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
        tmux kill-session -t "$session"
        echo "=== bti $command  ($width columns)"
        echo "$screen"
        wide=$(printf '%s\n' "$screen" | "$PY" -c 'import sys; w = int(sys.argv[1]); print(sum(len(l.rstrip("\n")) > w for l in sys.stdin))' "$width")
        if [ "$wide" -gt 0 ]; then
            echo "!!! $wide line(s) wider than $width columns" >&2
            status=1
        fi
    done
done
exit $status
