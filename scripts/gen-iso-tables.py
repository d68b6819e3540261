#!/usr/bin/env python3
"""Regenerates Sources/CredentialModel/Vocabulary/ISOCodeTables.swift from pycountry (pip install pycountry)."""
import os
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "CredentialModel", "Vocabulary", "ISOCodeTables.swift")


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    countries = [(c.alpha_2, c.alpha_3, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    countries.append(("XK", "XKX", "Kosovo"))
    countries.sort()
    languages = sorted(
        (l.alpha_2, l.alpha_3, getattr(l, "bibliographic", None) or "", l.name)
        for l in pycountry.languages
        if hasattr(l, "alpha_2")
    )
    with open(OUT, "w") as f:
        f.write("// Generated from ISO 3166-1 and ISO 639 (pycountry data); regenerate with scripts/gen-iso-tables.py.\n")
        f.write("// Each row: alpha-2, alpha-3, English name.\n\n")
        f.write("enum ISOCodeTables {\n")
        f.write("    /// ISO 3166-1 countries (plus XK/XKX Kosovo, used by the EU authority table).\n")
        f.write("    static let countries: [(alpha2: String, alpha3: String, name: String)] = [\n")
        for a2, a3, n in countries:
            f.write(f"        ({q(a2)}, {q(a3)}, {q(n)}),\n")
        f.write("    ]\n\n")
        f.write("    /// ISO 639-1 languages with their ISO 639-2/T (= 639-3) code and, where it differs, the 639-2/B code.\n")
        f.write("    static let languages: [(alpha2: String, alpha3: String, bibliographic: String, name: String)] = [\n")
        for a2, a3, b, n in languages:
            f.write(f"        ({q(a2)}, {q(a3)}, {q(b)}, {q(n)}),\n")
        f.write("    ]\n}\n")


if __name__ == "__main__":
    main()
