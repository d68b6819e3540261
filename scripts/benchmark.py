#!/usr/bin/env python3
"""Throughput benchmark: credconv next to its peers, in one run, on the same generated input.

Generates N Open Badges 3.0 credentials of about 2 KB each as JSON Lines, then times, each the median of
--runs runs, and prints documents per second with the ratio to its peer and the issue's target:
  -t ob3              vs jq -c . and a Python json round trip (json.loads + json.dumps per line)
  -t elm-xml          vs Python + lxml mapping the same fields (scripts/peers/ob3_to_elm_xml.py)
  -f elm-xml -t ob3   vs Python lxml parse + json dump (scripts/peers/elm_xml_to_json.py), over files
  -t elm              and check --report json (one process per document), against the Python round trip
  one document        wall time of credconv -t ob3 on the sample vs jq's start on it
  peak RSS            of a stream of --rss-count records (and of 10,000), to show it stays flat
  1 vs 2 workers      -t ob3 pinned to one core (taskset) and free
Peers run as their authors would run them: one process. credconv uses the cores it is given.

Usage: scripts/benchmark.py [--count N] [--runs R] [--files F] [--rss-count M] [--binary PATH]
Build first: swift build -c release --static-swift-stdlib   (how credconv ships; the figures say which
build ran: with the Swift runtime in shared libraries each start costs some 8 ms more)
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORDS = ("data literacy public administration statistics machine learning teamwork leadership "
         "communication sustainability project management ethics privacy design research").split()


def credential(i, rng):
    name = " ".join(rng.choice(WORDS).capitalize() for _ in range(3))
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:{i:08d}-0000-4000-8000-{rng.randrange(16**12):012x}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {"id": f"https://issuer{i % 50}.example.edu/", "type": ["Profile"], "name": f"Example Institute {i % 50} für Bildung",
                   "url": f"https://issuer{i % 50}.example.edu/", "address": {"type": ["Address"], "addressCountryCode": rng.choice(["DE", "FR", "ES", "NL", "IE"])}},
        "validFrom": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00Z",
        "credentialSubject": {
            "id": f"did:example:learner{i}",
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": "sha256$" + "%064x" % rng.getrandbits(256),
                            "identityType": "emailAddress", "hashed": True, "salt": "s%d" % i}],
            "achievement": {
                "id": f"https://issuer{i % 50}.example.edu/achievements/{i % 200}",
                "type": ["Achievement"],
                "achievementType": "MicroCredential",
                "name": name,
                "description": " ".join(rng.choice(WORDS) for _ in range(40)) + " – “quoted” & <tagged>.",
                "criteria": {"narrative": " ".join(rng.choice(WORDS) for _ in range(30))},
                "creditsAvailable": rng.choice([1, 2.5, 5, 6]),
                "alignment": [{"type": ["Alignment"], "targetName": "EQF level %d" % (4 + i % 4),
                               "targetUrl": "http://data.europa.eu/snb/eqf/%d" % (4 + i % 4)}],
                "tag": rng.sample(WORDS, 3),
            },
            "result": [{"type": ["Result"], "value": str(rng.randrange(60, 100))}],
        },
    }


def generate(path, count):
    rng = random.Random(42)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps(credential(i, rng), ensure_ascii=False, separators=(",", ":")) + "\n")


PY_ROUND_TRIP = "import sys, json\nw = sys.stdout.write\nfor line in sys.stdin:\n    if line.strip(): w(json.dumps(json.loads(line), ensure_ascii=False, separators=(',', ':')) + '\\n')\n"


def run_once(cmd, input_path):
    """Seconds and peak MB of one run. stderr goes to a file, not a pipe: per-record warnings would fill
    a pipe and stall the process."""
    with open(input_path, "rb") as stdin, open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=stdin, stdout=devnull, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            sys.exit(f"{cmd[0]} failed: {err.read()[:500].decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024.0


def measure(cmd, input_path, runs):
    """The median seconds of `runs` runs, and the largest peak MB."""
    times, peaks = [], []
    for _ in range(runs):
        t, rss = run_once(cmd, input_path)
        times.append(t)
        peaks.append(rss)
    return statistics.median(times), max(peaks)


def stream_peak(binary, count):
    """Peak MB of credconv converting a stream of `count` generated records, fed by a generator process."""
    gen = subprocess.Popen([sys.executable, __file__, "--emit", str(count)], stdout=subprocess.PIPE)
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen([binary, "--jsonl", "-t", "ob3"], stdin=gen.stdout, stdout=devnull, stderr=err)
        gen.stdout.close()
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        gen.wait()
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            sys.exit(f"credconv failed on the stream: {err.read()[:500].decode(errors='replace')}")
    return usage.ru_maxrss / 1024.0, count / elapsed


def wall(cmd, runs=21):
    """Median wall seconds of a short command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(cmd, runs, stdin_path=None):
    """Median seconds of `runs` runs of a command that reads a file (or nothing) and writes nowhere."""
    times = []
    for _ in range(runs):
        with (open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb")) as stdin, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            r = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err)
            times.append(time.perf_counter() - start)
            if r.returncode not in (0, 1):
                err.seek(0)
                sys.exit(f"{cmd[0]} failed ({r.returncode}): {err.read()[:500].decode(errors='replace')}")
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", type=int, default=2000, help="documents for the per-file figures (-f elm-xml, check)")
    ap.add_argument("--rss-count", type=int, default=1000000)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "credconv"))
    ap.add_argument("--emit", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.emit is not None:
        rng = random.Random(42)
        out = sys.stdout
        for i in range(args.emit):
            out.write(json.dumps(credential(i, rng), ensure_ascii=False, separators=(",", ":")) + "\n")
        return
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'swift build -c release --static-swift-stdlib' first")
    binary = args.binary
    linked = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    runtime = "shared Swift runtime" if "libswiftCore" in linked else "static Swift runtime"
    has = lambda tool: subprocess.run(["which", tool], capture_output=True).returncode == 0
    try:
        import lxml  # noqa: F401
        has_lxml = True
    except ImportError:
        has_lxml = False
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "credentials.jsonl")
        generate(data, args.count)
        size = os.path.getsize(data)
        print(f"input: {args.count} OB 3.0 credentials, {size / args.count:.0f} bytes each, {size / 1e6:.1f} MB; "
              f"median of {args.runs} runs; {os.cpu_count()} cores; {binary} ({runtime})")
        print(f"{'what':<44}{'docs/s':>10}{'peer docs/s':>13}{'ratio':>8}{'target':>8}")
        verdicts = []

        def row(label, ours, peer=None, target=None):
            ratio = ours / peer if peer else None
            mark = "" if target is None or ratio is None else ("  ok" if ratio >= target else "  below")
            print(f"{label:<44}{ours:>10.0f}{(f'{peer:.0f}' if peer else '-'):>13}{(f'{ratio:.2f}x' if ratio else '-'):>8}"
                  f"{(f'{target}x' if target else '-'):>8}{mark}")
            if target is not None and ratio is not None:
                verdicts.append((label, ratio >= target))

        python = args.count / timed([sys.executable, "-c", PY_ROUND_TRIP], args.runs, data)
        ob3 = args.count / timed([binary, "--jsonl", "-t", "ob3"], args.runs, data)
        row("-t ob3 vs python json round trip", ob3, python, 2.5)
        if has("jq"):
            jq = args.count / timed(["jq", "-c", "."], args.runs, data)
            row("-t ob3 vs jq -c .", ob3, jq, 3)
        if has("taskset"):
            one = args.count / timed(["taskset", "-c", "0", binary, "--jsonl", "-t", "ob3"], args.runs, data)
            row("-t ob3, 2 workers vs 1 (taskset -c 0)", ob3, one)
        elm_xml = args.count / timed([binary, "--jsonl", "-t", "elm-xml"], args.runs, data)
        if has_lxml:
            lxml_map = args.count / timed([sys.executable, os.path.join(HERE, "peers", "ob3_to_elm_xml.py")], args.runs, data)
            row("-t elm-xml vs python + lxml mapping", elm_xml, lxml_map, 3)
        else:
            row("-t elm-xml (lxml missing: no peer)", elm_xml)
        elm = args.count / timed([binary, "--jsonl", "-t", "elm", "--page-image", "none"], args.runs, data)
        row("-t elm vs python json round trip", elm, python)

        # Per-file figures: the first --files credentials, one file each, as Europass XML.
        src, xml, out = (os.path.join(tmp, d) for d in ("src", "xml", "out"))
        for d in (src, xml, out):
            os.mkdir(d)
        with open(data, encoding="utf-8") as f:
            for i, line in zip(range(args.files), f):
                with open(os.path.join(src, f"c{i:06d}.json"), "w", encoding="utf-8") as g:
                    g.write(line)
        subprocess.run([binary, "-t", "elm-xml", "--quiet", "--output-dir", xml, src], check=True, stderr=subprocess.DEVNULL)
        xml_files = sorted(os.path.join(xml, n) for n in os.listdir(xml))
        from_xml = len(xml_files) / timed([binary, "-t", "ob3", "--quiet", "--force", "--output-dir", out, xml], args.runs)
        if has_lxml:
            peer = len(xml_files) / timed([sys.executable, os.path.join(HERE, "peers", "elm_xml_to_json.py"), out] + xml_files, args.runs)
            row("-f elm-xml -t ob3 (files) vs python lxml + json", from_xml, peer, 3)
        else:
            row("-f elm-xml -t ob3 (files; lxml missing)", from_xml)
        sample = os.path.join(ROOT, "samples", "ob3-microcredential.json")
        checks = min(100, args.files)
        names = sorted(os.listdir(src))[:checks]
        start = time.perf_counter()
        for n in names:
            subprocess.run([binary, "check", "--report", "json", os.path.join(src, n)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        row("check --report json (a process per document)", checks / (time.perf_counter() - start))

        one = wall([binary, "-t", "ob3", sample])
        print(f"{'one document (-t ob3 sample), wall':<44}{one * 1000:>9.1f} ms" + (f"   jq . on it: {wall(['jq', '.', sample]) * 1000:.1f} ms" if has("jq") else "")
              + f"   target 15 ms: {'ok' if one <= 0.015 else 'below'}")
        verdicts.append(("one document <= 15 ms", one <= 0.015))

        small, _ = stream_peak(binary, 10000)
        big, rate = stream_peak(binary, args.rss_count)
        flat = big <= 100 and big <= small * 1.5
        print(f"{'peak RSS, 10,000 vs ' + format(args.rss_count, ',') + ' records':<44}{small:>8.1f} MB{big:>9.1f} MB   ({rate:.0f} docs/s)"
              f"   target <= 100 MB and flat: {'ok' if flat else 'below'}")
        verdicts.append(("peak RSS flat <= 100 MB", flat))
        print("targets met: " + ", ".join(l for l, ok in verdicts if ok) + "; not met: " + (", ".join(l for l, ok in verdicts if not ok) or "none"))


if __name__ == "__main__":
    main()
