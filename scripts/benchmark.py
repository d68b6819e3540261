#!/usr/bin/env python3
"""Throughput benchmark: credconv next to its peers, in one run, on the same input.

Generates N Open Badges 3.0 credentials of about 2 KB each as JSON Lines, then times
  credconv --jsonl -t ob3   (full read → model → write, release build)
  jq -c .                   (parse and re-serialise, the physical-limit reference)
  python3 json round trip   (json.loads + json.dumps per line)
and prints documents per second, MB/s and peak memory for each (median of --runs runs).

Usage: scripts/benchmark.py [--count N] [--runs R] [--binary PATH]
Build first: swift build -c release
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "credconv"))
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'swift build -c release' first")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "credentials.jsonl")
        generate(data, args.count)
        size = os.path.getsize(data)
        print(f"input: {args.count} OB 3.0 credentials, {size / args.count:.0f} bytes each, {size / 1e6:.1f} MB; median of {args.runs} runs")
        tools = [("credconv --jsonl -t ob3", [args.binary, "--jsonl", "-t", "ob3"])]
        if subprocess.run(["which", "jq"], capture_output=True).returncode == 0:
            tools.append(("jq -c .", ["jq", "-c", "."]))
        tools.append(("python3 json round trip", [sys.executable, "-c", PY_ROUND_TRIP]))
        print(f"{'tool':<28}{'seconds':>9}{'docs/s':>10}{'MB/s':>8}{'peak MB':>9}")
        results = {}
        for label, cmd in tools:
            t, peak = measure(cmd, data, args.runs)
            results[label] = args.count / t
            print(f"{label:<28}{t:>9.3f}{args.count / t:>10.0f}{size / 1e6 / t:>8.1f}{peak:>9.1f}")
        ours = results["credconv --jsonl -t ob3"]
        python = results["python3 json round trip"]
        verdict = "faster" if ours > python else "slower"
        print(f"credconv is {ours / python:.2f}x the Python json round trip ({verdict}), converting through the full model.")


if __name__ == "__main__":
    main()
