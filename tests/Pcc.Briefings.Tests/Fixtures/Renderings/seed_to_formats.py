"""Turns a briefing's extracted text (as in seeds/) into the text, Markdown and HTML an editor would write.

Usage: seed_to_formats.py SOURCE.txt OUT_PREFIX SPLIT_AFTER
Writes OUT_PREFIX.txt (the source), .md (footnote glyphs kept as the source has them), .html (footnote glyphs as
numbered <sup> marks) and -print.html (the HTML styled for an A5 print; when SPLIT_AFTER is given, the paragraph
holding it continues on the next page right after it, as a paragraph running over a page break does).
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
