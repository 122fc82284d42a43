#!/bin/sh
# How often an idle dashboard wakes up, and what it costs (BENCHMARKS.md, "An idle dashboard").
#
#   scripts/idle-wakeups.sh [BINARY] [SECONDS] [ARGS…]
#
# Runs BINARY (default target/release/boucle) in a tmux window of its own (80x24, a tmux server
# on a private socket), waits for its first screen, then, touching nothing, reads the context
# switches of every thread of the process (voluntary + involuntary, from /proc/PID/task/*/status:
# each is one wake-up of a thread) and its CPU time (utime + stime from /proc/PID/stat) at the
# start, after 60 s, and after SECONDS (default 600). Prints one line per reading and a summary.
# ARGS go to the dashboard (default: none, the bundled catalogue).
set -eu
binary=${1:-target/release/boucle}
seconds=${2:-600}
[ $# -gt 2 ] && shift 2 || set --
dir=$(mktemp -d)
socket="$dir/tmux"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
tmux -S "$socket" -f /dev/null new-session -d -x 80 -y 24 \
    "env LANG=C.UTF-8 XDG_DATA_HOME=$dir/data $binary $*; sleep 600"
sleep 3
shell=$(tmux -S "$socket" display -p '#{pane_pid}')
pid=$(ps -o pid= --ppid "$shell" | head -1 | tr -d ' ')
[ -n "$pid" ] || { echo "no dashboard under the pane" >&2; exit 1; }
hz=$(getconf CLK_TCK)

switches() {
    cat /proc/"$pid"/task/*/status 2>/dev/null |
        awk '/^(voluntary|nonvoluntary)_ctxt_switches/ { n += $2 } END { print n }'
}
cpu_ticks() { awk '{ print $14 + $15 }' /proc/"$pid"/stat; }
threads() { ls /proc/"$pid"/task | wc -l; }

s0=$(switches); c0=$(cpu_ticks); t0=$(date +%s)
echo "pid $pid, $(threads) threads; start: $s0 switches, $c0 ticks of CPU"
sleep 60
s1=$(switches); c1=$(cpu_ticks)
echo "after 60 s: $((s1 - s0)) wake-ups, $((c1 - c0)) ticks of CPU"
rest=$((seconds - 60))
[ "$rest" -gt 0 ] && sleep "$rest"
s2=$(switches); c2=$(cpu_ticks); t2=$(date +%s)
elapsed=$((t2 - t0))
echo "after $elapsed s: $((s2 - s0)) wake-ups, $((c2 - c0)) ticks of CPU"
awk -v w="$((s2 - s0))" -v c="$((c2 - c0))" -v e="$elapsed" -v hz="$hz" 'BEGIN {
    printf "summary: %.1f wake-ups a minute, CPU %.2f s over %d s (%.3f %% of a core)\n",
        w * 60 / e, c / hz, e, 100 * c / hz / e }'
