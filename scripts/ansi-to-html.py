#!/usr/bin/env python3
"""Turns a terminal screen captured with escapes (`tmux capture-pane -e -p`) into one HTML page
that shows it as the terminal did: 24-bit and 256 colours, bold, italic, underline, reverse.
Standard library only. Usage: ansi-to-html.py SCREEN.ansi OUT.html [background]"""

import html
import re
import sys
import unicodedata

BASIC = ["#000000", "#aa0000", "#00aa00", "#aa5500", "#0000aa", "#aa00aa", "#00aaaa", "#aaaaaa",
         "#555555", "#ff5555", "#55ff55", "#ffff55", "#5555ff", "#ff55ff", "#55ffff", "#ffffff"]


def colour256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    grey = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (grey, grey, grey)


def apply(codes, state):
    codes = codes or [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.clear()
        elif c == 1:
            state["bold"] = True
        elif c == 3:
            state["italic"] = True
        elif c == 4:
            state["underline"] = True
        elif c == 7:
            state["reverse"] = True
        elif c == 22:
            state.pop("bold", None)
        elif c == 23:
            state.pop("italic", None)
        elif c == 24:
            state.pop("underline", None)
        elif c == 27:
            state.pop("reverse", None)
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                i += 4
            elif codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = colour256(codes[i + 2])
                i += 2
        elif c == 39:
            state.pop("fg", None)
        elif c == 49:
            state.pop("bg", None)
        elif 30 <= c <= 37:
            state["fg"] = BASIC[c - 30]
        elif 40 <= c <= 47:
            state["bg"] = BASIC[c - 40]
        elif 90 <= c <= 97:
            state["fg"] = BASIC[c - 90 + 8]
        elif 100 <= c <= 107:
            state["bg"] = BASIC[c - 100 + 8]
        i += 1


def style(state, background, foreground):
    fg, bg = state.get("fg", foreground), state.get("bg", background)
    if state.get("reverse"):
        fg, bg = bg, fg
    css = [f"color:{fg}", f"background:{bg}"]
    if state.get("bold"):
        css.append("font-weight:bold")
    if state.get("italic"):
        css.append("font-style:italic")
    if state.get("underline"):
        css.append("text-decoration:underline")
    return ";".join(css)


def cells(text):
    """The text escaped, each character outside ASCII in a box of its terminal width: fonts fall
    back to others for braille and box drawing, whose advances differ, and the lines would no
    longer line up as on the terminal."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(html.escape(ch))
        else:
            width = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
            out.append(f'<span class="c{width}">{html.escape(ch)}</span>')
    return "".join(out)


def main():
    source, target = sys.argv[1], sys.argv[2]
    background = sys.argv[3] if len(sys.argv) > 3 else "#ffffff"
    foreground = "#141414" if background.lower() in ("#ffffff", "#fff") else "#dcdfe4"
    text = open(source, encoding="utf-8", errors="replace").read()
    out, state = [], {}
    for line in text.split("\n"):
        parts = re.split(r"\x1b\[([0-9;]*)m", line)
        spans = []
        for index, part in enumerate(parts):
            if index % 2 == 1:
                apply([int(c) for c in part.split(";") if c != ""], state)
            elif part:
                spans.append(f'<span style="{style(state, background, foreground)}">{cells(part)}</span>')
        out.append("".join(spans))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{{margin:0;background:{background}}}
pre{{margin:0;padding:8px;font:16px/18px 'DejaVu Sans Mono',monospace;white-space:pre}}
.c1,.c2{{display:inline-block;overflow:visible;text-align:center}}.c1{{width:1ch}}.c2{{width:2ch}}
</style></head><body><pre>{chr(10).join(out)}</pre></body></html>"""
    open(target, "w", encoding="utf-8").write(page)


if __name__ == "__main__":
    main()
