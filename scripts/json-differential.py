#!/usr/bin/env python3
"""Differential check of credconv's JSON parser against Python's json module (strict: control
characters in strings, duplicate keys, NaN/Infinity and numbers beyond double range such as 1e400
rejected, input decoded as strict UTF-8).
For every NAME.json in DIR, credconv's verdict is NAME.ours: absent when credconv rejected the input,
else credconv's compact re-serialisation of what it parsed. Both parsers must accept and reject the
same inputs, and what credconv parsed must be what Python parsed (compared as Python values).
Known, documented differences (credconv is stricter by design) are listed in STRICTER and counted, not
failed. Prints a summary; exits 1 on a disagreement. Usage: json-differential.py DIR"""
import json
import math
import os
import sys


class Rejected(Exception):
    pass


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Rejected("duplicate key")
    return dict(pairs)


def no_constants(name):
    raise Rejected("non-finite constant " + name)


def finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise Rejected("number beyond double range " + text)
    return value


def python_parse(data):
    try:
        text = data.decode("utf-8", errors="strict")
        return True, json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants, parse_float=finite_float)
    except (Rejected, ValueError, UnicodeDecodeError, RecursionError):
        return False, None


def has_lone_surrogate(value):
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(v) for v in value)
    return False


# Inputs Python accepts and credconv refuses on purpose.
STRICTER = {
    "lone surrogate escape (\\ud800 alone is no Unicode text)": has_lone_surrogate,
}


def main(directory):
    agree = disagree = 0
    stricter = {name: 0 for name in STRICTER}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(directory, name), "rb") as f:
            data = f.read()
        ours_path = os.path.join(directory, name[:-5] + ".ours")
        ours = None
        if os.path.exists(ours_path):
            with open(ours_path, "rb") as f:
                ours = f.read()
        python_ok, python_value = python_parse(data)
        if python_ok and ours is None:
            reason = next((r for r, test in STRICTER.items() if test(python_value)), None)
            if reason:
                stricter[reason] += 1
                continue
            disagree += 1
            print(f"{name}: Python accepts, credconv rejects: {data[:120]!r}")
        elif not python_ok and ours is not None:
            disagree += 1
            print(f"{name}: credconv accepts, Python rejects: {data[:120]!r}")
        elif python_ok:
            reparsed_ok, reparsed = python_parse(ours)
            same = reparsed_ok and reparsed == python_value
            if not same:
                disagree += 1
                print(f"{name}: parsed differently: input {data[:120]!r}, credconv wrote {ours[:120]!r}")
            else:
                agree += 1
        else:
            agree += 1
    print(f"{agree} agree, {disagree} disagree; credconv stricter by design: {stricter}")
    return 1 if disagree else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:]]
    if args[:1] == ["--reference"]:
        args = args[2:]
    sys.exit(main(args[0]))
