#!/usr/bin/env python3
"""Checks an HTML certificate for executable content with Python's own HTML parser (an independent oracle).

Usage: html-safety-check.py FILE...
Fails (exit 1) when a page has: a script element other than one application/ld+json data block; an
on* event-handler attribute; a javascript:, vbscript: or data:text/html URL in href/src/action/formaction;
an iframe, object, embed, form, base or link element; an SVG image source; no Content-Security-Policy
meta element forbidding scripts; a data block containing "</script"; bidirectional override characters.
"""
import sys
from html.parser import HTMLParser

BAD_ELEMENTS = {"iframe", "object", "embed", "form", "base", "link", "frame", "frameset", "applet", "meta-refresh"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.scripts = 0
        self.in_script = False
        self.script_text = ""
        self.csp = False
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.in_svg += 1
        if tag == "script":
            self.scripts += 1
            if attrs.get("type") != "application/ld+json":
                self.problems.append(f"executable script element: {attrs}")
            self.in_script = True
            self.script_text = ""
        if tag in BAD_ELEMENTS:
            self.problems.append(f"element <{tag}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            content = attrs.get("content") or ""
            if "script-src 'none'" in content and "default-src 'none'" in content:
                self.csp = True
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        for name, value in attrs.items():
            if name.lower().startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            if name.lower() in URL_ATTRIBUTES and value is not None:
                v = "".join(value.split()).lower()
                if v.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg")):
                    self.problems.append(f"unsafe URL in {name} of <{tag}>: {value[:60]}")
        if tag == "img" and self.in_svg == 0:
            src = (attrs.get("src") or "").lower()
            if not (src.startswith("https://") or src.startswith("data:image/png;base64,") or src.startswith("data:image/jpeg;base64,")
                    or src.startswith("data:image/gif;base64,") or src.startswith("data:image/webp;base64,")):
                self.problems.append(f"image source not allowed: {src[:60]}")

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
        if tag == "script":
            self.in_script = False
            if "</script" in self.script_text.lower() or "<!--" in self.script_text:
                self.problems.append("data block could close the script element")

    def handle_data(self, data):
        if self.in_script:
            self.script_text += data
        if any(c in BIDI for c in data):
            self.problems.append("bidirectional override character in text")


def main():
    failures = 0
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        checker = Checker()
        checker.feed(text)
        checker.close()
        problems = list(checker.problems)
        if not checker.csp:
            problems.append("no Content-Security-Policy forbidding scripts")
        if checker.scripts > 1:
            problems.append(f"{checker.scripts} script elements")
        if any(c in BIDI for c in text):
            problems.append("bidirectional override character in the page")
        for p in problems:
            print(f"{path}: {p}")
        failures += 1 if problems else 0
    print(f"{len(sys.argv) - 1 - failures} passed, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
