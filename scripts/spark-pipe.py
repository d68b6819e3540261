#!/usr/bin/env python3
"""Runs credconv over a JSON Lines file in Apache Spark (RDD.pipe), as the README's recipe does.

  spark-pipe.py INPUT.jsonl OUTPUT.jsonl --credconv PATH [--master local[2]] [--partitions N]
                [--check-code] -- CREDCONV_ARGUMENTS...

Each partition is piped through one credconv process (`credconv --jsonl ...`); the converted lines are
written in partition order into OUTPUT. credconv reports each failed record on its standard error
(numbered within its partition) and exits 65; RDD.pipe ignores the exit status unless --check-code, so
bad records do not fail the job (add --fail-fast and --check-code to make them fail it).
"""
import argparse
import os
import shutil
import sys
import tempfile

from pyspark import SparkConf, SparkContext


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--credconv", required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--check-code", action="store_true")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    arguments = argv[split + 1:]
    conf = (SparkConf().setMaster(args.master).setAppName("credconv").set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        command = " ".join([args.credconv, "--jsonl"] + arguments)
        converted = lines.pipe(command, checkCode=args.check_code)
        print(f"spark-pipe: {lines.getNumPartitions()} partitions", file=sys.stderr)
        parts = tempfile.mkdtemp()
        try:
            # Every partition at once on the workers; their part files, in partition order, are the output.
            converted.saveAsTextFile(os.path.join(parts, "out"))
            with open(args.output, "wb") as out:
                for name in sorted(os.listdir(os.path.join(parts, "out"))):
                    if name.startswith("part-"):
                        with open(os.path.join(parts, "out", name), "rb") as part:
                            shutil.copyfileobj(part, out)
        finally:
            shutil.rmtree(parts, ignore_errors=True)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
