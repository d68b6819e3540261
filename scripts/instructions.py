#!/usr/bin/env python3
"""Instructions per record: what a change costs or saves, measured where wall time is too noisy.

Runs credconv under valgrind's callgrind (every instruction of every thread is counted, so the figure
barely moves from run to run, unlike wall time on a shared host) for N records and for 1 record of
the benchmark's generated credentials; the difference over N - 1 is the cost of one record, start-up
excluded. Prints it for:
  --jsonl -t ob3          (N records)
  --jsonl -t elm-xml      (N records)
  -f elm-xml -t ob3       (N/2 Europass XML files through --output-dir)
  start-up + one document (-t ob3 on samples/ob3-microcredential.json)

Usage: scripts/instructions.py [--binary PATH] [--count N]   (needs valgrind; about a minute)
The binary is copied without its debug information first (valgrind cannot read Swift's DWARF).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
import importlib.util

spec = importlib.util.spec_from_file_location("benchmark", os.path.join(HERE, "benchmark.py"))
benchmark = importlib.util.module_from_spec(spec)
spec.loader.exec_module(benchmark)


def instructions(command, stdin_path=None):
    """The instructions callgrind counted for one run of `command`."""
    with open(stdin_path or os.devnull, "rb") as stdin:
        run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command,
                             stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if not found:
        sys.exit("callgrind counted nothing for %s:\n%s" % (" ".join(command), run.stderr[-2000:]))
    return int(found.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "credconv"))
    ap.add_argument("--count", type=int, default=200)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    with tempfile.TemporaryDirectory(prefix="credconv-instructions-") as tmp:
        binary = os.path.join(tmp, "credconv")
        subprocess.run(["strip", "--strip-debug", "-o", binary, args.binary], check=True)
        many, one = os.path.join(tmp, "many.jsonl"), os.path.join(tmp, "one.jsonl")
        benchmark.generate(many, args.count)
        with open(many) as f, open(one, "w") as g:
            g.write(f.readline())
        files = max(args.count // 2, 2)
        xml_dir = os.path.join(tmp, "xml")
        os.mkdir(xml_dir)
        with open(many) as f:
            for i, line in enumerate(f):
                if i == files:
                    break
                out = subprocess.run([binary, "-t", "elm-xml"], input=line.encode(), capture_output=True, check=True)
                with open(os.path.join(xml_dir, "%05d.xml" % i), "wb") as x:
                    x.write(out.stdout)
        xml_files = sorted(os.path.join(xml_dir, n) for n in os.listdir(xml_dir))

        def per_record(command_for, inputs_many, inputs_one, n):
            return (instructions(*command_for(inputs_many)) - instructions(*command_for(inputs_one))) / (n - 1)

        def jsonl(target):
            return lambda path: ([binary, "--jsonl", "-t", target], path)

        def folder(paths):
            out = tempfile.mkdtemp(dir=tmp)
            return ([binary, "-t", "ob3", "--output-dir", out, "--force"] + paths, None)

        print("binary: %s; %d records, %d XML files; instructions (callgrind, all threads)" % (args.binary, args.count, files))
        print("--jsonl -t ob3          %9.0f per record" % per_record(jsonl("ob3"), many, one, args.count))
        print("--jsonl -t elm-xml      %9.0f per record" % per_record(jsonl("elm-xml"), many, one, args.count))
        print("-f elm-xml -t ob3       %9.0f per file" % per_record(lambda p: folder(p), xml_files, xml_files[:1], files))
        sample = os.path.join(ROOT, "samples", "ob3-microcredential.json")
        print("start-up + one document %9.0f" % instructions([binary, "-t", "ob3", sample]))


if __name__ == "__main__":
    main()
