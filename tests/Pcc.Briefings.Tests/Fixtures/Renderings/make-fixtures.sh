#!/usr/bin/env bash
# Renders the seed briefing (and a later version of it) in every format the readers take, from one source text.
# Needs: python3, LibreOffice Writer and Chromium (Debian: apt-get install libreoffice-writer-nogui chromium).
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
