#!/usr/bin/env bash
# Pictures of the projector's screens, to look at as a facilitator at the back of a room would:
# the overview (charts and map) of the fixture catalogue at 160x48 in the light theme, the same
# with `--region FRE`, and the Lille tour presented at 200x60 with its route on the map (the
# bundled catalogue). Each screen is run in tmux, captured with its colours
# (`capture-pane -e`), turned into HTML (scripts/ansi-to-html.py) and photographed by headless
# Chromium (run as scripts/check-html-handout.sh runs it). PNGs are left in $OUT (default
# target/overview-pictures).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "render-overview-png: chromium is not installed (apt-get install -y chromium)" >&2
    exit 1
fi
command -v tmux >/dev/null || { echo "render-overview-png: tmux is not installed" >&2; exit 1; }
OUT=${OUT:-target/overview-pictures}
BOUCLE=${BOUCLE:-target/release/boucle}
[ -x "$BOUCLE" ] || cargo build --release --locked
rm -rf "$OUT" && mkdir -p "$OUT"
FIXTURE=tests/fixtures/catalogue
SOCKET="render-overview-$$"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true' EXIT

# shot NAME WIDTH HEIGHT KEYS COMMAND...: runs COMMAND in a WIDTHxHEIGHT terminal, types KEYS
# (one tmux key name per word), and photographs the screen.
shot() {
    local name=$1 width=$2 height=$3 keys=$4
    shift 4
    tmux -L "$SOCKET" kill-server 2>/dev/null || true
    tmux -L "$SOCKET" new-session -d -x "$width" -y "$height" "$*"
    sleep 2
    for key in $keys; do
        tmux -L "$SOCKET" send-keys "$key"
        sleep 0.4
    done
    sleep 1
    tmux -L "$SOCKET" capture-pane -e -p > "$OUT/$name.ansi"
    tmux -L "$SOCKET" kill-server
    python3 scripts/ansi-to-html.py "$OUT/$name.ansi" "$OUT/$name.html" '#ffffff'
    local profile
    profile=$(mktemp -d)
    # About 9.6 x 18 pixels a cell with DejaVu Sans Mono at 16 px, and a margin.
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$profile" --window-size="$((width * 963 / 100 + 16)),$((height * 18 + 16))" \
        --screenshot="$OUT/$name.png" "file://$(realpath "$OUT/$name.html")" >/dev/null 2>&1
    rm -rf "$profile"
    size=$(stat -c %s "$OUT/$name.png" 2>/dev/null || echo 0)
    if [ "$size" -lt 5000 ]; then
        echo "render-overview-png: $OUT/$name.png is missing or blank ($size bytes)" >&2
        exit 1
    fi
    echo "render-overview-png: $OUT/$name.png"
}

shot overview-160x48-light 160 48 "3" "$BOUCLE" --catalogue "$FIXTURE" --theme light --lang fr
shot overview-region-FRE-160x48-light 160 48 "3" "$BOUCLE" --catalogue "$FIXTURE" --theme light --lang fr --region FRE
shot present-lille-200x60-light 200 60 "Right" "$BOUCLE" --theme light --lang fr present raw4res-peer-review-lille-2025
