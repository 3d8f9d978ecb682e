#!/bin/sh
# Screenshots of `hfctl status` (80x24 and 120x40), of the website's front page, the SSU
# page and a held SSU meeting's page, and of the first printed page (A4) of an agenda and of
# approved minutes, from the bundled data, into docs/screenshots/.
# Needs headless chromium (and pdftoppm, poppler-utils, for the printed pages).
# Run from the repository's root: sh docs/screenshots.sh
set -eu
day=${1:-2026-12-01}
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shot() { # width height url png
  chromium --headless --no-sandbox --hide-scrollbars --window-size="$1,$2" \
    --screenshot="$3" "$4" 2>/dev/null
}
for size in 80x24 120x40; do
  cols=${size%x*}; lines=${size#*x}
  COLUMNS=$cols LINES=$lines hfctl status --today "$day" --format svg > "$tmp/status-$size.svg"
  # the SVG's own size, so the picture is the whole terminal and nothing more
  w=$(sed -n 's/.*<svg[^>]*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\1/p' "$tmp/status-$size.svg" | head -1)
  h=$(sed -n 's/.*<svg[^>]*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\2/p' "$tmp/status-$size.svg" | head -1)
  shot "${w%.*}" "${h%.*}" "$out/status-$size.png" "file://$tmp/status-$size.svg"
done
hfctl site build -o "$tmp/site" --today "$day" >/dev/null
shot 1280 1400 "$out/index.png" "file://$tmp/site/index.html"
shot 1280 1800 "$out/body-ssu.png" "file://$tmp/site/body-ssu.html"
shot 1280 1400 "$out/meeting-ssu.png" "file://$tmp/site/meeting-2026-09-17-ssu.html"
printed="" # the first A4 page of the printed agenda and minutes, as a printer gets them
if command -v pdftoppm >/dev/null 2>&1; then
  hfctl agenda 2026-12-10-ssu --format html --today "$day" > "$tmp/agenda.html"
  hfctl minutes 2026-09-17-ssu --format html --today "$day" > "$tmp/minutes.html"
  for doc in agenda minutes; do
    chromium --headless --no-sandbox --no-pdf-header-footer \
      --print-to-pdf="$tmp/$doc.pdf" "file://$tmp/$doc.html" 2>/dev/null
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/$doc.pdf" "$out/$doc-print"
    printed="$printed $out/$doc-print.png"
  done
fi
echo "wrote $out/status-80x24.png $out/status-120x40.png $out/index.png $out/body-ssu.png $out/meeting-ssu.png$printed"
