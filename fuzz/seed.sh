#!/bin/sh
# Seeds the fuzz targets' corpora (fuzz/corpus/<target>/, not committed) from the frozen fixture
# catalogue, a few queries and some key sequences. The first byte of each input is the target's
# control byte (see fuzz/harness/*.rs). Run from anywhere; safe to run again.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
fixture="$fuzz/../tests/fixtures/catalogue"
corpus="$fuzz/corpus"
mkdir -p "$corpus/load" "$corpus/query" "$corpus/ssh_input"

# load: the place byte follows PLACES in fuzz/harness/load.rs.
place() {
    case "$1" in
        good-practices/*) echo 0 ;; site-visits/*) echo 1 ;; events/*) echo 2 ;; tours/*) echo 3 ;;
        organisations/*) echo 4 ;; vocabularies/regions.ron) echo 5 ;; vocabularies/materials.ron) echo 6 ;;
        vocabularies/themes.ron) echo 7 ;; vocabularies/stages.ron) echo 8 ;;
        vocabularies/organisation-types.ron) echo 9 ;; *) echo none ;;
    esac
}
(cd "$fixture" && find . -name '*.ron' | sed 's|^\./||') | while read -r relative; do
    byte=$(place "$relative")
    [ "$byte" = none ] && continue
    { printf "\\$(printf '%03o' "$byte")"; cat "$fixture/$relative"; } > "$corpus/load/$(echo "$relative" | tr / _)"
done

# query: control byte, then the text typed in the search box.
n=0
for q in 'aimant' 'terres rares region:FRE12 mat:nd,pr -Béthune -kind:event' 'recyc' 'magnets' \
    'kind:visit year:2025 stage:recycling-recovery' 'org:team2 status:reviewed' '-kind:organisation magnet' \
    'théme:E5 foo:bar' 'zinc plomb cobalt lithium bauxite' 'year:2023..2025' 'Ça 中文 🌞 é ‮txt'; do
    n=$((n + 1))
    printf "\\$(printf '%03o' $((n * 37 % 256)))%s" "$q" > "$corpus/query/seed-$n"
done
# Long pastes: 100 kB of words, and of one long word (the query box keeps 256 characters).
{ printf '\001'; yes 'terres rares aimants région:FRE mat:nd -Béthune' | head -c 100000; } > "$corpus/query/paste-words"
{ printf '\002'; head -c 100000 /dev/zero | tr '\0' a; } > "$corpus/query/paste-one-word"

# ssh_input: control byte (how packets are cut), then what a terminal sends.
n=0
for keys in 'q' '/aimant\r' '\033[A\033[B\033OP\033[15~' '\033[200~terres rares\033[201~' \
    '\033[<0;10;5M\033[<65;3;4M' '\033\033[' '\003\032jjjk\t\033[Z' 'é中\033[1;5C\033[3~'; do
    n=$((n + 1))
    { printf "\\$(printf '%03o' $((n * 53 % 256)))"; printf "$keys"; } > "$corpus/ssh_input/seed-$n"
done
# Long pastes: 200 kB bracketed then keys; one that never ends; 100 kB typed without brackets.
{ printf '\007/\033[200~'; yes 'terres rares é' | head -c 200000; printf '\033[201~q'; } > "$corpus/ssh_input/paste-long"
{ printf '\011\033[200~'; head -c 150000 /dev/zero | tr '\0' x; } > "$corpus/ssh_input/paste-endless"
{ printf '\013/'; head -c 100000 /dev/zero | tr '\0' a; } > "$corpus/ssh_input/typed-flood"
echo "seeded: $(ls "$corpus/load" | wc -l) load, $(ls "$corpus/query" | wc -l) query, $(ls "$corpus/ssh_input" | wc -l) ssh_input"
