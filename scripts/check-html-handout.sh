#!/usr/bin/env bash
# The HTML handout in a real browser: exports the fixture's tour and a shortlist to HTML, opens
# each in headless Chromium, takes a phone-sized and a desktop-sized screenshot, and prints it to
# PDF (then to PNG pages, with poppler's pdftoppm when present). Fails when Chromium cannot
# render or print a page. The images are left in $OUT (default target/html-handout-check) for
# a person to look at: what a participant sees on a phone, and what a printer gets.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "check-html-handout: chromium is not installed (apt-get install -y chromium)" >&2
    exit 1
fi
OUT=${OUT:-target/html-handout-check}
BOUCLE=${BOUCLE:-target/release/boucle}
[ -x "$BOUCLE" ] || cargo build --release --locked
rm -rf "$OUT" && mkdir -p "$OUT"
FIXTURE=tests/fixtures/catalogue

cat > "$OUT/shortlist.ron" <<'RON'
(version: 1, entries: [
    (id: "bringback-lead-acid-regeneration", note: "Ask about the regeneration rate"),
    (id: "gone-since-last-year"),
    (id: "zinc-loop-hauts-de-france", note: "Compare with our zinc flows"),
])
RON

"$BOUCLE" --catalogue "$FIXTURE" --lang fr export --tour peer-review-lille-2025 --format html --output "$OUT/tour.html" 2>/dev/null
"$BOUCLE" --catalogue "$FIXTURE" --lang en export --shortlist "$OUT/shortlist.ron" --format html --output "$OUT/shortlist.html" 2>/dev/null

run_chromium() {
    local profile
    profile=$(mktemp -d)
    # No network, no first-run or sync traffic: the page must need nothing from elsewhere.
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" >/dev/null 2>&1
    local status=$?
    rm -rf "$profile"
    return $status
}

for page in tour shortlist; do
    url="file://$(realpath "$OUT/$page.html")"
    run_chromium --window-size=412,915 --screenshot="$OUT/$page-phone.png" "$url"
    run_chromium --window-size=1280,900 --screenshot="$OUT/$page-desktop.png" "$url"
    run_chromium --no-pdf-header-footer --print-to-pdf="$OUT/$page.pdf" "$url"
    for file in "$OUT/$page-phone.png" "$OUT/$page-desktop.png" "$OUT/$page.pdf"; do
        # A blank page is a few hundred bytes; a rendered handout is far more.
        size=$(stat -c %s "$file" 2>/dev/null || echo 0)
        if [ "$size" -lt 5000 ]; then
            echo "check-html-handout: $file is missing or blank ($size bytes)" >&2
            exit 1
        fi
    done
    if command -v pdftoppm >/dev/null 2>&1; then
        pdftoppm -png -r 50 "$OUT/$page.pdf" "$OUT/$page-print"
        pages=$(ls "$OUT/$page"-print*.png | wc -l)
        echo "check-html-handout: $page: screenshots and $pages printed page(s) in $OUT"
    else
        echo "check-html-handout: $page: screenshots and PDF in $OUT"
    fi
done
