#!/usr/bin/env bash
# Builds and runs credconv's libFuzzer targets (Sources/Fuzz), with AddressSanitizer.
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      default: all, 30 seconds each
# Seeds come from samples/ and the reference folder ($CREDCONV_REFERENCE or ../shared/reference). A
# crash, a timeout or a memory blow-up stops the run with a minimised input in fuzz-artifacts/, which
# belongs under Tests/FuzzRegressions/ once fixed (swift test replays those through the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
target="${1:-all}"
seconds="${2:-30}"
targets=(FuzzJSONParser FuzzOB3 FuzzOB3JWT FuzzOB2 FuzzELMXML FuzzELM3 FuzzHTML FuzzPNG FuzzSVG FuzzModel FuzzDetect FuzzRoundTrip FuzzVerify FuzzJSONLD FuzzSDJWT)
[ "$target" = "all" ] || targets=("$target")
reference="${CREDCONV_REFERENCE:-../shared/reference}"
build=.build-fuzz
mkdir -p fuzz-artifacts "$build"

# One seed corpus for every target: each reader must refuse the others' inputs gracefully too.
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
seeds=$(find samples "$reference/openbadges" "$reference/europass" "$reference/eudi" "$reference/w3c-tests/json-ld-api/toRdf" Tests/FuzzRegressions -type f -size -64k 2>/dev/null \
  \( -name '*.json' -o -name '*.jsonld' -o -name '*.xml' -o -name '*.jwt' -o -name '*.html' -o -name '*.png' -o -name '*.svg' -o -name '*.sd-jwt' -o -name '*.input' \) || true)
for f in $seeds; do cp "$f" "$corpus/$(echo "$f" | md5sum | cut -c1-16)"; done
echo "== seed corpus: $(ls "$corpus" | wc -l) files"

for t in "${targets[@]}"; do
  echo "== $t: build"
  CREDCONV_FUZZ=1 swift build -c release --build-path "$build" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
    --product "$t" > "$build/fuzz-build.log" 2>&1 || { tail -n 30 "$build/fuzz-build.log"; exit 1; }
  grep -E "error|Build complete" "$build/fuzz-build.log" | tail -n 1 || true
  echo "== $t: built (${SECONDS}s into fuzzing); ${seconds}s"
  work="$(mktemp -d)"
  cp "$corpus"/* "$work"/ 2>/dev/null || true
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$build/release/$t" "$work" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="fuzz-artifacts/$t-" > "$build/fuzz-$t.log" 2>&1 && status=0 || status=$?
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|ERROR|SUMMARY|Test unit written|timeout|out-of-memory" "$build/fuzz-$t.log" | tail -n 6 || true
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    echo "fuzz target $t failed (status $status)"
    for artifact in fuzz-artifacts/"$t"-crash-* fuzz-artifacts/"$t"-timeout-* fuzz-artifacts/"$t"-oom-*; do
      [ -f "$artifact" ] || continue
      SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$build/release/$t" -minimize_crash=1 -runs=20000 -timeout=10 \
        -exact_artifact_path="$artifact.minimised" "$artifact" > "$build/fuzz-$t-minimise.log" 2>&1 || true
      echo "input: $artifact (minimised: $artifact.minimised)"
    done
    exit 1
  fi
done
echo "fuzzing passed"
