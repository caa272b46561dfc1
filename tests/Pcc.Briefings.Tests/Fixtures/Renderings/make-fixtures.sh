#!/usr/bin/env bash
# Renders the seed briefing (and a later version of it) in every format the readers take, from one source text.
# Needs: python3, LibreOffice Writer and Chromium (Debian: apt-get install libreoffice-writer-nogui chromium).
# `make-fixtures.sh layouts` makes only the Chromium layouts (columns, sidebar, scans), which need no LibreOffice.
# The outputs are committed; the tests never run this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
work="$(mktemp -d /tmp/pcc-renderings.XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 "$here/seed_to_formats.py" "$repo/seeds/001_88da988782738298.txt" "$work/seed" ""
python3 "$here/seed_to_formats.py" "$repo/tests/Pcc.Briefings.Tests/Fixtures/briefing-v2.txt" "$work/later" "platforms for young people aged"

render() { # $1 = name
  # Word: LibreOffice opens the HTML as a Writer document (headings keep their styles, <sup> becomes superscript).
  soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" "$work/$1.html" --outdir "$work" >/dev/null
  # PDF by LibreOffice, from a Word document of the print version (its forced page break kept), in LibreOffice's default type.
  mkdir -p "$work/print" "$work/lo"
  soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" "$work/$1-print.html" --outdir "$work/print" >/dev/null
  soffice --headless --convert-to pdf:writer_pdf_Export "$work/print/$1-print.docx" --outdir "$work/lo" >/dev/null
  # PDF by Chromium: A5, a sans font, the browser's own running header (date, title) and footer (address, page number).
  chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$work/$1-chromium.pdf" "file://$work/$1-print.html" 2>/dev/null
}
LAYOUTS="columns2-serif columns3-landscape columns3-serif columns2-landscape sidebar"

layouts() { # $1 = name: each layout printed by Chromium with its running header and footer
  for layout in $LAYOUTS; do
    chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$work/$1-$layout.pdf" "file://$work/$1-$layout.html" 2>/dev/null
    cp "$work/$1-$layout.pdf" "$here/$1-$layout.pdf"
  done
}

scan() { # $1 = name, $2 = pages, $3 = page margin, $4 = extra print flag: screenshots of the two-column page, printed as images only
  local images=""
  for ((k = 0; k < $2; k++)); do
    # A scanner's grey, slightly skewed, slightly soft page.
    sed "s|</style>| html { filter: grayscale(1) contrast(0.85) blur(0.3px); } body { margin: 60px 56px; transform: translateY(-$((k * 1003))px) rotate(0.4deg); }</style>|" \
      "$work/$1-columns2-serif.html" > "$work/$1-scan-$k.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=0.75 --window-size=794,1123 \
      --screenshot="$work/$1-scan-$k.png" "file://$work/$1-scan-$k.html" 2>/dev/null
    images+="<img src=\"$1-scan-$k.png\">"
  done
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Scan</title><style>@page { size: A4; margin: %s 0; } body { margin: 0; } img { display: block; width: 210mm; height: calc(297mm - 2 * %s); }</style></head><body>%s</body></html>' "$3" "$3" "$images" > "$work/$1-scan.html"
  chromium --headless --no-sandbox --disable-gpu $4 --print-to-pdf="$work/$1-scan.pdf" "file://$work/$1-scan.html" 2>/dev/null
  cp "$work/$1-scan.pdf" "$here/$1-scan.pdf"
}

layouts seed
layouts later
scan seed 1 0 --no-pdf-header-footer  # nothing but the image
scan later 2 10mm ""                  # the browser's header and footer (in the margin) give each page text, as a scanner's stamp would
if [ "${1:-all}" = layouts ]; then
  ls -l "$here"
  exit 0
fi

render seed
render later

cp "$work/seed.txt" "$here/seed.txt"
cp "$work/seed.md" "$here/seed.md"
cp "$work/seed.html" "$here/seed.html"
cp "$work/seed.docx" "$here/seed.docx"
cp "$work/lo/seed-print.pdf" "$here/seed-libreoffice.pdf"
cp "$work/seed-chromium.pdf" "$here/seed-chromium.pdf"
cp "$work/later.txt" "$here/later.txt"
cp "$work/lo/later-print.pdf" "$here/later-libreoffice.pdf"
cp "$work/later-chromium.pdf" "$here/later-chromium.pdf"
ls -l "$here"
