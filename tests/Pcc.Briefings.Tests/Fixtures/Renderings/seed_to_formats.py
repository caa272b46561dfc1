"""Turns a briefing's extracted text (as in seeds/) into the text, Markdown and HTML an editor would write.

Usage: seed_to_formats.py SOURCE.txt OUT_PREFIX SPLIT_AFTER
Writes OUT_PREFIX.txt (the source), .md (footnote glyphs kept as the source has them), .html (footnote glyphs as
numbered <sup> marks), -print.html (the HTML styled for an A5 print; when SPLIT_AFTER is given, the paragraph
holding it continues on the next page right after it, as a paragraph running over a page break does) and
-LAYOUT.html for each of LAYOUTS (columns, a boxed sidebar and pull quotes), printed as they are.
"""
import html
import re
import shutil
import sys

source, prefix, split_after = sys.argv[1], sys.argv[2], sys.argv[3]
TITLE = "Public Safety, Public Trust"
MARK = re.compile(r'(?<=[\w.,;:)’])(["”*®™]+)(?=[\s.,;:]|$)')

ICON = re.compile(r"^(@\w?@|@)\s+")  # icon glyphs a PDF's text extraction put before headings: "@g@ Building trust..."

def is_icon_line(line):
    return len(line.strip()) <= 3 and not any(c.isdigit() for c in line)  # "e &", "@g@": icons, not text

def blocks(text):
    current = []
    for raw in text.split("\n"):
        line = raw[:len(raw) - len(raw.lstrip())] + ICON.sub("", raw.strip())
        if line.strip() and is_icon_line(line):
            continue
        if not line.strip():
            if current:
                yield current
            current = []
            continue
        if current and line.startswith(" "):
            yield current
            current = []
        current.append(line.strip())
    if current:
        yield current

def is_heading(lines):
    text = lines[0]
    return len(lines) == 1 and len(text) < 80 and text[-1] not in ".,;:!?" and text[0].isupper() \
        and not text.lower().startswith("case study")

def join(lines):
    out = ""
    for line in lines:
        if out.endswith("-") and out[-2:-1].isalpha():
            out += line
        else:
            out += (" " if out else "") + line
    return out

items = []
for lines in blocks(open(source, encoding="utf-8").read()):
    if lines == [TITLE]:
        continue  # the running header the text extraction kept
    items.append(("h", lines[0]) if is_heading(lines) else ("p", join(lines)))

shutil.copyfile(source, prefix + ".txt")
with open(prefix + ".md", "w", encoding="utf-8") as md:
    md.write(f"# {TITLE}\n\n")
    for kind, text in items:
        md.write((f"## {text}" if kind == "h" else text.replace("*", "\\*")) + "\n\n")

counter = [0]
def sup(match):
    counter[0] += 1
    return f"<sup>{counter[0]}</sup>"

def body(split):
    counter[0] = 0
    out = [f"<h1>{TITLE}</h1>"]
    for kind, text in items:
        if kind == "h":
            out.append(f"<h2>{html.escape(text)}</h2>")
            continue
        escaped = MARK.sub(sup, html.escape(text, quote=False))
        if split and split in escaped:
            at = escaped.index(split) + len(split)
            out.append(f'<p style="margin-bottom: 0">{escaped[:at]}</p>'
                       f'<p style="page-break-before: always; break-before: page">{escaped[at:].lstrip()}</p>')
        else:
            out.append(f"<p>{escaped}</p>")
    return "\n".join(out)

head = f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{TITLE}</title>\n'
with open(prefix + ".html", "w", encoding="utf-8") as page:
    page.write(head + "</head>\n<body>\n" + body(None) + "\n</body>\n</html>\n")
style = ("<style>@page { size: A5; margin: 14mm 12mm; } body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }"
         " h1 { font-size: 18pt; } h2 { font-size: 13pt; } p { margin: 0 0 0.7em; }</style>\n")
with open(prefix + "-print.html", "w", encoding="utf-8") as page:
    page.write(head + style + "</head>\n<body>\n" + body(split_after or None) + "\n</body>\n</html>\n")

# Layouts a briefing is really typeset in, each printed by Chromium: columns (title spanning them), boxes, pull quotes.
BASE = "h1 { column-span: all; font-size: 20pt; margin: 0 0 0.6em; } h2 { break-after: avoid; text-align: left; } p { margin: 0 0 0.6em; orphans: 2; widows: 2; }"
LAYOUTS = {
    # A4 portrait, serif 10 pt, justified, two columns, no rule.
    "columns2-serif": "@page { size: A4; margin: 18mm 16mm; } body { font-family: 'DejaVu Serif', serif; font-size: 10pt;"
                      " columns: 2; column-gap: 8mm; text-align: justify; } h2 { font-size: 12.5pt; }",
    # A4 landscape, sans 9 pt, ragged, three columns with rules.
    "columns3-landscape": "@page { size: A4 landscape; margin: 14mm; } body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt;"
                          " columns: 3; column-gap: 9mm; column-rule: 0.6pt solid #666; text-align: left; } h2 { font-size: 11.5pt; }",
    # A4 portrait, serif 9 pt, justified, three columns with rules.
    "columns3-serif": "@page { size: A4; margin: 15mm 12mm; } body { font-family: 'Liberation Serif', serif; font-size: 9pt;"
                      " columns: 3; column-gap: 6mm; column-rule: 0.5pt solid #444; text-align: justify; } h2 { font-size: 11pt; }",
    # A4 landscape, sans 10 pt, ragged, two columns, no rule.
    "columns2-landscape": "@page { size: A4 landscape; margin: 16mm 18mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt;"
                          " columns: 2; column-gap: 14mm; text-align: left; } h2 { font-size: 13pt; }",
    # Two columns with a boxed "Key facts" sidebar and pull quotes that repeat a case study's words in a box.
    "sidebar": "@page { size: A4; margin: 18mm 16mm; } body { font-family: 'DejaVu Serif', serif; font-size: 10pt;"
               " columns: 2; column-gap: 8mm; text-align: left; } h2 { font-size: 12.5pt; }"
               " aside { break-inside: avoid; border: 1pt solid #335; background: #e8ecf4; padding: 3mm 4mm; margin: 0 0 0.8em;"
               " font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; } aside h3 { font-size: 10pt; margin: 0 0 0.4em; }"
               " aside ul { margin: 0; padding-left: 1.2em; }"
               " blockquote.pull { break-inside: avoid; border: 1.5pt solid #a33; margin: 0.4em 0 1em; padding: 3mm 4mm;"
               " font-size: 12.5pt; font-style: italic; color: #722; }",
}
FACTS = ('<aside><h3>Key facts</h3><ul><li>41 Police and Crime Commissioners in England and Wales</li>'
         '<li>20 case studies in seven themes</li><li>PCC elections were held in May 2021</li></ul></aside>')

def pull_quote(paragraph):
    sentence = re.sub(r"^Case study \d+: ", "", paragraph).split(". ")[0]
    words = MARK.sub("", sentence).split()
    return "<blockquote class=\"pull\">\u201c" + html.escape(" ".join(words[:18]), quote=False) + "\u2026\u201d</blockquote>"

def boxed(markup):
    out = []
    for line in markup.split("\n"):
        out.append(line)
        plain = re.sub(r"<[^>]+>", "", line)
        if plain.startswith("Case study 3:"):
            out.append(FACTS)
        elif plain.startswith("Case study 6:") or plain.startswith("Case study 12:"):
            out.append(pull_quote(html.unescape(plain)))
    return "\n".join(out)

for name, css in LAYOUTS.items():
    markup = body(None)
    with open(f"{prefix}-{name}.html", "w", encoding="utf-8") as page:
        page.write(head + f"<style>{BASE} {css}</style>\n</head>\n<body>\n" + (boxed(markup) if name == "sidebar" else markup) + "\n</body>\n</html>\n")
